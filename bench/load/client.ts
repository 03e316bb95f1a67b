/**
 * One simulated person with their own session (several may share an account, each signed in on
 * its own, like one person on a laptop and a phone). It repeats: pick an action by its role's
 * shares, do it the way the web app does, pause a moment. Ids to read come from its own searches
 * and its own records; documenters correct only what they recorded (their role allows no more).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { HttpSession, type HttpAnswer } from '../../test/helpers/server-process.js';
import { incidentToInput, type IncidentView } from '../../src/domain/incident/view.js';
import { Rng } from '../../src/services/demo/demo-random.js';
import { nextAction, searchBody, newIncident, type Role } from './mix.js';
import type { Recorder } from './recorder.js';

export interface LoadAccount {
  email: string;
  password: string;
  role: Role;
}

type Method = 'GET' | 'POST' | 'PUT';

export class LoadClient {
  private readonly session: HttpSession;
  private readonly rng: Rng;
  /** incidents seen in search results (bounded: the most recent ones) */
  private readonly seen: string[] = [];
  private readonly mine: string[] = [];
  private readonly people: string[] = [];
  private n = 0;

  /** where requests are recorded: the sign-in phase and the steady mix are kept apart */
  private rec: Recorder;

  constructor(url: string, private readonly account: LoadAccount, private readonly id: number, seed: number, rec: Recorder, private readonly thinkMs: number) {
    this.rec = rec;
    this.session = new HttpSession(url);
    this.rng = new Rng(seed + id * 7919);
  }

  async signIn(): Promise<void> {
    const r = await this.session.login(this.account.email, this.account.password);
    this.rec.answer('sign in', r.status, r.ms, r.body);
    if (r.status !== 200) throw new Error(`client ${this.id} could not sign in: ${r.status}`);
    // the first screen is the list: it gives the ids to read
    await this.search();
  }

  /** One request, recorded under `op`; undefined when there was no answer (already recorded). */
  private async call(op: string, method: Method, path: string, body?: unknown): Promise<HttpAnswer | undefined> {
    try {
      const r = await this.session.req(method, path, body);
      this.rec.answer(op, r.status, r.ms, r.body);
      return r;
    } catch (e) {
      this.rec.networkError(op, e);
      await sleep(100); // no answer at all: do not spin on a dead server
      return undefined;
    }
  }

  private remember(list: string[], ids: string[], max = 300): void {
    list.push(...ids);
    if (list.length > max) list.splice(0, list.length - max);
  }

  private async search(): Promise<void> {
    const r = await this.call('search', 'POST', '/api/v1/incidents/search', searchBody(this.rng));
    if (r?.status === 200) this.remember(this.seen, (r.body as { hits: { id: string }[] }).hits.map((h) => h.id));
  }

  private anyIncident(): string | undefined {
    const pool = this.mine.length && this.rng.chance(0.2) ? this.mine : this.seen;
    return pool.length ? this.rng.pick(pool) : undefined;
  }

  private async read(): Promise<void> {
    const id = this.anyIncident();
    if (!id) return this.search();
    await this.call('read incident', 'GET', `/api/v1/incidents/${id}`);
  }

  /** The other screens: people, an incident's history, the session, vocabularies, the share directory. */
  private async other(): Promise<void> {
    const what = this.rng.pick(['people', 'person', 'history', 'session', 'vocabularies', 'directory'] as const);
    const id = this.anyIncident();
    if (what === 'people' || (what === 'person' && !this.people.length)) {
      const r = await this.call('list people', 'POST', '/api/v1/actors/search', { kind: 'person', page: this.rng.int(1, 3) });
      if (r?.status === 200) this.remember(this.people, (r.body as { items: { id: string }[] }).items.map((a) => a.id));
    } else if (what === 'person') await this.call('read person', 'GET', `/api/v1/actors/${this.rng.pick(this.people)}`);
    else if (what === 'history' && id) await this.call('incident history', 'GET', `/api/v1/incidents/${id}/history`);
    else if (what === 'vocabularies') await this.call('vocabularies', 'GET', '/api/v1/vocabularies');
    else if (what === 'directory') await this.call('share directory', 'GET', '/api/v1/directory');
    else await this.call('session', 'GET', '/api/v1/session');
  }

  private async create(): Promise<void> {
    const r = await this.call('record incident', 'POST', '/api/v1/incidents', newIncident(this.rng, `carga-${this.id}-${++this.n}`));
    if (r?.status === 201) this.remember(this.mine, [(r.body as IncidentView).id]);
  }

  /** As the form does: read for editing, change the summary, send it with the version read; 409 means someone saved first. */
  private async edit(): Promise<void> {
    const pool = this.account.role === 'documenter' ? this.mine : this.rng.chance(0.5) ? this.mine : this.seen;
    if (!pool.length) return this.create();
    const id = this.rng.pick(pool);
    const r = await this.call('open for editing', 'GET', `/api/v1/incidents/${id}?for=edit`);
    if (r?.status !== 200) return;
    const view = r.body as IncidentView;
    const summary = `${(view.summary ?? '').replace(/ \[revisado \d+\]$/, '')} [revisado ${++this.n}]`.trim();
    await this.call('correct incident', 'PUT', `/api/v1/incidents/${id}`, { ...incidentToInput(view), summary, version: view.version });
  }

  async run(until: number, rec: Recorder): Promise<void> {
    this.rec = rec;
    while (performance.now() < until) {
      const action = nextAction(this.rng, this.account.role);
      if (action === 'search') await this.search();
      else if (action === 'read') await this.read();
      else if (action === 'other') await this.other();
      else if (action === 'create') await this.create();
      else await this.edit();
      if (this.thinkMs > 0) await sleep(this.rng.int(0, 2 * this.thinkMs));
    }
  }
}
