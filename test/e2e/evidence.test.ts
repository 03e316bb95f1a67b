/**
 * Evidence (issue 7, ADR 0019) in Debian's Chromium against the real `bitacora serve`, in Spanish:
 * a documenter attaches a JPEG photo carrying GPS metadata to an incident through the form (file
 * chosen with the file picker, consent for legal action given), sees it listed with its short
 * SHA-256, opens it and sees the original's metadata (device, GPS coordinates as numbers), the
 * metadata-free copy, downloads the original for a stated purpose and finds each act in the chain
 * of custody; is told when someone else changed it meanwhile; changes its consent and description;
 * preserves an online threat with a screenshot; attaches a PDF to a person's page (a web page is
 * refused first, with the reason next to the file field). A viewer sees the
 * item listed but no description, metadata or image. An admin exports a bundle for legal action
 * (an item without that consent is named first) and the downloaded zip passes the real
 * `bitacora verify-bundle`, with the fingerprint shown on the page. axe (Spanish and English) on
 * the evidence section, the item page and the capture page; 360 px screens; no identifying words
 * in URLs or titles; no console error; no request to another origin.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runCli, type ServerProcess } from '../helpers/server-process.js';
import { launchBrowser, type RecordedPage } from '../helpers/browser.js';
import { htmlFile, jpegWithGps, minimalPdf, pngWithMetadata, JPEG_EXIF, MARKERS } from '../helpers/evidence-files.js';
import { apiSession, expectAccessibleInBothLanguages, gotoInApp, hasHorizontalScroll, servedWorkspace, shot, signedInPage, type ApiSession } from './helpers.js';

const PASS = 'frase de custodia de pruebas 2026';
const ADMIN = { email: 'admin@example.org', password: 'contraseña-segura-1' };
const DOCUMENTER = { email: 'rosa@example.org', password: 'definitiva-doc-12345' };
const VIEWER = { email: 'lucia@example.org', password: 'definitiva-ver-12345' };
const DESCRIPTION = 'Soldados frente a la puerta del albergue, tomada por la coordinadora';
const PHOTO_NAME = 'soldados-albergue-saltillo.jpg';

let srv: ServerProcess;
let session: ApiSession;
let browser: Browser;
let work = '';
let incidentId = '';
let itemId = '';
let itemRef = '';
const photo = jpegWithGps();
const photoSha = createHash('sha256').update(photo).digest('hex');
const pages: RecordedPage[] = [];

async function call(s: ApiSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${srv.url}${path}`, {
    method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text && (r.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

async function account(who: { email: string; password: string }, role: string, displayName: string): Promise<void> {
  const u = await call(session, 'POST', '/api/v1/users', { email: who.email, displayName, role, password: 'temporal-12345' });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
  const s = await apiSession(srv.url, { email: who.email, password: 'temporal-12345' });
  expect((await call(s, 'POST', '/api/v1/me/password', { current: 'temporal-12345', password: who.password })).status).toBe(204);
}

async function signIn(who: { email: string; password: string }): Promise<Page> {
  const rec = await signedInPage(browser, srv.url, who);
  pages.push(rec);
  return rec.page;
}

async function fitsPhone(p: Page, what: string): Promise<void> {
  await p.setViewportSize({ width: 360, height: 740 });
  const h = await hasHorizontalScroll(p);
  expect(h.overflow, `${what} at 360 px: ${h.culprits.join(', ')}`).toBe(false);
  await p.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Chromium logs a 4xx the page provoked on purpose ("Failed to load resource: … status of 409"):
 * runs the action, waits for that one line and takes it off the documenter's console record.
 */
async function excusing(status: number, action: () => Promise<void>): Promise<void> {
  const rec = pages[0]!;
  const from = rec.errors.length;
  await action();
  const find = () => rec.errors.findIndex((e, i) => i >= from && e.startsWith(`Failed to load resource: the server responded with a status of ${status} `));
  for (let waited = 0; find() < 0 && waited < 5000; waited += 50) await rec.page.waitForTimeout(50);
  expect(find(), `the server should have answered ${status}`).toBeGreaterThanOrEqual(0);
  rec.errors.splice(find(), 1);
}

