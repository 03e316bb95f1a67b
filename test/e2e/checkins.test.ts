/**
 * Check-ins in Debian's Chromium against the real `bitacora serve` (scheduler ticking every
 * 300 ms), in Spanish on a 360 px phone: a defender sets a plan through the form with a contact
 * and a first deadline a few minutes ahead, checks in with one tap on the plan's own page, sets a
 * duress code and checks in with it — the two pages are identical apart from the times, and the
 * contact has the silent alert; then a plan that is missed: its escalation arrives in the
 * contact's inbox (/alerts). axe in Spanish and English on the screens; no console error.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { apiSession, expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia de registros 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const CONTACT = { email: 'tomas@example.org', password: 'definitiva-12345' };

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: ApiSession;
let contactId = '';
let contactSession: ApiSession;
let planId = '';

async function call(s: ApiSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${srv.url}${path}`, {
    method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

/** The local date and time (as the form's inputs take them) of the first whole minute at least `aheadS` seconds from now, and that instant. */
async function minuteAhead(p: Page, aheadS: number): Promise<{ date: string; time: string; at: number }> {
  return p.evaluate((s) => {
    const d = new Date(Date.now() + s * 1000);
    d.setSeconds(0, 0);
    d.setMinutes(d.getMinutes() + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}`, at: d.getTime() };
  }, aheadS);
}

/** The page's main content with every figure (times, dates) and a.m./p.m. mark blotted out. */
async function mainWithoutTimes(p: Page): Promise<string> {
  const html = await p.locator('main').innerHTML();
  return html.replace(/\b[ap]\.?\s?m\.?/gi, '~').replace(/\d+/g, '#');
}

async function checkIn(p: Page, code: string): Promise<string> {
  const before = await p.locator('.checkin-confirmation .alert-success').count();
  expect(before).toBe(0);
  if (code) await p.fill(`#checkin-code-${planId}`, code);
  await p.click('button.btn-checkin');
  await p.waitForSelector('.checkin-confirmation .alert-success');
  await p.waitForSelector('button.btn-checkin:not([disabled])');
  expect(await p.locator('.checkin-confirmation').innerText()).toMatch(/^Registrado: todo bien, \d.+\s+Próximo registro: \d.+$/);
  expect(await p.inputValue(`#checkin-code-${planId}`)).toBe('');
  return mainWithoutTimes(p);
}

beforeAll(async () => {
  // the scheduler ticks every 300 ms (src/cli/serve.ts); startServer passes this process's environment on
  process.env['BITACORA_SCHEDULER_MS'] = '300';
  ({ srv, session } = await servedWorkspace('checkins', PASS, ADMIN));
  const u = await call(session, 'POST', '/api/v1/users', { email: CONTACT.email, displayName: 'Tomás (contacto)', role: 'coordinator', password: 'temporal-12345' });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
  contactId = u.body.id;
  const first = await apiSession(srv.url, { email: CONTACT.email, password: 'temporal-12345' });
  expect((await call(first, 'POST', '/api/v1/me/password', { current: 'temporal-12345', password: CONTACT.password })).status).toBe(204);
  contactSession = await apiSession(srv.url, CONTACT);
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
  await page.setViewportSize({ width: 360, height: 740 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  delete process.env['BITACORA_SCHEDULER_MS'];
});

describe('check-ins', () => {
  it('sets a plan through the form on a phone: a contact, a first deadline a few minutes ahead, no grace, repeating', async () => {
    await gotoInApp(page, '/checkins', '#plan-form-h');
    expect(await page.locator('h1').innerText()).toBe('Registros de seguridad');
    expect(await page.locator('.plan-form-section .alert-info').innerText()).toContain('Las alertas solo salen mientras Bitácora está desbloqueada');
    // nothing chosen: refused in place
    await page.fill('#f-graceMinutes', '0');
    await page.click('form.plan-form button[type=submit]');
    await page.waitForSelector('.plan-form-section .error-summary');
    expect(await page.locator('#f-contacts .field-error').innerText()).toContain('Elige al menos un contacto.');

    // far enough ahead that a slow machine cannot reach it before the check-ins of the next test (no test waits for it)
    const when = await minuteAhead(page, 150);
    await page.fill('#f-purpose', 'Acompañar la caravana a Tapachula');
    await page.fill('#f-firstDueAt', when.date);
    await page.fill('#f-firstDueAt-time', when.time);
    await page.selectOption('#f-repeat', 'minutes');
    await page.fill('#f-everyMinutes', '15');
    await page.check(`#f-contacts-${contactId}`);
    await page.click('form.plan-form button[type=submit]');
    await page.waitForSelector('.checkin-plan');
    const card = page.locator('.checkin-plan');
    expect(await card.locator('.card-title').innerText()).toBe('CHK-0001 Acompañar la caravana a Tapachula');
    expect(await card.innerText()).toContain('Contactos: Tomás (contacto)');
    expect(await card.innerText()).toContain('Cada 15 minutos');
    expect(await card.innerText()).toContain('Sin margen');
    const plans = await call(session, 'GET', '/api/v1/checkins');
    planId = plans.body.items[0].id;
    expect(plans.body.items[0]).toMatchObject({ ref: 'CHK-0001', firstDueAt: new Date(when.at).toISOString(), graceMinutes: 0, everyMinutes: 15, contacts: [{ id: contactId }] });

    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await shot(page, 'checkins');
    await expectAccessibleInBothLanguages(page, 'check-ins with a plan');
  });

  it('checks in normally and under duress on the plan\'s own page: the same page apart from the times, and a silent alert', async () => {
    await page.click(`.checkin-plan a[href="/checkins/${planId}"]`);
    await page.waitForSelector('button.btn-checkin');
    expect(page.url()).toBe(`${srv.url}/checkins/${planId}`);
    expect(await page.locator('main').innerText()).not.toContain('Tapachula');
    const normal = await checkIn(page, '');
    await shot(page, 'check-in-normal');
    expect(await page.locator('.checkin-one .checkin-when').innerText()).toMatch(/^Próximo registro: /);
    await expectAccessibleInBothLanguages(page, 'check-in page, after checking in');

    // the duress code, from the security page's link
    await gotoInApp(page, '/account/security', 'main h1');
    await page.click('main a[href="/checkins/duress"]');
    await page.waitForSelector('#f-code');
    expect(await page.locator('#duress-status').innerText()).toBe('No tienes código de coacción.');
    await expectAccessibleInBothLanguages(page, 'duress code page');
    await shot(page, 'duress-code');
    await page.fill('#f-code', 'flor de nopal');
    await page.fill('#f-again', 'flor de nopal');
    await page.fill('#f-password', ADMIN.password);
    await page.click('.duress-set button[type=submit]');
    await page.waitForSelector('#duress-status:has-text("Tienes un código de coacción.")');
    expect(await page.locator('main [aria-live] .alert-success').innerText()).toBe('Quedó guardado tu código de coacción.');

    await gotoInApp(page, `/checkins/${planId}`, 'button.btn-checkin');
    const forced = await checkIn(page, 'flor de nopal');
    await shot(page, 'check-in-forced');
    expect(forced).toBe(normal);

    // the contact has the silent alert; the person has nothing
    const theirs = await call(contactSession, 'GET', '/api/v1/alerts');
    expect(theirs.body.items.map((a: { kind: string; ref: string }) => [a.kind, a.ref])).toEqual([['checkin_duress', 'CHK-0001']]);
    expect((await call(session, 'GET', '/api/v1/alerts')).body.items).toEqual([]);
    // what the person reads back: two check-ins, times only
    const mine = (await call(session, 'GET', '/api/v1/checkins')).body.items[0];
    expect(mine.last.map((l: object) => Object.keys(l))).toEqual([['at'], ['at']]);
  });

  it('a missed plan: the escalation arrives in the contact\'s inbox', async () => {
    await gotoInApp(page, '/checkins', '#plan-form-h');
    const when = await minuteAhead(page, 20);
    await page.fill('#f-firstDueAt', when.date);
    await page.fill('#f-firstDueAt-time', when.time);
    await page.fill('#f-graceMinutes', '0');
    await page.check(`#f-contacts-${contactId}`);
    await page.click('form.plan-form button[type=submit]');
    await page.waitForSelector('.checkin-plan:has-text("CHK-0002")');

    const contact = await signedInPage(browser, srv.url, CONTACT);
    try {
      await contact.page.setViewportSize({ width: 360, height: 740 });
      await gotoInApp(contact.page, '/alerts', 'main h1');
      expect(await contact.page.locator('.alert-item:has-text("CHK-0002")').count()).toBe(0);
      await contact.page.waitForTimeout(Math.max(0, when.at - Date.now()) + 1_500);
      // opened again (the inbox also reloads itself every 30 s)
      await gotoInApp(contact.page, '/account/security', 'main h1');
      await gotoInApp(contact.page, '/alerts', '.alert-item:has-text("CHK-0002")');
      expect(await contact.page.locator('.alert-item:has-text("CHK-0002")').count()).toBe(1);
      expect(await contact.page.locator('.alert-item:has-text("CHK-0002")').innerText()).not.toContain('Tapachula');
      await shot(contact.page, 'contact-inbox');
      expect(contact.errors).toEqual([]);
    } finally {
      await contact.context.close();
    }
    // the defender sees it escalated on her page
    await gotoInApp(page, '/alerts', 'main h1');
    await gotoInApp(page, '/checkins', '.checkin-plan:has-text("CHK-0002") .alert-warning');
    expect(rec.errors).toEqual([]);
  });
});
