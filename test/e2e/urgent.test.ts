/**
 * Urgent cases in Debian's Chromium against the real `bitacora serve`, in Spanish, on a 360 px
 * phone for the case page: a defender's detention recorded through the API (22 days ago) is marked
 * urgent from the incident's page (kind "detención"), the detention checklist is shown with its
 * deadlines, two steps are ticked with one tap each, a note is written; a step whose deadline has
 * passed (added through the API) is listed first as "Vencido" — on the list of cases too; an urgent
 * appeal is drafted, saved and downloaded as a PDF through the appeals section; the case is closed
 * with an outcome. axe (Spanish and English) on the case page and the list; no console error, no
 * request to another origin.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-text.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia urgente 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
/** the detention began 22 days ago (UTC, as the server counts): today is day 23 */
const STARTED = new Date(Date.now() - 22 * 86_400_000).toISOString().slice(0, 10);

let srv: ServerProcess;
let session: ApiSession;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let incident = { id: '', ref: '' };
let caseId = '';

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${srv.url}${path}`, {
    method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('urgent', PASS, ADMIN));
  const r = await call('POST', '/api/v1/incidents', {
    title: 'Detención del defensor en la estación migratoria', date: { start: STARTED }, place: { precision: 'state', country: 'MX', state: 'MX-CHP' },
    victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'Defensor Sol' } }],
    acts: [{ kind: 'detention.arrest', victimKey: 'v', perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  });
  expect(r.status, await r.clone().text()).toBe(201);
  incident = (await r.json()) as { id: string; ref: string };
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const step = (name: string) => page.locator('li.urgent-step', { hasText: name });

describe('urgent case', () => {
  it('is opened from the incident\'s page with the detention checklist and its deadlines', async () => {
    await gotoInApp(page, `/incidents/${incident.id}`, 'a.urgent-link');
    expect(await page.locator('a.urgent-link').innerText()).toBe('Marcar como urgente');
    await page.click('a.urgent-link');
    await page.waitForSelector('#urgent-kind-detention');
    expect(page.url()).toBe(`${srv.url}/incidents/${incident.id}/urgent`);
    await page.check('#urgent-kind-detention');
    await page.waitForSelector('.urgent-open-step');
    const rows = page.locator('.urgent-open-step');
    expect(await rows.count()).toBe(10);
    expect(await rows.first().innerText()).toContain('Alertar a la red');
    expect(await page.inputValue('#f-rows-0-hours')).toBe('1');
    expect(await page.locator('.urgent-checklist').innerText()).toContain('Amparo o habeas corpus');
    // the press statement is left out; habeas corpus in 12 hours instead of 24
    await page.uncheck('#urgent-include-press_statement');
    const habeas = await rows.evaluateAll((els) => els.findIndex((e) => e.textContent?.includes('Amparo')));
    await page.fill(`#f-rows-${habeas}-hours`, '12');
    await shot(page, 'urgent-open');
    await page.click('form.urgent-open button[type=submit]');
    await page.waitForURL(/\/urgent\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await page.waitForSelector('#urgent-status');
  });

  it('shows the status line with the day counter, and works the checklist on a phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.locator('#urgent-status').innerText()).toBe('Sigue detenido/a — día 23');
    expect(await page.locator('h1').innerText()).toMatch(/^Caso urgente URG-0001 · Detención$/);
    expect(await page.locator('li.urgent-step').count()).toBe(9);
    expect(await step('Comunicado de prensa').count()).toBe(0);
    expect(await step('Amparo o habeas corpus').innerText()).toMatch(/plazo dentro de 1[12] horas/);
    expect(await page.locator('.urgent-overdue').count()).toBe(0);

    // one tap each
    await step('Alertar a la red').locator('input[type=checkbox]').click();
    await page.waitForSelector('li.urgent-step.is-done:has-text("Alertar a la red")');
    await step('Ubicarla').locator('input[type=checkbox]').click();
    await page.waitForSelector('li.urgent-step.is-done:has-text("Ubicarla")');
    expect(await page.locator('li.urgent-step.is-done').count()).toBe(2);
    expect(await step('Alertar a la red').innerText()).toContain('Hecho por');
    expect(await step('Alertar a la red').locator('input[type=checkbox]').isChecked()).toBe(true);
    // done steps go to the end
    expect(await page.locator('li.urgent-step').last().getAttribute('class')).toContain('is-done');

    await page.fill('#urgent-note-body', 'La familia confirma que está en la estación migratoria de Tapachula.');
    await page.click('button:has-text("Añadir la nota")');
    await page.waitForSelector('.urgent-notes li');
    expect(await page.locator('.urgent-notes li').first().innerText()).toContain('La familia confirma');
    expect(await page.inputValue('#urgent-note-body')).toBe('');

    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
  });

  it('lists a step past its deadline first, marked "Vencido", here and on the list of cases', async () => {
    const r = await call('POST', `/api/v1/urgent/${caseId}/steps`, { code: 'custom', label: 'Llamar al consulado de Honduras', dueAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    expect(r.status, await r.clone().text()).toBe(201);
    await gotoInApp(page, '/urgent', 'main .urgent-list, main p.muted');
    const card = page.locator('main .urgent-list li');
    expect(await card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('URG-0001 · Detención');
    expect(text).toContain('Sigue detenido/a — día 23');
    expect(text).toContain('Vencido');
    expect(text).toContain('1 paso vencido');
    expect(text).toContain(`Incidente ${incident.ref}`);
    expect(text).not.toContain('Defensor Sol');
    expect(text).not.toContain('Detención del defensor');
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await shot(page, 'urgent-list');
    await expectAccessibleInBothLanguages(page, 'urgent list');

    await card.locator(`a[href="/urgent/${caseId}"]`).click();
    await page.waitForSelector('li.urgent-step');
    const first = page.locator('li.urgent-step').first();
    expect(await first.innerText()).toContain('Llamar al consulado de Honduras');
    expect(await first.innerText()).toContain('Vencido');
    expect(await first.innerText()).toMatch(/plazo hace (3|2) horas/);
    expect(await page.locator('.urgent-checklist').innerText()).toContain('1 paso vencido');
    await shot(page, 'urgent-case');
    await expectAccessibleInBothLanguages(page, 'urgent case');
    await page.click('button.lang-switch:visible:has-text("English")');
    await page.waitForSelector('html[lang=en]');
    expect(await page.locator('#urgent-status').innerText()).toBe('Still detained — day 23');
    expect(await page.locator('li.urgent-step').first().innerText()).toContain('Overdue');
    await page.click('button.lang-switch:visible:has-text("Español")');
    await page.waitForSelector('html[lang=es]');
  });

  it('drafts an urgent appeal through the appeals section and downloads it as a PDF', async () => {
    const section = page.locator('section', { has: page.locator('h2', { hasText: 'Apelaciones urgentes' }) });
    await section.waitFor();
    await section.getByLabel('Organismo').selectOption('iachr');
    await section.locator('button', { hasText: 'Redactar la apelación' }).click();
    const letter = section.getByLabel('Texto de la apelación');
    await letter.waitFor();
    expect(await letter.inputValue()).toContain('Ref. URG-0001');
    await letter.fill(`${await letter.inputValue()}\n\nSolicitamos su intervención urgente.`);
    const saved = page.waitForResponse((r) => r.url().includes('/api/v1/appeals/') && r.request().method() === 'PUT');
    await section.locator('button', { hasText: 'Guardar' }).click();
    expect((await saved).status()).toBe(200);
    const link = section.locator('a', { hasText: 'Descargar PDF' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/appeals\/[0-9a-f-]{36}\/pdf$/);
    const pdf = await page.request.get(`${srv.url}${href}`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = await pdfText(bytes);
    expect(text).toContain('Solicitamos su intervención urgente.');
  });

  it('closes with an outcome, and then only reads', async () => {
    await page.selectOption('#urgent-close-outcome', 'released');
    await page.fill('#urgent-close-note', 'Liberado sin cargos tras el amparo.');
    await page.click('form.urgent-close button[type=submit]');
    await page.waitForSelector('#urgent-status:has-text("Cerrado")');
    expect(await page.locator('#urgent-status').innerText()).toBe('Cerrado: Liberado/a (día 23)');
    expect(await page.locator('main').innerText()).toContain('Este caso está cerrado: solo se puede leer.');
    expect(await page.locator('main').innerText()).toContain('Liberado sin cargos tras el amparo.');
    expect(await page.locator('form.urgent-close').count()).toBe(0);
    expect(await page.locator('li.urgent-step input[type=checkbox]:not([disabled])').count()).toBe(0);
    expect(await page.locator('#urgent-note-body').count()).toBe(0);
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await expectAccessibleInBothLanguages(page, 'closed urgent case');

    // the incident's page offers to mark it urgent again
    await gotoInApp(page, `/incidents/${incident.id}`, 'a.urgent-link');
    expect(await page.locator('a.urgent-link').innerText()).toBe('Marcar como urgente');

    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
