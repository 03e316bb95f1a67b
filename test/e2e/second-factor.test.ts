/**
 * Two-step verification in the browser, at phone width (360 px), against the real `bitacora serve`:
 * set up an authenticator app from the security page (QR code drawn in the page, key as text,
 * first code), recovery codes shown once, then sign in again with a code typed from the keyboard,
 * a wrong code refused in words, a recovery code; the session list; accessibility (axe).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, newPage, type RecordedPage } from '../helpers/browser.js';
import { axeSerious, tabTo, hasHorizontalScroll, shot } from './helpers.js';
import { totpCode, totpSecretFromText } from '../../src/crypto/totp.js';

const ADMIN = { displayName: 'Rosa Coordinadora', email: 'rosa2fa@example.org', password: 'contraseña-segura-1' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let secret = '';
let recovery: string[] = [];

beforeAll(async () => {
  srv = await startServer();
  const r = await fetch(`${srv.url}/api/v1/setup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceName: 'Red de prueba', organisationName: 'Casa', language: 'es', passphrase: 'frase de custodia de prueba 2026', admin: ADMIN }),
  });
  expect(r.status).toBe(201);
  browser = await launchBrowser();
  rec = await newPage(browser, { locale: 'es-MX', width: 360, height: 740 });
  page = rec.page;
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

async function passwordStep(p: Page): Promise<void> {
  await p.waitForSelector('#f-password');
  await p.fill('#f-email', ADMIN.email);
  await p.fill('#f-password', ADMIN.password);
  await p.click('form button[type=submit]');
}

async function noSidewaysScroll(p: Page, what: string): Promise<void> {
  const h = await hasHorizontalScroll(p);
  expect(h.overflow, `${what}: ${h.culprits.join(', ')}`).toBe(false);
}

/** A code the server has not seen yet: the next 30-second step (accepted one step either side). */
const nextCode = () => totpCode(totpSecretFromText(secret), Date.now() + 30_000);

