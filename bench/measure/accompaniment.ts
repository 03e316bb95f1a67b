/**
 * Accompaniment (issue 9, ADR 0024): eighteen months of one organisation's hearings and transport
 * runs, recorded once per dataset through the use cases (createPerson, createHearing, createRun:
 * validation, sealing, references, marks, audit) — 1,000 families of three, a hearing for each family
 * every six weeks at San Diego or Imperial, and each weekday a run per court carrying every family
 * summoned there that day, eight families to a van. Then each read the coordinator's pages make, against its floor: the same
 * rows read by SQL straight on the database (one statement per table, joined instead of the ids
 * passed back, no mapping, no zones, no flags):
 *  - the week view (planView, seven days);
 *  - one run's page (readRun);
 *  - the figures of a year and of the whole span (accompanimentFigures);
 *  - the people list and a search in it (searchPeople);
 * and two writes: a tap on the day (markPassenger: access check, the mark, the run's version) vs a
 * raw UPDATE of the mark, and recording a hearing (createHearing) vs a raw INSERT of its row and
 * its people (removed afterwards).
 */
import { performance } from 'node:perf_hooks';
import { createPerson } from '../../src/services/accompaniment/people/save-person.js';
import { searchPeople } from '../../src/services/accompaniment/people/read-people.js';
import { createHearing } from '../../src/services/accompaniment/hearings/save-hearing.js';
import { createRun } from '../../src/services/accompaniment/runs/save-run.js';
import { readRun } from '../../src/services/accompaniment/runs/read-run.js';
import { planView } from '../../src/services/accompaniment/plan/plan-view.js';
import { accompanimentFigures } from '../../src/services/accompaniment/figures/accompaniment-figures.js';
import { markPassenger } from '../../src/services/accompaniment/tracking/mark-passenger.js';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { paired, summarise, timeOnce, type Timing } from '../lib/stats.js';

export interface AccompanimentBuild { families: number; people: number; hearings: number; runs: number; seconds: number; peoplePerSecond: number; hearingsPerSecond: number; runsPerSecond: number }
export interface AccompanimentRow { name: string; rows: number; ours: Timing; floor: Timing }
export interface AccompanimentResult {
  /** how the accompaniment data was recorded (on the run that added it to the dataset) */
  build?: AccompanimentBuild;
  people: number; hearings: number; runs: number; legs: number; marks: number;
  reads: AccompanimentRow[];
  writes: AccompanimentRow[];
}

const FAMILIES = 1_000;
/** families a run carries at most (three seats each; the vehicles have 24) */
const PER_RUN = 8;
const FIRST_DAY = '2026-01-05';
const LAST_DAY = '2027-06-25';
/** every family is summoned every this many weekdays (six weeks) */
const EVERY = 30;
const PREFIX = 'Banco';
const WEEK = { from: '2026-11-30', to: '2026-12-06' };

const ROUTES = [
  { court: 'court-san-diego', present: 'poe-san-ysidro', startsAt: '08:30', presentAt: '04:30', legs: [
    { from: 'mx-tecate', to: 'mx-tijuana', mode: 'van' as const, durationMinutes: 60, transferMinutes: 15, seats: 24 },
    { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'walk' as const, durationMinutes: 25, seats: 24 },
  ] },
  { court: 'court-imperial', present: 'poe-calexico-west', startsAt: '09:00', presentAt: '05:00', legs: [
    { from: 'mx-mexicali', to: 'poe-calexico-west', mode: 'walk' as const, durationMinutes: 20, seats: 24 },
  ] },
];

function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** '?' placeholders, numbered for PostgreSQL */
const sqlFor = (d: Dataset, s: string) => (d.backend === 'postgres' ? s.replace(/\?/g, (() => { let i = 0; return () => `$${++i}`; })()) : s);

async function count(raw: RawDb, d: Dataset, table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  return Number(((await raw.all(sqlFor(d, `SELECT count(*) AS n FROM ${table} WHERE ${where}`), params)) as { n: number | string }[])[0]!.n);
}

