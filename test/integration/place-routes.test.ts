/**
 * The gazetteer API against a real encrypted workspace: lookups (POST: nothing typed in URLs or
 * logs), ambiguous names, filters, points located, every bad field a 400 naming it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
let c: Client;
beforeAll(async () => {
  ws = await newWorkspace();
  c = new Client(ws.app);
  await c.login();
});
afterAll(async () => { await ws.close(); });

interface Lookup { candidates: { kind: string; name: string; country: string; state?: string; municipality?: string; lat?: number; lon?: number; match: string }[]; ambiguous: boolean }
const lookup = async (body: unknown) => {
  const r = await c.req('POST', '/api/v1/places/lookup', body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Lookup;
};

describe('POST /api/v1/places/lookup', () => {
  it('resolves a town written any way, with its state, municipality and coordinates', async () => {
    const r = await lookup({ q: 'Cd. Juarez' });
    expect(r.ambiguous).toBe(false);
    expect(r.candidates[0]).toEqual({ kind: 'locality', name: 'Ciudad Juárez', country: 'MX', state: 'MX-CHH', municipality: 'Juárez', lat: 31.72024, lon: -106.46084, match: 'exact' });
  });

  it('offers every place a shared name names, and says it is ambiguous', async () => {
    const r = await lookup({ q: 'Chihuahua' });
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.slice(0, 3).map((x) => `${x.kind} ${x.state}`)).toEqual(['state MX-CHH', 'municipality MX-CHH', 'locality MX-CHH']);
    const hidalgo = await lookup({ q: 'Ciudad Hidalgo' });
    expect(hidalgo.ambiguous).toBe(true);
    expect(hidalgo.candidates.map((x) => x.state)).toEqual(expect.arrayContaining(['MX-CHP', 'MX-MIC']));
  });

  it('narrows by country and state, and limits the answer', async () => {
    const r = await lookup({ q: 'Ciudad Hidalgo', state: 'MX-MIC' });
    expect(r.candidates.map((x) => x.state)).toEqual(['MX-MIC']);
    expect(r.ambiguous).toBe(false);
    expect((await lookup({ q: 'San Diego', country: 'US', limit: 50 })).candidates.every((x) => x.country === 'US')).toBe(true);
    expect((await lookup({ q: 'San', limit: 3 })).candidates).toHaveLength(3);
    expect(await lookup({ q: 'Tapachula', country: 'GT' })).toEqual({ candidates: [], ambiguous: false });
    expect(await lookup({ q: 'Zzyzx Qwerty' })).toEqual({ candidates: [], ambiguous: false });
  });

  it('accepts ISO codes and state names in Spanish and English', async () => {
    expect((await lookup({ q: 'MX-CHP' })).candidates[0]).toMatchObject({ kind: 'state', state: 'MX-CHP' });
    expect((await lookup({ q: 'Mexico City' })).candidates[0]).toMatchObject({ kind: 'state', state: 'MX-CMX' });
    expect((await lookup({ q: 'Islas de la Bahía' })).candidates[0]).toMatchObject({ kind: 'state', state: 'HN-IB' });
  });

  it('refuses bad input with a 400 naming the field, never echoing what was typed', async () => {
    const cases: [unknown, string][] = [
      [{}, 'q'], [{ q: '' }, 'q'], [{ q: '   ' }, 'q'], [{ q: 'QZPLACEMARK'.repeat(11) }, 'q'], [{ q: 'QZPLACEMARK\u0000' }, 'q'], [{ q: 'QZPLACEMARK\nx' }, 'q'], [{ q: 42 }, 'q'],
      [{ q: 'QZPLACEMARK', country: 'mx' }, 'country'], [{ q: 'QZPLACEMARK', country: 'MEX' }, 'country'],
      [{ q: 'QZPLACEMARK', state: 'MX-XXX' }, 'state'], [{ q: 'QZPLACEMARK', state: 'Chiapas' }, 'state'],
      [{ q: 'QZPLACEMARK', limit: 0 }, 'limit'], [{ q: 'QZPLACEMARK', limit: 51 }, 'limit'], [{ q: 'QZPLACEMARK', limit: 2.5 }, 'limit'], [{ q: 'QZPLACEMARK', limit: '5' }, 'limit'],
      [{ q: 'QZPLACEMARK', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const r = await c.req('POST', '/api/v1/places/lookup', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect((r.json() as { problems: { path: string; message: string }[] }).problems.map((p) => `${p.path} ${p.message}`).join('; '), JSON.stringify(body)).toContain(field);
      expect(r.body).not.toContain('QZPLACEMARK');
    }
  });

  it('keeps typed names out of the logs', async () => {
    await lookup({ q: 'QZLOGMARK Tapachula' });
    expect(ws.logs.join('\n')).not.toContain('QZLOGMARK');
  });
});

describe('POST /api/v1/places/locate', () => {
  it('gives the country and state of a point, and how near a border it is', async () => {
    const tapachula = await c.req('POST', '/api/v1/places/locate', { lat: 14.90541, lon: -92.25891 });
    expect(tapachula.statusCode, tapachula.body).toBe(200);
    expect(tapachula.json()).toMatchObject({ country: 'MX', state: 'MX-CHP', states: 'checked' });
    const elPaso = (await c.req('POST', '/api/v1/places/locate', { lat: 31.75872, lon: -106.48693 })).json() as { country: string; state: string; nearBorderKm: number };
    expect(elPaso).toMatchObject({ country: 'US', state: 'US-TX' });
    expect(elPaso.nearBorderKm).toBeLessThan(3);
    expect((await c.req('POST', '/api/v1/places/locate', { lat: 40.4165, lon: -3.70256 })).json()).toEqual({ country: 'ES', states: 'not_covered' });
  });

  it('refuses impossible or missing coordinates with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ lat: 91, lon: 0 }, 'lat'], [{ lat: -90.5, lon: 0 }, 'lat'], [{ lat: 0, lon: 181 }, 'lon'], [{ lat: '14.9', lon: -92 }, 'lat'], [{ lat: 14.9 }, 'lon'], [{ lat: 1, lon: 1, q: 'x' }, 'q'], [null, 'body'],
    ];
    for (const [body, field] of cases) {
      const r = await c.req('POST', '/api/v1/places/locate', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.body, JSON.stringify(body)).toContain(field);
    }
  });
});

describe('who may use them', () => {
  it('needs a session and the CSRF token; every role may look places up', async () => {
    expect((await ws.app.inject({ method: 'POST', url: '/api/v1/places/lookup', payload: { q: 'Tapachula' } })).statusCode).toBe(401);
    const viewer = await userWithRole(ws, c, 'viewer');
    expect((await viewer.req('POST', '/api/v1/places/lookup', { q: 'Tapachula' })).statusCode).toBe(200);
    expect((await viewer.req('POST', '/api/v1/places/locate', { lat: 14.9, lon: -92.26 })).statusCode).toBe(200);
    viewer.csrf = 'wrong';
    expect((await viewer.req('POST', '/api/v1/places/lookup', { q: 'Tapachula' })).statusCode).toBe(403);
  });
});
