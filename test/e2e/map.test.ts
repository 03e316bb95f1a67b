/**
 * The offline map in Debian's Chromium against the real `bitacora serve` on a demo workspace: the
 * state counts and the clusters as the API gives them, with a filter; a click on a state and Enter
 * on a cluster open the incident list with those filters (nothing in the URL); English; axe in both
 * languages; the keyboard; 360 px; and no request leaving our origin (no tiles, no fonts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage } from './helpers.js';
import type { MapCounts } from '../../src/domain/map/map-counts.js';
import type { SearchResult } from '../../src/domain/incident/search-query.js';

const PASS = 'frase de custodia del mapa 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: { cookie: string; csrf: string };

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
}

const cells = (p: Page, selector: string): Promise<string[][]> => p.$$eval(selector, (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('map', PASS, ADMIN, [['demo', '--incidents', '160', '--seed', '12']]));
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function openMapFilteredByMexico(): Promise<MapCounts> {
  await gotoInApp(page, '/map', '#map-states-table');
  const m = await post<MapCounts>('/api/v1/stats/map', { country: ['MX'] });
  await page.$eval('details.dash-filters', (d) => ((d as HTMLDetailsElement).open = true));
  await page.selectOption('#dash-country', 'MX');
  await page.click('.dash-filters button[type=submit]');
  await page.waitForFunction(({ n }) => document.querySelectorAll('#map-states-table tbody tr').length === n && document.querySelector('.dash-section')?.getAttribute('aria-busy') === 'false', { n: m.states.length });
  await page.waitForSelector('figure.map-figure[data-state=drawn] svg.map-svg');
  return m;
}

describe('map', () => {
  it('shows the state counts and clusters of a filtered search, as the API does, and clicks through to the incidents', async () => {
    await page.click('nav a[href="/map"]');
    await page.waitForSelector('#map-states-table tbody tr');
    expect(await page.locator('h1').innerText()).toContain('Mapa');
    const m = await openMapFilteredByMexico();
    expect(page.url()).toBe(`${srv.url}/map`); // filters are never in the URL
    expect(m.states.length).toBeGreaterThan(3);
    expect(m.states.every((s) => s.code.startsWith('MX-'))).toBe(true);

    // the states: the table as the API, each drawn state with its count (and a pattern past the first class)
    const rows = await cells(page, '#map-states-table tbody tr');
    expect(rows.map((r) => r[2])).toEqual(m.states.map((s) => String(s.count)));
    expect(rows[0]![1]).toBe('México');
    for (const s of m.states) expect(await page.getAttribute(`path.map-state[data-state="${s.code}"]`, 'data-count')).toBe(String(s.count));
    expect(await page.getAttribute('path.map-state[data-state="US-TX"]', 'data-count')).toBe('0');
    expect(await page.locator('.map-legend li').count()).toBeGreaterThan(2);

    // the clusters: each the sum of its points; together every drawn point
    const clusters = await page.$$eval('g.map-cluster', (gs) => gs.map((g) => ({ count: Number(g.getAttribute('data-count')), points: (g.getAttribute('data-points') ?? '').split('|') })));
    expect(clusters.length).toBeGreaterThan(0);
    const perPoint = new Map(m.points.map((p) => [p.key, p.count]));
    for (const c of clusters) expect(c.count).toBe(c.points.reduce((a, k) => a + (perPoint.get(k) ?? NaN), 0));
    const points = await cells(page, '#map-points-table tbody tr');
    expect(points.map((r) => r[2])).toEqual(m.points.map((p) => String(p.count)));
    expect(m.points.reduce((a, p) => a + p.count, 0)).toBe(m.total - m.unplaced);

    // a click on the state with most incidents: the list with the country and that state, URL untouched
    const top = m.states[0]!;
    const expected = await post<SearchResult>('/api/v1/incidents/search', { country: ['MX'], state: [top.code], pageSize: 1 });
    expect(expected.total).toBeGreaterThanOrEqual(top.count);
    await page.dispatchEvent(`path.map-state[data-state="${top.code}"]`, 'click'); // (its middle may lie under a cluster)
    await page.waitForFunction((n) => document.querySelector('#results-count')?.textContent === `${n} incidente${n === 1 ? '' : 's'}`, expected.total);
    expect(page.url()).toBe(`${srv.url}/`);

    // Enter on the biggest cluster: the list with its places
    await openMapFilteredByMexico();
    const cluster = page.locator('g.map-cluster').first();
    const keys = ((await cluster.getAttribute('data-points')) ?? '').split('|');
    const filters = m.points.filter((p) => keys.includes(p.key)).map((p) => p.filter);
    const body = filters.every((f) => f.state) ? { country: ['MX'], state: [...new Set(filters.flatMap((f) => f.state!))] } : { country: ['MX'] };
    const inCluster = await post<SearchResult>('/api/v1/incidents/search', { ...body, pageSize: 1 });
    await cluster.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#results-count')?.textContent === `${n} incidente${n === 1 ? '' : 's'}`, inCluster.total);
    expect(page.url()).toBe(`${srv.url}/`);

    // nothing refused by the CSP, nothing asked of another origin (no tiles, no fonts)
    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url) && !u.startsWith(`blob:${srv.url}`))).toEqual([]);
    expect(rec.requests.every((u) => new URL(u.replace(/^blob:/, '')).hostname === '127.0.0.1')).toBe(true);
  });

  it('reads in English, passes axe, zooms by keyboard and buttons, and fits 360 px', async () => {
    await openMapFilteredByMexico();
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('h1').innerText()).toContain('Map of incidents');
    expect(await page.locator('#map-states-caption').innerText()).toContain('Incidents per state');
    expect(await page.locator('.map-attribution').innerText()).toContain('Natural Earth');
    expect(await page.getAttribute('g.map-cluster >> nth=0', 'aria-label')).toMatch(/\d+ incidents?\. Show the incidents\./);
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');

    await expectAccessibleInBothLanguages(page, 'map');

    // zoom in with the button, then with the keyboard on the map; back to the start with 0
    const before = await page.locator('g.map-cluster').count();
    await page.click('.map-controls button[aria-label="Acercar"]');
    await page.focus('svg.map-svg');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowLeft');
    const zoomed = await page.getAttribute('svg.map-svg > g', 'transform');
    expect(zoomed).toMatch(/scale\(2\.25\)/);
    await page.keyboard.press('0');
    expect(await page.getAttribute('svg.map-svg > g', 'transform')).toBe('translate(0 0) scale(1)');
    expect(await page.locator('g.map-cluster').count()).toBe(before);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForFunction(() => (document.querySelector('svg.map-svg')?.getBoundingClientRect().width ?? 999) < 360);
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    expect(rec.errors).toEqual([]);
  });
});
