/**
 * First load of the web app in Debian's Chromium under emulated slow 3G (400 ms latency,
 * 400 kbit/s each way, cache disabled): bytes transferred (compressed, as on the wire) by type, and
 * the time until the sign-in form is visible; vs an empty HTML page served by Fastify with the same
 * static and compression plugins (the floor: what a round trip on that link costs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import { chromium, type Browser } from 'playwright-core';
import { SCRATCH } from '../lib/paths.js';
import { freePort } from '../lib/server.js';
import { percentile } from '../lib/stats.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const ROUNDS = 3;

export interface LoadFigures { jsCssBytes: number; totalBytes: number; requests: number; usableMs: number }
export interface WebResult { app: LoadFigures; empty: LoadFigures }

async function load(browser: Browser, url: string, ready: string | null): Promise<LoadFigures> {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const kinds = new Map<string, string>();
  let jsCss = 0;
  let total = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    requests++;
    total += e.encodedDataLength;
    const k = kinds.get(e.requestId);
    if (k === 'Script' || k === 'Stylesheet') jsCss += e.encodedDataLength;
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: ready ? 'commit' : 'load', timeout: 120_000 });
  if (ready) await page.waitForSelector(ready, { state: 'visible', timeout: 120_000 });
  const usableMs = performance.now() - t0;
  // let late responses report their sizes
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  await context.close();
  return { jsCssBytes: jsCss, totalBytes: total, requests, usableMs };
}

async function emptyPageServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = join(SCRATCH, 'empty-page');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>vacía</title></head><body></body></html>\n');
  const app = Fastify();
  await app.register(fastifyCompress, { global: true, threshold: 0 });
  await app.register(fastifyStatic, { root });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  return { url: `http://127.0.0.1:${port}/`, close: () => app.close() };
}

const median = (xs: LoadFigures[]): LoadFigures => ({
  jsCssBytes: percentile(xs.map((x) => x.jsCssBytes), 50), totalBytes: percentile(xs.map((x) => x.totalBytes), 50),
  requests: percentile(xs.map((x) => x.requests), 50), usableMs: percentile(xs.map((x) => x.usableMs), 50),
});

/** `appUrl`: the real server; usable = the sign-in form's password field visible. */
export async function measureWeb(appUrl: string, log: (l: string) => void): Promise<WebResult> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS, headless: true });
  const empty = await emptyPageServer();
  try {
    const app: LoadFigures[] = [];
    const floor: LoadFigures[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      app.push(await load(browser, `${appUrl}/`, 'input[type="password"]'));
      floor.push(await load(browser, empty.url, null));
    }
    const r = { app: median(app), empty: median(floor) };
    log(`  web: ${(r.app.jsCssBytes / 1024).toFixed(1)} KiB JS+CSS, usable in ${r.app.usableMs.toFixed(0)} ms (empty page ${r.empty.usableMs.toFixed(0)} ms)`);
    return r;
  } finally {
    await empty.close();
    await browser.close();
  }
}
