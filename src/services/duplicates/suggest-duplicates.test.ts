/**
 * Likely duplicates of one incident, on both backends: the same detention recorded by two
 * organisations (other title, next day, same town, the same pseudonym) suggested with its reasons,
 * best first; a restricted copy suggested only to those it is shared with; a victim recorded once
 * found across a border; a different town of the state, a later month, a removed incident and an
 * undated one left out; "not a duplicate" remembered (only by those who may edit any incident, only
 * for incidents they see); the candidates read through indexes, never a scan of the incidents.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { adminContext, newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import { TEST_BACKEND } from '../../../test/helpers/backend.js';
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { deleteIncident } from '../incidents/read-incidents.js';
import { createUser } from '../users/manage-users.js';
import type { Role } from '../../domain/user/roles.js';
import { suggestDuplicates, CANDIDATE_CAP } from './suggest-duplicates.js';
import { dismissDuplicate } from './dismiss-duplicate.js';
import { duplicates } from './duplicate-view.js';
import { candidateWindow } from '../../domain/duplicates/window.js';

let ws: TestWorkspace;
let admin: ServiceContext;
const people: Record<string, ServiceContext> = {};
const ids: Record<string, string> = {};
const T0 = '2026-04-01T10:00:00.000Z';

type Extra = Record<string, unknown>;
const incident = (title: string, date: string, place: Extra, victim: Extra | null, extra: Extra = {}) => ({
  title, date: { start: date }, place,
  victims: victim ? [{ key: 'v', ...victim }] : [],
  acts: [{ kind: 'detention.arrest', ...(victim ? { victimKey: 'v' } : {}), perpetrators: [{ perpetrator: 'state.mx.inm' }] }],
  ...extra,
});
const TAPACHULA = { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'Tapachula' };

async function person(role: Role, name: string): Promise<ServiceContext> {
  const u = await createUser(admin, { email: `${name.toLowerCase()}@example.org`, displayName: name, role, password: 'contraseña-larga-2026' });
  return { ...admin, user: { id: u.id, role, orgId: u.orgId, displayName: name } };
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = await adminContext(ws, T0);
  people['coordinator'] = await person('coordinator', 'Tomás');
  people['analyst'] = await person('analyst', 'Lucía');
  const [x] = await recordIncidents(admin, [incident('Detienen al coordinador del albergue', '2026-03-10', TAPACHULA, { actor: { kind: 'person', pseudonym: 'Coordinador Sol' } })]);
  ids['x'] = x!.id;
  ids['sol'] = x!.victims[0]!.actorId;
  const rows = await recordIncidents(admin, [
    incident('INM se lleva a un defensor en Tapachula', '2026-03-11', { ...TAPACHULA, locality: 'tapachula' }, { actor: { kind: 'person', pseudonym: 'coordinador sol' } }),
    incident('Detienen al coordinador del albergue', '2026-03-10', TAPACHULA, { actorId: ids['sol'] }, { confidentiality: 'restricted' }),
    incident('Detención en la garita', '2026-03-10', { precision: 'country', country: 'US' }, { actorId: ids['sol'] }),
    incident('Redada en Huixtla', '2026-03-10', { ...TAPACHULA, locality: 'Huixtla' }, null),
    incident('Detienen al coordinador del albergue', '2026-04-20', TAPACHULA, { actorId: ids['sol'] }),
    incident('Detienen al coordinador del albergue', '2026', TAPACHULA, null),
    incident('Detienen al coordinador del albergue', '2026-03-10', TAPACHULA, null),
  ]);
  for (const [k, v] of ['y', 'restricted', 'border', 'otherTown', 'later', 'yearOnly', 'removed'].entries()) ids[v] = rows[k]!.id;
  await deleteIncident(admin, ids['removed']!, 1);
}, 120_000);
afterAll(async () => { await ws?.close(); });

const refsOf = async (ctx: ServiceContext, id: string) => (await suggestDuplicates(ctx, id)).items.map((s) => s.incident.id);

describe('suggesting duplicates of one incident', () => {
  it('suggests the same event recorded twice, best first, with its reasons and what a merge would move', async () => {
    const r = await suggestDuplicates(admin, ids['x']!);
    expect(r.dated).toBe(true);
    expect(r.partial).toBe(false);
    expect(r.items.map((s) => s.incident.id)).toEqual([ids['restricted'], ids['y'], ids['border']]);
    const y = r.items[1]!;
    expect(y.reasons).toEqual([
      { kind: 'date', gapDays: 1, overlap: false },
      { kind: 'place', level: 'locality' },
      { kind: 'victims', byId: 0, byPseudonym: 1, pseudonyms: ['Coordinador Sol'] },
      { kind: 'acts', shared: ['detention.arrest'] },
      { kind: 'perpetrators', shared: ['state.mx.inm'] },
    ]);
    expect(y.score).toBeGreaterThan(0.7);
    expect(y.incident).toMatchObject({ title: 'INM se lleva a un defensor en Tapachula', date: { start: '2026-03-11' }, place: { precision: 'locality', country: 'MX', state: 'MX-CHP', locality: 'tapachula' }, version: 1, acts: ['detention.arrest'] });
    expect(y.incident.moves).toEqual({ victims: 1, acts: 1, sources: 0, interventions: 0, evidence: 0, urgent: 0 });
    expect(y.incident.ref).toMatch(/^INC-\d{6}$/);
    // the same recorded person, across the border
    expect(r.items[2]!.reasons).toContainEqual({ kind: 'victims', byId: 1, byPseudonym: 0, pseudonyms: [] });
    // and the other way round
    expect(await refsOf(admin, ids['y']!)).toContain(ids['x']);
  });

  it('shows a restricted incident only to those it is shared with', async () => {
    expect(await refsOf(people['coordinator']!, ids['x']!)).toEqual([ids['y'], ids['border']]);
    await expect(suggestDuplicates(people['coordinator']!, ids['restricted']!)).rejects.toMatchObject({ status: 404 });
    expect(await refsOf(people['analyst']!, ids['x']!)).toEqual([ids['y'], ids['border']]);
  });

  it('leaves out incidents that cannot match, and says when the incident\'s own date cannot', async () => {
    const all = await refsOf(admin, ids['x']!);
    for (const k of ['otherTown', 'later', 'yearOnly', 'removed']) expect(all).not.toContain(ids[k]);
    expect(await suggestDuplicates(admin, ids['yearOnly']!)).toEqual({ dated: false, partial: false, items: [] });
    await expect(suggestDuplicates(admin, ids['removed']!)).rejects.toMatchObject({ status: 404 });
    await expect(suggestDuplicates(admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('remembers "not a duplicate" for both incidents; only those who may edit any incident say so, about incidents they see', async () => {
    await expect(dismissDuplicate(people['analyst']!, { a: ids['x'], b: ids['y'] })).rejects.toMatchObject({ status: 403 });
    await expect(dismissDuplicate(people['coordinator']!, { a: ids['x'], b: ids['restricted'] })).rejects.toMatchObject({ status: 404 });
    await expect(dismissDuplicate(people['coordinator']!, { a: ids['x'], b: ids['x'] })).rejects.toMatchObject({ status: 400, problems: [{ path: 'b' }] });
    await dismissDuplicate(people['coordinator']!, { a: ids['y'], b: ids['x'] });
    await dismissDuplicate(people['coordinator']!, { a: ids['x'], b: ids['y'] });
    expect(await refsOf(admin, ids['x']!)).toEqual([ids['restricted'], ids['border']]);
    expect(await refsOf(admin, ids['y']!)).not.toContain(ids['x']);
    const store = ws.vault.runtime().store;
    const audit = await store.db.selectFrom('audit_events').select(['action', 'target_id', 'detail']).where('action', '=', 'incident.duplicate_dismissed').execute();
    expect(audit).toEqual([{ action: 'incident.duplicate_dismissed', target_id: ids['y'], detail: JSON.stringify({ other: ids['x'] }) }]);
  });

  it('reads candidates through indexes, never scanning the incidents', async () => {
    const store = ws.vault.runtime().store;
    const repo = duplicates(store);
    const window = candidateWindow({ from: '2026-03-10', to: '2026-03-10' }, 7)!;
    const viewer = { userId: admin.user.id };
    const queries = [
      ...repo.candidateQueries({ id: ids['x']!, country: 'MX', victims: [ids['sol']!] }, window, viewer, CANDIDATE_CAP),
      ...repo.candidateQueries({ id: ids['x']!, country: null, victims: [] }, window, viewer, CANDIDATE_CAP),
      repo.periodQuery('2026-03-01', '2026-03-31', {}, viewer, 5000),
      repo.periodQuery('2026-03-01', '2026-03-31', { country: ['MX'] }, viewer, 5000),
    ];
    for (const q of queries) {
      const c = q.compile();
      if (TEST_BACKEND === 'sqlite') {
        const plan = (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${c.sql}`, [...c.parameters]))).rows.map((r) => r.detail);
        // by country and first day, by first day, or by the ids of a victim's incidents
        expect(plan.join('\n'), c.sql).toMatch(/SEARCH i USING INDEX (incidents_country_date \(country=\? AND date_from>|incidents_date \(date_from>|sqlite_autoindex_incidents_1 \(id=)/);
        expect(plan.filter((d) => /^SCAN (i|incidents)\b/.test(d)), c.sql).toEqual([]);
      } else {
        // a few rows make a scan the cheapest plan: with scans priced out, an index must serve the query
        const plan = await store.transaction(async (tx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(tx.db);
          return (await tx.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${c.sql}`, [...c.parameters]))).rows.map((r) => r['QUERY PLAN']);
        });
        expect(plan.join('\n'), c.sql).toMatch(/Index (Only )?Scan using (incidents_country_date|incidents_date|incidents_id_key|incidents_pkey)[^\n]* on incidents i/);
        expect(plan.filter((d) => /Seq Scan on incidents\b/.test(d)), c.sql).toEqual([]);
      }
    }
  });
});
