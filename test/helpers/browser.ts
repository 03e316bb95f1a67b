/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Every request the
 * page makes is recorded so tests can prove nothing leaves 127.0.0.1.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface RecordedPage {
  context: BrowserContext;
  page: Page;
  /** every URL the page requested */
  requests: string[];
  /** console errors and page errors */
  errors: string[];
}

export async function newPage(browser: Browser, opts: { locale?: string; width?: number; height?: number } = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ locale: opts.locale ?? 'es-MX', viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}
