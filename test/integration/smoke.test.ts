import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { newWorkspace, Client, type TestWorkspace } from '../helpers/api.js';

let ws: TestWorkspace;
beforeAll(async () => { ws = await newWorkspace(); });
afterAll(async () => { await ws.close(); });

describe('smoke', () => {
  it('records and finds an incident', async () => {
    const c = new Client(ws.app);
    expect((await c.login()).statusCode).toBe(200);
    const r = await c.req('POST', '/api/v1/incidents', {
      title: 'Amenaza en el albergue',
      summary: 'Hombres armados amenazaron al coordinador frente a la casa.',
      date: { start: '2026-11-20' },
      place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo' },
      victims: [{ key: 'v1', actor: { kind: 'person', pseudonym: 'Coordinador A', realName: 'Nombre Real' } }],
      acts: [{ kind: 'threat', victimKey: 'v1', perpetrators: [{ perpetrator: 'non_state' }] }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const s = await c.req('POST', '/api/v1/incidents/search', { q: 'amenazaron' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().total).toBe(1);
  });
});
