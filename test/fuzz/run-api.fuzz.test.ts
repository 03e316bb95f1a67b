/**
 * The transport-run API under generated input: a valid run with one field replaced by junk (on the
 * preview, the create and the change), a mark, a status, the meeting points and the day view with
 * junk bodies, and arbitrary JSON on every POST and PUT route never give a 5xx; a 400 names its
 * problems; an accepted run reads back with the legs' wall times it was planned with.
 * Clients are replaced every few requests: sign-in and route limits count per address.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';
import { toLocal } from '../../src/domain/accompaniment/time.js';

const BASE = '/api/v1/accompaniment';
const T0 = '2027-01-01T00:00:00.000Z';
let ws: TestWorkspace;
let admin: Client;
let client: Client;
let sent = 0;
const id: Record<string, string> = {};

async function c(): Promise<Client> {
  if (sent++ % 20 === 0) {
    client = new Client(ws.app);
    expect((await client.login('coordinator@example.org', 'definitiva-12345')).statusCode).toBe(200);
  }
  return client;
}

beforeAll(async () => {
  ws = await newWorkspace();
  admin = new Client(ws.app);
  await admin.login();
  await userWithRole(ws, admin, 'coordinator');
  const store = ws.vault.runtime().store;
  const u = (await store.users.list()).find((x) => x.email === 'coordinator@example.org')!;
  id['org'] = u.org_id;
  id['partner'] = randomUUID();
  await store.users.insertOrganisation(id['partner'], 'Socio', T0);
  id['person'] = randomUUID();
  await store.db.insertInto('accompanied_people').values({
    id: id['person'], org_id: u.org_id, ref: 'ACP-0001', pseudonym: 'Ocote', family_id: null, family_role: null, nationality: null, languages: '[]', age_group: 'child',
    needs: '[]', needs_note: null, staying_at: null, reminder_lang: 'es', identity: null, status: 'active', created_at: T0, created_by: u.id, updated_at: T0, updated_by: u.id, version: 1,
  }).execute();
  id['hearing'] = randomUUID();
  await store.db.insertInto('hearings').values({
    id: id['hearing'], org_id: u.org_id, ref: 'HRG-0001', court: 'court-el-paso', zone: 'America/Denver', starts_at: '2027-03-14T15:00:00.000Z', kind: 'bond',
    present_place: 'poe-paso-del-norte', present_zone: 'America/Denver', present_at: '2027-03-14T12:00:00.000Z', representative: null, documents: '[]', notes: null,
    status: 'scheduled', outcome: null, outcome_at: null, next_hearing_id: null, created_at: T0, created_by: u.id, updated_at: T0, updated_by: u.id, version: 1,
  }).execute();
  await store.db.insertInto('hearing_people').values({ hearing_id: id['hearing'], person_id: id['person'], attendance: 'expected' }).execute();
  const r = await (await c()).req('POST', `${BASE}/runs`, valid());
  expect(r.statusCode, r.body).toBe(201);
  id['run'] = (r.json() as { id: string }).id;
}, 60_000);
afterAll(async () => { await ws?.close(); });

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'a'.repeat(5000), -1, 0, 1, 9, 61, 1441, 2.5, 1e308, null, true, [], {}, '__proto__',
    '2027-03-14T02:30', '2026-11-01T01:30', '2027-02-30T10:00', '2027-03-14T24:00', 'earlier', 'later', 'mx-tijuana', 'poe-san-ysidro', 'mars',
    '00000000-0000-4000-8000-000000000000', 'America/Tijuana'),
);

/** Ciudad Juárez → El Paso's Paso del Norte bridge on foot, presenting at 06:00 MDT the morning of the spring switch. */
function valid(): Record<string, unknown> {
  return {
    label: 'Puente', arriveBy: { place: 'poe-paso-del-norte', local: '2027-03-14T06:00' }, marginMinutes: 20,
    legs: [
      { from: 'mx-ciudad-juarez', to: 'poe-paso-del-norte', mode: 'walk', durationMinutes: 35, transferMinutes: 0, seats: 3, handoffOrgId: id['partner'], meetingPoint: 'Plaza', markGraceMinutes: 10 },
    ],
    passengers: [{ personId: id['person'], hearingId: id['hearing'], legs: [1] }],
  };
}

