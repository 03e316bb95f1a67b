/**
 * The accompaniment forms by keyboard on a 360 px phone, in Spanish (issue 9): a person recorded
 * through the person form with a new family and the shelter where she stays, found by typing in the
 * shelter search and pressing Enter (which searches, and does not send the form around it); then a
 * hearing recorded through the hearing form, its person found the same way in the people search.
 * axe finds nothing serious on either form in Spanish or English. The saved pages show what was chosen; nothing names her in a title or an address; no console
 * error; no sideways scroll.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { apiCall, expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia de los formularios 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const PSEUDONYM = 'Lirio Sauce';
const SHELTER = 'Casa del Migrante Frontera';

let srv: ServerProcess;
let session: ApiSession;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let personPath = '';

const call = (method: string, path: string, body?: unknown) => apiCall(srv.url, session, method, path, body);

async function nameless(where: string): Promise<void> {
  expect(await page.title(), `${where}: title`).not.toContain(PSEUDONYM);
  expect(decodeURIComponent(page.url()), `${where}: url`).not.toContain(PSEUDONYM);
  const h = await hasHorizontalScroll(page);
  expect(h.overflow, `${where}: ${h.culprits.join(', ')}`).toBe(false);
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('accompaniment-forms', PASS, ADMIN));
  expect((await call('POST', '/api/v1/actors', { kind: 'organisation', pseudonym: SHELTER, state: 'MX-BCN', country: 'MX' })).status).toBe(201);
  expect((await call('POST', '/api/v1/actors', { kind: 'organisation', pseudonym: 'Red de Albergues del Norte', country: 'MX' })).status).toBe(201);
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
  await page.setViewportSize({ width: 360, height: 740 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('the person and hearing forms on a phone, by keyboard', () => {
  it('records a person with a new family and the shelter found by Enter in its search', async () => {
    await gotoInApp(page, '/accompaniment/people/new', '#f-pseudonym');
    await expectAccessibleInBothLanguages(page, 'person form');
    await page.fill('#f-pseudonym', PSEUDONYM);
    await page.check('#acc-family-new');
    await page.fill('#f-newFamily', 'Familia Sauce');
    await page.selectOption('#f-familyRole', 'head');
    await page.selectOption('#f-ageGroup', 'adult');

    // Enter in the shelter search searches: the form is not sent, and only the matching shelter is listed
    await page.focus('#acc-shelter-q');
    await page.keyboard.type('frontera');
    await page.keyboard.press('Enter');
    const pick = page.locator(`button:has-text("Elegir ${SHELTER}")`);
    await pick.waitFor();
    expect(page.url()).toContain('/accompaniment/people/new');
    expect(await page.locator('ul.acc-pick-list li').count()).toBe(1);
    await pick.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.acc-group strong:has-text("${SHELTER}")`);
    await nameless('person form');

    await page.locator('button[type="submit"]:has-text("Guardar")').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/accompaniment\/people\/[0-9a-f-]{36}$/);
    personPath = new URL(page.url()).pathname;
    await page.waitForSelector(`h1:has-text("${PSEUDONYM}")`);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Familia Sauce');
    expect(body).toContain(SHELTER);
    await nameless('person page');
  });

  it('records a hearing with the person found by Enter in the people search, and her page lists it', async () => {
    await gotoInApp(page, '/accompaniment/hearings/new', '#f-court');
    await page.waitForSelector('#f-court option[value="court-san-diego"]', { state: 'attached' });
    await expectAccessibleInBothLanguages(page, 'hearing form');
    await page.selectOption('#f-court', 'court-san-diego');
    await page.fill('#f-startsLocal', '2027-02-10');
    await page.fill('#f-startsLocal-time', '08:30');
    await page.selectOption('#f-kind', 'master_calendar');
    await page.selectOption('#f-presentPlace', 'poe-san-ysidro');
    await page.fill('#f-presentLocal', '2027-02-10');
    await page.fill('#f-presentLocal-time', '04:00');

    await page.focus('#f-people-q');
    await page.keyboard.type('sauce');
    await page.keyboard.press('Enter');
    const add = page.locator(`button:has-text("Añadir ${PSEUDONYM} (ACP-0001)")`);
    await add.waitFor();
    expect(page.url()).toContain('/accompaniment/hearings/new');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`button:has-text("Añadir ${PSEUDONYM} (ACP-0001)")[disabled]`);
    await nameless('hearing form');

    await page.locator('button[type="submit"]:has-text("Guardar audiencia")').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/accompaniment\/hearings\/[0-9a-f-]{36}$/);
    await page.waitForSelector(`main :text("${PSEUDONYM}")`);
    expect(await page.locator('main').innerText()).toContain('ACP-0001');
    await nameless('hearing page');

    await gotoInApp(page, personPath, `h1:has-text("${PSEUDONYM}")`);
    await page.waitForSelector('main :text("HRG-0001")');
    expect(rec.errors).toEqual([]);
  });
});
