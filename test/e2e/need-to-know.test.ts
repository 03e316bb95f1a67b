/**
 * Need-to-know and sealed identities in Debian's Chromium against the real `bitacora serve`:
 * the decrypt-and-scan search page (progress, results, no words in the URL), sharing a restricted
 * incident with a group from its page, the groups page, and a colleague who is not shared with it
 * not finding it — each screen checked with axe in both languages and at 360 px.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, newPage, type RecordedPage } from '../helpers/browser.js';
import { fullIncident } from '../helpers/fixtures.js';
import { hasHorizontalScroll, gotoInApp, expectAccessibleInBothLanguages } from './helpers.js';

const PASS = 'frase de custodia para compartir 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const COLLEAGUE = { email: 'documentadora@example.org', password: 'definitiva-12345' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let restrictedId = '';

async function api(cookie: string, csrf: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${srv.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

async function apiLogin(email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(r.status).toBe(200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { csrf: string }).csrf };
}

async function signIn(p: Page, who: { email: string; password: string }): Promise<void> {
  await p.goto(srv.url);
  await p.waitForSelector('#f-password');
  await p.fill('#f-email', who.email);
  await p.fill('#f-password', who.password);
  await p.click('form button[type=submit]');
  await p.waitForSelector('.app-header');
}

async function narrow(p: Page, what: string): Promise<void> {
  await p.setViewportSize({ width: 360, height: 740 });
  const h = await hasHorizontalScroll(p);
  expect(h.overflow, `${what} at 360 px: ${h.culprits.join(', ')}`).toBe(false);
  await p.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-e2e-ntk-'));
  const init = await runCli(['init'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password });
  expect(init.code, init.stderr).toBe(0);
  srv = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
  const admin = await apiLogin(ADMIN.email, ADMIN.password);
  const u = await api(admin.cookie, admin.csrf, 'POST', '/api/v1/users', { email: COLLEAGUE.email, displayName: 'Documentadora', role: 'documenter', password: 'temporal-12345' });
  expect(u.status).toBe(201);
  const colleague = await apiLogin(COLLEAGUE.email, 'temporal-12345');
  expect((await api(colleague.cookie, colleague.csrf, 'POST', '/api/v1/me/password', { current: 'temporal-12345', password: COLLEAGUE.password })).status).toBe(204);
  const open = fullIncident('abierto');
  open.victims[0]!.actor.realName = 'Josefina Zárate Ruiz';
  expect((await api(admin.cookie, admin.csrf, 'POST', '/api/v1/incidents', open)).status).toBe(201);
  const r = await api(admin.cookie, admin.csrf, 'POST', '/api/v1/incidents', { ...fullIncident('restringido'), title: 'Caso restringido de prueba', confidentiality: 'restricted' });
  restrictedId = ((await r.json()) as { id: string }).id;
  browser = await launchBrowser();
  rec = await newPage(browser, { locale: 'es-MX' });
  page = rec.page;
  page.setDefaultTimeout(20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('need-to-know in the browser', () => {
  it('searches identifying details with progress, words never in the URL', async () => {
    await signIn(page, ADMIN);
    await page.click('a[href="/incidents/scan"]');
    await page.waitForSelector('#scan-text');
    await page.fill('#scan-text', 'zarate');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForSelector('#scan-status:has-text("Revisados 2 incidentes")');
    expect(await page.locator('.cards .card').count()).toBe(1);
    expect(await page.textContent('.cards .card .meta')).toContain('nombre real de una víctima');
    expect(page.url()).not.toMatch(/zarate/i);
    expect(await page.title()).not.toMatch(/zarate/i);
    await expectAccessibleInBothLanguages(page, 'identity scan');
    await narrow(page, 'identity scan');
  });

  it('creates a group and shares the restricted incident with it from the incident page', async () => {
    await gotoInApp(page, '/admin/groups', 'h1');
    await page.click('button:has-text("Nuevo grupo")');
    await page.fill('#group-name', 'Equipo legal');
    await page.check('label:has-text("Documentadora") input[type=checkbox]');
    await expectAccessibleInBothLanguages(page, 'groups (editing)');
    await page.click('button:has-text("Guardar grupo")');
    await page.waitForSelector('.card-title:has-text("Equipo legal")');
    await narrow(page, 'groups');

    await gotoInApp(page, `/incidents/${restrictedId}`, '#shares-title');
    expect(await page.textContent('.shares')).toContain('Incidente restringido');
    await page.click('button:has-text("Cambiar con quién se comparte")');
    await page.check('.share-choices label:has-text("Equipo legal") input[type=checkbox]');
    await expectAccessibleInBothLanguages(page, 'shares (editing)');
    await page.click('.shares button[type=submit]');
    await page.waitForSelector('.shares [role=status]:has-text("Guardado")');
    expect(await page.textContent('.shares ul')).toContain('Equipo legal');
    await expectAccessibleInBothLanguages(page, 'incident with shares');
    await narrow(page, 'incident with shares');
  });

  it('a colleague sees it only once shared, and never before', async () => {
    const other = await newPage(browser, { locale: 'es-MX' });
    await signIn(other.page, COLLEAGUE);
    // the list loads after the page: wait for the shared incident itself, not just the counter
    await other.page.waitForSelector('.results >> text=Caso restringido de prueba');
    // take the group's share away: the incident disappears for her, even by its address
    const admin = await apiLogin(ADMIN.email, ADMIN.password);
    const me = ((await (await api(admin.cookie, admin.csrf, 'GET', '/api/v1/session')).json()) as { user: { id: string } }).user.id;
    expect((await api(admin.cookie, admin.csrf, 'PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'user', id: me }] })).status).toBe(200);
    await gotoInApp(other.page, `/incidents/${restrictedId}`, '.alert');
    expect(await other.page.textContent('main')).not.toContain('Caso restringido de prueba');
    await other.context.close();
  });

  it('made no request outside 127.0.0.1 and logged no unexpected console error', () => {
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
    expect(rec.errors).toEqual([]);
  });
});
