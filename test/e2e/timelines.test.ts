/**
 * Timelines in Debian's Chromium against the real `bitacora serve`, on a small known dataset
 * recorded through the API: a shelter in Coahuila with four incidents (a month, an approximate
 * year, a day, no date), an urgent appeal and two protection measures; 27 incidents in Sonora to page
 * through. The shelter's timeline (years, counts, dates as recorded, oldest first) and the timeline of
 * a state (counts per year, incidents by date, "load more"), in Spanish and English, axe in both,
 * 360 px, the place never in the URL or the page title, no console error, nothing off 127.0.0.1.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, tabTo } from './helpers.js';

const PASS = 'frase de custodia de cronologías 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: { cookie: string; csrf: string };
let shelter = '';

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as T;
}

const incident = (title: string, date: object | undefined, state: string, act: string, victim: object, extra: object = {}) => ({
  title, ...(date ? { date } : {}), place: { precision: 'state', country: 'MX', state },
  victims: [{ key: 'v', ...victim }], acts: [{ kind: act, victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }], ...extra,
});

const texts = (sel: string) => page.locator(sel).allInnerTexts();

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('timelines', PASS, ADMIN));

  shelter = (await post<{ id: string }>('/api/v1/actors', {
    kind: 'organisation', pseudonym: 'Casa del Migrante Norte', state: 'MX-COA', country: 'MX',
    protectionMeasures: [{ kind: 'iachr_precautionary', status: 'granted_active', granted: '2020-03', expires: '2023-03' }, { kind: 'federal_mechanism', status: 'requested' }],
  })).id;
  const s = { actorId: shelter };
  await post('/api/v1/incidents', incident('Amenaza por teléfono al albergue', { start: '2019-07' }, 'MX-COA', 'threat.phone', s, { interventions: [{ kind: 'urgent_appeal', date: '2019-08-02', outcome: 'no_response', followUp: 'open' }] }));
  await post('/api/v1/incidents', incident('Irrupción en el albergue', { start: '2019', approximate: true }, 'MX-COA', 'shelter_entry.raid', s));
  await post('/api/v1/incidents', incident('Vigilancia frente al albergue', { start: '2021-05-10' }, 'MX-COA', 'surveillance.home', s));
  await post('/api/v1/incidents', incident('Hostigamiento sin fecha', undefined, 'MX-COA', 'harassment', s));
  for (let d = 1; d <= 27; d++) await post('/api/v1/incidents', incident(`Detención en Sonora ${d}`, { start: `2018-01-${String(d).padStart(2, '0')}` }, 'MX-SON', 'detention.arrest', { actor: { kind: 'person', pseudonym: `Persona ${d}` } }));

  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function fits360(name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, name);
  const h = await hasHorizontalScroll(page);
  expect(h.overflow, h.culprits.join(', ')).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('timelines', () => {
  it("shows a shelter's timeline by year, newest first, then oldest first, in Spanish and English", async () => {
    await gotoInApp(page, `/people/${shelter}`, `a[href="/people/${shelter}/timeline"]`);
    await page.click(`a[href="/people/${shelter}/timeline"]`);
    await page.waitForSelector('.tl-years');
    expect(page.url()).toBe(`${srv.url}/people/${shelter}/timeline`);
    expect(await page.locator('h1').innerText()).toBe('Cronología: Casa del Migrante Norte');
    expect(await page.title()).not.toContain('Casa del Migrante');
    expect(await page.locator('.tl-summary').innerText()).toBe('7 entradas: 4 incidentes, 1 intervención, 2 medidas de protección.');
    expect(await texts('.tl-year > h2')).toEqual(['2021: 1 entrada', '2020: 1 entrada', '2019: 3 entradas', 'Sin fecha: 2 entradas']);
    const y2019 = page.locator('.tl-year').nth(2);
    expect(await y2019.locator('.hint').innerText()).toBe('2 incidentes, 1 intervención.');
    expect(await y2019.locator('.tl-kind').allInnerTexts()).toEqual(['Intervención · 2 de agosto de 2019', 'Incidente · julio de 2019', 'Incidente · aprox. 2019']);
    expect(await y2019.locator('time[datetime="2019-07"]').innerText()).toBe('julio de 2019');
    expect(await y2019.locator('.tl-intervention').innerText()).toContain('Resultado: ');
    expect(await y2019.locator('.tl-incident').first().locator('ul.chips').getAttribute('aria-label')).toBe('Actos contra esta persona u organización');
    expect(await page.locator('.tl-measure').first().innerText()).toContain('Otorgada: marzo de 2020');
    expect(await page.locator('[aria-pressed=true]').innerText()).toBe('Más recientes primero');

    // by keyboard alone
    await tabTo(page, 'button:has-text("Más antiguos primero")');
    await page.keyboard.press('Enter');
    expect(await texts('.tl-year > h2')).toEqual(['2019: 3 entradas', '2020: 1 entrada', '2021: 1 entrada', 'Sin fecha: 2 entradas']);
    expect(await page.locator('.tl-year').first().locator('.tl-kind').first().innerText()).toBe('Incidente · aprox. 2019');
    expect(await page.locator('[aria-pressed=true]').innerText()).toBe('Más antiguos primero');

    await expectAccessibleInBothLanguages(page, 'actor timeline');
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('h1').innerText()).toBe('Timeline: Casa del Migrante Norte');
    expect(await texts('.tl-year > h2')).toEqual(['2019: 3 entries', '2020: 1 entry', '2021: 1 entry', 'No date: 2 entries']);
    expect(await page.locator('.tl-year').first().locator('.tl-kind').allInnerTexts()).toEqual(['Incident · about 2019', 'Incident · July 2019', 'Intervention · August 2, 2019']);
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
    await fits360('timeline-actor');

    // an incident from the timeline
    await page.click('.tl-incident a:has-text("Vigilancia frente al albergue")');
    await page.waitForSelector('main h1:has-text("Vigilancia frente al albergue")');
  });

  it("shows a state's timeline: counts per year and the incidents by date, a page at a time, the place never in the URL", async () => {
    await page.click('nav a[href="/timeline/place"]');
    await page.waitForSelector('#tl-country');
    expect(await page.locator('h1').innerText()).toBe('Cronología de un lugar');
    await page.selectOption('#tl-country', 'MX');
    await page.selectOption('#tl-state', 'MX-COA');
    await page.click('form.tl-place-form button[type=submit]');
    await page.waitForSelector('section[aria-busy=false] .tl-years');
    expect(page.url()).toBe(`${srv.url}/timeline/place`);
    expect(await page.title()).not.toContain('Coahuila');
    expect(await page.locator('.tl-summary').innerText()).toBe('Lugar: Coahuila, México');
    expect(await texts('.tl-counts tbody th')).toEqual(['2021', '2020', '2019']);
    expect(await texts('.tl-counts tbody td')).toEqual(['1', '0', '2']);
    expect(await texts('.tl-year > h3')).toEqual(['2021: 1 incidente', '2019: 2 incidentes', 'Sin fecha: 1 incidente']);
    expect(await page.locator('.dash-status').innerText()).toBe('Se muestran 4 de 4 incidentes.');
    expect(await page.locator('button:has-text("Cargar más")').count()).toBe(0);

    // Sonora: 27 incidents, 25 at a time
    await page.selectOption('#tl-state', 'MX-SON');
    await page.click('form.tl-place-form button[type=submit]');
    await page.waitForSelector('.dash-status:has-text("25 de 27")');
    expect(await page.locator('.tl-incident').count()).toBe(25);
    expect(await texts('.tl-year > h3')).toEqual(['2018: 27 incidentes']);
    expect(await page.locator('.tl-incident h4').first().innerText()).toBe('Detención en Sonora 27');
    await page.click('button:has-text("Cargar más")');
    await page.waitForSelector('.dash-status:has-text("27 de 27")');
    expect(await page.locator('.tl-incident').count()).toBe(27);
    expect(await page.locator('.tl-incident h4').last().innerText()).toBe('Detención en Sonora 1');
    expect(await page.locator('button:has-text("Cargar más")').count()).toBe(0);

    await page.click('button:has-text("Más antiguos primero")');
    await page.waitForSelector('.dash-status:has-text("25 de 27")');
    expect(await page.locator('.tl-incident h4').first().innerText()).toBe('Detención en Sonora 1');
    expect(page.url()).toBe(`${srv.url}/timeline/place`);

    await expectAccessibleInBothLanguages(page, 'place timeline');
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('h1').innerText()).toBe('Timeline of a place');
    expect(await page.locator('.tl-summary').innerText()).toBe('Place: Sonora, Mexico');
    expect(await page.locator('.dash-status').innerText()).toBe('Showing 25 of 27 incidents.');
    expect(await texts('.tl-year > h3')).toEqual(['2018: 27 incidents']);
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
    await fits360('timeline-place');

    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
    expect(rec.requests.some((u) => /MX-|Coahuila|Sonora/.test(u))).toBe(false);
  });
});
