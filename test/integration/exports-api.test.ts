/**
 * The records export over HTTP (POST /api/v1/exports) on a real encrypted workspace: the file comes
 * back with a fixed name, no-store and nosniff; identifying values need a recent sign-in (403
 * reauth_required, then the re-authentication lets it through); a file for partners refuses them
 * naming `includeIdentifying`; a viewer gets the same incidents without them; restricted incidents
 * not shared with the admin are not there; nothing the search asked for reaches the logs.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { newWorkspace, Client, userWithRole, ADMIN, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let admin: Client;
let viewer: Client;
let documenter: Client;
const MARK = 'QZEXPORTMARK';

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  viewer = await userWithRole(ws, admin, 'viewer');
  documenter = await userWithRole(ws, admin, 'documenter');
  for (const body of [
    fullIncident(MARK),
    { ...fullIncident(`${MARK}R`), title: 'Caso reservado del documentador', confidentiality: 'restricted' },
  ]) {
    const r = await (body.confidentiality === 'restricted' ? documenter : admin).req('POST', '/api/v1/incidents', body);
    expect(r.statusCode).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const rows = (body: string) => parse(body, { bom: true, columns: true }) as Record<string, string>[];

describe('POST /api/v1/exports', () => {
  it('answers the file with a fixed name, no-store and nosniff, without identifying values by default', async () => {
    const r = await admin.req('POST', '/api/v1/exports', { format: 'csv', purpose: 'internal', lang: 'es', q: 'albergue' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toBe('attachment; filename="bitacora-incidents.csv"');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const list = rows(r.body);
    expect(list).toHaveLength(1);
    expect(list[0]!['titulo']).toContain(MARK);
    expect(r.body).not.toContain(`Nombre Real ${MARK}`);
    expect(r.body).not.toContain('Caso reservado');
    expect(ws.logs.join('\n')).not.toContain('albergue');
  });

  it('needs a recent sign-in for identifying values, and then includes them', async () => {
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    await ws.vault.runtime().store.db.updateTable('sessions').set({ reauth_at: stale }).execute();
    const body = { format: 'xlsx', purpose: 'internal', lang: 'en', includeIdentifying: true };
    const refused = await admin.req('POST', '/api/v1/exports', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('reauth_required');
    expect((await admin.req('POST', '/api/v1/session/reauth', { password: ADMIN.password })).statusCode).toBe(200);
    const r = await admin.req('POST', '/api/v1/exports', body);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="bitacora-incidents.xlsx"');
    const sheet = await readSheet(r.rawPayload);
    const head = sheet[0] as string[];
    expect(sheet).toHaveLength(2);
    expect(sheet[1]![head.indexOf('victims_real_names')]).toBe(`Coordinador A: Nombre Real ${MARK}`);
    expect(sheet[1]![head.indexOf('testimonies')]).toBe(`Fuente 1: Me dijeron que me fuera ${MARK}`);
  });

  it('refuses identifying values in a file for partners, naming includeIdentifying', async () => {
    const r = await admin.req('POST', '/api/v1/exports', { format: 'uwazi', purpose: 'partners', includeIdentifying: true });
    expect(r.statusCode).toBe(400);
    expect(r.json().problems).toEqual([expect.objectContaining({ path: 'includeIdentifying', code: 'not_for_partners' })]);
    const ok = await admin.req('POST', '/api/v1/exports', { format: 'uwazi', purpose: 'partners' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-disposition']).toBe('attachment; filename="bitacora-incidents.uwazi.csv"');
    expect(ok.body.split('\r\n')[0]!.startsWith('title,')).toBe(true);
  });

  it('gives a viewer the incidents they may see without identifying values, and refuses those values', async () => {
    const r = await viewer.req('POST', '/api/v1/exports', { format: 'geojson', purpose: 'internal' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/geo\+json/);
    const g = JSON.parse(r.body) as { features: { properties: Record<string, unknown> }[] };
    expect(g.features).toHaveLength(1);
    expect(r.body).not.toContain(`Calle secreta 12 ${MARK}`);
    expect(r.body).not.toContain('Caso reservado');
    const refused = await viewer.req('POST', '/api/v1/exports', { format: 'csv', purpose: 'internal', includeIdentifying: true });
    expect(refused.statusCode).toBe(403);
  });

  it('shows the documenter their restricted incident, and refuses bad input with a 400 naming the field', async () => {
    const r = await documenter.req('POST', '/api/v1/exports', { format: 'huridocs', purpose: 'internal', lang: 'es' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="bitacora-incidents.huridocs.json"');
    expect((JSON.parse(r.body) as { events: unknown[] }).events).toHaveLength(2);
    for (const [body, path] of [[{ format: 'csv' }, 'purpose'], [{ format: 'pdf', purpose: 'internal' }, 'format'], [{ format: 'csv', purpose: 'internal', from: '2026-13' }, 'from'], [{ format: 'csv', purpose: 'internal', lang: 'fr' }, 'lang']] as const) {
      const bad = await admin.req('POST', '/api/v1/exports', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().problems.map((p: { path: string }) => p.path)).toContain(path);
    }
    const anonymous = await new Client(ws.app).req('POST', '/api/v1/exports', { format: 'csv', purpose: 'internal' });
    expect(anonymous.statusCode).toBe(401);
  });
});
