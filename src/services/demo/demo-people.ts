/**
 * People and organisations for the demo generator: the reusable victim pool (`PoolActor`), with the
 * role, gender, age and nationality tables behind fictitious people ("Defensora A-17", "Persona
 * Ficticia 0017", "+52 000 000 0017"), the fictitious organisations in shelter cities, their
 * protection measures, and `selectVictim`, which draws victims near where an incident happened.
 */
import { places, type Locality } from '../../domain/places/places.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawActor, RawMeasure } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import { LAST_MONTH, pad } from './demo-dates.js';
import { SOUTH_MX, NORTH_MX, type PlacePlan, fakeAddress } from './demo-places.js';

const ORGANISATIONS = 60;

type Form = 'f' | 'm' | 'n';
export interface PoolActor {
  index: number;
  kind: 'person' | 'organisation';
  home: Locality;
  input: RawActor;
  /** how narratives name them */
  es: string;
  en: string;
  form: Form;
  pseudonym: string;
  role?: string;
  gender?: string;
  lgbti?: string;
  migrationStatus?: string;
  nationality?: string;
  orgType?: string;
  /** relative chance of being drawn again (a few people appear in many incidents) */
  weight: number;
  actorId?: string;
  unavailable: boolean;
}

const ROLES: Weighted<string> = [
  ['shelter_director', 7], ['shelter_coordinator', 12], ['shelter_staff', 13], ['volunteer', 20], ['lawyer', 10], ['journalist', 5],
  ['communicator', 4], ['hrd_other', 11], ['migrant_defender', 9], ['asylum_seeker', 5], ['returned_asylum_seeker', 3],
];
const GENDERS: Weighted<string> = [['woman', 44], ['man', 37], ['trans_woman', 5], ['trans_man', 2], ['non_binary', 5], ['unknown', 4], ['prefers_not_to_say', 3]];
const AGES: Weighted<string> = [['young_adult', 28], ['adult', 55], ['older_adult', 12], ['unknown', 5]];
const MIGRANT_NATIONALITIES: Weighted<string> = [['HN', 30], ['GT', 22], ['SV', 15], ['VE', 12], ['NI', 8], ['HT', 8], ['CU', 6]];
const DIAL: Record<string, string> = { MX: '+52', US: '+1', GT: '+502', HN: '+504', SV: '+503' };
const SERIES: Record<string, string> = { MX_SOUTH: 'A', MX_CENTRE: 'B', MX_NORTH: 'C', US: 'D', CA: 'E' };

export function seriesOf(l: Locality): string {
  if (l.country === 'MX') return SOUTH_MX.has(l.state) || l.state === 'MX-OAX' || l.state === 'MX-VER' ? SERIES['MX_SOUTH']! : NORTH_MX.has(l.state) ? SERIES['MX_NORTH']! : SERIES['MX_CENTRE']!;
  return l.country === 'US' ? SERIES['US']! : SERIES['CA']!;
}
const formOf = (gender: string | undefined): Form => (gender === 'woman' || gender === 'trans_woman' ? 'f' : gender === 'man' || gender === 'trans_man' ? 'm' : 'n');

