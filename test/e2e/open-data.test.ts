/**
 * Open data in Debian's Chromium against the real `bitacora serve`: six threats in Saltillo
 * (public after review, a marker in every identifying field) and a restricted incident, recorded
 * through the API. The page explains what is removed; incidents.csv, victims.csv and places.geojson
 * are downloaded in Spanish and in English (one with the keyboard) and their content checked; an
 * admin changes k (a bad value refused in place); axe in both languages, 360 px, no console error
 * but the one 400 provoked on purpose, nothing asked of another origin.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { type ApiSession, expectAccessibleInBothLanguages, hasHorizontalScroll, provokedErrors, servedWorkspace, shot, signedInPage } from './helpers.js';

const PASS = 'frase de custodia de datos abiertos 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const MARK = 'QZOPENDATA';

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;

async function record(session: { cookie: string; csrf: string }, n: number, confidentiality = 'public_after_review'): Promise<void> {
  const body = {
    title: `Amenaza ${MARK}title${n}`, summary: `${MARK}summary${n}`, date: { start: `2024-03-${String(n + 1).padStart(2, '0')}` }, confidentiality,
    place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 25.4321, lon: -100.9876, address: `${MARK}address${n}` } },
    victims: [{ key: 'v', actor: { kind: 'person', pseudonym: `${MARK}pseudonym${n}`, realName: `${MARK}name${n}`, contact: `${MARK}contact${n}`, genderIdentity: 'woman', role: 'lawyer' } }],
    acts: [{ kind: 'threat.phone', victimKey: 'v', perpetrators: [{ perpetrator: confidentiality === 'restricted' ? 'state.gt.pnc' : 'state.mx.inm', identifiedIndividuals: `${MARK}officer${n}` }] }],
    sources: [{ kind: 'victim', testimony: `${MARK}testimony${n}`, consent: { anonymous_publication: 'refused' } }],
  };
  const r = await fetch(`${srv.url}/api/v1/incidents`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, await r.clone().text()).toBe(201);
}

async function download(button: string, press = false): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), press ? page.keyboard.press('Enter') : page.click(button)]);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text).not.toContain(MARK);
  expect(text).not.toContain('state.gt.pnc'); // the restricted incident's perpetrator
  return { name: dl.suggestedFilename(), text };
}
const csvRows = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

let provoked: ReturnType<typeof provokedErrors>;

beforeAll(async () => {
  let session: ApiSession;
  ({ srv, session } = await servedWorkspace('open-data', PASS, ADMIN));
  for (let n = 0; n < 6; n++) await record(session, n);
  await record(session, 9, 'restricted');

  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  provoked = provokedErrors(rec);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('open data', () => {
  it('explains what is left out and downloads incidents.csv, victims.csv and places.geojson in Spanish and English', async () => {
    await page.click('nav a[href="/open-data"]');
    await page.waitForSelector('.open-data-rules li');
    expect(await page.locator('h1').innerText()).toBe('Datos abiertos para publicar');
    expect(page.url()).toBe(`${srv.url}/open-data`);
    const rules = await page.locator('.open-data-rules').innerText();
    expect(rules).toContain('Solo incidentes con confidencialidad: Pública tras revisión');
    expect(rules).toContain('menores que 5');

    const inc = await download('main button:has-text("Descargar incidentes (CSV)")');
    expect(inc.name).toBe('incidents.csv');
    expect(inc.text.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRows(inc.text);
    expect(rows).toHaveLength(6);
    expect(rows.map((x) => x['fila'])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows[0]).toMatchObject({ fecha: '2024-03', precision_fecha: 'mes', pais: 'MX', nombre_pais: 'México', estado: 'MX-COA', nombre_estado: 'Coahuila', municipio: '', actos: 'threat.phone', perpetradores: 'state.mx.inm' });
    expect(await page.locator('.open-data [aria-live] .alert-success').innerText()).toBe('Descargado: incidents.csv');

    // the files in English, from the same page in Spanish
    await page.check('#od-lang-en');
    const vic = await download('main button:has-text("Descargar víctimas (CSV)")');
    expect(vic.name).toBe('victims.csv');
    const v = csvRows(vic.text);
    const at = (dimension: string, value: string) => v.find((x) => x['dimension'] === dimension && x['value'] === value);
    expect(at('total', 'all')).toMatchObject({ year: '2024', country_name: 'Mexico', state: 'MX-COA', victims: '6', suppressed: '' });
    expect(at('gender_identity', 'woman')).toMatchObject({ victims: '6' });
    expect(at('gender_identity', 'man')).toMatchObject({ victims: '', suppressed: 'yes' });
    expect(at('role', 'lawyer')).toMatchObject({ victims: '6' });

    // places.geojson with the keyboard
    await page.focus('main button:has-text("Descargar lugares (GeoJSON)")');
    const geo = await download('', true);
    expect(geo.name).toBe('places.geojson');
    const g = JSON.parse(geo.text) as { type: string; features: { geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(g.type).toBe('FeatureCollection');
    expect(g.features).toHaveLength(1);
    expect(g.features[0]!.properties).toMatchObject({ place_precision: 'state', state: 'MX-COA', state_name: 'Coahuila', incidents: 6, victims: 6, victims_suppressed: false });
    expect(g.features[0]!.geometry!.type).toBe('Point');
    for (const x of g.features[0]!.geometry!.coordinates) expect(Math.round(x * 100) / 100).toBe(x);
    expect(geo.text).not.toContain('25.43');

    // the page in English: English files by default
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('h1').innerText()).toBe('Open data for publication');
    await page.check('#od-lang-en');
    const en = csvRows((await download('main button:has-text("Download incidents (CSV)")')).text);
    expect(en[5]).toMatchObject({ row: '6', date: '2024-03', date_precision: 'month', approximate: 'no', country_name: 'Mexico', place_precision: 'state' });
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
  });

  it('takes new settings from an admin (a bad k refused in place), passes axe in both languages and fits 360 px', async () => {
    await page.fill('#od-k', '1');
    await provoked.provoking400(() => page.click('.open-data-settings button[type=submit]'));
    await page.waitForSelector('#od-k-err');
    expect(await page.getAttribute('#od-k', 'aria-invalid')).toBe('true');
    await page.fill('#od-k', '7');
    await page.click('.open-data-settings button[type=submit]');
    await page.waitForSelector('.open-data-settings .alert-success');
    expect(await page.locator('.open-data-rules').innerText()).toContain('menores que 7');
    const v = csvRows((await download('main button:has-text("Descargar víctimas (CSV)")')).text);
    expect(v.find((x) => x['dimension'] === 'total')).toMatchObject({ victims: '', suppressed: 'yes' });

    await expectAccessibleInBothLanguages(page, 'open data');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'open-data-360');
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });

    expect(provoked.unexcused()).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
