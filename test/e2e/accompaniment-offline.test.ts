/**
 * Taps without signal (issue 9, tracking on the day), in Debian's Chromium against the real server,
 * on a 360 px phone in Spanish: the tracking page loses its connection (the browser context goes
 * offline); two passengers are marked picked up, then one arrived and the other missed — each row
 * says the new mark and "sin enviar", a banner counts the unsent marks, the page does not claim the
 * coordinator was told of the missed one (they were not, yet), and the server still has them
 * pending. When the connection is back the page sends them by itself, in the order made, each with
 * the moment it was tapped (so the run shows when they were picked up, not when the signal came
 * back), the coordinator gets the one alert, and the banner goes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { apiCall, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia sin señal 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
/** a day three weeks ahead (the run must be in the future, and stay planned) */
const DAY = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);

let srv: ServerProcess;
let session: ApiSession;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let runId = '';
const refs: string[] = [];

const call = (method: string, path: string, body?: unknown) => apiCall(srv.url, session, method, path, body);

/** The run's first leg as the server has it: ref → [mark, markedAt]. */
async function serverMarks(): Promise<Record<string, [string, string | null]>> {
  const r = await call('GET', `/api/v1/accompaniment/runs/${runId}`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.legs[0].passengers.map((p: { ref: string; mark: string; markedAt: string | null }) => [p.ref, [p.mark, p.markedAt]]));
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('accompaniment-offline', PASS, ADMIN));
  const people: string[] = [];
  for (const pseudonym of ['Nube Ocote', 'Río Ocote']) {
    const r = await call('POST', '/api/v1/accompaniment/people', { pseudonym, languages: ['es'], ageGroup: 'adult' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    people.push(r.body.id);
    refs.push(r.body.ref);
  }
  const h = await call('POST', '/api/v1/accompaniment/hearings', { court: 'court-san-diego', startsLocal: `${DAY}T08:30`, kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: `${DAY}T04:00`, people });
  expect(h.status, JSON.stringify(h.body)).toBe(201);
  const run = await call('POST', '/api/v1/accompaniment/runs', {
    arriveBy: { place: 'poe-san-ysidro', local: `${DAY}T04:00` }, marginMinutes: 30,
    legs: [{ from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'car', durationMinutes: 25, seats: 4 }],
    passengers: people.map((personId) => ({ personId, hearingId: h.body.id })),
  });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
  runId = run.body.id;
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
  await page.setViewportSize({ width: 360, height: 740 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('tapping without signal', () => {
  it('keeps the taps on the page, says they are not sent, and sends them with their own time when the connection is back', async () => {
    const [a, b] = refs as [string, string];
    await gotoInApp(page, `/accompaniment/runs/${runId}/track`, `[data-testid="mark-${a}-picked_up"]`);
    await rec.context.setOffline(true);
    const offlineFrom = Date.now();

    await page.click(`[data-testid="mark-${a}-picked_up"]`);
    await page.waitForSelector(`[data-testid="unsent-${a}"]`);
    expect(await page.locator(`[data-testid="mark-now-${a}"]`).innerText()).toMatch(/^Ahora: Recogido · \d{2}:\d{2} [A-Z]{3} · sin enviar$/);
    await page.click(`[data-testid="mark-${b}-picked_up"]`);
    await page.waitForSelector(`[data-testid="unsent-${b}"]`);
    await page.click(`[data-testid="mark-${a}-arrived"]`);
    await page.waitForSelector(`[data-testid="mark-${a}-arrived"][aria-pressed="true"]`);
    expect(await page.locator('[data-testid="track-said"]').innerText()).toContain('sin conexión');
    // someone missed while offline: the page must not say the coordinator was told — they were not, yet
    await page.click(`[data-testid="mark-${b}-missed"]`);
    await page.waitForSelector(`[data-testid="mark-${b}-missed"][aria-pressed="true"]`);
    const said = await page.locator('[data-testid="track-said"]').innerText();
    expect(said).toContain('todavía no recibió el aviso');
    expect(said).not.toContain('Se avisó');
    expect(await page.locator('[data-testid="track-unsent"]').innerText()).toContain('2 marcas sin enviar');
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    // the server has nothing yet
    expect(await serverMarks()).toEqual({ [a]: ['pending', null], [b]: ['pending', null] });
    const tappedBy = Date.now();

    await rec.context.setOffline(false);
    await page.waitForSelector('[data-testid="track-unsent"]', { state: 'detached' });
    expect(await page.locator('[data-testid^="unsent-"]').count()).toBe(0);
    expect(await page.locator('[data-testid="track-said"]').innerText()).toMatch(/^Enviada ahora: /);
    const marks = await serverMarks();
    expect([marks[a]![0], marks[b]![0]]).toEqual(['arrived', 'missed']);
    // and now the coordinator is told, once
    const alerts = await call('GET', '/api/v1/alerts');
    expect(alerts.body.items.filter((x: { kind: string }) => x.kind === 'run_missed')).toHaveLength(1);
    for (const [, at] of Object.values(marks)) {
      // when they were tapped, not when the connection came back
      expect(Date.parse(at!)).toBeGreaterThanOrEqual(offlineFrom - 1000);
      expect(Date.parse(at!)).toBeLessThanOrEqual(tappedBy + 1000);
    }
    // the page agrees with the server after a refresh
    await page.click('button:has-text("Actualizar")');
    await page.waitForSelector(`[data-testid="mark-${a}-arrived"][aria-pressed="true"]`);
    expect(await page.locator(`[data-testid="mark-now-${b}"]`).innerText()).toMatch(/^Ahora: No llegó · \d{2}:\d{2} [A-Z]{3}$/);
    // the only console errors are the requests the browser could not make while offline
    expect(rec.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
  });
});
