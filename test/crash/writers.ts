/**
 * The crash test's writers: signed-in people recording and correcting incidents through the real
 * API as fast as the server answers, each keeping a ledger of what the server acknowledged (a 2xx
 * read in full). A write whose answer never arrived — the server was killed — is not in the ledger:
 * it may or may not be in the store, both are correct.
 */
import { HttpSession } from '../helpers/server-process.js';
import { fullIncident } from '../helpers/fixtures.js';
import { incidentToInput, type IncidentView } from '../../src/domain/incident/view.js';
import type { Rng } from '../../src/services/demo/demo-random.js';

export interface Ack {
  id: string;
  version: number;
  title: string;
}

/** The latest acknowledged state of every incident a writer recorded or changed. */
export class Ledger {
  readonly latest = new Map<string, Ack>();
  acknowledged = 0;
  record(a: Ack): void {
    const before = this.latest.get(a.id);
    if (before && before.version >= a.version) throw new Error(`acknowledged version ${a.version} of ${a.id} after ${before.version}`);
    this.latest.set(a.id, a);
    this.acknowledged++;
  }
}

export interface WriterStats {
  creates: number;
  edits: number;
  conflicts: number;
  relogins: number;
  /** sign-ins refused by the rate limit (429): counted apart from errors */
  rateLimited: number;
  /** answers by status other than 2xx, 401 (signed out) and 409 (a conflict is a normal outcome) */
  unexpected: Record<string, number>;
}

export const emptyStats = (): WriterStats => ({ creates: 0, edits: 0, conflicts: 0, relogins: 0, rateLimited: 0, unexpected: {} });

export interface Writer {
  email: string;
  password: string;
  /** incidents this writer recorded (it edits only those: it may, whatever its role) */
  own: string[];
}

/** A short record without people, or the full one (victims, sealed identifying values, every part). */
function newIncident(rng: Rng, marker: string): object {
  if (rng.chance(0.5)) return { ...fullIncident(marker), title: `Amenaza en el albergue ${marker}` };
  return {
    title: `Retén y revisión de documentos ${marker}`,
    summary: 'Agentes revisaron los documentos de las personas voluntarias a la salida del albergue.',
    date: { start: '2026-05' },
    place: { precision: 'country', country: 'MX' },
    acts: [{ kind: 'border.secondary_inspection', perpetrators: [{ perpetrator: 'state.mx.inm', degree: 'direct' }] }],
  };
}

/**
 * Writes until `stopped()` or the server is gone (a network error). Every acknowledged write goes
 * into `ledger`; markers are `${prefix}-${n}`, unique in the run.
 */
export async function runWriter(w: Writer, url: string, rng: Rng, prefix: string, ledger: Ledger, stats: WriterStats, stopped: () => boolean): Promise<void> {
  const s = new HttpSession(url);
  let n = 0;
  const unexpected = (status: number) => { stats.unexpected[status] = (stats.unexpected[status] ?? 0) + 1; };
  try {
    const login = await s.login(w.email, w.password);
    // sign-in limits are shared by every server process in server mode and outlive restarts: sit this round out
    if (login.status === 429) { stats.rateLimited++; return; }
    if (login.status !== 200) throw new Error(`${w.email} could not sign in: ${login.status}`);
    while (!stopped()) {
      const marker = `${prefix}-${++n}`;
      let status: number;
      if (w.own.length > 0 && rng.chance(0.35)) {
        const id = rng.pick(w.own);
        // as the form does: read for editing (identifying values included), change, send the version read
        const read = await s.req('GET', `/api/v1/incidents/${id}?for=edit`);
        status = read.status;
        if (read.status === 200) {
          const view = read.body as IncidentView;
          const title = `Corrección ${marker}`;
          const put = await s.req('PUT', `/api/v1/incidents/${id}`, { ...incidentToInput(view), title, version: view.version });
          status = put.status;
          if (put.status === 200) {
            ledger.record({ id, version: (put.body as IncidentView).version, title });
            stats.edits++;
          } else if (put.status === 409) stats.conflicts++;
        }
      } else {
        const body = newIncident(rng, marker);
        const r = await s.req('POST', '/api/v1/incidents', body);
        status = r.status;
        if (r.status === 201) {
          const v = r.body as IncidentView;
          ledger.record({ id: v.id, version: v.version, title: v.title });
          w.own.push(v.id);
          stats.creates++;
        }
      }
      if (status === 401) {
        // a CLI command beside the server (the import) unseals its own vault, which ends every session
        stats.relogins++;
        const again = await s.login(w.email, w.password);
        if (again.status === 429) { stats.rateLimited++; return; }
        if (again.status !== 200) { unexpected(again.status); return; }
      } else if (status >= 300 && status !== 409) unexpected(status);
    }
  } catch (e) {
    // the server was killed under this request: its answer never came, so nothing is acknowledged.
    // Any other failure — or the connection lost before the kill — fails the run.
    if (!(stopped() && isNetworkError(e))) throw e;
  }
}

/** fetch rejects with a TypeError when the connection fails or drops ("fetch failed", "terminated"). */
function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError;
}