function makeMeasures(rng: Rng, codes: Codes, country: string, isOrg: boolean): RawMeasure[] {
  const count = rng.chance(0.25) ? 2 : 1;
  const out: RawMeasure[] = [];
  const kinds: Weighted<string> =
    country === 'MX' ? [['federal_mechanism', 5], ['iachr_precautionary', isOrg ? 3 : 1.5], ['state_mechanism', 1.5], ['national_measures', 1.5], ['police_protection', 1], ['international_accompaniment', 1], ['own_security_plan', isOrg ? 2 : 0.5]]
    : country === 'US' ? [['international_accompaniment', 2], ['own_security_plan', 3], ['iachr_precautionary', 1], ['other', 1]]
    : [['iachr_precautionary', 3], ['national_measures', 2], ['police_protection', 1.5], ['international_accompaniment', 2], ['own_security_plan', 1]];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds);
    const granted = rng.int(2015, 2025);
    const yy = pad(granted % 100, 2);
    const status = rng.weighted<string>([['granted_active', 55], ['expired', 15], ['under_review', 10], ['requested', 10], ['revoked', 4], ['denied', 6]]);
    const m: RawMeasure = { kind: codes.c('protection_kind', kind), status: codes.c('protection_status', status) };
    if (kind === 'iachr_precautionary') m.reference = `MC-000-${yy}`;
    else if (kind === 'federal_mechanism') m.reference = `MPF-000-${yy}`;
    else if (kind === 'state_mechanism') m.reference = `MPE-000-${yy}`;
    if (status !== 'requested' && status !== 'under_review' && status !== 'denied') {
      m.granted = `${granted}-${pad(rng.int(1, 12), 2)}`;
      if (status === 'expired' || rng.chance(0.3)) m.expires = `${Math.min(granted + rng.int(1, 3), LAST_MONTH.year)}`;
      if (kind === 'federal_mechanism' || kind === 'state_mechanism' || kind === 'police_protection') {
        m.includes = rng.pick(['Botón de pánico y rondines policiales', 'Botón de pánico, cámaras en el albergue y enlace con la policía', 'Rondines policiales y número de emergencia', 'Escolta durante traslados']);
      } else if (kind === 'iachr_precautionary') {
        m.includes = rng.pick(['Incluye al equipo del albergue y a sus familias', 'Protección de la vida e integridad de la persona beneficiaria', 'Concertar medidas con las personas beneficiarias']);
      }
    }
    if (rng.chance(0.2)) m.notes = rng.pick(['Implementación irregular; la patrulla no pasa desde hace meses.', 'Medidas ampliadas tras un nuevo incidente.', 'Fictitious record for the demo.']);
    out.push(m);
  }
  return out;
}