/** Nothing a person typed or a file was called shows in the address bar or the title. */
async function nothingIdentifyingInUrlOrTitle(p: Page): Promise<void> {
  for (const s of [p.url(), await p.title()]) {
    expect(s).not.toMatch(/soldados|albergue|saltillo|perfil|cierren|MARKER/i);
  }
}

beforeAll(async () => {
  ({ srv, session } = await servedWorkspace('evidence', PASS, ADMIN));
  const r = await call(session, 'POST', '/api/v1/incidents', {
    title: 'Militares vigilan el albergue', date: { start: '2026-11-20' }, place: { precision: 'state', country: 'MX', state: 'MX-COA' },
    sources: [{ kind: 'victim', testimony: 'La coordinadora vio a los soldados desde la ventana.' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  incidentId = r.body.id;
  await account(DOCUMENTER, 'documenter', 'Rosa (documentadora)');
  await account(VIEWER, 'viewer', 'Lucía (consulta)');
  work = mkdtempSync(join(tmpdir(), 'bitacora-e2e-evidence-files-'));
  writeFileSync(join(work, PHOTO_NAME), photo);
  writeFileSync(join(work, 'captura-amenaza.png'), pngWithMetadata());
  writeFileSync(join(work, 'oficio.pdf'), minimalPdf());
  writeFileSync(join(work, 'pagina.html'), htmlFile());
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('evidence in the browser', () => {
  let doc: Page;

  it('a documenter attaches a photo with its consent, and sees it listed with its hash but no description', async () => {
    doc = await signIn(DOCUMENTER);
    await gotoInApp(doc, `/incidents/${incidentId}`, 'section.evidence p.muted');
    expect(await doc.locator('section.evidence p.muted').innerText()).toBe('Aún no hay pruebas.');
    await doc.click('details.evidence-upload > summary:has-text("Adjuntar archivo")');
    await doc.setInputFiles('#evidence-file', join(work, PHOTO_NAME));
    // an image: photo or screenshot
    await doc.selectOption('#evidence-kind', 'photo');
    await doc.selectOption('#evidence-source', { index: 1 });
    await doc.fill('#evidence-description', DESCRIPTION);
    await doc.selectOption('#evidence-consent-legal_action', 'given');
    await doc.selectOption('#evidence-consent-internal_analysis', 'given');
    await expectAccessibleInBothLanguages(doc, 'evidence section with the upload form');
    await doc.click('.evidence-upload button[type=submit]');
    await doc.waitForSelector('.evidence-upload .alert-success:has-text("Se guardó como")');
    expect(await doc.locator('.evidence-upload .alert-success').innerText()).toContain(photoSha);

    const card = doc.locator('.evidence-list li.evidence-item');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    const text = await card.innerText();
    itemRef = (await card.locator('.card-title a').innerText()).trim();
    itemId = (await card.locator('.card-title a').getAttribute('href'))!.split('/').pop()!;
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain('Foto');
    expect(text).toContain('image/jpeg');
    expect(text).toContain(`${photoSha.slice(0, 12)}…`);
    expect(text).toContain('Otorgado para: análisis interno, acciones legales');
    expect(text).toContain('Rosa (documentadora)');
    // the list never holds the sealed parts
    expect(text).not.toContain(DESCRIPTION);
    expect(text).not.toContain(PHOTO_NAME);
    // the full hash is one click away
    await card.locator('details.evidence-hash > summary').click();
    expect(await card.locator('details.evidence-hash code.hash-full').innerText()).toBe(photoSha);
    expect(await doc.inputValue('#evidence-description')).toBe('');
    await shot(doc, 'evidence-section');
    await expectAccessibleInBothLanguages(doc, 'evidence section with an item');
    await fitsPhone(doc, 'incident page with evidence');
    await nothingIdentifyingInUrlOrTitle(doc);
  });

  it('opens the item: the original\'s metadata (device, GPS as numbers), the copy without metadata, the original for a purpose, the chain of custody', async () => {
    await doc.click(`.evidence-list a[href="/evidence/${itemId}"]`);
    await doc.waitForSelector('section.evidence-metadata');
    expect(await doc.locator('h1').innerText()).toBe(`Prueba ${itemRef}`);
    expect(await doc.title()).toBe('Bitácora — Prueba');
    const meta = doc.locator('section.evidence-metadata');
    expect(await meta.locator('h2').innerText()).toBe('Metadatos del original');
    expect(await meta.innerText()).toContain(`${MARKERS.make} ${MARKERS.model}`);
    // the coordinates are masked on screen until asked for, then shown as numbers (no map)
    expect(await meta.innerText()).not.toContain(String(JPEG_EXIF.lat));
    await meta.locator('button.reveal').click();
    await meta.locator('.masked.is-shown').waitFor();
    const gps = await meta.innerText();
    expect(gps).toContain(`${JPEG_EXIF.lat}, ${JPEG_EXIF.lon}`);
    expect(gps).toContain(`altitud ${JPEG_EXIF.alt} m`);
    expect(gps).toContain(`${JPEG_EXIF.width} × ${JPEG_EXIF.height} píxeles`);
    await doc.locator('section.evidence-description button.reveal').click();
    expect(await doc.locator('section.evidence-description').innerText()).toContain(DESCRIPTION);
    await doc.locator('button.reveal[aria-pressed="false"]').first().click();
    expect(await doc.locator('main').innerText()).toContain(PHOTO_NAME);

    // the copy for viewing, only when asked for: a decoded image, same size, without metadata
    expect(await doc.locator('main img').count()).toBe(0);
    const viewed = doc.waitForResponse((r) => r.url().endsWith(`/api/v1/evidence/${itemId}/view`));
    await doc.click('button:has-text("Ver la imagen")');
    const copy = await viewed;
    expect(copy.status()).toBe(200);
    expect(copy.headers()['content-type']).toMatch(/^image\/(jpeg|png)$/);
    const copyBytes = await copy.body();
    expect(copyBytes.includes(Buffer.from(MARKERS.model))).toBe(false);
    await doc.waitForFunction(() => { const i = document.querySelector<HTMLImageElement>('main figure img'); return !!i && i.complete && i.naturalWidth > 0; });
    expect(await doc.locator('main figure img').evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([JPEG_EXIF.width, JPEG_EXIF.height]);
    expect(await doc.locator('main figure img').getAttribute('alt')).toBe(`Foto de la prueba ${itemRef} (copia sin metadatos)`);

    // the original, byte for byte, only after saying why, under a neutral name
    await doc.click('button:has-text("Descargar el original")');
    await doc.waitForSelector('#evidence-original-purpose[aria-invalid="true"]');
    expect(await doc.locator('.evidence-original .field-error').innerText()).toBe('Elige para qué lo descargas.');
    await doc.selectOption('#evidence-original-purpose', 'legal_case');
    const downloading = doc.waitForEvent('download');
    await doc.click('button:has-text("Descargar el original")');
    const original = await downloading;
    expect(original.suggestedFilename()).not.toMatch(/soldados|albergue|saltillo/i);
    const saved = join(work, 'original-descargado');
    await original.saveAs(saved);
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(photoSha);

    // every act is in the chain of custody, in words, with its purpose
    await doc.click('button:has-text("Actualizar la cadena de custodia")');
    await doc.waitForSelector('.custody-list li:has-text("descargó el original")');
    const custody = await doc.locator('.custody-list').innerText();
    expect(custody).toContain('Rosa (documentadora) — recibió el archivo');
    expect(custody).toContain('leyó la descripción y los metadatos');
    expect(custody).toContain('vio la copia sin metadatos');
    expect(custody).toContain('Motivo: Caso legal');
    await shot(doc, 'evidence-item');
    await expectAccessibleInBothLanguages(doc, 'evidence item page');
    await fitsPhone(doc, 'evidence item page');
    await nothingIdentifyingInUrlOrTitle(doc);
  });

  it('says so when someone else changed the item meanwhile, reloads it, then changes the consent and the description', async () => {
    // another session changes the description while the page still holds the old version
    const current = await call(session, 'GET', `/api/v1/evidence/${itemId}`);
    const changed = await call(session, 'PATCH', `/api/v1/evidence/${itemId}`, { version: current.body.version, description: 'Corregida por la coordinación' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await doc.click('button:has-text("Cambiar el consentimiento")');
    await doc.selectOption('#consent-edit-share_partners', 'refused');
    await excusing(409, () => doc.click('button:has-text("Guardar el consentimiento")'));
    await doc.waitForSelector('main .alert-warning:has-text("Otra persona cambió esta prueba")');
    await doc.locator('section.evidence-description button.reveal').click();
    await doc.waitForSelector('section.evidence-description:has-text("Corregida por la coordinación")');

    await doc.click('button:has-text("Cambiar el consentimiento")');
    await doc.selectOption('#consent-edit-share_partners', 'refused');
    await doc.selectOption('#consent-edit-internal_analysis', 'withdrawn');
    await doc.click('button:has-text("Guardar el consentimiento")');
    await doc.waitForSelector('.evidence-consent-panel .alert-success');
    const table = await doc.locator('.evidence-consent-panel table').innerText();
    expect(table).toMatch(/Compartir con organizaciones aliadas\s+Negado/);
    expect(table).toMatch(/Análisis interno\s+Retirado/);
    expect(table).toMatch(/Acciones legales\s+Otorgado/);
    await doc.waitForSelector('.custody-list li:has-text("cambió el consentimiento")');
    expect(await doc.locator('.custody-list').innerText()).toContain('Análisis interno: Retirado');

    await doc.click('button:has-text("Editar la descripción")');
    await doc.fill('#evidence-edit-description', DESCRIPTION);
    await doc.click('section.evidence-description button[type=submit]');
    await doc.waitForSelector('button:has-text("Editar la descripción")');
    await doc.locator('section.evidence-description button.reveal').click();
    expect(await doc.locator('section.evidence-description').innerText()).toContain(DESCRIPTION);
    await doc.waitForSelector('.custody-list li:has-text("cambió la descripción")');
  });

  it('preserves an online threat with a screenshot, shows its reference and hash, and goes back to the incident', async () => {
    await gotoInApp(doc, `/incidents/${incidentId}`, 'a:has-text("Preservar amenaza en línea")');
    await doc.click('a:has-text("Preservar amenaza en línea")');
    await doc.waitForSelector('#f-platform');
    expect(doc.url()).toBe(`${srv.url}/incidents/${incidentId}/evidence/capture`);
    // the platform is required: said in place
    await doc.click('form.evidence-capture-form button[type=submit]');
    await doc.waitForSelector('#f-platform[aria-invalid="true"]');
    await doc.selectOption('#f-platform', 'facebook');
    await doc.fill('#f-account', 'perfil.falso.amenaza');
    // only a web link is an address
    await doc.fill('#f-url', 'javascript:alert(1)');
    await doc.click('form.evidence-capture-form button[type=submit]');
    await doc.waitForSelector('#f-url[aria-invalid="true"]');
    expect(await doc.locator('#f-url-err').innerText()).toBe('Escribe una dirección que empiece con http:// o https://.');
    await doc.fill('#f-url', 'https://www.facebook.com/perfil.falso.amenaza/posts/123');
    await doc.fill('#f-text', 'Sabemos dónde está el albergue. Cierren o los cerramos.');
    await doc.fill('#f-seenAt', '2026-11-27');
    await doc.fill('#f-seenTime', '21:40');
    await doc.setInputFiles('#f-screenshot', join(work, 'captura-amenaza.png'));
    await expectAccessibleInBothLanguages(doc, 'capture page');
    await fitsPhone(doc, 'capture page');
    await doc.click('form.evidence-capture-form button[type=submit]');
    await doc.waitForSelector('#capture-saved-title');
    expect(await doc.locator('#capture-saved-title').innerText()).toMatch(/^Preservada como \S+$/);
    expect(await doc.locator('.evidence-saved code.hash-full').innerText()).toMatch(/^[0-9a-f]{64}$/);
    await shot(doc, 'evidence-captured');
    await nothingIdentifyingInUrlOrTitle(doc);
    await doc.click('button:has-text("Volver al incidente")');
    await doc.waitForURL(`${srv.url}/incidents/${incidentId}`);
    await doc.waitForSelector('.evidence-list li.is-child');
    const list = await doc.locator('.evidence-list').innerText();
    expect(list).toContain('Amenaza en línea preservada');
    expect(list).toContain('Captura de pantalla');
    expect(list).not.toContain('perfil.falso.amenaza');
    expect(await doc.locator('.evidence-list li.evidence-item').count()).toBe(3);
  });

  it('attaches a document to a person\'s page too (no image kind, no testimony to choose), after a refused web page', async () => {
    const actor = await call(session, 'POST', '/api/v1/actors', { kind: 'person', pseudonym: 'Defensora Luna' });
    expect(actor.status, JSON.stringify(actor.body)).toBe(201);
    await gotoInApp(doc, `/people/${actor.body.id}`, 'section.evidence p.muted');
    await doc.click('details.evidence-upload > summary');
    // a web page is refused: said next to the file field, in Spanish, nothing stored
    await doc.setInputFiles('#evidence-file', join(work, 'pagina.html'));
    await excusing(415, () => doc.click('.evidence-upload button[type=submit]'));
    await doc.waitForSelector('#evidence-file[aria-invalid="true"]');
    expect(await doc.locator('#evidence-file-err').innerText()).toContain('Este tipo de archivo no se acepta');
    expect(await doc.locator('section.evidence p.muted').innerText()).toBe('Aún no hay pruebas.');
    await doc.setInputFiles('#evidence-file', join(work, 'oficio.pdf'));
    expect(await doc.locator('#evidence-kind').count()).toBe(0);
    expect(await doc.locator('#evidence-source').count()).toBe(0);
    await doc.click('.evidence-upload button[type=submit]');
    await doc.waitForSelector('.evidence-list li.evidence-item');
    expect(await doc.locator('.evidence-list').innerText()).toContain('PDF');
    expect(await doc.locator('.evidence-list').innerText()).toContain('application/pdf');
    await fitsPhone(doc, 'person page with evidence');
    // attached by mistake: the documenter who received it removes it, after one confirmation
    const personPage = new URL(doc.url()).pathname;
    await doc.click('.evidence-list li.evidence-item .card-title a');
    await doc.waitForSelector('#remove-heading');
    doc.once('dialog', (d) => void d.accept());
    await doc.click('text=Quitar esta prueba >> nth=-1');
    await doc.waitForFunction((path) => location.pathname === path, personPage);
    await doc.waitForSelector('section.evidence p.muted');
    expect(await doc.locator('section.evidence p.muted').innerText()).toBe('Aún no hay pruebas.');
  });

  it('a viewer sees the item listed, but no description, metadata, image or original', async () => {
    const viewer = await signIn(VIEWER);
    await gotoInApp(viewer, `/incidents/${incidentId}`, '.evidence-list li.evidence-item');
    const section = await viewer.locator('section.evidence').innerText();
    expect(section).toContain(itemRef);
    expect(section).toContain(photoSha.slice(0, 12));
    expect(section).toContain('solo lo ven quienes tienen acceso a datos que identifican');
    expect(await viewer.locator('#evidence-file').count()).toBe(0);
    expect(await viewer.locator('form.evidence-export').count()).toBe(0);
    expect(await viewer.locator('a:has-text("Preservar amenaza en línea")').count()).toBe(0);

    await viewer.click(`.evidence-list a[href="/evidence/${itemId}"]`);
    await viewer.waitForSelector('main .alert-info');
    expect(await viewer.locator('h1').innerText()).toBe(`Prueba ${itemRef}`);
    const main = await viewer.locator('main').innerText();
    expect(main).toContain('solo los ven quienes tienen acceso a datos que identifican');
    expect(main).toContain(photoSha);
    for (const secret of [DESCRIPTION, PHOTO_NAME, MARKERS.model, String(JPEG_EXIF.lat)]) expect(main).not.toContain(secret);
    expect(await viewer.locator('section.evidence-metadata').count()).toBe(0);
    expect(await viewer.locator('main img').count()).toBe(0);
    expect(await viewer.locator('#evidence-original-purpose').count()).toBe(0);
    expect(await viewer.locator('.custody-list').count()).toBe(0);
    expect(await viewer.locator('button:has-text("Cambiar el consentimiento")').count()).toBe(0);
    await expectAccessibleInBothLanguages(viewer, 'restricted evidence item');
    await fitsPhone(viewer, 'restricted evidence item');
  });

  it('an admin exports a bundle for legal action, and the real CLI verifies it with the fingerprint shown', async () => {
    const admin = await signIn(ADMIN);
    await gotoInApp(admin, `/incidents/${incidentId}`, 'form.evidence-export .evidence-key code');
    const fingerprint = (await admin.locator('form.evidence-export .evidence-key code').innerText()).trim();
    expect(fingerprint.replace(/:/g, '')).toMatch(/^[0-9a-f]{64}$/i);
    await admin.check(`#evidence-pick-${itemId}`);
    // for partners the photo has no consent: named before anything is asked of the server
    await admin.selectOption('#evidence-bundle-purpose', 'share_partners');
    expect(await admin.locator('form.evidence-export .alert-warning').innerText()).toContain(itemRef);
    await admin.selectOption('#evidence-bundle-purpose', 'legal_action');
    expect(await admin.locator('form.evidence-export .alert-warning').count()).toBe(0);
    expect(await admin.locator('.evidence-export-count').innerText()).toBe('1 prueba marcada');
    await shot(admin, 'evidence-export');
    await expectAccessibleInBothLanguages(admin, 'evidence export');
    await fitsPhone(admin, 'evidence export');

    // the bundle needs a recent sign-in: the admin has just signed in, so no password is asked
    const downloading = admin.waitForEvent('download');
    await admin.click('form.evidence-export button[type=submit]');
    const bundle = await downloading;
    expect(await admin.locator('#reauth-password').count()).toBe(0);
    expect(bundle.suggestedFilename()).toMatch(/^[\w.-]+\.zip$/);
    expect(bundle.suggestedFilename()).not.toMatch(/soldados|albergue|saltillo/i);
    const file = join(work, 'paquete.zip');
    await bundle.saveAs(file);
    await admin.waitForSelector('form.evidence-export .alert-success');
    expect(await admin.locator('form.evidence-export .alert-success').innerText()).toContain('Paquete descargado con 1 prueba.');
    expect(await admin.locator(`#evidence-pick-${itemId}`).isChecked()).toBe(false);

    const verified = await runCli(['verify-bundle', file, '--fingerprint', fingerprint], {});
    expect(verified.code, `${verified.stdout}\n${verified.stderr}`).toBe(0);
    expect(verified.stdout).toMatch(/bundle verified/);

    // the export is in the item's chain of custody, with the purpose
    await gotoInApp(admin, `/evidence/${itemId}`, '.custody-list');
    await admin.waitForSelector('.custody-list li:has-text("la incluyó en un paquete exportado")');
    expect(await admin.locator('.custody-list li:has-text("la incluyó en un paquete exportado")').innerText()).toMatch(/Motivo: Caso legal · Paquete [0-9a-f]{8}/);
  });

  it('made no request to another origin and logged no console error', () => {
    for (const rec of pages) {
      expect(rec.errors).toEqual([]);
      expect(rec.requests.filter((u) => !u.startsWith(srv.url))).toEqual([]);
    }
  });
});
