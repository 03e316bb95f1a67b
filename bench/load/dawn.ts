/**
 * The dawn scenario of the load test (issue 9, tracking on the day): the small hours before a
 * day of hearings, when every driver taps at once. On a prepared workspace, through the API: 20
 * drivers (viewer accounts, as volunteers are), 20 runs to the San Ysidro port of entry with two
 * legs each (the van from Tecate, the walk from Tijuana) and eight people on each (160 people in
 * 40 families, one hearing per family), every leg escorted by the run's driver. Then, for the
 * run's length, each driver's phone repeats: a tap on one of its passengers (picked up, arrived,
 * presented, back to pending; now and then missed) 70%, the run's tracking page 20%, its trips
 * 10%; and each coordinator's session: a run's page 40%, the day and week view 30%, the year's
 * figures 20%, a tap on any run 10%. Every request is recorded; the verdict is the load test's
 * (no 5xx, no request without an answer, no 4xx but 409 and 429).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { HttpSession, processMemory, type HttpAnswer } from '../../test/helpers/server-process.js';
import { Rng } from '../../src/services/demo/demo-random.js';
import type { TestBackend } from '../../test/helpers/backend.js';
import { Recorder } from './recorder.js';
import type { LoadOptions, LoadResult } from './run.js';
import type { LoadWorkspace } from './workspace.js';

const BASE = '/api/v1/accompaniment';
const RUNS = 20;
const PER_RUN = 8;
const FAMILY = 4;
const DRIVER_PASSWORD = 'volante-de-la-madrugada';

interface DawnRun { id: string; legs: string[]; people: string[] }
export interface DawnWorkspace { drivers: { email: string; run: DawnRun }[]; coordinators: { email: string; password: string }[]; runs: DawnRun[]; day: string; setupSeconds: number }

async function must(what: string, r: Promise<HttpAnswer>, status = 201): Promise<any> {
  const a = await r;
  if (a.status !== status) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

/** The accounts, people, hearings and runs of the morning, made through the API as the web app would. */
export async function prepareDawn(ws: LoadWorkspace, log: (line: string) => void): Promise<DawnWorkspace> {
  const t0 = performance.now();
  const adminAccount = ws.accounts.find((a) => a.role === 'admin')!;
  const admin = new HttpSession(ws.server.url);
  await must('admin sign-in', admin.login(adminAccount.email, adminAccount.password), 200);
  // tomorrow, so every run is still planned or underway for the whole run
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const runs: DawnRun[] = [];
  const drivers: DawnWorkspace['drivers'] = [];
  log(`dawn: ${RUNS} drivers, ${RUNS * PER_RUN} people, ${RUNS} runs`);
  for (let i = 0; i < RUNS; i++) {
    const email = `chofer${i}@example.org`;
    const driverId = (await must(`driver ${i}`, admin.req('POST', '/api/v1/users', { email, displayName: `Chofer ${i}`, role: 'viewer', password: 'temporal-12345' }))).id as string;
    const s = new HttpSession(ws.server.url);
    await must(`driver ${i} sign-in`, s.login(email, 'temporal-12345'), 200);
    // the server takes ten password changes a minute from one address: the setup waits as a person would
    for (let tries = 0; ; tries++) {
      const changed = await s.req('POST', '/api/v1/me/password', { current: 'temporal-12345', password: DRIVER_PASSWORD });
      if (changed.status === 204) break;
      if (changed.status !== 429 || tries > 2) throw new Error(`driver ${i} password: ${changed.status} ${JSON.stringify(changed.body)}`);
      log('dawn: waiting a minute for the password-change limit');
      await sleep(61_000);
    }
    const people: string[] = [];
    const passengers: { personId: string; hearingId: string }[] = [];
    for (let f = 0; f < PER_RUN / FAMILY; f++) {
      let familyId: string | undefined;
      const members: string[] = [];
      for (let m = 0; m < FAMILY; m++) {
        const p = await must('person', admin.req('POST', `${BASE}/people`, {
          pseudonym: `Madrugada ${i}-${f}-${m}`, ...(familyId ? { familyId } : { newFamily: `Familia Madrugada ${i}-${f}` }), familyRole: m === 0 ? 'head' : m === 1 ? 'partner' : 'child',
          ageGroup: m < 2 ? 'adult' : 'child', languages: ['es'], identity: { names: `Persona Ficticia ${i}-${f}-${m}`, phones: [`+52 664 555 ${String(i * 10 + f * 4 + m).padStart(4, '0')}`] },
        }));
        familyId = p.familyId;
        members.push(p.id);
      }
      const h = await must('hearing', admin.req('POST', `${BASE}/hearings`, { court: 'court-san-diego', startsLocal: `${day}T08:30`, kind: 'master_calendar', presentPlace: 'poe-san-ysidro', presentLocal: `${day}T04:00`, people: members }));
      people.push(...members);
      passengers.push(...members.map((personId) => ({ personId, hearingId: h.id as string })));
    }
    const run = await must('run', admin.req('POST', `${BASE}/runs`, {
      label: `Madrugada ${i}`, arriveBy: { place: 'poe-san-ysidro', local: `${day}T04:00` }, marginMinutes: 30,
      legs: [
        { from: 'mx-tecate', to: 'mx-tijuana', mode: 'van', durationMinutes: 60, transferMinutes: 15, seats: PER_RUN + 2, escortId: driverId, meetingPoint: 'Puerta lateral del albergue' },
        { from: 'mx-tijuana', to: 'poe-san-ysidro', mode: 'walk', durationMinutes: 25, seats: PER_RUN + 2, escortId: driverId },
      ],
      passengers,
    }));
    const r = { id: run.id as string, legs: (run.legs as { id: string }[]).map((l) => l.id), people };
    runs.push(r);
    drivers.push({ email, run: r });
  }
  const coordinators = ws.accounts.filter((a) => a.role === 'coordinator' || a.role === 'admin').map((a) => ({ email: a.email, password: a.password }));
  return { drivers, coordinators, runs, day, setupSeconds: (performance.now() - t0) / 1000 };
}

