/**
 * The evidence read routes over HTTP on a real encrypted workspace: a viewer sees an item listed but
 * none of its sealed parts and cannot open its files; an authorised reader gets the metadata, the
 * viewing copy inline and the original as a download named by its reference — never cached, never
 * sniffed, sandboxed — each read in the custody; a bad purpose is a 400 naming the field; a stale
 * change a 409; nothing identifying in a URL, header or log.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { ADMIN, Client, adminContext, newWorkspace, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { storeTestItem } from '../helpers/evidence-items.js';

let ws: TestWorkspace;
let admin: Client;
let viewer: Client;
let documenter: Client;
let incidentId: string;
let itemId: string;
const MARKER = 'QZLEERPRUEBA';
const PHOTO = Buffer.from(`\xff\xd8 foto ${MARKER} `.repeat(500), 'latin1');
const COPY = Buffer.from('copia sin metadatos', 'utf8');

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login(ADMIN.email, ADMIN.password);
  viewer = await userWithRole(ws, admin, 'viewer');
  documenter = await userWithRole(ws, admin, 'documenter');
  const created = await admin.req('POST', '/api/v1/incidents', { title: 'Soldados frente al albergue', date: { start: '2026-03-01' }, place: { precision: 'country', country: 'MX' } });
  expect(created.statusCode).toBe(201);
  incidentId = created.json<{ id: string }>().id;
  itemId = await storeTestItem(await adminContext(ws), {
    owner: { incidentId, actorId: null }, bytes: PHOTO, copy: COPY, originalName: `${MARKER}.jpg`, description: `Descripción ${MARKER}`,
    metadata: { model: `Teléfono ${MARKER}`, gps: { lat: 14.9, lon: -92.26 } },
  });
}, 60_000);
afterAll(async () => { await ws?.close(); });

describe('evidence read routes', () => {
  it('list an incident\'s items to a viewer without sealed parts, and say they may not open them', async () => {
    const r = await viewer.req('GET', `/api/v1/incidents/${incidentId}/evidence`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toContain('no-store');
    const body = r.json<{ items: { id: string; sha256: string }[]; mayOpen: boolean }>();
    expect(body.mayOpen).toBe(false);
    expect(body.items.map((i) => i.id)).toEqual([itemId]);
    expect(body.items[0]!.sha256).toBe(createHash('sha256').update(PHOTO).digest('hex'));
    expect(r.body).not.toContain(MARKER);
    const one = await viewer.req('GET', `/api/v1/evidence/${itemId}`);
    expect(one.json()).toMatchObject({ restricted: true });
    expect(one.body).not.toContain(MARKER);
    for (const url of [`/api/v1/evidence/${itemId}/view`, `/api/v1/evidence/${itemId}/original?purpose=review`, `/api/v1/evidence/${itemId}/custody`]) {
      expect((await viewer.req('GET', url)).statusCode, url).toBe(403);
    }
    expect((await viewer.req('PATCH', `/api/v1/evidence/${itemId}`, { version: 1, description: 'x' })).statusCode).toBe(403);
  });

  it('give an authorised reader the metadata, the copy inline and the original as a neutral download', async () => {
    const one = await documenter.req('GET', `/api/v1/evidence/${itemId}`);
    expect(one.json()).toMatchObject({ restricted: false, description: `Descripción ${MARKER}`, metadata: { model: `Teléfono ${MARKER}`, gps: { lat: 14.9, lon: -92.26 } } });
    const view = await documenter.req('GET', `/api/v1/evidence/${itemId}/view`);
    expect(view.statusCode).toBe(200);
    expect(view.rawPayload.equals(COPY)).toBe(true);
    expect(view.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-disposition': 'inline; filename="EV-0001.jpg"', 'x-content-type-options': 'nosniff' });
    expect(String(view.headers['cache-control'])).toContain('no-store');
    expect(String(view.headers['content-security-policy'])).toContain('sandbox');
    const original = await documenter.req('GET', `/api/v1/evidence/${itemId}/original?purpose=legal_case`);
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(PHOTO)).toBe(true);
    expect(original.headers['content-disposition']).toBe('attachment; filename="EV-0001.jpg"');
    expect(JSON.stringify(original.headers)).not.toContain(MARKER);
    const custody = await documenter.req('GET', `/api/v1/evidence/${itemId}/custody`);
    expect(custody.json<{ entries: { action: string; purpose?: string }[] }>().entries.map((e) => [e.action, e.purpose ?? null])).toEqual([
      ['evidence.receive', null], ['evidence.view_metadata', null], ['evidence.view', null], ['evidence.download', 'legal_case'],
    ]);
  });

  it('name the field of a bad purpose or change, 404 an unknown item, 409 a stale change', async () => {
    const bad = await documenter.req('GET', `/api/v1/evidence/${itemId}/original?purpose=curiosidad`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('purpose');
    const missing = await documenter.req('GET', `/api/v1/evidence/${itemId}/original`);
    expect(missing.statusCode).toBe(400);
    expect((await documenter.req('GET', '/api/v1/evidence/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await documenter.req('GET', '/api/v1/evidence/no-es-un-id')).statusCode).toBe(400);
    const badConsent = await documenter.req('PATCH', `/api/v1/evidence/${itemId}`, { version: 1, consent: { legal_action: 'quizá' } });
    expect(badConsent.statusCode).toBe(400);
    expect(badConsent.body).toContain('consent.legal_action');
    const ok = await documenter.req('PATCH', `/api/v1/evidence/${itemId}`, { version: 1, consent: { legal_action: 'given' } });
    expect(ok.statusCode).toBe(200);
    expect((await admin.req('PATCH', `/api/v1/evidence/${itemId}`, { version: 1, consent: { legal_action: 'withdrawn' } })).statusCode).toBe(409);
    expect(ws.logs.join('\n')).not.toContain(MARKER);
  });

  it('remove an item for who may, answering 204, and keep nothing of it but its custody', async () => {
    const version = (await documenter.req('GET', `/api/v1/evidence/${itemId}`)).json<{ version: number }>().version;
    expect((await viewer.req('DELETE', `/api/v1/evidence/${itemId}?version=${version}`)).statusCode).toBe(403);
    expect((await documenter.req('DELETE', `/api/v1/evidence/${itemId}?version=${version}`)).statusCode).toBe(403); // received by the admin
    expect((await admin.req('DELETE', `/api/v1/evidence/${itemId}`)).statusCode).toBe(400);
    expect((await admin.req('DELETE', `/api/v1/evidence/${itemId}?version=${version + 1}`)).statusCode).toBe(409);
    expect((await admin.req('DELETE', `/api/v1/evidence/${itemId}?version=${version}`)).statusCode).toBe(204);
    expect((await admin.req('GET', `/api/v1/evidence/${itemId}`)).statusCode).toBe(404);
    expect((await admin.req('GET', `/api/v1/incidents/${incidentId}/evidence`)).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