describe('two-step verification in the browser', () => {
  it('sets up an authenticator app from the security page and shows the recovery codes once', async () => {
    await page.goto(srv.url);
    await passwordStep(page);
    await page.waitForSelector('.app-header');
    await page.click('.menu-toggle');
    await page.click('a[href="/account/security"]');
    await page.waitForSelector('h1:has-text("Seguridad de la cuenta")');
    await page.waitForSelector('#sec-sessions ~ .session-list .badge:has-text("este dispositivo")');
    await page.click('button:has-text("Configurar app de autenticación")');
    await page.waitForSelector('svg.qr-code path');
    secret = (await page.textContent('code.secret-text'))!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const input = page.locator('#f-enrol-code');
    expect(await input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await input.getAttribute('inputmode')).toBe('numeric');
    await noSidewaysScroll(page, 'enrolment');
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, '2fa-enrol');
    await input.fill(totpCode(totpSecretFromText(secret), Date.now()));
    await page.click('form.enrol button[type=submit]');
    await page.waitForSelector('.code-list');
    recovery = (await page.locator('.code-list code').allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    await noSidewaysScroll(page, 'recovery codes');
    await shot(page, '2fa-codes');
    // "continue" waits until the person says the codes are kept
    expect(await page.isDisabled('.recovery-codes button')).toBe(true);
    await page.check('#f-codes-saved');
    await page.click('.recovery-codes button');
    await page.waitForSelector('text=Te quedan 10 códigos de recuperación.');
    expect(await page.locator('.code-list').count()).toBe(0);
  });

  it('asks for the code at the next sign-in, refuses a wrong one in words, takes the right one from the keyboard', async () => {
    await page.click('.menu-toggle');
    await page.click('.nav-tools button:has-text("Salir")');
    await passwordStep(page);
    await page.waitForSelector('h1:has-text("Código de verificación")');
    const code = page.locator('#f-code');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await axeSerious(page)).toEqual([]);
    await noSidewaysScroll(page, 'code step');
    await shot(page, '2fa-signin');
    const right = nextCode();
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/session/second-factor'));
    await code.fill(wrong);
    await page.keyboard.press('Enter');
    expect((await refused).status()).toBe(401);
    await page.waitForSelector('.alert-error:has-text("El código no es correcto")');
    await tabTo(page, '#f-code', 20, 'Shift+Tab');
    await page.keyboard.type(right);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.app-header');
  });

  it('signs in with a recovery code instead, once', async () => {
    await page.click('.menu-toggle');
    await page.click('.nav-tools button:has-text("Salir")');
    await passwordStep(page);
    await page.click('button:has-text("usar un código de recuperación")');
    await page.fill('#f-recovery', recovery[0]!);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.app-header');
    await page.evaluate(() => {
      history.pushState(null, '', '/account/security');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForSelector('text=Te quedan 9 códigos de recuperación.');
    // earlier sessions of this browser ended at sign-out; this one is listed as current
    await page.waitForSelector('.session-list .card');
    expect(await page.locator('.session-list .card').count()).toBe(1);
    await noSidewaysScroll(page, 'security page');
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, '2fa-security');
  });

  it('lets an admin require it for a role', async () => {
    await page.evaluate(() => {
      history.pushState(null, '', '/admin/users');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForSelector('#f-policy-viewer');
    expect(await page.isChecked('#f-policy-viewer')).toBe(false);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/security/role-policies/viewer'));
    await page.check('#f-policy-viewer');
    expect((await saved).status()).toBe(200); // signed in a moment ago: no need to confirm the password
    await page.waitForSelector('.alert-success:has-text("Requisito guardado")');
    expect(await page.isChecked('#f-policy-viewer')).toBe(true);
    await page.waitForSelector('.badge:has-text("verificación en dos pasos")');
    await noSidewaysScroll(page, 'user admin');
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, '2fa-admin');
  });

  it('makes a viewer set it up right after changing their temporary password, before anything else', async () => {
    // the admin creates the account through the API, with the admin page's own session
    const created = await page.evaluate(async () => {
      const s = (await (await fetch('/api/v1/session')).json()) as { csrf: string };
      const r = await fetch('/api/v1/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf }, body: JSON.stringify({ email: 'lector@example.org', displayName: 'Lector', role: 'viewer', password: 'temporal-12345' }) });
      return r.status;
    });
    expect(created).toBe(201);
    const other = await newPage(browser, { locale: 'es-MX', width: 360, height: 740 });
    const p = other.page;
    p.setDefaultTimeout(20_000);
    try {
      await p.goto(srv.url);
      await p.waitForSelector('#f-password');
      await p.fill('#f-email', 'lector@example.org');
      await p.fill('#f-password', 'temporal-12345');
      await p.click('form button[type=submit]');
      await p.waitForSelector('#f-current');
      await p.fill('#f-current', 'temporal-12345');
      await p.fill('#f-password', 'definitiva-12345');
      await p.fill('#f-password2', 'definitiva-12345');
      await p.click('form button[type=submit]');
      await p.waitForSelector('h1:has-text("Configura la verificación en dos pasos")');
      expect(await p.locator('.app-header').count()).toBe(0);
      expect(await axeSerious(p)).toEqual([]);
      await p.click('button:has-text("Configurar app de autenticación")');
      await p.waitForSelector('svg.qr-code');
      const key = (await p.textContent('code.secret-text'))!.replace(/\s/g, '');
      await p.fill('#f-enrol-code', totpCode(totpSecretFromText(key), Date.now()));
      await p.click('form.enrol button[type=submit]');
      await p.waitForSelector('.code-list');
      await p.check('#f-codes-saved');
      await p.click('.recovery-codes button');
      await p.waitForSelector('.app-header');
      await noSidewaysScroll(p, 'viewer after enrolment');
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('logged no unexpected errors (the wrong code is the one 401 provoked on purpose)', () => {
    const unexpected = rec.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 401'));
    expect(unexpected).toEqual([]);
    expect(rec.errors.filter((e) => e.includes('401'))).toHaveLength(1);
    for (const u of rec.requests) expect(u.startsWith(srv.url)).toBe(true);
  });
});
