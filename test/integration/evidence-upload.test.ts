/**
 * Uploading evidence through the HTTP API with real multipart bodies (as browsers build them, and
 * by hand for what they never send), on both backends: a photo with GPS kept byte for byte with its
 * metadata sealed and a viewing copy without any; every hostile or broken upload refused with a 4xx
 * naming the part and nothing left in files, file_chunks or evidence_items; who may upload where;
 * an online capture with two screenshots; a client hanging up mid-upload leaving nothing behind and
 * no server fault logged.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { formDataBody, multipartBody, postMultipart, BOUNDARY, type MultipartBody } from '../helpers/multipart.js';
import {
  ALL_METADATA_MARKERS, JPEG_EXIF, MARKERS, containsMarker, docxLike, htmlFile, jpegWithGps, minimalPdf, pngWithMetadata, truncatedJpeg, truncatedPng, zipBombDocx, zipWithTraversal,
} from '../helpers/evidence-files.js';
import { buildServer } from '../../src/http/server.js';

let ws: TestWorkspace;
let admin: Client;
let viewer: Client;
const ids: Record<string, string> = {};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

const store = () => ws.vault.runtime().store;
async function counts(): Promise<number[]> {
  const n = async (t: string) => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(store().db)).rows[0]!.n);
  return [await n('files'), await n('file_chunks'), await n('evidence_items')];
}
async function readFile(id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of store().files.read(id)) parts.push(p);
  return Buffer.concat(parts);
}
const photoUpload = (fields: Record<string, string> = {}, name = 'soldados.jpg', content: Uint8Array = jpegWithGps()) => formDataBody(fields, [{ name: 'file', filename: name, content, type: 'image/jpeg' }]);
const evidenceUrl = () => `/api/v1/incidents/${ids['incident']}/evidence`;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  const r = await admin.req('POST', '/api/v1/incidents', fullIncident('QZUPLOAD'));
  expect(r.statusCode, r.body).toBe(201);
  const inc = r.json() as { id: string; sources: { id: string }[]; victims: { actorId: string }[] };
  ids['incident'] = inc.id;
  ids['source'] = inc.sources[0]!.id;
  ids['actor'] = inc.victims[0]!.actorId;
  viewer = await userWithRole(ws, admin, 'viewer');
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('uploading a photo', () => {
  it('keeps it byte for byte, reads its metadata and makes a copy without any', async () => {
    const photo = jpegWithGps();
    const before = await counts();
    const r = await postMultipart(ws.app, admin, evidenceUrl(), await photoUpload({ kind: 'photo', description: 'Soldados frente al albergue', sourceId: ids['source']!, consent: JSON.stringify({ legal_action: 'given' }) }, 'declaración soldados.jpg'));
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json() as Record<string, unknown> & { id: string };
    expect(d).toMatchObject({
      kind: 'photo', mediaType: 'image/jpeg', size: photo.length, sha256: sha(photo), sourceId: ids['source'], hasViewCopy: true, restricted: false,
      originalName: 'declaración soldados.jpg', description: 'Soldados frente al albergue', consent: { legal_action: 'given', share_partners: 'not_asked' },
      metadata: { takenAt: '2026-11-20T14:35:09', make: MARKERS.make, model: MARKERS.model, gps: { lat: JPEG_EXIF.lat, lon: JPEG_EXIF.lon }, width: 64, height: 48 },
    });
    expect((await counts()).map((n, i) => n - before[i]!)).toEqual([2, 2, 1]);
    const item = (await store().evidence.get(d.id, { open: true }))!;
    const original = await readFile(item.fileId);
    expect(sha(original)).toBe(sha(photo));
    const copy = await readFile(item.viewFileId!);
    expect(copy.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    for (const m of ALL_METADATA_MARKERS) expect(containsMarker(copy, m), m).toBe(false);
    expect(copy.includes(Buffer.from('Exif'))).toBe(false);
    expect(r.headers['cache-control']).toBe('no-store');
    // upload routes log like every route (so the no-fault checks below see their answers)
    expect(ws.logs.some((l) => l.startsWith('request ') && l.includes('"route":"/api/v1/incidents/:id/evidence"') && l.includes('"status":201'))).toBe(true);
  });

  it('takes a screenshot, a PDF, a document, and evidence about a person', async () => {
    const png = await postMultipart(ws.app, admin, evidenceUrl(), await formDataBody({ kind: 'screenshot' }, [{ name: 'file', filename: 'captura.png', content: pngWithMetadata() }]));
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ kind: 'screenshot', mediaType: 'image/png', hasViewCopy: true });
    const pdf = await postMultipart(ws.app, admin, evidenceUrl(), multipartBody([{ name: 'description', value: '' }, { name: 'file', filename: 'denuncia.pdf', content: minimalPdf() }]));
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ kind: 'pdf', hasViewCopy: false, sha256: sha(minimalPdf()) });
    const docx = await docxLike();
    const doc = await postMultipart(ws.app, admin, evidenceUrl(), await formDataBody({}, [{ name: 'file', filename: 'acta.docx', content: docx }]));
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json()).toMatchObject({ kind: 'document', sha256: sha(docx) });
    const person = await postMultipart(ws.app, admin, `/api/v1/actors/${ids['actor']}/evidence`, await photoUpload());
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({ actorId: ids['actor'], incidentId: null });
  });

  it('documents the upload routes as multipart/form-data', async () => {
    const doc = (await admin.req('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { format?: string }> } }> } }>> };
    const body = doc.paths['/api/v1/incidents/{id}/evidence']!['post']!.requestBody!.content['multipart/form-data']!;
    expect(Object.keys(body.schema.properties)).toEqual(['kind', 'description', 'sourceId', 'consent', 'file']);
    expect(body.schema.properties['file']!.format).toBe('binary');
  });
});

describe('refused uploads keep nothing', () => {
  const refused = async (body: MultipartBody | (() => Promise<MultipartBody>), status: number, url = evidenceUrl(), client = admin, app: FastifyInstance = ws.app) => {
    const before = await counts();
    const r = await postMultipart(app, client, url, typeof body === 'function' ? await body() : body);
    expect(r.statusCode, r.body).toBe(status);
    expect(await counts()).toEqual(before);
    const answer = r.json() as { error: string; message: string; problems?: { path: string; code?: string }[] };
    if (status !== 403 && status !== 404) expect(answer.message).toMatch(/^[a-zA-Z[\]0-9.]+: /); // names the field or part
    return answer;
  };
  const file = (filename: string, content: Uint8Array) => formDataBody({}, [{ name: 'file', filename, content }]);

  it('refuses a zip bomb named .docx', async () => {
    expect(await refused(() => file('informe.docx', zipBombDocx()), 400)).toMatchObject({ error: 'zip_bomb' });
    expect(await refused(() => file('informe.docx', zipWithTraversal()), 400)).toMatchObject({ error: 'zip_path' });
  });

  it('refuses content that contradicts its extension', async () => {
    expect(await refused(() => file('foto.jpg', minimalPdf()), 415)).toMatchObject({ error: 'unsupported_type', message: 'file: the content is a PDF but the name ends in .jpg' });
  });

  it('refuses images cut short', async () => {
    expect(await refused(() => file('foto.jpg', truncatedJpeg()), 400)).toMatchObject({ error: 'damaged_image', message: 'file: the image is damaged or cut short' });
    expect(await refused(() => file('captura.png', truncatedPng()), 400)).toMatchObject({ error: 'damaged_image' });
  });

  it('refuses a name that climbs out of its folder, exactly as sent', async () => {
    const a = await refused(multipartBody([{ name: 'file', filename: '../../x.jpg', content: jpegWithGps() }]), 400);
    expect(a).toMatchObject({ error: 'invalid', problems: [{ path: 'file', code: 'name_traversal' }] });
    expect(await refused(multipartBody([{ name: 'file', filename: 'C:\\fotos\\x.jpg', content: jpegWithGps() }]), 400)).toMatchObject({ problems: [{ path: 'file', code: 'name_separator' }] });
    expect(await refused(multipartBody([{ name: 'file', filename: '', content: jpegWithGps() }]), 400)).toMatchObject({ problems: [{ path: 'file', code: 'name_required' }] });
  });

  it('refuses web pages', async () => {
    expect(await refused(() => file('pagina.html', htmlFile()), 415)).toMatchObject({ error: 'unsupported_type' });
    expect(await refused(() => file('pagina.txt', htmlFile()), 415)).toMatchObject({ error: 'unsupported_type' });
  });

  it('refuses files over the upload limit', async () => {
    const small = await buildServer({ vault: ws.vault, allowWebSetup: false, version: 'test', maxUploadBytes: 64 * 1024, log: (m, f) => ws.logs.push(`${m} ${JSON.stringify(f)}`) });
    try {
      const c = new Client(small);
      await c.login();
      const big = Buffer.concat([minimalPdf(), Buffer.alloc(100 * 1024, 0x20)]);
      expect(await refused(() => file('grande.pdf', big), 413, evidenceUrl(), c, small)).toMatchObject({ error: 'file_too_large', message: 'file: larger than the limit of 64 KB' });
      // just under the limit is fine
      const ok = await postMultipart(small, c, evidenceUrl(), await file('justo.pdf', Buffer.concat([minimalPdf(), Buffer.alloc(60 * 1024, 0x20)])));
      expect(ok.statusCode, ok.body).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('refuses a body that is not multipart', async () => {
    const before = await counts();
    const json = await admin.req('POST', evidenceUrl(), { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ error: 'unsupported_media_type', message: 'body: send multipart/form-data (text fields first, then the file)' });
    const text = await ws.app.inject({ method: 'POST', url: evidenceUrl(), remoteAddress: admin.remoteAddress, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/plain' }, payload: 'hola' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ message: 'body: send multipart/form-data' });
    const none = await admin.req('POST', evidenceUrl());
    expect(none.statusCode).toBe(415);
    const noBoundary = await ws.app.inject({ method: 'POST', url: evidenceUrl(), remoteAddress: admin.remoteAddress, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'multipart/form-data' }, payload: 'hola' });
    expect(noBoundary.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses bodies out of order, incomplete or with unknown parts, naming the part', async () => {
    const jpg = { name: 'file', filename: 'f.jpg', content: jpegWithGps() };
    expect(await refused(multipartBody([jpg, { name: 'description', value: 'tarde' }]), 400)).toMatchObject({ error: 'field_after_file', problems: [{ path: 'description' }] });
    expect(await refused(multipartBody([jpg, jpg]), 400)).toMatchObject({ error: 'too_many_files' });
    expect(await refused(multipartBody([{ name: 'description', value: 'sin archivo' }]), 400)).toMatchObject({ error: 'invalid', problems: [{ path: 'file' }] });
    expect(await refused(multipartBody([{ name: 'color', value: 'rojo' }, jpg]), 400)).toMatchObject({ error: 'unknown_field', problems: [{ path: 'color' }] });
    expect(await refused(multipartBody([{ name: 'kind', value: 'photo' }, { name: 'kind', value: 'screenshot' }, jpg]), 400)).toMatchObject({ error: 'repeated_field' });
    expect(await refused(multipartBody([{ name: 'consent', value: '{no es json' }, jpg]), 400)).toMatchObject({ error: 'invalid_json', problems: [{ path: 'consent' }] });
    expect(await refused(multipartBody([{ name: 'consent', value: '{"__proto__":{"x":1}}' }, jpg]), 400)).toMatchObject({ problems: [{ path: 'consent' }] });
    expect(await refused(multipartBody([{ name: 'description', value: 'x'.repeat(70 * 1024) }, jpg]), 400)).toMatchObject({ error: 'too_long' });
    expect(await refused(multipartBody([{ name: 'photo', filename: 'f.jpg', content: jpegWithGps() }]), 400)).toMatchObject({ error: 'unknown_field', problems: [{ path: 'photo' }] });
    expect(await refused(multipartBody([{ name: 'sourceId', value: 'no-es-un-id' }, jpg]), 400)).toMatchObject({ problems: [{ path: 'sourceId' }] });
    // cut off in the middle of the file
    const whole = multipartBody([jpg]);
    expect(await refused({ ...whole, payload: whole.payload.subarray(0, whole.payload.length - 200) }, 400)).toMatchObject({ error: 'invalid_multipart' });
    expect(await refused({ payload: Buffer.from(`--${BOUNDARY}\r\nnonsense\r\n\r\n`), contentType: whole.contentType }, 400)).toBeDefined();
  });

  it('answers 404 for an incident or person that does not exist, and 403 to a viewer', async () => {
    expect(await refused(photoUpload, 404, '/api/v1/incidents/00000000-0000-4000-8000-000000000000/evidence')).toMatchObject({ error: 'not_found' });
    expect(await refused(photoUpload, 404, '/api/v1/actors/00000000-0000-4000-8000-000000000000/evidence')).toMatchObject({ error: 'not_found' });
    expect(await refused(photoUpload, 403, evidenceUrl(), viewer)).toMatchObject({ error: 'forbidden' });
    expect(await refused(photoUpload, 403, `/api/v1/incidents/${ids['incident']}/evidence/captures`, viewer)).toMatchObject({ error: 'forbidden' });
  });
});

describe('online capture', () => {
  const captureUrl = () => `/api/v1/incidents/${ids['incident']}/evidence/captures`;
  const CAPTURE = { platform: 'x', account: '@amenazas_qz', url: 'https://x.com/amenazas_qz/status/1', text: 'Los vamos a sacar del albergue', seenAt: '2026-11-20T09:15' };

  it('keeps the record and two screenshots as items under it', async () => {
    const before = await counts();
    const body = await formDataBody({ capture: JSON.stringify(CAPTURE) }, [
      { name: 'screenshot', filename: 'captura-1.jpg', content: jpegWithGps() },
      { name: 'screenshot', filename: 'captura-2.png', content: pngWithMetadata() },
    ]);
    const r = await postMultipart(ws.app, admin, captureUrl(), body);
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json() as { id: string; capture: Record<string, string>; sha256: string };
    expect(d).toMatchObject({ kind: 'online_capture', mediaType: 'application/json', capture: { ...CAPTURE, capturedAt: expect.any(String) } });
    const json = await readFile((await store().evidence.get(d.id, { open: false }))!.fileId);
    expect(JSON.parse(json.toString('utf8'))).toEqual(d.capture);
    expect(sha(json)).toBe(d.sha256);
    const children = (await store().evidence.list({ incidentId: ids['incident']! })).filter((i) => i.parentId === d.id);
    expect(children.map((c) => [c.kind, c.sha256])).toEqual([['screenshot', sha(jpegWithGps())], ['screenshot', sha(pngWithMetadata())]]);
    expect((await counts()).map((n, i) => n - before[i]!)).toEqual([5, 5, 3]);
  });

  it('refuses a screenshot that is not an image, a field after the screenshots, and a missing form, keeping nothing', async () => {
    const before = await counts();
    const pdf = await postMultipart(ws.app, admin, captureUrl(), await formDataBody({ capture: JSON.stringify(CAPTURE) }, [{ name: 'screenshot', filename: 'a.jpg', content: jpegWithGps() }, { name: 'screenshot', filename: 'b.pdf', content: minimalPdf() }]));
    expect(pdf.statusCode, pdf.body).toBe(415);
    expect(pdf.json()).toMatchObject({ problems: [{ path: 'screenshot[1]' }] });
    const late = await postMultipart(ws.app, admin, captureUrl(), multipartBody([{ name: 'capture', value: JSON.stringify(CAPTURE) }, { name: 'screenshot', filename: 'a.png', content: pngWithMetadata() }, { name: 'capture', value: '{}' }]));
    expect(late.statusCode, late.body).toBe(400);
    expect(late.json()).toMatchObject({ error: 'field_after_file' });
    const none = await postMultipart(ws.app, admin, captureUrl(), multipartBody([{ name: 'screenshot', filename: 'a.png', content: pngWithMetadata() }]));
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json()).toMatchObject({ problems: [{ path: 'capture' }] });
    const bad = await postMultipart(ws.app, admin, captureUrl(), multipartBody([{ name: 'capture', value: JSON.stringify({ ...CAPTURE, platform: 'myspace' }) }, { name: 'screenshot', filename: 'a.png', content: pngWithMetadata() }]));
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({ problems: [{ path: 'platform' }] });
    expect(await counts()).toEqual(before);
  });
});

describe('a client that hangs up mid-upload', () => {
  it('leaves nothing stored and no server fault', async () => {
    await ws.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ws.app.server.address() as AddressInfo;
    const before = await counts();
    const req = httpRequest({
      host: '127.0.0.1', port, method: 'POST', path: evidenceUrl(),
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => undefined);
    req.write(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="largo.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    req.write(minimalPdf());
    const filler = Buffer.alloc(256 * 1024, 0x20);
    // send until the server has stored chunks of it, then hang up
    const writing = async () => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM file_chunks`.execute(store().db)).rows[0]!.n) > before[1]!;
    for (let i = 0; i < 400 && !(await writing()); i++) {
      if (!req.write(filler)) await new Promise((r) => req.once('drain', r));
    }
    expect(await writing()).toBe(true);
    req.destroy();
    for (let i = 0; i < 200 && (await counts()).join() !== before.join(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await counts()).toEqual(before);
    expect(ws.logs.filter((l) => /^error |"status":5\d\d/.test(l))).toEqual([]);
  });
});
