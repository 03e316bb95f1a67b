/**
 * The audit log page in Debian's Chromium against the real `bitacora serve`: reached from the
 * admin navigation, filtered and checked with the keyboard only, no sideways scrolling at 360 px,
 * axe-clean in both languages.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, newPage, type RecordedPage } from '../helpers/browser.js';
import { axeSerious, hasHorizontalScroll, tabTo } from './helpers.js';

const PASS = 'frase de custodia del registro 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-e2e-audit-'));
  const init = await runCli(['init'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password });
  expect(init.code, init.stderr).toBe(0);
  srv = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
  browser = await launchBrowser();
  rec = await newPage(browser, { width: 1280, height: 900 });
  page = rec.page;
  await page.goto(srv.url);
  await page.waitForSelector('#f-password');
  await page.fill('#f-email', ADMIN.email);
  await page.fill('#f-password', ADMIN.password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('.app-header');
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function accessible(p: Page): Promise<string[]> {
  const found: string[] = [];
  for (const v of await axeSerious(p)) found.push(`es: ${v.id} ${v.help} ${JSON.stringify(v.nodes)}`);
  await p.click('button.lang-switch:visible:has-text("English")');
  await p.waitForSelector('html[lang=en]');
  for (const v of await axeSerious(p)) found.push(`en: ${v.id} ${v.help} ${JSON.stringify(v.nodes)}`);
  await p.click('button.lang-switch:visible:has-text("Español")');
  await p.waitForSelector('html[lang=es]');
  return found;
}

describe('audit log page', () => {
  it('is linked from the admin navigation and lists who did what, without sideways scrolling at 360 px', async () => {
    await page.click('nav a[href="/admin/audit"]');
    await page.waitForSelector('.audit-table tbody tr');
    const text = await page.locator('.audit-table').innerText();
    expect(text).toContain('auth.login');
    expect(text).toContain('vault.unsealed');
    expect(await accessible(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    expect(await accessible(page)).toEqual([]);
  });

  it('filters and checks the chain by keyboard alone', async () => {
    await tabTo(page, '#audit-action');
    await page.keyboard.press('ArrowDown'); // the first family: sign-ins and sign-outs
    await tabTo(page, '.audit-filters button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.audit-table tbody tr')].every((r) => r.textContent?.includes('auth.')));
    expect(await page.locator('.audit-table tbody tr').count()).toBeGreaterThan(0);

    await tabTo(page, 'button:has-text("Comprobar la cadena")', 120, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#audit-verify-result .alert-success');
    expect(await page.locator('#audit-verify-result').innerText()).toMatch(/íntegro: \d+ entradas comprobadas/);
    expect(await page.locator('#audit-verify-result code').innerText()).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(rec.errors).toEqual([]);
    expect(rec.requests.every((u) => u.startsWith(srv.url))).toBe(true);
  });
});
