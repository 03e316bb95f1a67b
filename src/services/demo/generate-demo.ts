/**
 * Fills a workspace with a realistic, entirely synthetic dataset for demonstrations and load
 * tests: incidents along the routes Central America → Mexico → USA, with skewed distributions
 * (threats, surveillance and shelter raids common; killings rare), an upward trend from late
 * 2018, victims who reappear across incidents, sources, interventions and protection measures.
 *
 * Every incident goes through the real use case (`createIncident`), after the same schema parse
 * the API applies, so validation, the search index, history and audit all run. Output is
 * deterministic for a seed (one mulberry32 stream; no Math.random); only ids and timestamps differ.
 * No real person: pseudonyms are role + code ("Defensora A-17"), "real names" are "Persona
 * Ficticia 0017", phone numbers are "+52 000 000 0017", organisations end in "(ficticio)".
 *
 * The parts live next to this file: demo-random (PRNG), demo-codes (vocabulary checks), demo-dates,
 * demo-places, demo-people, demo-acts, demo-narrative, demo-incident (one incident), demo-sources,
 * demo-interventions and demo-texts (the wording); this file only orchestrates them.
 */
import type { ServiceContext } from '../context.js';
import { createIncident } from '../incidents/save-incident.js';
import { incidentInputSchema } from '../../domain/incident/schema.js';
import { places, type Locality, type Crossing } from '../../domain/places/places.js';
import { type Weighted, Rng } from './demo-random.js';
import { Codes } from './demo-codes.js';
import { drawDate } from './demo-dates.js';
import { localityWeight, crossingWeight } from './demo-places.js';
import { type PoolActor, seriesOf, makePerson, makeOrganisations, listPools } from './demo-people.js';
import { buildIncident } from './demo-incident.js';

export { fillTemplate } from './demo-narrative.js';

export interface GenerateDemoOptions {
  incidents: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}
export interface GenerateDemoResult {
  incidents: number;
  people: number;
  organisations: number;
}

export async function generateDemo(ctx: ServiceContext, opts: GenerateDemoOptions): Promise<GenerateDemoResult> {
  const total = Math.max(0, Math.floor(opts.incidents));
  const rng = new Rng(opts.seed);
  const codes = new Codes(ctx.vocab);

  const localityTable: Weighted<Locality> = places.localities.map((l) => [l, localityWeight(l)] as const);
  const crossingTable: Weighted<Crossing> = places.crossings.map((c) => [c, crossingWeight(c)] as const);

  // the pools: people spread like the incidents, organisations in the shelter cities
  const persons: PoolActor[] = [];
  const serialBySeries = new Map<string, number>();
  const personCount = Math.max(8, Math.round(total / 6));
  for (let i = 0; i < personCount; i++) {
    const home = rng.weighted(localityTable);
    const s = seriesOf(home);
    const serial = (serialBySeries.get(s) ?? 0) + 1;
    serialBySeries.set(s, serial);
    persons.push(makePerson(rng, codes, i, home, serial));
  }
  const orgs = makeOrganisations(rng, codes);

  // incidents in date order, so a person's first incident is their earliest
  const dates = Array.from({ length: total }, () => drawDate(rng)).sort((a, b) => a.day - b.day);

  const pools = listPools(persons, orgs);
  let sourceSerial = 0;
  let done = 0;
  for (const d of dates) {
    const input = buildIncident(ctx, rng, codes, d, localityTable, crossingTable, pools, () => ++sourceSerial);
    const parsed = incidentInputSchema.parse(input.raw);
    const view = await createIncident(ctx, parsed);
    // the saved incident keys its victims by actor id, in the order they were given
    for (const [index, actor] of input.newVictims) {
      const v = view.victims[index];
      if (!v) throw new Error(`demo: victim ${index + 1} missing from the saved incident`);
      actor.actorId = v.actorId;
    }
    done++;
    opts.onProgress?.(done, total);
  }
  return {
    incidents: done,
    people: persons.filter((p) => p.actorId).length,
    organisations: orgs.filter((o) => o.actorId).length,
  };
}