async function build(d: Dataset, log: (l: string) => void): Promise<AccompanimentBuild> {
  const ctx = d.ctx;
  const t0 = performance.now();
  const members: string[][] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const head = await createPerson(ctx, { pseudonym: `${PREFIX} ${f} Ceiba`, newFamily: `${PREFIX} familia ${f}`, familyRole: 'head', nationality: f % 3 === 0 ? 'HN' : 'GT', languages: f % 4 === 0 ? ['mam', 'es'] : ['es'], ageGroup: 'adult', identity: { names: `Persona Ficticia ${f}`, caseNumbers: [`A${200_000_000 + f}`] } });
    const familyId = head.familyId!;
    const partner = await createPerson(ctx, { pseudonym: `${PREFIX} ${f} Pochote`, familyId, familyRole: 'partner', languages: ['es'], ageGroup: 'adult', needs: f % 5 === 0 ? ['pregnancy'] : [] });
    const child = await createPerson(ctx, { pseudonym: `${PREFIX} ${f} Colibrí`, familyId, familyRole: 'child', languages: ['es'], ageGroup: 'child' });
    members.push([head.id, partner.id, child.id]);
  }
  const peopleSeconds = (performance.now() - t0) / 1000;
  log(`  accompaniment: ${FAMILIES * 3} people in ${peopleSeconds.toFixed(0)} s`);
  const t1 = performance.now();
  let hearings = 0;
  let hearingMs = 0;
  let runs = 0;
  let runMs = 0;
  const days = weekdays(FIRST_DAY, LAST_DAY);
  for (const [i, day] of days.entries()) {
    for (const [r, route] of ROUTES.entries()) {
      const summoned = Array.from({ length: FAMILIES }, (_, f) => f).filter((f) => f % EVERY === i % EVERY && Math.floor(f / EVERY) % ROUTES.length === r);
      for (let k = 0; k < summoned.length; k += PER_RUN) {
        const families = summoned.slice(k, k + PER_RUN);
        const passengers: { personId: string; hearingId: string }[] = [];
        for (const f of families) {
          const a = performance.now();
          const h = await createHearing(ctx, {
            court: route.court, startsLocal: `${day}T${route.startsAt}`, kind: i % 90 < 30 ? 'master_calendar' : 'individual_merits',
            presentPlace: route.present, presentLocal: `${day}T${route.presentAt}`, documents: [], people: members[f]!,
          });
          hearingMs += performance.now() - a;
          hearings++;
          for (const p of members[f]!) passengers.push({ personId: p, hearingId: h.id });
        }
        const a = performance.now();
        await createRun(ctx, { arriveBy: { place: route.present, local: `${day}T${route.presentAt}` }, marginMinutes: 30, legs: route.legs.map((l, j) => ({ ...l, ...(j === 0 ? { meetingPoint: 'Puerta lateral del albergue' } : {}) })), passengers });
        runMs += performance.now() - a;
        runs++;
      }
    }
    if (i % 60 === 59) log(`  accompaniment: ${day}: ${hearings} hearings, ${runs} runs`);
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`  accompaniment: ${hearings} hearings and ${runs} runs in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  return { families: FAMILIES, people: FAMILIES * 3, hearings, runs, seconds, peoplePerSecond: (FAMILIES * 3) / peopleSeconds, hearingsPerSecond: hearings / (hearingMs / 1000), runsPerSecond: runs / (runMs / 1000) };
}

export async function measureAccompaniment(d: Dataset, raw: RawDb, log: (l: string) => void): Promise<AccompanimentResult> {
  const org = d.ctx.user.orgId;
  const q = (s: string) => sqlFor(d, s);
  const have = await count(raw, d, 'accompanied_people', 'org_id = ? AND pseudonym LIKE ?', [org, `${PREFIX} %`]);
  const built = have >= FAMILIES * 3 ? undefined : await build(d, log);
  // as autovacuum would on a running server (the test server runs without it): each run's taps leave dead rows behind
  if (d.backend === 'postgres') await raw.run('VACUUM ANALYZE accompanied_families, accompanied_people, hearings, hearing_people, transport_runs, transport_legs, transport_passengers, leg_marks');
  const result: AccompanimentResult = {
    ...(built ? { build: built } : {}),
    people: await count(raw, d, 'accompanied_people', 'org_id = ?', [org]),
    hearings: await count(raw, d, 'hearings', 'org_id = ?', [org]),
    runs: await count(raw, d, 'transport_runs', 'org_id = ?', [org]),
    legs: await count(raw, d, 'transport_legs'),
    marks: await count(raw, d, 'leg_marks'),
    reads: [],
    writes: [],
  };
  log(`  accompaniment: ${result.people} people, ${result.hearings} hearings, ${result.runs} runs, ${result.marks} marks`);

  const floorOf = (statements: [string, unknown[]][]) => async () => {
    let rows = 0;
    for (const [s, p] of statements) rows += (await raw.all(q(s), p)).length;
    return rows;
  };
  const runsOfWeek = `FROM transport_runs r WHERE r.org_id = ? AND r.day >= ? AND r.day <= ?`;
  const weekArgs = [org, WEEK.from, WEEK.to];
  const hearingsOfWeek = [org, `${WEEK.from}T00:00:00.000Z`, `${WEEK.to}T23:59:59.999Z`];
  const weekFloor: [string, unknown[]][] = [
    [`SELECT r.* ${runsOfWeek} ORDER BY r.day, r.ref`, weekArgs],
    [`SELECT l.* FROM transport_legs l WHERE l.run_id IN (SELECT r.id ${runsOfWeek}) ORDER BY l.run_id, l.ordinal`, weekArgs],
    [`SELECT tp.* FROM transport_passengers tp WHERE tp.run_id IN (SELECT r.id ${runsOfWeek}) ORDER BY tp.run_id, tp.ordinal`, weekArgs],
    [`SELECT m.* FROM leg_marks m JOIN transport_legs l ON l.id = m.leg_id WHERE l.run_id IN (SELECT r.id ${runsOfWeek})`, weekArgs],
    [`SELECT p.id, p.org_id, p.ref, p.pseudonym, f.label, p.age_group, p.needs, p.languages, p.status FROM accompanied_people p LEFT JOIN accompanied_families f ON f.id = p.family_id WHERE p.id IN (SELECT tp.person_id FROM transport_passengers tp WHERE tp.run_id IN (SELECT r.id ${runsOfWeek}))`, weekArgs],
    ['SELECT h.id, h.org_id, h.ref, h.court, h.zone, h.starts_at, h.kind, h.present_place, h.present_zone, h.present_at, h.status, h.outcome FROM hearings h WHERE h.org_id = ? AND h.starts_at >= ? AND h.starts_at < ? ORDER BY h.starts_at, h.id', hearingsOfWeek],
    ['SELECT hp.hearing_id, p.id, p.ref, p.pseudonym, hp.attendance, p.age_group FROM hearing_people hp JOIN hearings h ON h.id = hp.hearing_id JOIN accompanied_people p ON p.id = hp.person_id WHERE h.org_id = ? AND h.starts_at >= ? AND h.starts_at < ? ORDER BY p.pseudonym, p.id', hearingsOfWeek],
  ];
  const oneRun = ((await raw.all(q('SELECT id FROM transport_runs WHERE org_id = ? AND day = ? ORDER BY ref LIMIT 1'), [org, '2026-12-01'])) as { id: string }[])[0]!.id;
  const runFloor: [string, unknown[]][] = [
    ['SELECT * FROM transport_runs WHERE id = ?', [oneRun]],
    ['SELECT * FROM transport_legs WHERE run_id = ? ORDER BY ordinal', [oneRun]],
    ['SELECT * FROM transport_passengers WHERE run_id = ? ORDER BY ordinal', [oneRun]],
    ['SELECT m.* FROM leg_marks m JOIN transport_legs l ON l.id = m.leg_id WHERE l.run_id = ?', [oneRun]],
    ['SELECT p.id, p.ref, p.pseudonym, f.label, p.age_group, p.needs, p.languages, p.status FROM transport_passengers tp JOIN accompanied_people p ON p.id = tp.person_id LEFT JOIN accompanied_families f ON f.id = p.family_id WHERE tp.run_id = ?', [oneRun]],
    ['SELECT h.* FROM hearings h WHERE h.id IN (SELECT tp.hearing_id FROM transport_passengers tp WHERE tp.run_id = ?)', [oneRun]],
    ['SELECT hp.* FROM hearing_people hp WHERE hp.hearing_id IN (SELECT tp.hearing_id FROM transport_passengers tp WHERE tp.run_id = ?)', [oneRun]],
  ];
  const figuresFloor = (from: string, to: string): [string, unknown[]][] => {
    const runsOf = 'FROM transport_runs r WHERE r.org_id = ? AND r.status <> ? AND r.day >= ? AND r.day <= ?';
    const args = [org, 'cancelled', from, to];
    return [
      ['SELECT hp.person_id, hp.hearing_id, hp.attendance, h.outcome, h.status, h.starts_at, h.zone FROM hearing_people hp JOIN hearings h ON h.id = hp.hearing_id WHERE h.org_id = ? AND h.starts_at >= ? AND h.starts_at < ?', [org, `${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`]],
      [`SELECT r.id, r.day ${runsOf}`, args],
      [`SELECT l.run_id, l.ordinal, l.from_place, l.to_place FROM transport_legs l WHERE l.run_id IN (SELECT r.id ${runsOf})`, args],
      [`SELECT tp.run_id, tp.person_id FROM transport_passengers tp WHERE tp.run_id IN (SELECT r.id ${runsOf})`, args],
    ];
  };
  const peopleFloor = (like?: string): [string, unknown[]][] => [
    [`SELECT * FROM accompanied_people WHERE org_id = ?${like ? ' AND lower(pseudonym) LIKE ?' : ''} ORDER BY pseudonym, ref LIMIT 200`, like ? [org, like] : [org]],
  ];
  const reads: [string, () => Promise<number>, [string, unknown[]][]][] = [
    [`week view, ${WEEK.from} to ${WEEK.to}`, async () => (await planView(d.ctx, WEEK)).days.reduce((a, x) => a + x.hearings.length + x.runs.length, 0), weekFloor],
    ['one run\'s page', async () => (await readRun(d.ctx, oneRun)).legs.length, runFloor],
    ['figures, 2026', async () => (await accompanimentFigures(d.ctx, { from: '2026-01-01', to: '2026-12-31' })).byMonthRoute.length, figuresFloor('2026-01-01', '2026-12-31')],
    [`figures, ${FIRST_DAY} to ${LAST_DAY}`, async () => (await accompanimentFigures(d.ctx, { from: FIRST_DAY, to: LAST_DAY })).byMonthRoute.length, figuresFloor(FIRST_DAY, LAST_DAY)],
    ['people list (first 200)', async () => (await searchPeople(d.ctx, {})).items.length, peopleFloor()],
    ['people search "colibri"', async () => (await searchPeople(d.ctx, { q: 'colibri' })).items.length, peopleFloor('%colibr%')],
  ];
  for (const [name, ours, statements] of reads) {
    const floor = floorOf(statements);
    const rows = await floor();
    const r = await paired({ ours, floor, rounds: 40, minRounds: 10, warmup: 3, budgetMs: 20_000 });
    result.reads.push({ name, rows, ...r });
    log(`  accompaniment ${name}: ours p95 ${r.ours.p95.toFixed(1)} ms, floor p95 ${r.floor.p95.toFixed(1)} ms (${rows} rows)`);
  }

  // a tap: a run ahead of the dataset's "today", picked up and set back, as a driver's phone would
  const tapRun = ((await raw.all(q('SELECT id FROM transport_runs WHERE org_id = ? AND day = ? ORDER BY ref LIMIT 1'), [org, '2027-06-01'])) as { id: string }[])[0]!.id;
  const pairs = (await raw.all(q('SELECT m.leg_id, m.person_id FROM leg_marks m JOIN transport_legs l ON l.id = m.leg_id WHERE l.run_id = ? ORDER BY l.ordinal, m.person_id'), [tapRun])) as { leg_id: string; person_id: string }[];
  const tapOurs: number[] = [];
  const tapFloor: number[] = [];
  const update = q('UPDATE leg_marks SET status = ?, at = ?, by_user = ?, version = version + 1 WHERE leg_id = ? AND person_id = ?');
  // writes run ours first, then the floor's: on SQLite a write by the other connection empties this
  // one's page cache, so alternating them would time the re-reading of pages, not the write
  const tap = (i: number) => ({ ...pairs[i % pairs.length]!, mark: i % 2 === 0 ? 'picked_up' as const : 'pending' as const });
  for (let i = 0; i < 105; i++) {
    const { leg_id: legId, person_id: personId, mark } = tap(i);
    const o = await timeOnce(() => markPassenger(d.ctx, tapRun, { legId, personId, mark }));
    if (i >= 5) tapOurs.push(o);
  }
  for (let i = 0; i < 105; i++) {
    const { leg_id: legId, person_id: personId, mark } = tap(i);
    const f = await timeOnce(() => raw.run(update, [mark, mark === 'pending' ? null : new Date().toISOString(), mark === 'pending' ? null : d.ctx.user.id, legId, personId]));
    if (i >= 5) tapFloor.push(f);
  }
  result.writes.push({ name: 'a tap on the day (one passenger, one leg)', rows: 1, ours: summarise(tapOurs), floor: summarise(tapFloor) });

  // recording a hearing for a family
  const family = ((await raw.all(q('SELECT id FROM accompanied_people WHERE org_id = ? AND pseudonym LIKE ? ORDER BY ref LIMIT 3'), [org, `${PREFIX} 7 %`])) as { id: string }[]).map((r) => r.id);
  const tag = `raw-bench-${Date.now()}`;
  const insertHearing = q('INSERT INTO hearings (id, org_id, ref, court, zone, starts_at, kind, present_place, present_zone, present_at, representative, documents, notes, status, outcome, outcome_at, next_hearing_id, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertSummons = q('INSERT INTO hearing_people (hearing_id, person_id, attendance) VALUES (?, ?, ?)');
  const hearingOurs: number[] = [];
  const hearingFloor: number[] = [];
  const dayOf = (i: number) => `2027-07-${String(1 + (i % 28)).padStart(2, '0')}`;
  for (let i = 0; i < 55; i++) {
    const day = dayOf(i);
    const o = await timeOnce(() => createHearing(d.ctx, { court: 'court-san-diego', startsLocal: `${day}T10:00`, kind: 'status_check', presentPlace: 'poe-san-ysidro', presentLocal: `${day}T06:00`, documents: [], people: family }));
    if (i >= 5) hearingOurs.push(o);
  }
  for (let i = 0; i < 55; i++) {
    const day = dayOf(i);
    const t = new Date().toISOString();
    const f = await timeOnce(() => raw.transaction(async () => {
      await raw.run(insertHearing, [`${tag}-${i}`, org, `HRG--${i + 1}`, 'court-san-diego', 'America/Los_Angeles', `${day}T17:00:00.000Z`, 'status_check', 'poe-san-ysidro', 'America/Los_Angeles', `${day}T13:00:00.000Z`, null, '[]', null, 'scheduled', null, null, null, t, d.ctx.user.id, t, d.ctx.user.id, 1]);
      for (const p of family) await raw.run(insertSummons, [`${tag}-${i}`, p, 'expected']);
    }));
    if (i >= 5) hearingFloor.push(f);
  }
  await raw.run(q('DELETE FROM hearing_people WHERE hearing_id LIKE ?'), [`${tag}-%`]);
  await raw.run(q('DELETE FROM hearings WHERE id LIKE ?'), [`${tag}-%`]);
  result.writes.push({ name: 'recording a hearing for a family of three', rows: 4, ours: summarise(hearingOurs), floor: summarise(hearingFloor) });
  for (const w of result.writes) log(`  accompaniment ${w.name}: ours p95 ${w.ours.p95.toFixed(2)} ms, floor p95 ${w.floor.p95.toFixed(2)} ms`);
  return result;
}
