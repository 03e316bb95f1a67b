import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let admin: Client;
beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
});
afterAll(async () => { await ws.close(); });

describe('incidents API', () => {
  it('records the whole model and reads it back', async () => {
    const r = await admin.req('POST', '/api/v1/incidents', fullIncident());
    expect(r.statusCode, r.body).toBe(201);
    const created = r.json();
    expect(created.ref).toMatch(/^INC-\d{6}$/);
    expect(created.version).toBe(1);
    expect(created.acts).toHaveLength(3);
    expect(created.victims).toHaveLength(2);
    expect(created.acts[0].victimKey).toBe(created.victims[0].actorId);
    expect(created.sources[0].consent.named_publication).toBe('refused');
    // identifying values are masked even for those who may see them, until asked for
    expect(created.place.private).toBeUndefined();
    expect(created.masked).toEqual(expect.arrayContaining(['place.private', 'victims[0].actor.realName', 'sources[0].testimony', 'acts[0].perpetrators[0].identifiedIndividuals']));
    expect(JSON.stringify(created)).not.toContain('Calle secreta');
    const g = await admin.req('GET', `/api/v1/incidents/${created.id}`);
    expect(g.statusCode).toBe(200);
    expect(g.json().canEdit).toBe(true);
    expect(g.json().acts[1].perpetrators).toHaveLength(2);
    expect(g.body).not.toContain('Nombre Real');
    const full = (await admin.req('GET', `/api/v1/incidents/${created.id}?for=edit`)).json();
    expect(full.place.private.address).toContain('Calle secreta');
    expect(full.masked).toBeUndefined();
  });

  it('reveals chosen identifying values on request and audits each read', async () => {
    const c = (await admin.req('POST', '/api/v1/incidents', fullIncident('REVEAL'))).json();
    const r = await admin.req('POST', `/api/v1/incidents/${c.id}/reveal`, { paths: ['victims[0].actor.realName', 'sources[0].testimony'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().values).toEqual({ 'victims[0].actor.realName': 'Nombre Real REVEAL', 'sources[0].testimony': 'Me dijeron que me fuera REVEAL' });
    const bad = await admin.req('POST', `/api/v1/incidents/${c.id}/reveal`, { paths: ['title'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].path).toBe('paths[0]');
    await admin.req('GET', `/api/v1/incidents/${c.id}?for=edit`);
    const actorId = c.victims[0].actorId;
    const a = await admin.req('POST', `/api/v1/actors/${actorId}/reveal`, { paths: ['contact'] });
    expect(a.json().values).toEqual({ contact: '+52 000 REVEAL' });
    const events = await ws.vault.runtime().store.audit.list(50);
    const reads = events.filter((e) => (e.target_id === c.id || e.target_id === actorId) && e.action.startsWith('identifying.'));
    expect(reads.map((e) => e.action).sort()).toEqual(['identifying.read', 'identifying.revealed', 'identifying.revealed']);
    // the audit log names fields, never values
    const raw = await ws.vault.runtime().store.db.selectFrom('audit_events').select('detail').execute();
    expect(JSON.stringify(raw)).not.toContain('REVEAL');
  });

  it('keeps an address without coordinates as the private place', async () => {
    const c = (await admin.req('POST', '/api/v1/incidents', { title: 'Solo dirección', place: { precision: 'locality', country: 'MX', private: { address: 'Calle 1' } } })).json();
    expect((await admin.req('GET', `/api/v1/incidents/${c.id}?for=edit`)).json().place.private).toEqual({ address: 'Calle 1' });
  });

  it('updates with the version it started from, keeps history and refuses a stale version', async () => {
    const c = (await admin.req('POST', '/api/v1/incidents', { title: 'Vigilancia', acts: [{ kind: 'surveillance' }] })).json();
    const { id, ref: _r, version, orgId: _o, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, canEdit: _ce, ...rest } = c;
    const victims = rest.victims.map((v: { key: string; actorId: string }) => ({ key: v.key, actorId: v.actorId }));
    const u = await admin.req('PUT', `/api/v1/incidents/${id}`, { ...rest, victims, version, title: 'Vigilancia frente a la casa', status: 'verified' });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json().version).toBe(2);
    expect(u.json().acts[0].id).toBe(c.acts[0].id);
    const stale = await admin.req('PUT', `/api/v1/incidents/${id}`, { ...rest, victims, version, title: 'otra' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/version/);
    const h = (await admin.req('GET', `/api/v1/incidents/${id}/history`)).json();
    expect(h.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const paths = h.revisions[0].changes.map((ch: { path: string }) => ch.path);
    expect(paths).toContain('title');
    expect(paths).toContain('status');
    expect(h.revisions[0].changes.find((ch: { path: string }) => ch.path === 'title')).toMatchObject({ before: 'Vigilancia', after: 'Vigilancia frente a la casa' });
    expect(h.revisions[0].userName).toBe('Rosa (admin)');
  });

  it('records identifying changes in history without their values', async () => {
    const created = (await admin.req('POST', '/api/v1/incidents', fullIncident('HIST'))).json();
    const c = (await admin.req('GET', `/api/v1/incidents/${created.id}?for=edit`)).json();
    const input = {
      title: c.title, summary: c.summary, date: c.date, place: { ...c.place, private: { lat: 1, lon: 2, address: 'NUEVA DIRECCION' } }, context: c.context, status: c.status, followUp: c.followUp,
      confidentiality: c.confidentiality, victims: c.victims.map((v: { key: string; actorId: string }) => ({ key: v.key, actorId: v.actorId })), acts: c.acts, sources: c.sources, interventions: c.interventions, version: c.version,
    };
    expect((await admin.req('PUT', `/api/v1/incidents/${c.id}`, input)).statusCode).toBe(200);
    const h = (await admin.req('GET', `/api/v1/incidents/${c.id}/history`)).json();
    const text = JSON.stringify(h.revisions[0]);
    expect(text).not.toContain('NUEVA DIRECCION');
    expect(text).not.toContain('Calle secreta');
    expect(h.revisions[0].changes.some((ch: { identifying?: boolean }) => ch.identifying)).toBe(true);
    expect(JSON.stringify(h.revisions[1])).not.toContain('Nombre Real');
  });

  it('refuses parts that belong to another incident', async () => {
    const a = (await admin.req('POST', '/api/v1/incidents', { title: 'A', acts: [{ kind: 'threat' }] })).json();
    const b = (await admin.req('POST', '/api/v1/incidents', { title: 'B' })).json();
    const r = await admin.req('PUT', `/api/v1/incidents/${b.id}`, { title: 'B', version: 1, acts: [{ id: a.acts[0].id, kind: 'threat' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().problems[0].path).toBe('acts[0].id');
    const c = await admin.req('POST', '/api/v1/incidents', { title: 'C', acts: [{ id: a.acts[0].id, kind: 'threat' }] });
    expect(c.statusCode).toBe(400);
  });

  it('names the field for unknown codes, impossible dates, wrong types and unknown fields, and writes nothing', async () => {
    const before = (await admin.req('POST', '/api/v1/incidents/search', {})).json().total;
    const cases: [unknown, string, RegExp][] = [
      [{ title: 'x', acts: [{ kind: 'no_such_act' }] }, 'acts[0].kind', /unknown code/],
      [{ title: 'x', place: { private: { lat: 10 } } }, 'place.private.lon', /both latitude and longitude/],
      [{ title: 'x', place: { private: {} } }, 'place.private', /address or a point/],
      [{ title: 'x', place: { country: 'GT', crossing: 'us_mx.san_ysidro' } }, 'place.crossing', /not on a border of GT/],
      [{ title: 'x', date: { start: '2019-02-30' } }, 'date.start', /not a real date/],
      [{ title: 'x', date: { start: '2019-07', end: '2019-06' } }, 'date.end', /before start/],
      [{ title: 42 }, 'title', /string/],
      [{ title: '' }, 'title', /required/],
      [{}, 'title', /required/],
      [{ title: 'x', colour: 'red' }, '', /unknown field "colour"/],
      [{ title: 'x', place: { country: 'MX', state: 'GT-01' } }, 'place.state', /not in MX/],
      [{ title: 'x', acts: [{ kind: 'threat', victimKey: 'nobody' }] }, 'acts[0].victimKey', /no victim/],
      [{ title: 'x', acts: [{ kind: 'threat', perpetrators: [{ perpetrator: 'state.zz' }] }] }, 'acts[0].perpetrators[0].perpetrator', /unknown code/],
      [{ title: 'x', victims: [{ key: 'v', actor: { kind: 'person', pseudonym: 'P', role: 'astronaut' } }] }, 'victims[0].actor.role', /unknown code/],
      [{ title: 'x\u0000y' }, 'title', /control characters/],
    ];
    for (const [body, path, msg] of cases) {
      const r = await admin.req('POST', '/api/v1/incidents', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      const problem = r.json().problems.find((p: { path: string }) => p.path === path);
      expect(problem, `${JSON.stringify(body)} → ${r.body}`).toBeDefined();
      expect(problem.message).toMatch(msg);
      expect(problem.code, `${path} has a machine-readable code`).toMatch(/^[a-z_]+$/);
    }
    expect((await admin.req('POST', '/api/v1/incidents/search', {})).json().total).toBe(before);
  });

  it('answers malformed JSON, invalid UTF-8, wrong content type and huge bodies with 4xx', async () => {
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
    const bad = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: '{"title": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/not valid JSON/);
    expect(bad.json().problems).toMatchObject([{ path: 'body', code: 'invalid_json' }]);
    const utf = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) });
    expect(utf.statusCode).toBe(400);
    expect(utf.json().message).toMatch(/UTF-8/);
    expect(utf.json().problems).toMatchObject([{ path: 'body', code: 'invalid_utf8' }]);
    const proto = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: '{"title":"x","__proto__":{"admin":true}}' });
    expect(proto.statusCode).toBe(400);
    // named like every other 400 (fuzz tests generate own __proto__ keys and expect the problem list)
    expect(proto.json().problems).toMatchObject([{ path: 'body', code: 'invalid_json' }]);
    const text = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'hola' });
    expect(text.statusCode).toBe(415);
    const huge = await ws.app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: JSON.stringify({ title: 'x', summary: 'a'.repeat(2 * 1024 * 1024) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toMatch(/limit/);
    const long = await admin.req('POST', '/api/v1/incidents', { title: 'x', summary: 'a'.repeat(20001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().problems[0].path).toBe('summary');
  });

  it('searches accent- and case-insensitively, in Spanish and English, with facets', async () => {
    await admin.req('POST', '/api/v1/incidents', { title: 'Detención arbitraria en Tapachula', place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' }, date: { start: '2019-03-02' }, acts: [{ kind: 'detention', perpetrators: [{ perpetrator: 'state.mx.guardia_nacional' }] }] });
    await admin.req('POST', '/api/v1/incidents', { title: 'Volunteer detained at the San Ysidro port of entry', place: { precision: 'crossing', country: 'US', state: 'US-CA', crossing: 'us_mx.san_ysidro' }, date: { start: '2020' }, acts: [{ kind: 'detention', perpetrators: [{ perpetrator: 'state.us.cbp' }] }] });
    const q = async (body: unknown) => (await admin.req('POST', '/api/v1/incidents/search', body)).json();
    expect((await q({ q: 'DETENCION tapachula' })).total).toBe(1);
    expect((await q({ q: 'detención TAPACHULA' })).total).toBe(1);
    expect((await q({ q: 'Tapáchula' })).total).toBe(1);
    expect((await q({ q: 'tapach' })).total).toBe(1);
    // vocabulary labels are indexed in both languages: the English act label finds the Spanish record and vice versa
    expect((await q({ q: 'arbitrary detention' })).total).toBe(2);
    expect((await q({ q: 'detención arbitraria' })).total).toBe(2);
    expect((await q({ q: 'Guardia Nacional' })).total).toBe(1);
    const us = await q({ q: 'arbitrary detention', country: ['US'] });
    expect(us.total).toBe(1);
    // a facet is counted without its own filter, so other countries still show
    expect(us.facets.country.map((f: { value: string }) => f.value).sort()).toEqual(['MX', 'US']);
    const perp = await q({ perpetrator: ['state.us'] });
    expect(perp.total).toBe(1);
    const byYear = await q({ from: '2019-01', to: '2019-12-31' });
    expect(byYear.hits.every((h: { date?: { start: string } }) => h.date?.start.startsWith('2019'))).toBe(true);
    expect((await q({ q: '"; DROP TABLE incidents; --' })).total).toBe(0);
    expect((await q({ q: 'NEAR(a b) OR * AND ^' })).total).toBeGreaterThanOrEqual(0);
    const bad = await admin.req('POST', '/api/v1/incidents/search', { from: '2019-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].path).toBe('from');
  });

  it('removes an incident from lists and search but keeps its history', async () => {
    const c = (await admin.req('POST', '/api/v1/incidents', { title: 'Registro duplicado zzqx' })).json();
    expect((await admin.req('DELETE', `/api/v1/incidents/${c.id}?version=1`)).statusCode).toBe(204);
    expect((await admin.req('GET', `/api/v1/incidents/${c.id}`)).statusCode).toBe(404);
    expect((await admin.req('POST', '/api/v1/incidents/search', { q: 'zzqx' })).json().total).toBe(0);
  });

  it('accepts a retired term on an old record but not on new ones', async () => {
    const add = await admin.req('POST', '/api/v1/vocabularies/context/terms', { label: { es: 'Operativo especial', en: 'Special operation' } });
    expect(add.statusCode, add.body).toBe(201);
    const code = add.json().code;
    const old = (await admin.req('POST', '/api/v1/incidents', { title: 'Con término', context: [code] })).json();
    expect((await admin.req('PATCH', `/api/v1/vocabularies/context/terms/${code}`, { retired: true })).statusCode).toBe(200);
    const vocab = (await admin.req('GET', '/api/v1/vocabularies')).json();
    expect(vocab.terms.find((t: { code: string; scheme: string }) => t.scheme === 'context' && t.code === code).retired).toBe(true);
    const fresh = await admin.req('POST', '/api/v1/incidents', { title: 'Nuevo', context: [code] });
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().problems[0].message).toMatch(/retired/);
    const again = await admin.req('PUT', `/api/v1/incidents/${old.id}`, { title: 'Con término (editado)', context: [code], version: 1 });
    expect(again.statusCode, again.body).toBe(200);
    expect((await admin.req('GET', `/api/v1/incidents/${old.id}`)).json().context).toEqual([code]);
  });

  it('lets documenters edit only their own incidents and hides identifying fields from analysts', async () => {
    const doc = await userWithRole(ws, admin, 'documenter');
    const analyst = await userWithRole(ws, admin, 'analyst');
    const mine = await doc.req('POST', '/api/v1/incidents', fullIncident('DOC'));
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = (await admin.req('POST', '/api/v1/incidents', { title: 'del admin' })).json();
    expect((await doc.req('PUT', `/api/v1/incidents/${theirs.id}`, { title: 'cambio', version: 1 })).statusCode).toBe(403);
    expect((await doc.req('DELETE', `/api/v1/incidents/${theirs.id}?version=1`)).statusCode).toBe(403);
    expect((await analyst.req('POST', '/api/v1/incidents', { title: 'x' })).statusCode).toBe(403);
    expect((await analyst.req('GET', `/api/v1/incidents/${mine.json().id}?for=edit`)).statusCode).toBe(403);
    expect((await analyst.req('POST', `/api/v1/incidents/${mine.json().id}/reveal`, { paths: ['place.private'] })).statusCode).toBe(403);
    const seen = await analyst.req('GET', `/api/v1/incidents/${mine.json().id}`);
    expect(seen.statusCode).toBe(200);
    for (const secret of ['Nombre Real DOC', 'Calle secreta', 'alias El DOC', 'Me dijeron', '+52 000 DOC']) expect(seen.body).not.toContain(secret);
    expect(seen.json().redacted).toEqual(expect.arrayContaining(['place.private', 'victims[0].actor.realName', 'sources[0].testimony', 'acts[0].perpetrators[0].identifiedIndividuals']));
    const actor = await analyst.req('GET', `/api/v1/actors/${mine.json().victims[0].actorId}`);
    expect(actor.body).not.toContain('Nombre Real');
    expect(actor.json().incidents.length).toBe(1);
  });
});