export function makePerson(rng: Rng, codes: Codes, index: number, home: Locality, serial: number): PoolActor {
  let role = rng.weighted(ROLES);
  if (role === 'returned_asylum_seeker' && !(home.country === 'MX' && NORTH_MX.has(home.state))) role = 'migrant_defender';
  const gender = rng.chance(0.93) ? rng.weighted(GENDERS) : undefined;
  const form = formOf(gender);
  const migrantRole = role === 'migrant_defender' || role === 'asylum_seeker' || role === 'returned_asylum_seeker';
  let nationality: string;
  if (migrantRole) nationality = rng.weighted(MIGRANT_NATIONALITIES);
  else if (home.country === 'US') nationality = rng.weighted<string>([['US', 58], ['MX', 30], ['SV', 4], ['GT', 4], ['HN', 4]]);
  else if (home.country === 'MX') nationality = rng.chance(0.85) ? 'MX' : rng.weighted(MIGRANT_NATIONALITIES);
  else nationality = rng.chance(0.92) ? home.country : 'MX';
  let migrationStatus: string | undefined;
  if (role === 'returned_asylum_seeker') migrationStatus = 'mpp';
  else if (role === 'asylum_seeker') migrationStatus = 'asylum_seeker';
  else if (nationality === home.country) migrationStatus = 'national';
  else if (home.country === 'US') migrationStatus = rng.weighted<string>([['daca', 28], ['permanent_resident', 30], ['tps', 10], ['asylum_seeker', 14], ['undocumented', 10], ['refugee', 8]]);
  else if (migrantRole) migrationStatus = rng.weighted<string>([['asylum_seeker', 30], ['refugee', 15], ['humanitarian_visa', 20], ['undocumented', 20], ['deported_returned', 8], ['temporary_resident', 7]]);
  else migrationStatus = rng.weighted<string>([['permanent_resident', 30], ['temporary_resident', 25], ['refugee', 15], ['asylum_seeker', 15], ['undocumented', 10], ['humanitarian_visa', 5]]);
  if (rng.chance(0.05)) migrationStatus = 'unknown';
  let lgbti: string | undefined;
  if (gender === 'trans_woman' || gender === 'trans_man' || gender === 'non_binary') lgbti = 'yes';
  else if (rng.chance(0.7)) lgbti = rng.weighted<string>([['yes', 10], ['no', 65], ['unknown', 15], ['prefers_not_to_say', 10]]);

  const stems = T.PSEUDONYM_STEMS[role]!;
  const code = `${seriesOf(home)}-${serial}`;
  const pseudonym = `${home.country === 'US' ? stems.en : stems.es[form]} ${code}`;
  const phrases = T.ROLE_PHRASES[role]!;
  const num = pad(index + 1, 4);
  const input: RawActor = {
    kind: 'person',
    pseudonym,
    role: codes.c('victim_role', role),
    country: home.country,
    state: home.state,
    locality: home.name,
    nationality,
  };
  if (gender) input.genderIdentity = codes.c('gender_identity', gender);
  if (lgbti) input.lgbti = codes.c('lgbti', lgbti);
  if (migrationStatus) input.migrationStatus = codes.c('migration_status', migrationStatus);
  input.ageGroup = codes.c('age_group', rng.weighted(AGES));
  if (rng.chance(0.6)) input.realName = `Persona Ficticia ${num}`;
  if (rng.chance(0.5)) input.contact = `${DIAL[home.country] ?? '+00'} 000 000 ${num}${rng.chance(0.3) ? ' (Signal)' : ''}`;
  if (rng.chance(0.12)) input.privateAddress = fakeAddress(rng, home);
  if (rng.chance(0.15)) input.notes = rng.pick(T.ACTOR_NOTES[home.country === 'US' ? 'en' : 'es']);
  if (rng.chance(0.06)) input.protectionMeasures = makeMeasures(rng, codes, home.country, false);
  return {
    index, kind: 'person', home, input, pseudonym, role, form, nationality,
    es: rng.chance(0.25) ? pseudonym : phrases.es[form],
    en: rng.chance(0.25) ? pseudonym : phrases.en,
    ...(gender ? { gender } : {}),
    ...(lgbti ? { lgbti } : {}),
    ...(migrationStatus ? { migrationStatus } : {}),
    weight: 1 / (1 + rng.float() * 8) ** 1.3,
    unavailable: false,
  };
}

function localityByName(name: string, country?: string): Locality {
  const l = places.localities.find((x) => x.name === name && (country === undefined || x.country === country));
  if (!l) throw new Error(`demo: no locality ${name}`);
  return l;
}

