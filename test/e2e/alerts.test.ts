/** The alert inbox, the alert channels page and the protection measures registry in Chromium: es/en without serious axe issues, 360 px, errors in place, a new webhook secret shown once. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, signedInPage, provokedErrors } from './helpers.js';

const PASS = 'frase de custodia de alertas 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: { cookie: string; csrf: string };

const call = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${srv.url}${path}`, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: r.status, json: (await r.json().catch(() => null)) as Record<string, unknown> };
};

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('alerts', PASS, ADMIN));
  const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  expect((await call('POST', '/api/v1/actors', { kind: 'person', pseudonym: 'Defensora Luna', protectionMeasures: [{ kind: 'police_protection', status: 'granted_active', reference: 'MP-1/2026', granted: '2025-05', expires: soon }, { kind: 'police_protection', status: 'requested' }] })).status).toBe(201);
  expect((await call('POST', '/api/v1/users', { email: 'tomas@example.org', displayName: 'Tomás', role: 'coordinator', password: 'temporal-12345' })).status).toBe(201);
  expect((await call('POST', '/api/v1/alerts/test', {})).status).toBe(202);
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);
afterAll(async () => { await browser?.close(); await srv?.stop(); });

describe('alerts, alert channels and the measures registry in Chromium (es)', () => {
  it('the inbox lists the alert, marks it read, fits 360 px', async () => {
    await gotoInApp(page, '/alerts', '.alert-item');
    expect(await page.locator('.alert-item').first().innerText()).toMatch(/Sin leer[\s\S]*Prueba de las alertas de Bitácora \(TEST-[0-9A-F]{4}\)\./);
    await expectAccessibleInBothLanguages(page, 'inbox');
    await page.click('.alert-item button:has-text("Marcar como leída")');
    await page.waitForSelector('.alert-item:not(.is-unread)');
    expect(await page.locator('.badge-unread').count()).toBe(0);
    await page.setViewportSize({ width: 360, height: 740 });
    expect((await hasHorizontalScroll(page)).overflow).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the channels page shows errors in place, saves, shows a new webhook secret once, sends a test', async () => {
    const errors = provokedErrors(rec);
    await gotoInApp(page, '/admin/alerts', '#f-email-host');
    await page.waitForSelector('.delivery-table');
    await expectAccessibleInBothLanguages(page, 'settings');
    await page.click('button:has-text("Añadir webhook")');
    await page.fill('#f-webhooks-0-name', 'Puente Signal');
    await page.fill('#f-webhooks-0-url', 'ftp://x');
    await page.fill('#f-baseUrl', 'https://bitacora.example.org');
    await page.check('label:has-text("Tomás")');
    await errors.provoking400(async () => {
      await page.click('button[type=submit]:has-text("Guardar")');
      await page.waitForSelector('#f-webhooks-0-url-err');
    });
    await expectAccessibleInBothLanguages(page, 'settings with errors');
    await page.fill('#f-webhooks-0-url', 'http://127.0.0.1:9/hook');
    await page.click('button[type=submit]:has-text("Guardar")');
    await page.waitForSelector('.new-secret');
    await expectAccessibleInBothLanguages(page, 'settings saved');
    expect(await page.getAttribute('#f-email-password', 'autocomplete')).toBe('off');
    await page.click('button:has-text("Enviar alerta de prueba")');
    await page.waitForSelector('.alert-success:has-text("Alerta de prueba creada")');
    await page.setViewportSize({ width: 360, height: 740 });
    expect((await hasHorizontalScroll(page)).culprits).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors.unexcused()).toEqual([]);
  });

  it('the registry lists measures with renewals due first and filters them', async () => {
    await gotoInApp(page, '/measures', '.measures-table');
    expect(await page.locator('.measures-table tbody tr').count()).toBe(2);
    expect(await page.locator('.measures-table tbody tr').first().innerText()).toContain('Renovación pendiente');
    await expectAccessibleInBothLanguages(page, 'measures');
    await page.check('#measures-due');
    await page.waitForFunction(() => document.querySelectorAll('.measures-table tbody tr').length === 1);
    await page.setViewportSize({ width: 360, height: 740 });
    expect((await hasHorizontalScroll(page)).culprits).toEqual([]);
  });
});
