/**
 * Risk assessment in Debian's Chromium against the real `bitacora serve`: a defender detained
 * (serious: the page asks for a first assessment), assessed by the admin through the form (a
 * missing rating refused in place), the factors shown only when asked for, a death threat recorded
 * afterwards (the page and the list of re-assessments due ask again), a second version started from
 * the first, the history; Spanish and English, axe on every screen, 360 px, no console error.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage } from './helpers.js';

const PASS = 'frase de custodia de riesgo 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: { cookie: string; csrf: string };
let defender = '';
const incidents: { id: string; ref: string }[] = [];

async function record(title: string, act: string, victim: { pseudonym: string } | { actorId: string }): Promise<void> {
  const body = {
    title, date: { start: '2026-03-10' }, place: { precision: 'state', country: 'MX', state: 'MX-COA' },
    victims: [{ key: 'v', ...('actorId' in victim ? { actorId: victim.actorId } : { actor: { kind: 'person', pseudonym: victim.pseudonym } }) }],
    acts: [{ kind: act, victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  };
  const r = await fetch(`${srv.url}/api/v1/incidents`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).toBe(201);
  const c = (await r.json()) as { id: string; ref: string; victims: { actorId: string }[] };
  incidents.push({ id: c.id, ref: c.ref });
  defender ||= c.victims[0]!.actorId;
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('risk', PASS, ADMIN));
  await record('Detención de la defensora', 'detention.arrest', { pseudonym: 'Defensora Luna' });
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const factor = (kind: string, i: number, field: string) => `#f-${kind}-${i}-${field}`;

describe('risk assessment', () => {
  it('asks for a first assessment after a serious incident, takes one through the form, and shows the factors only when asked', async () => {
    await gotoInApp(page, `/people/${defender}`, '#risk-h');
    const panel = page.locator('section.risk');
    await panel.locator('.alert-warning').waitFor();
    expect(await panel.locator('.alert-warning p').first().innerText()).toBe('Hubo un incidente grave y nunca se ha evaluado el riesgo.');
    expect(await panel.locator(`.alert-warning a[href="/incidents/${incidents[0]!.id}"]`).innerText()).toContain(incidents[0]!.ref);
    await expectAccessibleInBothLanguages(page, 'risk panel, never assessed');

    await panel.locator('a:has-text("Evaluar el riesgo")').click();
    await page.waitForSelector(factor('threats', 0, 'description'));
    expect(page.url()).toBe(`${srv.url}/people/${defender}/risk`);
    await page.fill(factor('threats', 0, 'description'), 'Policías estatales rondan su casa');
    await page.fill(factor('threats', 0, 'evidence'), 'Vecinos los vieron tres noches');
    await page.check(`${factor('threats', 0, 'incidents')}-${incidents[0]!.id}`);
    await page.fill(factor('vulnerabilities', 0, 'description'), 'Vive sola');
    await page.selectOption(factor('vulnerabilities', 0, 'level'), '3');
    await page.fill(factor('capacities', 0, 'description'), 'Red de acompañamiento');
    await page.selectOption(factor('capacities', 0, 'level'), '3');
    // the threat has no rating yet: refused in place, nothing sent
    await page.click('form.risk-form button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.locator(`${factor('threats', 0, 'level')}-err`).innerText()).toBe('Falta este dato.');
    await page.selectOption(factor('threats', 0, 'level'), '5');
    await page.fill('#f-summary', 'Acompañamiento nocturno');
    await expectAccessibleInBothLanguages(page, 'risk form');
    await page.setViewportSize({ width: 360, height: 740 });
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('form.risk-form button[type=submit]');

    // back on the profile: 5 × 3 ÷ 3 = 5, high; nothing due any more; the factors behind a button
    await page.waitForURL(`${srv.url}/people/${defender}`);
    await page.waitForSelector('section.risk .risk-latest');
    expect(await page.locator('section.risk .risk-latest .risk-badge').innerText()).toContain('Riesgo alto · 5');
    expect(await page.locator('section.risk .alert-warning').count()).toBe(0);
    expect(await page.locator('section.risk').innerText()).not.toContain('Policías estatales');
    await page.click('section.risk button:has-text("Ver la evaluación")');
    await page.waitForSelector('#risk-detail-h');
    const detail = await page.locator('.risk-detail').innerText();
    expect(detail).toContain('Amenaza 5 × vulnerabilidad 3 ÷ capacidad 3 = 5');
    expect(detail).toContain('Policías estatales rondan su casa');
    expect(detail).toContain('Nivel 5 de 5');
    expect(detail).toContain('Acompañamiento nocturno');
    expect(await page.locator(`.risk-detail a[href="/incidents/${incidents[0]!.id}"]`).count()).toBe(1);
    await expectAccessibleInBothLanguages(page, 'risk assessment shown');
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('#risk-h').innerText()).toBe('Risk assessment');
    expect(await page.locator('.risk-detail').innerText()).toContain('Threat 5 × vulnerability 3 ÷ capacity 3 = 5');
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
  });

  it('asks again after a death threat recorded since, lists it as due, and keeps both versions', async () => {
    await record('Amenaza de muerte', 'threat.death', { actorId: defender });
    await gotoInApp(page, '/incidents', 'main h1');
    await page.click('nav a[href="/risk"]');
    await page.waitForSelector('main .cards, main p.muted');
    expect(await page.locator('h1').innerText()).toBe('Reevaluaciones pendientes');
    const card = page.locator('main .cards li');
    expect(await card.count()).toBe(1);
    expect(await card.innerText()).toContain('Defensora Luna');
    expect(await card.innerText()).toContain('Se registró un incidente grave después de la última evaluación');
    await expectAccessibleInBothLanguages(page, 'risk due list');

    await card.locator(`a[href="/people/${defender}"]`).click();
    await page.waitForSelector('section.risk .alert-warning');
    await page.click('section.risk .alert-warning a:has-text("Nueva evaluación")');
    await page.waitForSelector(factor('threats', 0, 'description'));
    // starts from the latest version
    expect(await page.inputValue(factor('threats', 0, 'description'))).toBe('Policías estatales rondan su casa');
    await page.click('button:has-text("Añadir una amenaza")');
    await page.fill(factor('threats', 1, 'description'), 'Amenaza de muerte por teléfono');
    await page.selectOption(factor('threats', 1, 'level'), '5');
    await page.check(`${factor('threats', 1, 'incidents')}-${incidents[1]!.id}`);
    await page.click(`${factor('capacities', 0, 'description')} >> xpath=ancestor::div[contains(@class,"risk-factor")]//button[contains(., "Quitar")]`);
    await page.click('form.risk-form button[type=submit]');
    await page.waitForURL(`${srv.url}/people/${defender}`);
    await page.waitForSelector('section.risk .risk-history');
    // no capacity left: C = 1, 5 × 3 ÷ 1 = 15, critical
    expect(await page.locator('section.risk .risk-latest .risk-badge').innerText()).toContain('Riesgo crítico · 15');
    expect(await page.locator('section.risk .risk-history li').count()).toBe(2);
    await page.click('section.risk .risk-history button:has-text("Ver la versión 1")');
    await page.waitForSelector('#risk-detail-h:has-text("Versión 1 (anterior)")');
    expect(await page.locator('.risk-detail').innerText()).toContain('Red de acompañamiento');
    await expectAccessibleInBothLanguages(page, 'risk history');

    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
