/**
 * What people do in Bitácora, as the load test plays it: mostly searching (words in Spanish and
 * English, filters, a second page), reading incidents, looking at people and history, and — for
 * those whose role allows it — recording and correcting incidents. Shares by role below.
 */
import { places } from '../../src/domain/places/places.js';
import type { Rng } from '../../src/services/demo/demo-random.js';
import { fullIncident } from '../../test/helpers/fixtures.js';

export type Role = 'admin' | 'coordinator' | 'documenter' | 'analyst' | 'viewer';
export type Action = 'search' | 'read' | 'other' | 'create' | 'edit';

/** Roles that record incidents: 55% search, 20% read, 10% other reads, 10% record, 5% correct. */
const WRITER_MIX: readonly (readonly [Action, number])[] = [['search', 55], ['read', 20], ['other', 10], ['create', 10], ['edit', 5]];
/** Analysts and viewers only read: the same proportions without the writes. */
const READER_MIX: readonly (readonly [Action, number])[] = [['search', 55], ['read', 20], ['other', 10]];

export function mayWrite(role: Role): boolean {
  return role === 'admin' || role === 'coordinator' || role === 'documenter';
}

export function nextAction(rng: Rng, role: Role): Action {
  return rng.weighted(mayWrite(role) ? WRITER_MIX : READER_MIX);
}

const WORDS = ['albergue', 'amenaza', 'migrantes', 'defensora', 'vigilancia', 'deportación', 'shelter', 'threat', 'raid', 'caravana', 'border patrol', 'detención', 'retén', 'albergue amenaza', 'defensora migrantes', 'Tapachula'];
const COUNTRIES = [['MX'], ['GT'], ['US'], ['MX', 'GT'], ['HN']];
const ACTS = [['threat'], ['surveillance'], ['detention'], ['shelter_entry'], ['criminalisation'], ['harassment'], ['border']];
const PERPETRATORS = [['state'], ['non_state']];
const YEARS = [['2024'], ['2025'], ['2023', '2024']];

/** A search as the list page sends it (facet counts included), from words only to filters only. */
export function searchBody(rng: Rng): Record<string, unknown> {
  const kind = rng.weighted([['words', 35], ['words+filter', 25], ['filters', 20], ['list', 10], ['next page', 10]] as const);
  const q = rng.pick(WORDS);
  switch (kind) {
    case 'words':
      return { q };
    case 'words+filter':
      return { q, ...rng.pick([{ country: rng.pick(COUNTRIES) }, { act: rng.pick(ACTS) }, { year: rng.pick(YEARS) }, { status: ['verified'] }]) };
    case 'filters':
      return { country: rng.pick(COUNTRIES), perpetrator: rng.pick(PERPETRATORS), from: String(rng.int(2018, 2022)), to: String(rng.int(2023, 2026)) };
    case 'list':
      return { sort: 'updated_desc' };
    case 'next page':
      return { q, page: 2 };
  }
}

const KINDS = ['threat.death', 'surveillance.home', 'detention.arrest', 'shelter_entry.raid', 'harassment.intimidation', 'robbery_extortion.extortion', 'criminalisation.summons', 'border.secondary_inspection'];
const TITLES = ['Amenazas contra el equipo del albergue', 'Revisión migratoria a voluntarias', 'Vigilancia frente a la casa de migrantes', 'Detención de un defensor en el retén', 'Threats against shelter staff', 'Raid on the migrant shelter'];

/** A new incident: half the time the full record (people, sources, sealed identifying values), otherwise a first short note. */
export function newIncident(rng: Rng, marker: string): Record<string, unknown> {
  const town = rng.pick(places.localities);
  const place = { precision: 'locality', country: town.country, state: town.state, locality: town.name };
  const title = `${rng.pick(TITLES)} (${marker})`;
  const date = { start: `${rng.int(2019, 2026)}-0${rng.int(1, 9)}` };
  if (rng.chance(0.5)) {
    const full = fullIncident(marker);
    return { ...full, title, date, place: { ...place, private: full.place.private }, acts: full.acts.map((a, i) => (i === 1 ? { ...a, kind: rng.pick(KINDS) } : a)) };
  }
  return {
    title, date, place,
    summary: 'Primer registro: la persona defensora lo contó por teléfono; faltan detalles y fuentes.',
    acts: [{ kind: rng.pick(KINDS), perpetrators: [{ perpetrator: rng.pick(['state.mx.inm', 'non_state.organised_crime', 'non_state.unknown']) }] }],
  };
}