const PATHS: (string | number)[][] = [
  ['label'], ['arriveBy'], ['arriveBy', 'place'], ['arriveBy', 'local'], ['arriveBy', 'fold'], ['marginMinutes'], ['legs'], ['legs', 0], ['legs', 1],
  ['legs', 0, 'from'], ['legs', 0, 'to'], ['legs', 0, 'mode'], ['legs', 0, 'durationMinutes'], ['legs', 0, 'transferMinutes'], ['legs', 0, 'departLocal'], ['legs', 0, 'departFold'],
  ['legs', 0, 'seats'], ['legs', 0, 'escortId'], ['legs', 0, 'handoffOrgId'], ['legs', 0, 'markGraceMinutes'], ['legs', 0, 'meetingPoint'],
  ['passengers'], ['passengers', 0], ['passengers', 0, 'personId'], ['passengers', 0, 'hearingId'], ['passengers', 0, 'legs'], ['passengers', 1], ['coordinatorId'], ['extra'],
];
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? {}, rest, value);
  return copy;
}

interface Leg { id: string; departAt: string; arriveAt: string; departLocal: string; arriveLocal: string; fromZone: string; toZone: string }
const where = (path: (string | number)[], value: unknown, body: string) => `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 100)} → ${body.slice(0, 300)}`;

describe('transport-run API under generated input', () => {
  it('never answers 5xx to a run with one field replaced; an accepted one reads back with its wall times', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), junk, async (path, value) => {
        const body = setAt(valid(), path, value);
        const p = await (await c()).req('POST', `${BASE}/runs/preview`, body);
        expect(p.statusCode, where(path, value, p.body)).toBeLessThan(500);
        const r = await (await c()).req('POST', `${BASE}/runs`, body);
        expect(r.statusCode, where(path, value, r.body)).toBeLessThan(500);
        if (r.statusCode === 400) expect((r.json() as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
        if (r.statusCode === 201) {
          accepted++;
          expect(p.statusCode).toBe(200);
          const preview = p.json() as { legs: Leg[]; problems: unknown[] };
          expect(preview.problems).toEqual([]);
          const made = r.json() as { id: string; legs: Leg[]; version: number };
          const back = (await (await c()).req('GET', `${BASE}/runs/${made.id}`)).json() as { legs: Leg[] };
          expect(back.legs.map((l) => [l.departAt, l.arriveAt, l.departLocal, l.arriveLocal])).toEqual(preview.legs.map((l) => [l.departAt, l.arriveAt, l.departLocal, l.arriveLocal]));
          for (const l of back.legs) expect([toLocal(l.departAt, l.fromZone), toLocal(l.arriveAt, l.toZone)]).toEqual([l.departLocal, l.arriveLocal]);
          const u = await (await c()).req('PUT', `${BASE}/runs/${made.id}`, { ...(body as object), version: made.version });
          expect(u.statusCode, u.body).toBe(200);
        } else {
          const u = await (await c()).req('PUT', `${BASE}/runs/${id['run']}`, { ...(body as object), version: 1 });
          expect(u.statusCode, where(path, value, u.body)).toBeLessThan(500);
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('never answers 5xx to junk marks, statuses, meeting points, day views or arbitrary bodies on every POST and PUT route', async () => {
    const run = (await (await c()).req('GET', `${BASE}/runs/${id['run']}`)).json() as { legs: Leg[] };
    const legId = run.legs[0]!.id;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('marks', 'status', 'meeting-points', 'plan', 'preview', 'runs', 'put'),
        fc.oneof(junk, fc.record({ legId: fc.oneof(junk, fc.constant(legId)), personId: fc.oneof(junk, fc.constant(id['person'])), mark: junk }), fc.record({ version: junk, status: junk }), fc.record({ from: junk, to: junk })),
        fc.oneof(fc.constant(id['run']!), fc.constant(randomUUID()), fc.constantFrom('x', '%00', '..', '0')),
        async (route, body, runId) => {
          const url = {
            marks: `${BASE}/runs/${runId}/marks`, status: `${BASE}/runs/${runId}/status`, 'meeting-points': `${BASE}/runs/${runId}/meeting-points`,
            plan: `${BASE}/plan`, preview: `${BASE}/runs/preview`, runs: `${BASE}/runs`, put: `${BASE}/runs/${runId}`,
          }[route];
          const r = await (await c()).req(route === 'put' ? 'PUT' : 'POST', url, body);
          expect(r.statusCode, `${route} ${JSON.stringify(body)?.slice(0, 200)} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
