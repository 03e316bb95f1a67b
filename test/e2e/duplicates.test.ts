/**
 * Duplicates in Debian's Chromium against the real `bitacora serve`: one detention recorded twice
 * (another title, the same day and town, the same victim's pseudonym, each with its own source) and
 * a third event the same day in the same town. The period page lists the three pairs and forgets one
 * said not to be the same; the incident's page suggests the other record with its reasons side by
 * side, forgets the third, and merges after a confirmation that says what moves: one incident then
 * holds both sources, the other's page says which incident it went into and keeps its history.
 * Spanish and English, axe on every screen, 360 px, no console error but the merged record's 404.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage } from './helpers.js';

const PASS = 'frase de custodia de duplicados 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: { cookie: string; csrf: string };
const inc: Record<'a' | 'b' | 'c', { id: string; ref: string }> = { a: { id: '', ref: '' }, b: { id: '', ref: '' }, c: { id: '', ref: '' } };

async function record(key: 'a' | 'b' | 'c', title: string, pseudonym: string, source: string): Promise<void> {
  const body = {
    title, date: { start: '2026-03-10' }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' },
    victims: [{ key: 'v', actor: { kind: 'person', pseudonym } }],
    acts: [{ kind: 'detention.arrest', victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
    sources: [{ kind: 'witness', pseudonym: source, testimony: `Lo que contó ${source}`, consent: { internal_analysis: 'given' } }],
  };
  const r = await fetch(`${srv.url}/api/v1/incidents`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).toBe(201);
  inc[key] = (await r.json()) as { id: string; ref: string };
}

async function fits360(what: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  const h = await hasHorizontalScroll(page);
  expect(h.overflow, `${what}: ${h.culprits.join(', ')}`).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('duplicates', PASS, ADMIN));
  await record('a', 'Detienen al coordinador del albergue', 'Coordinador Sol', 'Fuente de la casa');
  await record('b', 'INM se lleva a un defensor en Tapachula', 'Coordinador Sol', 'Fuente de la red');
  await record('c', 'Robo de documentos a una familia', 'Familia Pérez', 'Fuente del comedor');
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const pairCard = (x: { ref: string }, y: { ref: string }) => page.locator(`.dup-results .dup-card:has(h3:text-is("${x.ref} y ${y.ref}")), .dup-results .dup-card:has(h3:text-is("${y.ref} y ${x.ref}"))`);

async function searchMarch(): Promise<void> {
  await page.fill('#f-from', '2026');
  await page.selectOption('#f-from-m', '03');
  await page.fill('#f-to', '2026');
  await page.selectOption('#f-to-m', '03');
  await page.click('form.dup-form button[type=submit]');
  await page.waitForSelector('#dup-results-h');
}

describe('duplicates', () => {
  it('lists a period\'s likely duplicates and forgets a pair said not to be the same', async () => {
    await gotoInApp(page, '/incidents', 'main h1');
    await page.click('nav a[href="/duplicates"]');
    await page.waitForSelector('form.dup-form');
    expect(await page.locator('h1').innerText()).toBe('Posibles duplicados');
    await searchMarch();
    expect(await page.locator('#dup-results-h').innerText()).toBe('3 posibles duplicados');
    const ab = pairCard(inc.a, inc.b);
    expect(await ab.locator('.dup-reasons').innerText()).toContain('Mismo seudónimo: Coordinador Sol');
    expect(await ab.locator('.dup-reasons').innerText()).toContain('Misma localidad');
    expect(await ab.locator('table.dup-compare').innerText()).toContain('INM se lleva a un defensor en Tapachula');
    await expectAccessibleInBothLanguages(page, 'duplicates page');
    await fits360('duplicates page');

    await pairCard(inc.b, inc.c).locator('button:has-text("No es un duplicado")').click();
    await page.waitForSelector(`.alert:has-text("no se volverán a sugerir")`);
    await page.waitForSelector('#dup-results-h:has-text("2 posibles duplicados")');
    expect(await pairCard(inc.b, inc.c).count()).toBe(0);
  });

  it('suggests the other record on the incident\'s page, side by side with its reasons, and merges it after saying what moves', async () => {
    await gotoInApp(page, `/incidents/${inc.a.id}`, 'section.duplicates .dup-card');
    const cards = page.locator('section.duplicates .dup-card');
    expect(await cards.count()).toBe(2);
    const b = cards.first();
    expect(await b.locator('h3').innerText()).toBe(`${inc.b.ref} — INM se lleva a un defensor en Tapachula`);
    const reasons = await b.locator('.dup-reasons').innerText();
    expect(reasons).toContain('Las fechas coinciden');
    expect(reasons).toContain('Misma localidad');
    expect(reasons).toContain('Mismo seudónimo: Coordinador Sol');
    const table = await b.locator('table.dup-compare').innerText();
    expect(table).toContain(inc.a.ref);
    expect(table).toContain('Detienen al coordinador del albergue');
    await expectAccessibleInBothLanguages(page, 'incident page with likely duplicates');
    await fits360('incident page with likely duplicates');

    // the third event is not the same: forgotten on this page
    await cards.nth(1).locator('button:has-text("No es un duplicado")').click();
    await page.waitForSelector(`section.duplicates .alert:has-text("${inc.c.ref} no se volverá a sugerir")`);
    expect(await cards.count()).toBe(1);

    await b.locator(`button:has-text("Unir ${inc.b.ref} en este incidente")`).click();
    const confirm = page.locator('.dup-confirm');
    await confirm.waitFor();
    const said = await confirm.innerText();
    expect(said).toContain(`¿Unir ${inc.b.ref} en ${inc.a.ref}?`);
    expect(said).toContain('1 fuente (testimonio y consentimiento tal como están)');
    expect(said).toContain('1 acto con sus responsables');
    expect(said).toContain('Esto no se puede deshacer.');
    await expectAccessibleInBothLanguages(page, 'merge confirmation');
    await fits360('merge confirmation');
    await confirm.locator(`button:has-text("Unir ${inc.b.ref} en ${inc.a.ref}")`).click();
    await page.waitForSelector(`section.duplicates .alert:has-text("${inc.b.ref} se unió a este incidente.")`);

    // one incident holding both sources
    await page.waitForSelector('.details-block .card-title:has-text("Fuente de la red")');
    const sources = await page.locator('.details-block .card-title').allInnerTexts();
    expect(sources.filter((s) => s.includes('Fuente de la casa') || s.includes('Fuente de la red'))).toHaveLength(2);
    // the section reloads its suggestions after the merge: wait until it has, then read it
    await page.waitForSelector(`section.duplicates:has-text("Incluye los incidentes unidos: ${inc.b.ref}")`);
    await page.waitForSelector('section.duplicates :text("Buscando posibles duplicados…")', { state: 'detached' });
    expect(await page.locator('section.duplicates').innerText()).toContain(`Incluye los incidentes unidos: ${inc.b.ref}`);
    expect(await page.locator('section.duplicates .dup-card').count()).toBe(0);
  });

  it('says on the other record\'s page which incident it went into, and keeps its history', async () => {
    const before = rec.errors.length;
    await gotoInApp(page, `/incidents/${inc.b.id}`, '.merged-notice');
    const notice = await page.locator('.merged-notice .alert').innerText();
    expect(notice).toContain(`${inc.b.ref} se unió a otro incidente el`);
    expect(notice).toContain(`${inc.a.ref} — Detienen al coordinador del albergue`);
    expect(await page.locator('.merged-notice .revisions').innerText()).toContain(`Se unió a: ${inc.a.ref}`);
    // the notice takes the place of "not found"
    expect(await page.locator('.alert-error').count()).toBe(0);
    await expectAccessibleInBothLanguages(page, 'merged incident page');
    await fits360('merged incident page');
    // the record itself answers 404 (it is out of every list): the only console error of this file
    expect(rec.errors.slice(before).every((e) => e.startsWith('Failed to load resource: the server responded with a status of 404'))).toBe(true);
    const unexpected = rec.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404'));
    expect(unexpected).toEqual([]);

    await page.click(`.merged-notice a[href="/incidents/${inc.a.id}"]`);
    await page.waitForSelector('section.duplicates');
    expect(await page.locator('h1').innerText()).toBe('Detienen al coordinador del albergue');

    await gotoInApp(page, '/duplicates', 'form.dup-form');
    await searchMarch();
    expect(await page.locator('#dup-results-h').innerText()).toBe('No se encontraron posibles duplicados');
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
