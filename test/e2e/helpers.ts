/** Small helpers for the web end-to-end suite (not a test file). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, type RecordedPage } from '../helpers/browser.js';
import { runCli, startServer, type ServerProcess } from '../helpers/server-process.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the current page; returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The app's CSP (script-src 'self') refuses page.addScriptTag's inline <script>, so the same
  // file is evaluated through the DevTools protocol instead, which CSP does not govern.
  if (!loaded) await page.evaluate((axeSource ??= readFileSync(AXE_PATH, 'utf8')) + '\n;void 0');
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 120, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const target = page.locator(selector).first();
  await target.waitFor({ state: 'attached' });
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`could not reach ${selector} with ${key}; focus is on ${active}`);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function hasHorizontalScroll(page: Page): Promise<{ overflow: boolean; scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) culprits.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className} ${Math.round(r.right)}`);
        if (culprits.length > 8) break;
      }
    }
    return { overflow: scrollWidth > width, scrollWidth, width, culprits };
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  if (process.env['E2E_SCREENSHOTS']) await page.screenshot({ path: `/tmp/e2e-${name}.png`, fullPage: true });
}

/** In-app navigation (keeps the session state in memory), like following a link; waits for `ready`. */
export async function gotoInApp(p: Page, path: string, ready: string): Promise<void> {
  await p.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await p.waitForSelector(ready);
}

/** axe on the screen as it is, in Spanish and then in English (with the page's own language button). */
export async function expectAccessibleInBothLanguages(p: Page, what: string): Promise<void> {
  const found: string[] = [];
  for (const v of await axeSerious(p)) found.push(`es ${what}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
  await p.click('button.lang-switch:visible:has-text("English")');
  await p.waitForSelector('html[lang=en]');
  for (const v of await axeSerious(p)) found.push(`en ${what}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
  await p.click('button.lang-switch:visible:has-text("Español")');
  await p.waitForSelector('html[lang=es]');
  if (found.length) throw new Error(`axe found serious issues:\n${found.join('\n')}`);
}

/** Opens the app at `url` in a fresh page of `browser` (Spanish unless told) and signs in; the page waits for the app's header. */
export async function signedInPage(browser: Browser, url: string, who: { email: string; password: string }, locale = 'es-MX'): Promise<RecordedPage> {
  const rec = await newPage(browser, { locale });
  rec.page.setDefaultTimeout(20_000);
  await rec.page.goto(url);
  await rec.page.waitForSelector('#f-password');
  await rec.page.fill('#f-email', who.email);
  await rec.page.fill('#f-password', who.password);
  await rec.page.click('form button[type=submit]');
  await rec.page.waitForSelector('.app-header');
  return rec;
}

export interface ApiSession { cookie: string; csrf: string }

/** Signs in through the API (for recording data before the browser opens). */
export async function apiSession(url: string, who: { email: string; password: string }): Promise<ApiSession> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  expect(r.status).toBe(200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { csrf: string }).csrf };
}

/** A JSON call to the served API as this session (cookie and CSRF token): the status and the parsed body. */
export async function apiCall(url: string, session: ApiSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${url}${path}`, {
    method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * A workspace for one e2e file: `bitacora init` in a fresh folder with `admin`, then any further
 * commands on it (e.g. `['demo', '--incidents', '120']`), then `bitacora serve` unsealed with
 * `passphrase`, and the admin signed in through the API.
 */
export async function servedWorkspace(name: string, passphrase: string, admin: { email: string; password: string }, commands: string[][] = []): Promise<{ srv: ServerProcess; session: ApiSession }> {
  const dataDir = mkdtempSync(join(tmpdir(), `bitacora-e2e-${name}-`));
  const env = { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: passphrase };
  const init = await runCli(['init'], { ...env, BITACORA_ADMIN_EMAIL: admin.email, BITACORA_ADMIN_PASSWORD: admin.password });
  expect(init.code, init.stderr).toBe(0);
  for (const c of commands) {
    const r = await runCli(c, env);
    expect(r.code, r.stderr).toBe(0);
  }
  const srv = await startServer({ BITACORA_PASSPHRASE: passphrase }, dataDir);
  return { srv, session: await apiSession(srv.url, admin) };
}

/**
 * Chromium logs a 4xx the app provoked on purpose as "Failed to load resource"; `provoking400`
 * runs the action, waits for exactly one new such line and excuses it, so `unexcused()` can still
 * insist on a clean console.
 */
export function provokedErrors(rec: RecordedPage) {
  const excused = new Set<number>();
  return {
    async provoking400(action: () => Promise<void>): Promise<void> {
      const from = rec.errors.length;
      await action();
      const find = () => rec.errors.findIndex((e, i) => i >= from && !excused.has(i) && e.startsWith('Failed to load resource: the server responded with a status of 400 '));
      for (let waited = 0; find() < 0 && waited < 5000; waited += 50) await rec.page.waitForTimeout(50);
      expect(find(), 'the server should have answered 400').toBeGreaterThanOrEqual(0);
      excused.add(find());
    },
    unexcused: (): string[] => rec.errors.filter((_, i) => !excused.has(i)),
  };
}
