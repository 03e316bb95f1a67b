/**
 * The demo dataset at scale (up to a million incidents and more): the same incidents as
 * `generateDemo` — same places, acts, perpetrators, narratives in both languages, sources and
 * interventions (buildIncident), victims reused across incidents — written a batch at a time
 * through `recordIncidents` (one transaction per batch, the same validation, sealing, search
 * index, history and audit as the app), with flat memory: dates are drawn a month at a time
 * (demo-date-stream) and the people pool keeps only what choosing needs (demo-person-index).
 * Deterministic for a seed and batch size; the data differs from `generateDemo`'s for the same
 * seed (the draws happen in another order), not in kind.
 */
import type { ServiceContext } from '../context.js';
import { recordIncidents } from '../incidents/record-incidents.js';
import { places, type Locality, type Crossing } from '../../domain/places/places.js';
import { type Weighted, Rng } from './demo-random.js';
import { Codes } from './demo-codes.js';
import { localityWeight, crossingWeight } from './demo-places.js';
import { type PoolActor, type VictimPools, makeOrganisations, listPools } from './demo-people.js';
import { buildIncident } from './demo-incident.js';
import { datesInOrder } from './demo-date-stream.js';
import { IndexedPersonPool } from './demo-person-index.js';
import type { RawIncident } from './demo-input-types.js';
import type { GenerateDemoResult } from './generate-demo.js';

export interface GenerateDemoBulkOptions {
  incidents: number;
  seed: number;
  /** incidents per transaction (default 1,000) */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** One people for every six incidents, as generateDemo: enough that most victims come back. */
export const peoplePoolSize = (incidents: number) => Math.max(8, Math.round(incidents / 6));

interface Pending { raw: RawIncident; newVictims: [number, PoolActor][] }

export async function generateDemoBulk(ctx: ServiceContext, opts: GenerateDemoBulkOptions): Promise<GenerateDemoResult> {
  const total = Math.max(0, Math.floor(opts.incidents));
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 1000));
  const rng = new Rng(opts.seed);
  const codes = new Codes(ctx.vocab);
  const localityTable: Weighted<Locality> = places.localities.map((l) => [l, localityWeight(l)] as const);
  const crossingTable: Weighted<Crossing> = places.crossings.map((c) => [c, crossingWeight(c)] as const);

  const people = new IndexedPersonPool(rng, codes, peoplePoolSize(total), localityTable, opts.seed);
  const orgs = makeOrganisations(rng, codes);
  const pools: VictimPools = { person: (r, plan, ex) => people.person(r, plan, ex), organisation: listPools([], orgs).organisation };

  let batch: Pending[] = [];
  /** victims first met in the batch not yet written: they have no id yet (an incident naming one again waits for the next batch) */
  let unwritten = new Set<PoolActor>();
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const views = await recordIncidents(ctx, batch.map((b) => b.raw));
    for (const [k, b] of batch.entries()) {
      for (const [index, actor] of b.newVictims) {
        const v = views[k]!.victims[index];
        if (!v) throw new Error(`demo: victim ${index + 1} missing from a saved incident`);
        actor.actorId = v.actorId;
        if (actor.kind === 'person') people.release(actor);
      }
    }
    done += batch.length;
    batch = [];
    unwritten = new Set();
    opts.onProgress?.(done, total);
  };

  let sourceSerial = 0;
  /** incidents naming someone first met earlier in the batch: they go into the next batch, by id */
  let deferred: Pending[] = [];
  const add = (built: Pending) => {
    if (built.newVictims.some(([, a]) => unwritten.has(a))) {
      deferred.push(built);
      return;
    }
    for (const [, a] of built.newVictims) unwritten.add(a);
    batch.push(built);
  };
  const flushAndRequeue = async () => {
    await flush();
    const again = deferred;
    deferred = [];
    for (const b of again) {
      const victims = b.raw.victims!;
      b.newVictims = b.newVictims.filter(([index, a]) => {
        if (!a.actorId) return true;
        victims[index] = { key: victims[index]!.key, actorId: a.actorId };
        return false;
      });
      add(b);
      if (batch.length >= batchSize) await flush();
    }
  };
  for (const d of datesInOrder(rng, total)) {
    add(buildIncident(ctx, rng, codes, d, localityTable, crossingTable, pools, () => ++sourceSerial));
    if (batch.length >= batchSize) await flushAndRequeue();
  }
  while (batch.length || deferred.length) await flushAndRequeue();
  return { incidents: done, people: people.recorded(), organisations: orgs.filter((o) => o.actorId).length };
}
