/**
 * The morning of a run, everyone at once (issue 9, tracking on the day), through the HTTP API on
 * both backends: three drivers tap every passenger of their own leg in parallel while the
 * coordinator marks people missed on the last leg (some of them at the very moment the driver of
 * that leg marks them missed too), reads the run and the day view, and changes the run's label
 * with the version it read. No answer is a 5xx; a change with a version someone else moved is a
 * 409 and nothing else is; every pair's final mark is the last one its taps answered; each person
 * missed raises exactly one alert however many taps said it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { newWorkspace, Client, userWithRole, type TestWorkspace } from '../helpers/api.js';

const BASE = '/api/v1/accompaniment';
const DAY = '2027-05-12';
const PEOPLE = 12;
let ws: TestWorkspace;
let coord: Client;
const drivers: Client[] = [];
const personIds: string[] = [];
let runId = '';
let legIds: string[] = [];

beforeAll(async () => {
  ws = await newWorkspace();
  const admin = new Client(ws.app);
  await admin.login();
  coord = await userWithRole(ws, admin, 'coordinator');
  const driverIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    drivers.push(await userWithRole(ws, admin, 'viewer', `chofer${i}@example.org`));
    driverIds.push((await ws.vault.runtime().store.users.list()).find((u) => u.email === `chofer${i}@example.org`)!.id);
  }
  for (let i = 0; i < PEOPLE; i++) {
    const r = await coord.req('POST', `${BASE}/people`, { pseudonym: `Pasajera ${i}`, languages: ['es'], ageGroup: 'adult' });
    expect(r.statusCode, r.body).toBe(201);
    personIds.push((r.json() as { id: string }).id);
  }
  const h = await coord.req('POST', `${BASE}/hearings`, { court: 'court-san-diego', startsLocal: `${DAY}T08:30`, kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: `${DAY}T04:00`, people: personIds.slice(0, 10) });
  expect(h.statusCode, h.body).toBe(201);
  const run = await coord.req('POST', `${BASE}/runs`, {
    arriveBy: { place: 'poe-san-ysidro', local: `${DAY}T04:00` },
    legs: [
      { from: 'mx-mexicali', to: 'mx-tecate', mode: 'van', durationMinutes: 90, transferMinutes: 10, seats: 14, escortId: driverIds[0] },
      { from: 'mx-tecate', to: 'mx-tijuana', mode: 'van', durationMinutes: 50, transferMinutes: 10, seats: 14, escortId: driverIds[1] },
      { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'walk', durationMinutes: 25, seats: 14, escortId: driverIds[2] },
    ],
    passengers: personIds.map((personId, i) => ({ personId, ...(i < 10 ? { hearingId: (h.json() as { id: string }).id } : {}) })),
  });
  expect(run.statusCode, run.body).toBe(201);
  runId = (run.json() as { id: string }).id;
  legIds = (run.json() as { legs: { id: string }[] }).legs.map((l) => l.id);
}, 180_000);

afterAll(async () => {
  await ws?.close();
});

describe('a run\'s morning with everyone tapping at once', () => {
  it('answers every tap, read and change without a 5xx, keeps the last answered mark of each pair and alerts each missed person once', async () => {
    const statuses: number[] = [];
    /** per (leg, person) pair: the marks its taps were answered 200 with, in the order the answers came, and which phones tapped */
    const answered = new Map<string, { marks: string[]; phones: Set<Client> }>();
    const tap = async (c: Client, leg: number, person: number, mark: string) => {
      const r = await c.req('POST', `${BASE}/runs/${runId}/marks`, { legId: legIds[leg], personId: personIds[person], mark });
      statuses.push(r.statusCode);
      const a = answered.get(`${leg}|${person}`) ?? { marks: [], phones: new Set<Client>() };
      a.phones.add(c);
      if (r.statusCode === 200) a.marks.push(mark);
      answered.set(`${leg}|${person}`, a);
      return r.statusCode;
    };
    const driverWork = async (leg: number) => {
      for (let p = 0; p < PEOPLE; p++) {
        await tap(drivers[leg]!, leg, p, 'picked_up');
        // the last leg's driver marks the last three missed; the others arrive
        await tap(drivers[leg]!, leg, p, leg === 2 && p >= PEOPLE - 3 ? 'missed' : 'arrived');
      }
    };
    const coordinatorWork = async () => {
      const out: number[] = [];
      for (let p = PEOPLE - 3; p < PEOPLE; p++) out.push(await tap(coord, 2, p, 'missed'));
      for (let i = 0; i < 4; i++) {
        const view = await coord.req('GET', `${BASE}/runs/${runId}`);
        statuses.push(view.statusCode);
        const plan = await coord.req('POST', `${BASE}/plan`, { from: DAY, to: DAY });
        statuses.push(plan.statusCode);
        if (view.statusCode !== 200) continue;
        const v = view.json() as { version: number; status: string };
        const changed = await coord.req('POST', `${BASE}/runs/${runId}/status`, { version: v.version, status: 'underway' });
        statuses.push(changed.statusCode);
      }
      return out;
    };
    // the same people marked missed by two phones at the same moment
    const twins = [tap(drivers[2]!, 2, 0, 'missed'), tap(coord, 2, 0, 'missed')];
    await Promise.all([driverWork(0), driverWork(1), driverWork(2), coordinatorWork(), ...twins]);

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // taps and reads always succeed; a status change is 200, or 409 (stale version, or no longer a step: it is underway)
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);

    const run = (await coord.req('GET', `${BASE}/runs/${runId}`)).json() as { status: string; legs: { passengers: { personId: string; mark: string }[] }[] };
    expect(run.status).toBe('underway');
    for (const [leg, l] of run.legs.entries()) {
      for (const p of l.passengers) {
        const person = personIds.indexOf(p.personId);
        const a = answered.get(`${leg}|${person}`)!;
        // one phone tapping in turn: exactly its last tap; several at once: one of the taps that were answered
        if (a.phones.size === 1) expect(p.mark, `leg ${leg + 1}, person ${person}`).toBe(a.marks.at(-1));
        else expect(a.marks, `leg ${leg + 1}, person ${person}`).toContain(p.mark);
      }
    }
    // the last leg's last three: whoever was last, every tap said missed at the end
    for (let p = PEOPLE - 3; p < PEOPLE; p++) expect(run.legs[2]!.passengers.find((x) => x.personId === personIds[p])!.mark).toBe('missed');
    // one alert per person marked missed on the last leg, whatever the number of taps
    const alerts = await ws.vault.runtime().store.db.selectFrom('alerts').select(['dedupe_key']).where('kind', '=', 'run_missed').execute();
    const missed = run.legs[2]!.passengers.filter((p) => p.mark === 'missed').map((p) => `run-missed:${legIds[2]}:${p.personId}`);
    const keys = alerts.map((a) => a.dedupe_key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of missed) expect(keys).toContain(k);
    expect(keys.every((k) => k.startsWith(`run-missed:${legIds[2]}:`))).toBe(true);
  });
});
