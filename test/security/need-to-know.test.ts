/**
 * Need-to-know: a restricted incident exists only for the users and groups it is shared with —
 * admins included — in every read path (one record, search and its facet counts, history, reveal,
 * people pages, decrypt-and-scan, export). A share can grant identifying values to an analyst.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';

let ws: TestWorkspace;
let author: Client; // the first admin
let otherAdmin: Client;
let analyst: Client;
let restrictedId = '';
let openId = '';
let victimId = '';
const ids: Record<string, string> = {};

async function me(c: Client): Promise<string> {
  return ((await c.req('GET', '/api/v1/session')).json() as { user: { id: string } }).user.id;
}

beforeAll(async () => {
  ws = await newWorkspace();
  author = new Client(ws.app);
  await author.login();
  otherAdmin = await userWithRole(ws, author, 'admin', 'admin2@example.org');
  analyst = await userWithRole(ws, author, 'analyst');
  const r = await author.req('POST', '/api/v1/incidents', { ...fullIncident('RESTRINGIDO'), confidentiality: 'restricted' });
  expect(r.statusCode, r.body).toBe(201);
  restrictedId = (r.json() as { id: string }).id;
  victimId = (r.json() as { victims: { actorId: string }[] }).victims[0]!.actorId;
  const o = await author.req('POST', '/api/v1/incidents', fullIncident('ABIERTO'));
  openId = (o.json() as { id: string }).id;
  ids['otherAdmin'] = await me(otherAdmin);
  ids['analyst'] = await me(analyst);
});
afterAll(async () => { await ws.close(); });

const search = async (c: Client, q = 'albergue') => (await c.req('POST', '/api/v1/incidents/search', { q, page: 1, pageSize: 50 })).json() as { total: number; hits: { id: string }[]; facets: { country: { value: string; count: number }[] } };

describe('need-to-know', () => {
  it('the author sees the restricted incident (shared with them on save)', async () => {
    expect((await author.req('GET', `/api/v1/incidents/${restrictedId}`)).statusCode).toBe(200);
    const shares = (await author.req('GET', `/api/v1/incidents/${restrictedId}/shares`)).json() as { shares: { type: string }[]; canChange: boolean };
    expect(shares.shares).toHaveLength(1);
    expect(shares.canChange).toBe(true);
    expect((await search(author)).total).toBe(2);
    const reads = await ws.vault.runtime().store.db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'restricted.read').execute();
    expect(reads).toEqual([{ action: 'restricted.read', target_id: restrictedId }]);
  });

  it('another admin cannot see it anywhere: not found, not listed, not counted, not exported', async () => {
    for (const [method, url, body] of [
      ['GET', `/api/v1/incidents/${restrictedId}`],
      ['GET', `/api/v1/incidents/${restrictedId}?for=edit`],
      ['GET', `/api/v1/incidents/${restrictedId}/history`],
      ['GET', `/api/v1/incidents/${restrictedId}/shares`],
      ['POST', `/api/v1/incidents/${restrictedId}/reveal`, { paths: ['place.private'] }],
      ['PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'user', id: ids['otherAdmin'] }] }],
      ['PUT', `/api/v1/incidents/${restrictedId}`, { ...fullIncident('X'), version: 1 }],
      ['DELETE', `/api/v1/incidents/${restrictedId}?version=1`],
    ] as const) {
      const r = await otherAdmin.req(method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    const s = await search(otherAdmin);
    expect(s.total).toBe(1);
    expect(s.hits.map((h) => h.id)).toEqual([openId]);
    expect(s.facets.country).toEqual([{ value: 'MX', count: 1 }]);
    // the victim known only from the restricted incident is hidden too
    expect((await otherAdmin.req('GET', `/api/v1/actors/${victimId}`)).statusCode).toBe(404);
    expect((await otherAdmin.req('POST', `/api/v1/actors/${victimId}/reveal`, { paths: ['realName'] })).statusCode).toBe(404);
    const people = (await otherAdmin.req('POST', '/api/v1/actors/search', { q: 'Coordinador' })).json() as { total: number };
    expect(people.total).toBe(1); // the open incident's own victim only
    expect(((await author.req('POST', '/api/v1/actors/search', { q: 'Coordinador' })).json() as { total: number }).total).toBe(2);
    // pseudonyms are found whatever the case, on both backends
    expect(((await author.req('POST', '/api/v1/actors/search', { q: 'coordinador' })).json() as { total: number }).total).toBe(2);
    const scan = (await otherAdmin.req('POST', '/api/v1/incidents/scan-identifying', { text: 'RESTRINGIDO' })).json() as { total: number; matches: unknown[] };
    expect(scan).toMatchObject({ total: 1, matches: [] });
    const { exportWorkspace } = await import('../../src/services/interchange/export-workspace.js');
    const rt = ws.vault.runtime();
    const asOther = { store: rt.store, vocab: rt.vocab, now: () => new Date().toISOString(), user: { id: ids['otherAdmin']!, role: 'admin' as const, orgId: '', displayName: 'admin2' } };
    const doc = await exportWorkspace(asOther);
    expect(doc.incidents.map((i) => i.id)).toEqual([openId]);
    expect(JSON.stringify(doc)).not.toContain('RESTRINGIDO');
  });

  it('sharing through a group makes it visible to the group\'s members', async () => {
    const g = await author.req('POST', '/api/v1/groups', { name: 'Equipo legal', members: [ids['otherAdmin']] });
    expect(g.statusCode, g.body).toBe(201);
    const groupId = (g.json() as { id: string }).id;
    const me1 = await me(author);
    const put = await author.req('PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'user', id: me1 }, { type: 'group', id: groupId }] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await otherAdmin.req('GET', `/api/v1/incidents/${restrictedId}`)).statusCode).toBe(200);
    expect((await search(otherAdmin)).total).toBe(2);
    // a group that is the only way to a restricted incident cannot be deleted
    await author.req('PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'group', id: groupId }] });
    expect((await author.req('DELETE', `/api/v1/groups/${groupId}`)).statusCode).toBe(409);
    // the author removed themselves: they no longer see it
    expect((await author.req('GET', `/api/v1/incidents/${restrictedId}`)).statusCode).toBe(404);
    const back = await otherAdmin.req('PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'user', id: me1 }, { type: 'group', id: groupId }] });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('a restricted incident cannot be left shared with nobody; unknown principals are named', async () => {
    const empty = await author.req('PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('restricted_needs_share');
    const unknown = await author.req('PUT', `/api/v1/incidents/${restrictedId}/shares`, { shares: [{ type: 'user', id: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('shares[0].id');
  });

  it('analysts see identifying values redacted unless a share grants them', async () => {
    const plain = (await analyst.req('GET', `/api/v1/incidents/${openId}`)).json() as { redacted?: string[]; masked?: string[] };
    expect(plain.redacted?.length).toBeGreaterThan(0);
    expect((await analyst.req('POST', `/api/v1/incidents/${openId}/reveal`, { paths: ['place.private'] })).statusCode).toBe(403);
    const put = await author.req('PUT', `/api/v1/incidents/${openId}/shares`, { shares: [{ type: 'user', id: ids['analyst'], identifying: true }] });
    expect(put.statusCode, put.body).toBe(200);
    const granted = (await analyst.req('GET', `/api/v1/incidents/${openId}`)).json() as { redacted?: string[]; masked?: string[] };
    expect(granted.redacted).toBeUndefined();
    expect(granted.masked?.length).toBeGreaterThan(0);
    const rev = await analyst.req('POST', `/api/v1/incidents/${openId}/reveal`, { paths: ['place.private'] });
    expect(rev.statusCode, rev.body).toBe(200);
    expect(JSON.stringify(rev.json())).toContain('ABIERTO');
  });
});
