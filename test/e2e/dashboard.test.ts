/**
 * The dashboard in Debian's Chromium against the real `bitacora serve` on a demo workspace: counts
 * per period and dimension with a filter, the same numbers as the API, the chart (Chart.js, no CSP
 * complaint), the CSV built in the browser, a period comparison, English headings, axe in both
 * languages, the keyboard, and no sideways scrolling at 360 px.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, hasHorizontalScroll, servedWorkspace, signedInPage, tabTo } from './helpers.js';
import type { Breakdown } from '../../src/domain/stats/breakdown.js';
import type { Comparison } from '../../src/domain/stats/comparison.js';

const PASS = 'frase de custodia del panel 2026';
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

/** The cells of a table's rows as text (row header first). */
const cells = (p: Page, selector: string): Promise<string[][]> => p.$$eval(selector, (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));

async function download(p: Page, button: string): Promise<{ name: string; rows: string[][] }> {
  const [dl] = await Promise.all([p.waitForEvent('download'), p.click(button)]);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // a byte-order mark, for spreadsheets
  return { name: dl.suggestedFilename(), rows: parse(text.slice(1)) as string[][] };
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('dashboard', PASS, ADMIN, [['demo', '--incidents', '120', '--seed', '11']]));
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('dashboard', () => {
  it('counts per period with a filter, as the API does, with its chart, table, CSV and a comparison', async () => {
    await page.click('nav a[href="/dashboard"]');
    await page.waitForSelector('#dash-table tbody tr');
    expect(await page.locator('h1').innerText()).toContain('Panel');

    // count by country, only incidents with the most frequent kind of act
    const act = (await post<Breakdown>('/api/v1/stats/breakdown', { dimension: 'act', granularity: 'year' })).series[0]!.key;
    const b = await post<Breakdown>('/api/v1/stats/breakdown', { act: [act], dimension: 'country', granularity: 'year' });
    expect(b.series.length).toBeGreaterThan(0);
    await page.selectOption('#dash-dimension', 'country');
    await page.click('.dash-filters summary');
    await page.selectOption('#dash-act', act);
    await page.click('.dash-filters button[type=submit]');
    const dated = b.totals.reduce((a, n) => a + n, 0);
    await page.waitForFunction(
      ({ total }) => document.querySelector('#dash-table caption')?.textContent?.includes('País') && document.querySelector('#dash-table tfoot td:last-child')?.textContent === String(total) && document.querySelector('.dash-section')?.getAttribute('aria-busy') === 'false',
      { total: dated },
    );
    expect(page.url()).toBe(`${srv.url}/dashboard`); // filters are never in the URL

    // the table: a row per year, the first value's counts and the incidents of each year
    const head = (await cells(page, '#dash-table thead tr'))[0]!;
    expect(head[0]).toBe('Periodo');
    expect(head.at(-1)).toBe('Total');
    expect(head[1]).not.toMatch(/^[A-Z]{2}$/); // a country's name, not its code
    const rows = await cells(page, '#dash-table tbody tr');
    expect(rows.map((r) => r[0])).toEqual(b.buckets);
    expect(rows.map((r) => r[1])).toEqual(b.series[0]!.counts.map(String));
    expect(rows.map((r) => r.at(-1))).toEqual(b.totals.map(String));
    if (b.undated) expect(await page.locator('.dash-section').first().innerText()).toContain(`${b.undated} incidente`);

    // the chart: drawn, described, a legend line per value (five at most, then "others")
    await page.waitForSelector('figure.dash-chart[data-state=drawn]');
    const label = await page.getAttribute('figure.dash-chart canvas[role=img]', 'aria-label');
    expect(label).toContain('Gráfica de líneas');
    expect(label).toContain(head[1]!);
    expect(await page.locator('.chart-legend li').count()).toBe(Math.min(b.series.length, 5) + (b.series.length > 5 ? 1 : 0));
    expect(await page.locator('figure.dash-chart figcaption').innerText()).toContain('País');

    // the CSV: every value, labels in Spanish, the period's code first
    const csv = await download(page, 'section[aria-labelledby=dash-breakdown-h] button:has-text("Descargar CSV")');
    expect(csv.name).toBe('bitacora-breakdown.csv');
    const top = Math.min(b.series.length, 5);
    expect(csv.rows[0]!.slice(0, top + 1)).toEqual(['Periodo', ...head.slice(1, top + 1)]);
    expect(csv.rows[0]!.at(-1)).toBe('Total');
    expect(csv.rows[0]).toHaveLength(b.series.length + 2);
    const i = b.buckets.length - 1;
    expect(csv.rows[i + 1]).toEqual([b.buckets[i], ...b.series.map((s) => String(s.counts[i])), String(b.totals[i])]);

    // the comparison: 2025 against 2024, same filter and dimension
    const c = await post<Comparison>('/api/v1/stats/compare', { act: [act], dimension: 'country', since: '2025', until: '2025' });
    await page.fill('#f-dash-since', '2025');
    await page.fill('#f-dash-until', '2025');
    await page.click('.dash-compare-form button[type=submit]');
    await page.waitForSelector('#dash-compare-table tfoot');
    const sentence = await page.locator('#dash-compare-result').innerText();
    expect(sentence).toContain(`${c.recent.total} incidente`);
    expect(sentence).toContain('del 1 de enero de 2025 al 31 de diciembre de 2025');
    expect(sentence).toMatch(c.changePercent === null ? /sin porcentaje/ : new RegExp(`frente a ${c.before.total} del \\d+ de \\p{L}+ de 2024 al \\d+ de \\p{L}+ de 2024 \\([+\\-−]?[\\d.,]+\\s?%\\)`, 'u'));
    const foot = (await cells(page, '#dash-compare-table tfoot tr'))[0]!;
    expect(foot.slice(0, 3)).toEqual(['Total', String(c.before.total), String(c.recent.total)]);
    expect((await cells(page, '#dash-compare-table tbody tr')).map((r) => r.slice(1, 3))).toEqual(c.rows.map((r) => [String(r.before), String(r.recent)]));
    const cmpCsv = await download(page, 'section[aria-labelledby=dash-compare-h] button:has-text("Descargar CSV")');
    expect(cmpCsv.name).toBe('bitacora-comparison.csv');
    expect(cmpCsv.rows[0]![0]).toBe('País');
    expect(cmpCsv.rows.at(-1)).toEqual(['Total', String(c.before.total), String(c.recent.total), c.changePercent === null ? '' : String(c.changePercent)]);

    // nothing refused by the CSP, nothing asked of another origin
    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url) && !u.startsWith(`blob:${srv.url}`))).toEqual([]);
  });

  it('reads in English, passes axe, works by keyboard and fits 360 px', async () => {
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('h1').innerText()).toContain('Dashboard');
    // the accompaniment line is there for people who may read accompaniment (an admin), after the incidents' sections
    expect(await page.locator('main h2').allInnerTexts()).toEqual(['Incidents over time', 'Compare periods', 'Accompaniment to hearings']);
    expect(await page.locator('#dash-acc-h + p').innerText()).toMatch(/^From \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: 0 people attended their hearing, 0 did not; 0 people rode on runs\.$/);
    expect(await page.locator('a[href="/accompaniment/figures"]').innerText()).toBe('See the accompaniment figures');
    expect((await cells(page, '#dash-table thead tr'))[0]![0]).toBe('Period');
    expect(await page.locator('#dash-table caption').innerText()).toContain('Country');
    expect(await page.locator('#dash-compare-result').innerText()).toMatch(/incidents? from January 1, 2025 to December 31, 2025/);
    await page.waitForSelector('figure.dash-chart[data-state=drawn]');
    expect(await page.getAttribute('figure.dash-chart canvas', 'aria-label')).toContain('Line chart');
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');

    await expectAccessibleInBothLanguages(page, 'dashboard');

    // by quarter, from the keyboard alone
    await tabTo(page, '#dash-granularity');
    await page.keyboard.press('ArrowUp'); // year → quarter
    await page.waitForFunction(() => /^T[1-4] \d{4}$/.test(document.querySelector('#dash-table tbody th')?.textContent ?? ''));

    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForFunction(() => (document.querySelector('figure.dash-chart canvas')?.getBoundingClientRect().width ?? 999) < 360);
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    expect(rec.errors).toEqual([]);
  });
});
