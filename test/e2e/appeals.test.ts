/**
 * Urgent appeals in Debian's Chromium against the real `bitacora serve` (Spanish): a defender
 * detained at a port of entry, the incident marked urgent through the API, and on the case's page
 * an appeal to the IACHR drafted from the record — the real name and the consenting source's
 * testimony in it, the contact and the exact address not, and the page saying what was left out and
 * why — edited and saved, downloaded as a PDF (its text holds the edit), its sending and answer
 * recorded, the statuses in the list; closed, the case's appeals can only be read. axe in Spanish
 * and English, 360 px, no console error, no request elsewhere.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-text.js';
import { expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia de apelaciones 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const MARK = 'QZE2EAPPEAL';
const EDIT = 'El 3 de marzo lo trasladaron a la estación migratoria sin aviso consular.';

let srv: ServerProcess;
let browser: Browser;
let rec: RecordedPage;
let page: Page;
let session: ApiSession;
let incidentId = '';
let caseId = '';

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${srv.url}${path}`, { method, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('appeals', PASS, ADMIN));
  const r = await call('POST', '/api/v1/incidents', {
    title: `Detención en la garita ${MARK}`, summary: `Resumen ${MARK}`, date: { start: '2026-03-02' },
    place: { precision: 'state', country: 'MX', state: 'MX-BCN', private: { address: `Calle privada ${MARK}` } }, context: ['port_of_entry'],
    victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'Defensor Luna', realName: 'Julián Ramírez', contact: `+52 ${MARK}`, role: 'migrant_defender', nationality: 'HN' } }],
    acts: [{ kind: 'detention.arrest', victimKey: 'v', consequences: ['detention'], perpetrators: [{ perpetrator: 'state.mx.inm', identifiedIndividuals: `Agente ${MARK}` }] }],
    sources: [
      { kind: 'victim', pseudonym: 'Fuente L', testimony: 'Me esposaron frente a mi hija y no me dejaron llamar a nadie.', consent: { internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'refused', named_publication: 'refused', legal_action: 'given' } },
      { kind: 'witness', pseudonym: 'Fuente T', testimony: `Vi la camioneta ${MARK}`, consent: { internal_analysis: 'given', share_partners: 'given', anonymous_publication: 'given', named_publication: 'refused', legal_action: 'refused' } },
    ],
  });
  expect(r.status, await r.clone().text()).toBe(201);
  incidentId = ((await r.json()) as { id: string }).id;
  const u = await call('POST', `/api/v1/incidents/${incidentId}/urgent`, { kind: 'detention' });
  expect(u.status, await u.clone().text()).toBe(201);
  caseId = ((await u.json()) as { id: string }).id;
  browser = await launchBrowser();
  rec = await signedInPage(browser, srv.url, ADMIN);
  page = rec.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const section = () => page.locator('section.appeals');
const letter = () => section().getByLabel('Texto de la apelación');

describe('urgent appeals', () => {
  it('drafts an appeal to the IACHR from the record, with only what consent allows, and says what was left out', async () => {
    await gotoInApp(page, `/urgent/${caseId}`, 'section.appeals h2');
    expect(await section().locator('h2').innerText()).toBe('Apelaciones urgentes');
    await section().locator('p.muted:has-text("Todavía no hay apelaciones.")').waitFor();
    await section().getByLabel('Organismo', { exact: true }).selectOption('iachr');
    await section().getByLabel('Idioma de la carta').selectOption('es');
    await expectAccessibleInBothLanguages(page, 'appeals, none yet');
    await section().locator('button:has-text("Redactar la apelación")').click();
    await letter().waitFor();
    const text = await letter().inputValue();
    expect(text).toContain('Comisión Interamericana de Derechos Humanos');
    expect(text).toContain('medidas cautelares, conforme al artículo 25 de su Reglamento');
    expect(text).toContain('el 2 de marzo de 2026, en Baja California, México.');
    expect(text).toContain('Julián Ramírez (en nuestro registro: «Defensor Luna»)');
    expect(text).toContain('«Me esposaron frente a mi hija y no me dejaron llamar a nadie.»');
    expect(text).not.toContain(MARK);
    const consent = await section().locator('.appeal-consent').innerText();
    expect(consent).toContain('Los nombres reales');
    expect(consent).toContain('El testimonio de Fuente L');
    expect(await section().locator('.appeal-withheld').innerText()).toContain('El testimonio de Fuente T: consentimiento para acciones legales: rechazado');
    expect(await section().locator('.appeal-withheld').innerText()).toContain('Los contactos: nunca se copia en una apelación');
    expect(await section().locator('.appeal-list .appeal-status').innerText()).toBe('borrador');
    await expectAccessibleInBothLanguages(page, 'appeal drafted');
    await page.setViewportSize({ width: 360, height: 740 });
    const h = await hasHorizontalScroll(page);
    expect(h.overflow, h.culprits.join(', ')).toBe(false);
    await shot(page, 'appeal-drafted-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('saves the edited letter and downloads it as a PDF that holds the edit', async () => {
    const edited = (await letter().inputValue()).replace('[Amplíe aquí el relato de los hechos.]', EDIT);
    await letter().fill(edited);
    expect(await section().innerText()).toContain('El PDF lleva el texto guardado: guarde antes sus cambios.');
    await section().locator('button:has-text("Guardar")').click();
    await section().locator('.alert-success:has-text("Apelación guardada.")').waitFor();
    const link = section().locator('a:has-text("Descargar PDF")');
    expect(await link.getAttribute('href')).toMatch(/^\/api\/v1\/appeals\/[0-9a-f-]{36}\/pdf$/);
    expect(await link.getAttribute('download')).toBe('apelacion-urgente.pdf');
    const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(dl.suggestedFilename()).toBe('apelacion-urgente.pdf');
    const pdf = (await pdfText(readFileSync((await dl.path())!))).replace(/\s+/g, ' ');
    expect(pdf).toContain(EDIT);
    expect(pdf).toContain('Solicitud de medidas cautelares (artículo 25 del Reglamento de la CIDH)');
    expect(pdf).not.toContain(MARK);
  });

  it('records the sending and the answer, and keeps the sent letter as it went out', async () => {
    const sent = section().locator('form.appeal-sent');
    await sent.getByLabel('Medio de envío').selectOption('online_form');
    await sent.locator('button:has-text("Registrar el envío")').click();
    await section().locator('.alert-success:has-text("Envío registrado.")').waitFor();
    expect(await letter().getAttribute('readonly')).not.toBeNull();
    expect(await section().locator('button:has-text("Guardar")').count()).toBe(0);
    expect(await section().locator('.appeal-list .appeal-status').innerText()).toMatch(/^enviada el /);
    const answer = section().locator('form.appeal-answer');
    await answer.getByLabel('Cómo respondió').selectOption('email');
    await answer.getByLabel('Nota sobre la respuesta').fill('La CIDH pidió información al Estado.');
    await answer.locator('button:has-text("Registrar la respuesta")').click();
    await section().locator('.alert-success:has-text("Respuesta registrada.")').waitFor();
    expect(await section().locator('.appeal-list .appeal-status').innerText()).toMatch(/^respondida el /);
    expect(await section().locator('.appeal-record').innerText()).toContain('La CIDH pidió información al Estado.');
    expect(await section().locator('.appeal-record').innerText()).toMatch(/Enviada el .+ \(formulario en línea\)/);
    await expectAccessibleInBothLanguages(page, 'appeal sent and answered');
    await shot(page, 'appeal-answered');
  });

  it('reopens an appeal from the list, and shows a closed case\'s appeals read-only but for the answer', async () => {
    await section().locator('button:has-text("Cerrar la apelación")').click();
    expect(await letter().count()).toBe(0);
    await section().locator('button:has-text("Abrir la apelación")').click();
    await letter().waitFor();
    expect(await letter().inputValue()).toContain(EDIT);

    const c = (await (await call('GET', `/api/v1/urgent/${caseId}`)).json()) as { version: number };
    const closed = await call('POST', `/api/v1/urgent/${caseId}/close`, { outcome: 'released', version: c.version });
    expect(closed.status, await closed.clone().text()).toBeLessThan(300);
    await gotoInApp(page, '/urgent', 'main h1');
    await gotoInApp(page, `/urgent/${caseId}`, 'section.appeals .appeal-list');
    expect(await section().innerText()).toContain('El caso está cerrado: sus apelaciones ya no se pueden cambiar');
    expect(await section().locator('button:has-text("Redactar la apelación")').count()).toBe(0);
    await section().locator('button:has-text("Abrir la apelación")').click();
    await letter().waitFor();
    expect(await letter().getAttribute('readonly')).not.toBeNull();
    expect(await section().locator('form.appeal-sent').count()).toBe(0);
    // the body's answer can come after the case is closed: that form stays
    expect(await section().locator('form.appeal-answer').count()).toBe(1);
    expect(await section().locator('a:has-text("Descargar PDF")').count()).toBe(1);
    await expectAccessibleInBothLanguages(page, 'closed case appeals');

    expect(rec.errors).toEqual([]);
    expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
  });
});
