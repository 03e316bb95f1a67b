/**
 * Fields an admin marks identifying: once marked, the summary, act descriptions and a person's notes
 * are sealed in the store (old records too), masked or redacted in answers, gone from the search
 * index and scrubbed from the history; the decrypt-and-scan finds them; unmarking brings them back.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { fullIncident } from '../helpers/fixtures.js';
import { tableNames, allRows } from '../helpers/db-tables.js';

const MARK = 'QZMARCADOX';
let ws: TestWorkspace;
let admin: Client;
let analyst: Client;
let id = '';

async function dump(): Promise<string> {
  const db = ws.vault.runtime().store.db;
  const tables = await tableNames(db);
  let out = '';
  for (const t of tables) for (const r of await allRows(db, t)) out += JSON.stringify(r);
  return out;
}
const search = async (q: string) => ((await admin.req('POST', '/api/v1/incidents/search', { q })).json() as { total: number }).total;

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  analyst = await userWithRole(ws, admin, 'analyst');
  const inc = fullIncident('publico');
  inc.summary = `Resumen que nombra a ${MARK} uno`;
  (inc.acts[0] as { description?: string }).description = `Descripción ${MARK}`;
  (inc.victims[0]!.actor as { notes?: string }).notes = `Notas ${MARK}`;
  const r = await admin.req('POST', '/api/v1/incidents', inc);
  expect(r.statusCode, r.body).toBe(201);
  id = (r.json() as { id: string }).id;
  // a second version, so the history holds the summary's old and new values
  const edit = (await admin.req('GET', `/api/v1/incidents/${id}?for=edit`)).json() as Record<string, unknown> & { version: number; victims: { key: string; actorId: string }[] };
  const { id: _i, ref: _r, orgId: _o, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, canEdit: _ce, ...body } = edit;
  const put = await admin.req('PUT', `/api/v1/incidents/${id}`, { ...body, victims: edit.victims.map((v) => ({ key: v.key, actorId: v.actorId })), summary: `Resumen que nombra a ${MARK} dos` });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => { await ws.close(); });

describe('fields marked identifying', () => {
  it('starts unmarked: the summary is plain, indexed and in the history', async () => {
    expect(await search(MARK)).toBe(1);
    expect(await dump()).toContain(MARK);
    expect(((await admin.req('GET', '/api/v1/session')).json() as { identifyingFields: string[] }).identifyingFields).toEqual([]);
  });

  it('marking seals old records, drops them from the index and scrubs the history', async () => {
    expect((await analyst.req('PUT', '/api/v1/settings/identifying-fields', { fields: ['summary'] })).statusCode).toBe(403);
    const r = await admin.req('PUT', '/api/v1/settings/identifying-fields', { fields: ['summary', 'acts.description', 'actor.notes'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ incidents: 1, revisions: 2 }); // the creation and the edit both recorded the summary
    expect(await dump()).not.toContain(MARK);
    expect(await search(MARK)).toBe(0);
    expect(await search('publico')).toBe(1); // the rest of the record is still indexed
    const history = (await admin.req('GET', `/api/v1/incidents/${id}/history`)).json() as { revisions: { changes: { path: string; identifying?: boolean; before?: unknown }[] }[] };
    const summaryChange = history.revisions.flatMap((v) => v.changes).find((c) => c.path === 'summary');
    expect(summaryChange).toEqual({ path: 'summary', identifying: true });
    expect(((await admin.req('GET', '/api/v1/session')).json() as { identifyingFields: string[] }).identifyingFields).toEqual(['actor.notes', 'acts.description', 'summary']);
  });

  it('answers mask them for those who may reveal, redact them for analysts; reveal and scan work', async () => {
    const a = (await admin.req('GET', `/api/v1/incidents/${id}`)).json() as { summary?: string; masked: string[] };
    expect(a.summary).toBeUndefined();
    expect(a.masked).toEqual(expect.arrayContaining(['summary', 'acts[0].description', 'victims[0].actor.notes']));
    const b = (await analyst.req('GET', `/api/v1/incidents/${id}`)).json() as { summary?: string; redacted: string[] };
    expect(b.summary).toBeUndefined();
    expect(b.redacted).toContain('summary');
    expect(JSON.stringify(b)).not.toContain(MARK);
    const rev = await admin.req('POST', `/api/v1/incidents/${id}/reveal`, { paths: ['summary'] });
    expect((rev.json() as { values: Record<string, string> }).values['summary']).toBe(`Resumen que nombra a ${MARK} dos`);
    const scan = (await admin.req('POST', '/api/v1/incidents/scan-identifying', { text: MARK })).json() as { matches: { fields: string[] }[] };
    expect(scan.matches[0]?.fields).toEqual(expect.arrayContaining(['summary', 'acts.description']));
  });

  it('new records follow the rule at once; a text that looks sealed is sealed rather than misread', async () => {
    const inc = fullIncident('nuevo');
    inc.summary = `Otro ${MARK}`;
    (inc.interventions[0] as { notes?: string }).notes = 'f1.AAAAAAAAAAAA.AAECAwQFBgcICQoLVeCbs7Bo';
    const r = await admin.req('POST', '/api/v1/incidents', inc);
    expect(r.statusCode, r.body).toBe(201);
    const nid = (r.json() as { id: string }).id;
    expect(await dump()).not.toContain(MARK);
    const back = (await admin.req('GET', `/api/v1/incidents/${nid}?for=edit`)).json() as { summary: string; interventions: { notes: string }[] };
    expect(back.summary).toBe(`Otro ${MARK}`);
    expect(back.interventions[0]!.notes).toBe('f1.AAAAAAAAAAAA.AAECAwQFBgcICQoLVeCbs7Bo');
  });

  it('unmarking opens them again: plain, indexed, shown', async () => {
    const r = await admin.req('PUT', '/api/v1/settings/identifying-fields', { fields: [] });
    expect(r.statusCode, r.body).toBe(200);
    expect(await search(MARK)).toBe(2);
    const a = (await admin.req('GET', `/api/v1/incidents/${id}`)).json() as { summary?: string; masked?: string[] };
    expect(a.summary).toBe(`Resumen que nombra a ${MARK} dos`);
    expect(a.masked ?? []).not.toContain('summary');
  });
});
