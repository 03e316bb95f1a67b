import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { Store } from '../store.js';
import { dialectOf } from '../migrations/dialect.js';
import { indexIncident, indexIncidents } from '../search/incident-search.js';
import { shareNewIncidentsWithUser } from './new-incident-rows.js';

describe('rows of new incidents written many at a time', () => {
  let ws: TestWorkspace;
  let store: Store;
  beforeAll(async () => {
    ws = await newWorkspace();
    store = ws.vault.runtime().store;
  });
  afterAll(async () => {
    await ws?.close();
  });

  const ftsRows = async (seqs: number[]) => {
    const seqCol = dialectOf(store.db) === 'postgres' ? sql.raw('seq') : sql.raw('rowid');
    const r = await sql<{ seq: number; title: string; body: string }>`SELECT ${seqCol} AS seq, title, body FROM incident_fts WHERE ${seqCol} IN (${sql.join(seqs)}) ORDER BY 1`.execute(store.db);
    return r.rows.map((x) => ({ ...x, seq: Number(x.seq) }));
  };

  it('indexes many at a time as one at a time, replacing what a seq held', async () => {
    await indexIncident(store.db, 9001, 'uno', 'cuerpo uno');
    await indexIncident(store.db, 9002, 'viejo', 'cuerpo viejo');
    const many = Array.from({ length: 1203 }, (_, k) => ({ seq: 9002 + k, title: `título ${k}`, body: `cuerpo ${k}\nlínea` }));
    await indexIncidents(store.db, many);
    await indexIncident(store.db, 20001, many[0]!.title, many[0]!.body);
    const got = await ftsRows([9001, ...many.map((r) => r.seq)]);
    expect(got).toEqual([{ seq: 9001, title: 'uno', body: 'cuerpo uno' }, ...many]);
    // the row one-at-a-time indexing writes for the same text is the same row
    expect((await ftsRows([20001]))[0]).toEqual({ ...many[0], seq: 20001 });
  });

  it('shares with a user as addShare does, leaving a share already there as it is', async () => {
    const u = (await store.users.list())[0]!;
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) {
      const id = `00000000-0000-4000-8000-00000000000${k}`;
      await store.db.insertInto('incidents').values({
        id, org_id: u.org_id, title: `t${k}`, summary: null, date_start: null, date_end: null, date_approx: 0, date_from: null, date_to: null, place_precision: 'unknown',
        country: null, state: null, locality: null, route_segment: null, crossing: null, private_lat: null, private_lon: null, private_address: null, private_sealed: null,
        status: 'reported', follow_up: 'open', confidentiality: 'restricted', created_at: now, created_by: u.id, updated_at: now, updated_by: u.id, version: 1, deleted_at: null,
      }).execute();
      ids.push(id);
    }
    await store.shares.addShare(ids[0]!, { type: 'user', id: u.id, identifying: true }, u.id, 'earlier');
    await shareNewIncidentsWithUser(store.db, ids, u.id, u.id, now);
    const rows = await store.db.selectFrom('incident_shares').selectAll().where('incident_id', 'in', ids).orderBy('incident_id').execute();
    expect(rows.map((r) => [r.incident_id, r.principal_type, r.principal_id, Number(r.identifying), r.granted_by, r.granted_at])).toEqual([
      [ids[0], 'user', u.id, 1, u.id, 'earlier'],
      [ids[1], 'user', u.id, 0, u.id, now],
      [ids[2], 'user', u.id, 0, u.id, now],
    ]);
  });
});