export function makeOrganisations(rng: Rng, codes: Codes): PoolActor[] {
  const plan: [string, Locality][] = [];
  for (const l of places.localities) if (l.shelterCity) plan.push(['shelter', l]);
  const extra: [string, string, string?][] = [
    ['hr_centre', 'Tapachula'], ['hr_centre', 'Tenosique'], ['hr_centre', 'Saltillo'], ['hr_centre', 'Ciudad Juárez'], ['hr_centre', 'Tijuana'],
    ['hr_centre', 'Ciudad de México'], ['hr_centre', 'Nuevo Laredo'], ['legal_aid', 'Tijuana'], ['legal_aid', 'Tapachula'], ['legal_aid', 'El Paso'],
    ['legal_aid', 'San Diego'], ['legal_aid', 'Tucson'], ['legal_aid', 'McAllen'], ['humanitarian', 'Altar'], ['humanitarian', 'Tucson'],
    ['humanitarian', 'Nogales', 'MX'], ['humanitarian', 'Yuma'], ['soup_kitchen', 'Ciudad Hidalgo'], ['soup_kitchen', 'Apizaco'],
    ['soup_kitchen', 'Reynosa'], ['faith_based', 'Tecún Umán'], ['faith_based', 'Ciudad de Guatemala'], ['search_collective', 'San Pedro Sula'],
    ['community_collective', 'Tegucigalpa'], ['hr_centre', 'San Salvador'], ['media', 'Mexicali'], ['network', 'Ciudad de México'],
    ['hr_centre', 'Brownsville'], ['legal_aid', 'Ciudad de Guatemala'], ['faith_based', 'Palenque'],
  ];
  for (const [type, city, country] of extra) plan.push([type, localityByName(city, country)]);
  const out: PoolActor[] = [];
  const names = new Set<string>();
  for (const [type, home] of plan) {
    if (out.length >= ORGANISATIONS) break;
    const lang: DemoLang = home.country === 'US' ? 'en' : 'es';
    const name = rng.pick(T.ORG_NAMES[type]![lang]).replace('{city}', home.name);
    if (names.has(name)) continue;
    names.add(name);
    const input: RawActor = { kind: 'organisation', pseudonym: name, orgType: codes.c('org_type', type), country: home.country, state: home.state, locality: home.name };
    if (rng.chance(0.35)) input.contact = `${DIAL[home.country] ?? '+00'} 000 000 ${pad(1000 + out.length, 4)}`;
    if (rng.chance(0.4)) input.privateAddress = fakeAddress(rng, home);
    if (rng.chance(0.12)) input.protectionMeasures = makeMeasures(rng, codes, home.country, true);
    const esArticle = lang === 'en' ? '' : /^(Casa|Clínica|Pastoral|Red)\b/.test(name) ? 'la ' : 'el ';
    out.push({
      index: out.length, kind: 'organisation', home, input, pseudonym: name, orgType: type, form: 'm',
      es: `${esArticle}${name}`, en: `the ${name}`,
      weight: 1 / (1 + rng.float() * 5) ** 1.3,
      unavailable: false,
    });
  }
  return out;
}

/** Where an incident's victims come from: the plain pools below, or the indexed pool of the bulk generator. */
export interface VictimPools {
  person(rng: Rng, plan: PlacePlan, exclude: Set<PoolActor>): PoolActor | undefined;
  organisation(rng: Rng, plan: PlacePlan, exclude: Set<PoolActor>, filter?: (a: PoolActor) => boolean): PoolActor | undefined;
}

/** Pools searched in full at every draw: simple, and fast enough for a few thousand incidents. */
export function listPools(persons: PoolActor[], orgs: PoolActor[]): VictimPools {
  return {
    person: (rng, plan, exclude) => selectVictim(rng, persons, plan, exclude),
    organisation: (rng, plan, exclude, filter) => selectVictim(rng, orgs, plan, exclude, filter),
  };
}

/**
 * People are drawn mostly from the town or area where the incident happened, sometimes from
 * elsewhere in the country (defenders travel); organisations only from the area.
 */
export function selectVictim(rng: Rng, pool: PoolActor[], plan: PlacePlan, exclude: Set<PoolActor>, filter?: (a: PoolActor) => boolean): PoolActor | undefined {
  const ok = (a: PoolActor) => !a.unavailable && !exclude.has(a) && (!filter || filter(a));
  const town = plan.locality;
  const sameTown = town ? pool.filter((a) => ok(a) && a.home === town) : [];
  if (sameTown.length && rng.chance(0.75)) return rng.weighted(sameTown.map((a) => [a, a.weight] as const));
  const isOrg = pool[0]?.kind === 'organisation';
  const radius = isOrg ? 1.0 : 1.6; // degrees, roughly 100 and 170 km
  const local = pool.filter((a) => ok(a) && (a.home.lat - plan.lat) ** 2 + (a.home.lon - plan.lon) ** 2 < radius * radius);
  if (isOrg) return local.length ? rng.weighted(local.map((a) => [a, a.weight] as const)) : undefined;
  if (local.length && rng.chance(0.85)) return rng.weighted(local.map((a) => [a, a.weight] as const));
  const national = pool.filter((a) => ok(a) && a.home.country === plan.country);
  if (national.length && rng.chance(0.7)) return rng.weighted(national.map((a) => [a, a.weight] as const));
  const any = pool.filter(ok);
  return any.length ? rng.weighted(any.map((a) => [a, a.weight] as const)) : undefined;
}