const DRIVER_MARKS = ['picked_up', 'arrived', 'presented', 'pending'] as const;

/** One phone or laptop of the morning, with its own session. */
class DawnClient {
  private readonly session: HttpSession;
  private readonly rng: Rng;
  constructor(url: string, private readonly email: string, private readonly password: string, private readonly dawn: DawnWorkspace, private readonly run: DawnRun | undefined, seed: number, private readonly thinkMs: number) {
    this.session = new HttpSession(url);
    this.rng = new Rng(seed);
  }

  async signIn(rec: Recorder): Promise<void> {
    const r = await this.session.login(this.email, this.password);
    rec.answer('sign in', r.status, r.ms, r.body);
    if (r.status !== 200) throw new Error(`${this.email} could not sign in: ${r.status}`);
  }

  private async call(rec: Recorder, op: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<void> {
    try {
      const r = await this.session.req(method, path, body);
      rec.answer(op, r.status, r.ms, r.body);
    } catch (e) {
      rec.networkError(op, e);
      await sleep(100);
    }
  }

  private tap(rec: Recorder, run: DawnRun): Promise<void> {
    const mark = this.rng.chance(0.02) ? 'missed' : this.rng.pick(DRIVER_MARKS);
    return this.call(rec, 'tap', 'POST', `${BASE}/runs/${run.id}/marks`, { legId: this.rng.pick(run.legs), personId: this.rng.pick(run.people), mark });
  }

  async work(until: number, rec: Recorder): Promise<void> {
    while (performance.now() < until) {
      if (this.run) {
        const what = this.rng.weighted([['tap', 70], ['page', 20], ['trips', 10]] as const);
        if (what === 'tap') await this.tap(rec, this.run);
        else if (what === 'page') await this.call(rec, 'tracking page (driver)', 'GET', `${BASE}/runs/${this.run.id}`);
        else await this.call(rec, 'my trips (driver)', 'GET', `${BASE}/my-runs`);
      } else {
        const what = this.rng.weighted([['page', 40], ['plan', 30], ['figures', 20], ['tap', 10]] as const);
        const run = this.rng.pick(this.dawn.runs);
        if (what === 'page') await this.call(rec, 'run page (coordinator)', 'GET', `${BASE}/runs/${run.id}`);
        else if (what === 'plan') await this.call(rec, 'day and week view', 'POST', `${BASE}/plan`, { from: this.dawn.day, to: new Date(Date.parse(`${this.dawn.day}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10) });
        else if (what === 'figures') await this.call(rec, 'figures (a year)', 'POST', `${BASE}/figures`, { from: `${this.dawn.day.slice(0, 4)}-01-01`, to: `${this.dawn.day.slice(0, 4)}-12-31` });
        else await this.tap(rec, run);
      }
      if (this.thinkMs > 0) await sleep(this.rng.int(0, 2 * this.thinkMs));
    }
  }
}

/** Every driver's phone and, beside them, the coordinators' sessions (o.clients in all, at least one per driver). */
export async function runDawn(backend: TestBackend, ws: LoadWorkspace, dawn: DawnWorkspace, o: LoadOptions): Promise<LoadResult> {
  const before = loadavg()[0]!;
  const signIns = new Recorder();
  const rec = new Recorder();
  const clients = [
    ...dawn.drivers.map((d, i) => new DawnClient(ws.server.url, d.email, DRIVER_PASSWORD, dawn, d.run, o.seed + i, o.thinkMs)),
    ...Array.from({ length: Math.max(0, o.clients - dawn.drivers.length) }, (_, i) => {
      const c = dawn.coordinators[i % dawn.coordinators.length]!;
      return new DawnClient(ws.server.url, c.email, c.password, dawn, undefined, o.seed + 1000 + i, o.thinkMs);
    }),
  ];
  for (const c of clients) await c.signIn(signIns);
  const t0 = performance.now();
  await Promise.all(clients.map((c) => c.work(t0 + o.seconds * 1000, rec)));
  const seconds = (performance.now() - t0) / 1000;
  const mem = processMemory(ws.server.child.pid!);
  const overall = rec.overall();
  return {
    backend, postgresVersion: ws.postgresVersion, options: { ...o, clients: clients.length }, demoSeconds: ws.demoSeconds, seconds,
    signIn: signIns.figures().find((f) => f.op === 'sign in')!, signInPhase: signIns.overall(), ops: rec.figures(), overall,
    throughput: overall.count / seconds, serverRssMiB: mem.rssMiB, serverPeakRssMiB: mem.peakMiB,
    loadAverage: [before, loadavg()[0]!], samples: [...signIns.samples, ...rec.samples],
  };
}
