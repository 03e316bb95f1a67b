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
 */
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { createIncident } from '../incidents/save-incident.js';
import { incidentInputSchema } from '../../domain/incident/schema.js';
import type { actorInputSchema } from '../../domain/actor/schema.js';
import { places, stateByCode, countryName, type Locality, type Crossing } from '../../domain/places/places.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';

type RawIncident = z.input<typeof incidentInputSchema>;
type RawActor = z.input<typeof actorInputSchema>;
type RawAct = NonNullable<RawIncident['acts']>[number];
type RawInvolvement = NonNullable<RawAct['perpetrators']>[number];
type RawPlace = NonNullable<RawIncident['place']>;
type RawSource = NonNullable<RawIncident['sources']>[number];
type RawIntervention = NonNullable<RawIncident['interventions']>[number];
type RawMeasure = NonNullable<RawActor['protectionMeasures']>[number];
type FuzzyDate = NonNullable<RawIncident['date']>;

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

/** Dates run from January 2014 to this month (fixed, so a seed always gives the same data). */
const FIRST_YEAR = 2014;
const LAST_MONTH = { year: 2026, month: 10 };
const LAST_DAY = Date.UTC(LAST_MONTH.year, LAST_MONTH.month, 0);
const ORGANISATIONS = 60;

// ---------------------------------------------------------------------------------------------
// randomness

/** mulberry32: a tiny, fast, good-enough 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<V> = readonly (readonly [V, number])[];

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<V>(list: readonly V[]): V {
    if (list.length === 0) throw new Error('demo: pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<V>(list: Weighted<V>): V {
    let total = 0;
    for (const [, w] of list) total += Math.max(0, w);
    if (total <= 0) throw new Error('demo: weighted pick with no weight');
    let r = this.next() * total;
    for (const [v, w] of list) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return v;
    }
    return list[list.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// vocabulary: every code goes through here, so a missing or retired term fails loudly

class Codes {
  private readonly ok = new Set<string>();
  constructor(private readonly vocab: ServiceContext['vocab']) {}
  c(scheme: string, code: string): string {
    const key = `${scheme}:${code}`;
    if (this.ok.has(key)) return code;
    const status = this.vocab.status(scheme, code);
    if (status !== 'active') throw new Error(`demo data needs the term "${code}" in vocabulary ${scheme}, which is ${status ?? 'missing'}`);
    this.ok.add(key);
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// places

type Region = 'MX' | 'US' | 'CA';
const regionOf = (country: string): Region => (country === 'MX' ? 'MX' : country === 'US' ? 'US' : 'CA');

const SOUTH_MX = new Set(['MX-CHP', 'MX-TAB']);
const NORTH_MX = new Set(['MX-BCN', 'MX-SON', 'MX-CHH', 'MX-COA', 'MX-TAM', 'MX-NLE']);
const US_INTERIOR = new Set(['Los Angeles', 'Phoenix', 'San Antonio', 'Houston']);
const BOOST: Record<string, number> = {
  Tapachula: 2.6, Tijuana: 2.2, Tenosique: 1.6, 'Ciudad Juárez': 1.6, Saltillo: 1.3, 'Nuevo Laredo': 1.3, Reynosa: 1.3,
  Matamoros: 1.3, Mexicali: 1.2, 'El Paso': 1.6, 'San Diego': 1.4, Palenque: 1.2, 'Ciudad Hidalgo': 1.5, 'Tecún Umán': 1.4,
};
const DESERT = new Set(['Altar', 'Caborca', 'Sonoyta', 'Agua Prieta', 'Tucson', 'Yuma', 'Douglas', 'Nogales', 'Puerto Palomas', 'Sunland Park', 'Las Cruces']);
const WALL = new Set(['Tijuana', 'Nogales', 'Ciudad Juárez', 'Sunland Park', 'Agua Prieta', 'San Diego', 'El Paso', 'Calexico', 'Mexicali']);
const TRAIN = new Set(['Tierra Blanca', 'Apizaco', 'Irapuato', 'Celaya', 'Arriaga', 'Ciudad Ixtepec', 'Palenque', 'Tenosique', 'Oluta', 'Coatzacoalcos', 'Orizaba', 'San Luis Potosí', 'Saltillo', 'Acayucan']);
const ENCAMPMENT = new Set(['Tijuana', 'Matamoros', 'Reynosa', 'Ciudad Juárez', 'Tapachula', 'Ciudad de México']);

/** Towns close to a border crossing, where border controls happen. */
const NEAR_CROSSING = new Set(
  places.localities.filter((l) => places.crossings.some((c) => (c.lat - l.lat) ** 2 + (c.lon - l.lon) ** 2 < 0.5 * 0.5)).map((l) => `${l.country}:${l.name}`),
);
const nearCrossing = (l: Locality | undefined) => l !== undefined && NEAR_CROSSING.has(`${l.country}:${l.name}`);

function localityWeight(l: Locality): number {
  let w = l.shelterCity ? 4 : 1.2;
  if (l.country === 'MX') {
    if (SOUTH_MX.has(l.state)) w *= 2.2;
    else if (NORTH_MX.has(l.state)) w *= 1.8;
    else if (l.state === 'MX-OAX' || l.state === 'MX-VER') w *= 1.2;
    else w *= 0.8;
  } else if (l.country === 'US') {
    w *= US_INTERIOR.has(l.name) ? 0.35 : 1.4;
  } else if (l.country === 'GT') w *= 0.8;
  else w *= 0.6;
  return w * (BOOST[l.name] ?? 1);
}

function crossingWeight(c: Crossing): number {
  let w = c.code.startsWith('us_mx.') ? 2 : c.code.startsWith('mx_gt.') ? 2.4 : 0.8;
  if (['us_mx.san_ysidro', 'us_mx.el_paso_paso_del_norte', 'mx_gt.suchiate_rafts', 'mx_gt.ciudad_hidalgo_tecun_uman'].includes(c.code)) w *= 3;
  if (['us_mx.otay_mesa', 'us_mx.calexico_west', 'us_mx.nogales_deconcini', 'us_mx.hidalgo', 'us_mx.laredo_gateway', 'us_mx.brownsville_gateway', 'mx_gt.el_ceibo'].includes(c.code)) w *= 1.6;
  return w;
}

const ROUTE_BY_STATE: Record<string, string> = {
  'MX-CHP': 'mx_southern_border', 'MX-TAB': 'mx_southern_border', 'MX-OAX': 'pacific_route', 'MX-VER': 'gulf_route',
  'MX-PUE': 'central_route', 'MX-TLA': 'central_route', 'MX-CMX': 'central_route', 'MX-QUE': 'central_route', 'MX-GUA': 'central_route',
  'MX-JAL': 'pacific_route', 'MX-SLP': 'central_route', 'MX-COA': 'northeast', 'MX-NLE': 'northeast', 'MX-TAM': 'northeast',
  'MX-CHH': 'north_central', 'MX-SON': 'northwest', 'MX-BCN': 'northwest',
  'GT-12': 'gt_mx_border', 'GT-13': 'gt_mx_border', 'GT-17': 'gt_mx_border', 'GT-18': 'hn_gt_border', 'GT-20': 'hn_gt_border',
  'GT-22': 'sv_gt_border', 'GT-01': 'central_america_north', 'GT-09': 'central_america_north',
  'HN-OC': 'hn_gt_border', 'HN-CP': 'hn_gt_border', 'HN-CR': 'central_america_north', 'HN-FM': 'central_america_north', 'HN-EP': 'central_america_north',
  'SV-AH': 'sv_gt_border', 'SV-SA': 'sv_gt_border', 'SV-SS': 'central_america_north', 'SV-SM': 'central_america_north',
};
function routeSegmentOf(country: string, state: string, localityName: string | undefined): string | undefined {
  if (country === 'US') return localityName && US_INTERIOR.has(localityName) ? 'us_interior' : 'us_border_zone';
  return ROUTE_BY_STATE[state];
}

function nearestLocality(lat: number, lon: number, state: string): Locality | undefined {
  let best: Locality | undefined;
  let bestD = Infinity;
  for (const l of places.localities) {
    if (l.state !== state) continue;
    const d = (l.lat - lat) ** 2 + (l.lon - lon) ** 2;
    if (d < bestD) { bestD = d; best = l; }
  }
  return bestD < 0.6 * 0.6 ? best : undefined;
}

const COUNTRY_EN: Record<string, string> = { US: 'the United States' };
function countryIn(code: string, lang: DemoLang): string {
  return lang === 'es' ? `en ${countryName(code, 'es')}` : `in ${COUNTRY_EN[code] ?? countryName(code, 'en')}`;
}
function stateIn(code: string, lang: DemoLang): string {
  const s = stateByCode(code)!;
  const name = s.name[lang];
  if (s.country === 'MX') return lang === 'es' ? `en el estado de ${name}` : `in the state of ${name}`;
  if (s.country === 'US') return lang === 'es' ? `en ${name}` : `in ${name}`;
  return lang === 'es' ? `en el departamento de ${name}` : `in the department of ${name}`;
}
function crossingAt(c: Crossing, lang: DemoLang): string {
  if (lang === 'en') {
    const n = c.name.en;
    return `at the ${/^(Raft|Bridge of)/.test(n) ? n[0]!.toLowerCase() + n.slice(1) : n}`;
  }
  const n = c.name.es;
  const m = /^(Garita|Puentes|Puente|Cruce)\b(.*)$/.exec(n);
  if (m) {
    const article = m[1] === 'Garita' ? 'la' : m[1] === 'Puentes' ? 'los' : 'el';
    return `en ${article} ${m[1]!.toLowerCase()}${m[2]}`;
  }
  return `en el cruce fronterizo de ${n}`;
}

interface PlacePlan {
  place: RawPlace;
  country: string;
  region: Region;
  /** the real town behind the place (kept even when the recorded precision is coarser) */
  locality: Locality | undefined;
  crossing: Crossing | undefined;
  /** states whose people count as local */
  states: string[];
  /** where it happened, for finding people and organisations nearby */
  lat: number;
  lon: number;
  where: Record<DemoLang, string>;
  town: Record<DemoLang, string>;
}

// ---------------------------------------------------------------------------------------------
// acts and perpetrators

const FAMILY_BASE: Weighted<string> = [
  ['threat', 20], ['surveillance', 14], ['harassment', 13], ['shelter_entry', 12], ['detention', 10], ['border', 4],
  ['defamation', 6], ['criminalisation', 4], ['interrogation', 2.5], ['criminal_pressure', 3], ['robbery_extortion', 2.5],
  ['physical_assault', 2.5], ['obstruction', 2.5], ['gendered_abuse', 2], ['deportation', 1.5], ['status_revocation', 0.5],
  ['property_damage', 2], ['humanitarian_obstruction', 0.6], ['shooting', 0.6], ['kidnapping', 0.7], ['disappearance', 0.4],
  ['killing', 0.45], ['sexual_violence', 0.3],
];
const FAMILY_FACTOR: Record<Region | 'crossing', Partial<Record<string, number>>> = {
  MX: { status_revocation: 0.05, deportation: 0.6, humanitarian_obstruction: 0.3 },
  US: { border: 5, shelter_entry: 0.15, humanitarian_obstruction: 8, criminal_pressure: 0.05, status_revocation: 8, deportation: 2, criminalisation: 2, kidnapping: 0.1, disappearance: 0.1, killing: 0.3, robbery_extortion: 0.2, surveillance: 0.8, interrogation: 2, property_damage: 0.6 },
  CA: { shelter_entry: 0.5, criminal_pressure: 1.6, border: 1.5, detention: 1.4, status_revocation: 0, humanitarian_obstruction: 0.2, deportation: 0.3 },
  crossing: { border: 6, detention: 1.5, shelter_entry: 0.05, interrogation: 2, criminal_pressure: 0.3, property_damage: 0.2 },
};

const LEAVES: Record<string, Weighted<string>> = {
  shelter_entry: [['shelter_entry', 1], ['shelter_entry.attempted', 5], ['shelter_entry.forced', 2], ['shelter_entry.raid', 2.5], ['shelter_entry.verification_operation', 4], ['shelter_entry.photographing_staff', 2]],
  surveillance: [['surveillance', 1.5], ['surveillance.home', 3], ['surveillance.workplace', 4], ['surveillance.following', 3], ['surveillance.communications', 1], ['surveillance.photographing', 3], ['surveillance.inquiries', 1.5]],
  threat: [['threat', 1], ['threat.in_person', 3], ['threat.phone', 3], ['threat.private_message', 4], ['threat.public_post', 2], ['threat.death', 3], ['threat.arrest', 1.5], ['threat.deportation', 1.5], ['threat.serious_problems', 2], ['threat.home_photos', 0.8], ['threat.family', 1]],
  harassment: [['harassment', 1.5], ['harassment.intimidation', 5], ['harassment.by_business', 2], ['harassment.online', 3], ['harassment.doxxing', 1], ['harassment.administrative', 2]],
  criminal_pressure: [['criminal_pressure', 1], ['criminal_pressure.recruitment', 3], ['criminal_pressure.access_demand', 2], ['criminal_pressure.information_demand', 2]],
  detention: [['detention', 2], ['detention.arrest', 3], ['detention.immigration_detention', 1.5], ['detention.incommunicado', 1], ['detention.brief', 4], ['detention.mass_roundup', 1]],
  interrogation: [['interrogation', 1]],
  border: [['border', 0.5], ['border.secondary_inspection', 5], ['border.device_search', 4], ['border.device_seizure', 1.5], ['border.denial_of_entry', 2], ['border.migratory_alert', 2.5]],
  deportation: [['deportation', 2], ['deportation.expulsion', 1.5], ['deportation.return_to_mexico', 1.5]],
  status_revocation: [['status_revocation', 1], ['status_revocation.daca', 3], ['status_revocation.residence', 1], ['status_revocation.visa', 2]],
  criminalisation: [['criminalisation', 1], ['criminalisation.investigation', 3], ['criminalisation.summons', 2], ['criminalisation.arrest_warrant', 1], ['criminalisation.charges', 1.5], ['criminalisation.smuggling_charge', 3], ['criminalisation.trafficking_charge', 0.8], ['criminalisation.civil_administrative', 1]],
  defamation: [['defamation', 1], ['defamation.terrorist_label', 1.5], ['defamation.smuggler_label', 2], ['defamation.fake_news', 2], ['defamation.by_officials', 2], ['defamation.smear_campaign', 3]],
  gendered_abuse: [['gendered_abuse', 1], ['gendered_abuse.sexist', 3], ['gendered_abuse.sexual_harassment', 2]],
  physical_assault: [['physical_assault', 1.5], ['physical_assault.beating', 3], ['physical_assault.excessive_force', 3], ['physical_assault.torture', 0.6]],
  shooting: [['shooting', 1], ['shooting.at_people', 2], ['shooting.at_property', 2]],
  killing: [['killing', 1], ['killing.extrajudicial_execution', 1], ['killing.massacre', 0.3], ['killing.death_in_custody', 0.5], ['killing.attempted', 2.5]],
  kidnapping: [['kidnapping', 1], ['kidnapping.express', 2], ['kidnapping.ransom', 1.5], ['kidnapping.mass', 1]],
  disappearance: [['disappearance', 1], ['disappearance.enforced', 1], ['disappearance.by_private', 2]],
  obstruction: [['obstruction', 1], ['obstruction.arbitrary_requirements', 3], ['obstruction.missed_deadlines', 2], ['obstruction.closed_offices', 1.5], ['obstruction.denied_access', 3]],
  humanitarian_obstruction: [['humanitarian_obstruction', 1], ['humanitarian_obstruction.blocked_delivery', 2], ['humanitarian_obstruction.supplies_destroyed', 3]],
  robbery_extortion: [['robbery_extortion', 1], ['robbery_extortion.robbery', 2], ['robbery_extortion.information_theft', 1.5], ['robbery_extortion.extortion', 2], ['robbery_extortion.protection_money', 1.5], ['robbery_extortion.bribe_demand', 1.5]],
  property_damage: [['property_damage', 1], ['property_damage.vandalism', 3], ['property_damage.arson', 0.6], ['property_damage.vehicle', 2]],
  sexual_violence: [['sexual_violence', 1], ['sexual_violence.attempted_rape', 1], ['sexual_violence.sexual_assault', 1], ['sexual_violence.forced_nudity', 1.5]],
};

/** Acts that often come with the first one in the same incident. */
const COMPANIONS: Record<string, string[]> = {
  shelter_entry: ['shelter_entry.photographing_staff', 'detention.mass_roundup', 'threat.arrest', 'harassment.intimidation', 'physical_assault.excessive_force', 'surveillance.photographing'],
  surveillance: ['threat.serious_problems', 'threat.home_photos', 'surveillance.following', 'harassment.intimidation', 'surveillance.photographing'],
  threat: ['surveillance.home', 'threat.family', 'harassment.online', 'defamation.smear_campaign', 'surveillance.following'],
  harassment: ['threat.serious_problems', 'surveillance.workplace', 'defamation.by_officials', 'threat.in_person'],
  detention: ['interrogation', 'border.device_search', 'physical_assault.beating', 'obstruction.denied_access', 'threat.deportation'],
  border: ['interrogation', 'border.device_search', 'border.device_seizure', 'border.migratory_alert', 'border.denial_of_entry'],
  defamation: ['harassment.online', 'threat.public_post', 'harassment.doxxing'],
  criminalisation: ['defamation.smuggler_label', 'detention.arrest', 'criminalisation.summons', 'surveillance.communications'],
  criminal_pressure: ['threat.death', 'surveillance.workplace', 'robbery_extortion.protection_money'],
  kidnapping: ['physical_assault.torture', 'robbery_extortion.extortion', 'threat.death'],
  killing: ['crime_scene_tampering', 'threat.death'],
  disappearance: ['threat.family', 'obstruction.denied_access'],
  interrogation: ['border.device_search', 'threat.arrest'],
  obstruction: ['threat.arrest', 'harassment.administrative'],
  deportation: ['detention.immigration_detention', 'border.migratory_alert'],
  status_revocation: ['interrogation', 'border.migratory_alert'],
};

type Profile = 'mixed' | 'enforcement' | 'border' | 'migration' | 'status' | 'crime' | 'online' | 'justice' | 'business' | 'admin';
const FAMILY_PROFILE: Record<string, Profile> = {
  shelter_entry: 'enforcement', surveillance: 'mixed', threat: 'mixed', harassment: 'mixed', criminal_pressure: 'crime', detention: 'enforcement',
  interrogation: 'enforcement', border: 'border', deportation: 'migration', status_revocation: 'status', criminalisation: 'justice',
  defamation: 'online', gendered_abuse: 'enforcement', physical_assault: 'enforcement', shooting: 'crime', killing: 'crime', kidnapping: 'crime',
  disappearance: 'crime', obstruction: 'justice', humanitarian_obstruction: 'enforcement', robbery_extortion: 'crime', property_damage: 'crime',
  sexual_violence: 'crime', crime_scene_tampering: 'enforcement',
};
const LEAF_PROFILE: Record<string, Profile> = {
  'harassment.by_business': 'business', 'harassment.administrative': 'admin', 'harassment.online': 'online', 'harassment.doxxing': 'online',
  'threat.public_post': 'online', 'threat.private_message': 'mixed', 'threat.arrest': 'enforcement', 'threat.deportation': 'migration',
  'detention.immigration_detention': 'migration', 'shelter_entry.verification_operation': 'migration', 'obstruction.denied_access': 'migration',
  'killing.extrajudicial_execution': 'enforcement', 'killing.death_in_custody': 'enforcement', 'disappearance.enforced': 'enforcement',
  'disappearance.by_private': 'crime', 'surveillance.communications': 'enforcement', 'defamation.by_officials': 'admin',
  'criminalisation.civil_administrative': 'admin', 'robbery_extortion.bribe_demand': 'enforcement', 'shooting.at_people': 'mixed',
  'humanitarian_obstruction.supplies_destroyed': 'crime', 'detention.mass_roundup': 'enforcement',
};

type PerpTable = Record<Profile, Weighted<string>>;
const PERPS: Record<'MX' | 'US' | 'GT' | 'HN' | 'SV', PerpTable> = {
  MX: {
    mixed: [['state.mx.inm', 14], ['state.mx.guardia_nacional', 12], ['state.mx.state_police', 9], ['state.mx.municipal_police', 10], ['non_state.organised_crime', 14], ['non_state.unknown', 18], ['state.mx.sedena', 3], ['non_state.private_individual', 3], ['non_state.business.hotel', 2], ['state.mx.municipal_official', 2], ['state.mx.state_prosecutor', 2]],
    border: [['state.mx.inm', 80], ['state.mx.guardia_nacional', 20]],
    migration: [['state.mx.inm', 80], ['state.mx.guardia_nacional', 20]],
    status: [['state.mx.inm', 100]],
    enforcement: [['state.mx.inm', 35], ['state.mx.guardia_nacional', 25], ['state.mx.state_police', 10], ['state.mx.municipal_police', 12], ['state.mx.sedena', 6], ['state.mx.semar', 1], ['state.mx.state_prosecutor', 2]],
    crime: [['non_state.organised_crime', 45], ['non_state.unknown', 30], ['non_state.gang', 5], ['non_state.business.smuggling_network', 6], ['state.mx.municipal_police', 5], ['state.mx.state_police', 3]],
    online: [['non_state.social_media_anonymous', 40], ['non_state.social_media_identified', 20], ['non_state.media_outlet', 8], ['state.mx.municipal_official', 6], ['state.mx.state_official', 6], ['state.mx.federal_official', 6], ['non_state.unknown', 6]],
    justice: [['state.mx.state_prosecutor', 35], ['state.mx.fgr', 25], ['state.mx.judiciary', 15], ['state.mx.inm', 15], ['state.mx.comar', 10]],
    business: [['non_state.business.hotel', 45], ['non_state.business.transport', 35], ['non_state.business.other', 20]],
    admin: [['state.mx.municipal_official', 50], ['state.mx.state_official', 20], ['state.mx.federal_official', 10], ['state.mx.inm', 20]],
  },
  US: {
    mixed: [['state.us.border_patrol', 20], ['state.us.cbp', 15], ['state.us.ice', 18], ['non_state.militia', 12], ['state.us.state_local_police', 8], ['non_state.unknown', 12], ['state.us.national_guard', 2], ['non_state.private_individual', 3]],
    enforcement: [['state.us.border_patrol', 35], ['state.us.cbp', 35], ['state.us.ice', 25], ['state.us.state_local_police', 8], ['state.us.national_guard', 3], ['state.us.military', 1]],
    border: [['state.us.cbp', 70], ['state.us.border_patrol', 25], ['state.us.ice', 5]],
    migration: [['state.us.ice', 60], ['state.us.border_patrol', 30], ['state.us.cbp', 10]],
    status: [['state.us.dhs_other', 80], ['state.us.ice', 20]],
    crime: [['non_state.militia', 35], ['non_state.unknown', 40], ['non_state.organised_crime', 10], ['non_state.private_individual', 10]],
    online: [['non_state.social_media_identified', 35], ['non_state.social_media_anonymous', 40], ['non_state.media_outlet', 10], ['non_state.militia', 10]],
    justice: [['state.us.doj_courts', 60], ['state.us.ice', 15], ['state.us.state_local_police', 12], ['state.us.dhs_other', 8], ['state.us.other', 5]],
    business: [['non_state.business.other', 60], ['non_state.private_security', 40]],
    admin: [['state.us.other', 50], ['state.us.state_local_police', 30], ['state.us.dhs_other', 20]],
  },
  GT: {
    mixed: [['state.gt.pnc', 25], ['state.gt.igm', 20], ['state.gt.army', 8], ['non_state.organised_crime', 12], ['non_state.gang', 8], ['non_state.unknown', 20]],
    border: [['state.gt.igm', 85], ['state.gt.pnc', 15]],
    migration: [['state.gt.igm', 85], ['state.gt.pnc', 15]],
    status: [['state.gt.igm', 100]],
    enforcement: [['state.gt.pnc', 45], ['state.gt.igm', 40], ['state.gt.army', 15]],
    crime: [['non_state.organised_crime', 35], ['non_state.gang', 30], ['non_state.unknown', 30], ['non_state.business.smuggling_network', 5]],
    online: [['non_state.social_media_anonymous', 60], ['non_state.social_media_identified', 25], ['state.gt.other', 15]],
    justice: [['state.gt.mp', 60], ['state.gt.igm', 25], ['state.gt.other', 15]],
    business: [['non_state.business.transport', 50], ['non_state.business.other', 50]],
    admin: [['state.gt.other', 100]],
  },
  HN: {
    mixed: [['state.hn.policia_nacional', 25], ['state.hn.inm', 15], ['state.hn.pmop', 10], ['non_state.gang', 18], ['non_state.organised_crime', 8], ['non_state.unknown', 20]],
    enforcement: [['state.hn.policia_nacional', 45], ['state.hn.pmop', 25], ['state.hn.inm', 20], ['state.hn.army', 10]],
    border: [['state.hn.inm', 85], ['state.hn.policia_nacional', 15]],
    migration: [['state.hn.inm', 85], ['state.hn.policia_nacional', 15]],
    status: [['state.hn.inm', 100]],
    crime: [['non_state.gang', 45], ['non_state.organised_crime', 20], ['non_state.unknown', 35]],
    online: [['non_state.social_media_anonymous', 60], ['non_state.social_media_identified', 25], ['state.hn.other', 15]],
    justice: [['state.hn.mp', 60], ['state.hn.inm', 20], ['state.hn.other', 20]],
    business: [['non_state.business.transport', 50], ['non_state.business.other', 50]],
    admin: [['state.hn.other', 100]],
  },
  SV: {
    mixed: [['state.sv.pnc', 30], ['state.sv.dgme', 15], ['state.sv.army', 10], ['non_state.gang', 18], ['non_state.unknown', 20]],
    enforcement: [['state.sv.pnc', 50], ['state.sv.dgme', 25], ['state.sv.army', 25]],
    border: [['state.sv.dgme', 85], ['state.sv.pnc', 15]],
    migration: [['state.sv.dgme', 85], ['state.sv.pnc', 15]],
    status: [['state.sv.dgme', 100]],
    crime: [['non_state.gang', 55], ['non_state.organised_crime', 10], ['non_state.unknown', 35]],
    online: [['non_state.social_media_anonymous', 55], ['non_state.social_media_identified', 25], ['state.sv.other', 20]],
    justice: [['state.sv.fgr', 60], ['state.sv.dgme', 20], ['state.sv.other', 20]],
    business: [['non_state.business.transport', 50], ['non_state.business.other', 50]],
    admin: [['state.sv.other', 100]],
  },
};
const DEGREES: Weighted<string> = [['direct', 64], ['suspected', 15], ['instigator', 7], ['accomplice', 7], ['acquiesced', 7]];
const SECOND_DEGREES: Weighted<string> = [['direct', 35], ['accomplice', 25], ['acquiesced', 25], ['instigator', 8], ['suspected', 7]];

const METHODS: Record<string, Weighted<string>> = {
  threat: [['in_person', 3], ['phone_call', 3], ['private_message', 4], ['public_post', 1.5], ['letter', 0.7], ['third_parties', 1]],
  surveillance: [['in_person', 3], ['vehicle_checkpoint', 4], ['online_other', 1]],
  harassment: [['in_person', 4], ['public_post', 1.5], ['third_parties', 1.5], ['vehicle_checkpoint', 1]],
  defamation: [['public_post', 5], ['online_other', 2], ['other', 1]],
  shelter_entry: [['in_person', 3], ['vehicle_checkpoint', 2], ['firearm', 0.5]],
  detention: [['in_person', 2], ['vehicle_checkpoint', 3]],
  physical_assault: [['in_person', 3], ['other_weapon', 1.5], ['firearm', 0.5]],
  shooting: [['firearm', 1]],
  killing: [['firearm', 3], ['other_weapon', 1]],
  kidnapping: [['firearm', 2], ['vehicle_checkpoint', 1.5], ['in_person', 1]],
  criminal_pressure: [['in_person', 3], ['phone_call', 2], ['third_parties', 2], ['firearm', 1]],
  robbery_extortion: [['in_person', 2], ['phone_call', 2], ['firearm', 1]],
};
const CONSEQUENCES: Record<string, Weighted<string>> = {
  threat: [['psychological_harm', 5], ['forced_displacement', 1.5], ['activities_suspended', 1], ['self_censorship', 1.5], ['none_known', 1]],
  surveillance: [['psychological_harm', 4], ['self_censorship', 2], ['activities_suspended', 1], ['none_known', 2]],
  harassment: [['psychological_harm', 3], ['activities_suspended', 2], ['shelter_closure', 0.4], ['none_known', 2]],
  shelter_entry: [['activities_suspended', 3], ['detention', 2], ['psychological_harm', 3], ['shelter_closure', 0.4], ['property_damage', 1]],
  detention: [['detention', 5], ['documents_devices_lost', 1], ['psychological_harm', 1]],
  border: [['documents_devices_lost', 3], ['psychological_harm', 2], ['self_censorship', 1], ['detention', 1]],
  deportation: [['deportation', 5], ['status_lost', 1]],
  status_revocation: [['status_lost', 5], ['exile', 0.5]],
  physical_assault: [['injury', 5], ['psychological_harm', 2]],
  shooting: [['injury', 2], ['property_damage', 2], ['psychological_harm', 2]],
  killing: [['death', 5]],
  kidnapping: [['psychological_harm', 2], ['disappearance', 1], ['forced_displacement', 1]],
  disappearance: [['disappearance', 5]],
  criminalisation: [['psychological_harm', 2], ['activities_suspended', 1], ['self_censorship', 1]],
  criminal_pressure: [['forced_displacement', 1], ['activities_suspended', 2], ['psychological_harm', 2]],
  defamation: [['psychological_harm', 3], ['self_censorship', 2]],
  robbery_extortion: [['property_damage', 2], ['documents_devices_lost', 2], ['psychological_harm', 1]],
  property_damage: [['property_damage', 5]],
};

// ---------------------------------------------------------------------------------------------
// people and organisations

type Form = 'f' | 'm' | 'n';
interface PoolActor {
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

function seriesOf(l: Locality): string {
  if (l.country === 'MX') return SOUTH_MX.has(l.state) || l.state === 'MX-OAX' || l.state === 'MX-VER' ? SERIES['MX_SOUTH']! : NORTH_MX.has(l.state) ? SERIES['MX_NORTH']! : SERIES['MX_CENTRE']!;
  return l.country === 'US' ? SERIES['US']! : SERIES['CA']!;
}
const formOf = (gender: string | undefined): Form => (gender === 'woman' || gender === 'trans_woman' ? 'f' : gender === 'man' || gender === 'trans_man' ? 'm' : 'n');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function fakeAddress(rng: Rng, l: Locality): string {
  return l.country === 'US'
    ? `${rng.int(100, 4999)} ${rng.pick(T.US_STREETS)}, ${l.name} (ficticio)`
    : `${rng.pick(T.STREETS)} ${rng.int(1, 999)}, ${l.name} (domicilio ficticio)`;
}

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

function makePerson(rng: Rng, codes: Codes, index: number, home: Locality, serial: number): PoolActor {
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

function makeOrganisations(rng: Rng, codes: Codes): PoolActor[] {
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

// ---------------------------------------------------------------------------------------------
// dates

interface DatePlan {
  date: FuzzyDate;
  /** a representative day, as ms since epoch */
  day: number;
  year: number;
  /** months since January 2014 */
  m: number;
}

const monthIndex = (y: number, mo: number) => (y - FIRST_YEAR) * 12 + (mo - 1);
const LAST_INDEX = monthIndex(LAST_MONTH.year, LAST_MONTH.month);
const RISE = monthIndex(2018, 10);

/** Relative number of incidents per month: slow growth, a jump at the end of 2018, then steady growth. */
function intensity(m: number): number {
  let f = m < RISE ? 1 + m * 0.02 : 3.2 + (m - RISE) * 0.025;
  if (m >= monthIndex(2020, 4) && m <= monthIndex(2020, 6)) f *= 0.6; // lockdown
  return f;
}
const MAX_INTENSITY = intensity(LAST_INDEX) + 0.1;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

function drawDate(rng: Rng): DatePlan {
  let m: number;
  do m = rng.int(0, LAST_INDEX);
  while (rng.float() * MAX_INTENSITY > intensity(m));
  const year = FIRST_YEAR + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Date.UTC(year, month - 1, rng.int(1, days));
  const ym = `${year}-${pad(month, 2)}`;
  const r = rng.float();
  let date: FuzzyDate;
  if (r < 0.68) date = { start: isoDay(day) };
  else if (r < 0.83) date = { start: ym };
  else if (r < 0.88) date = { start: String(year) };
  else if (r < 0.96) date = { start: isoDay(day), end: isoDay(Math.min(day + rng.int(1, 20) * DAY, LAST_DAY)) };
  else {
    const endM = Math.min(m + rng.int(1, 4), LAST_INDEX);
    date = { start: ym, end: `${FIRST_YEAR + Math.floor(endM / 12)}-${pad((endM % 12) + 1, 2)}` };
  }
  if (date.end === date.start) delete date.end;
  if (rng.chance(date.start.length === 4 ? 0.05 : 0.11)) date.approximate = true;
  return { date, day, year, m };
}

/** A later partial date (a source received, an intervention made), never after the last day. */
function laterDate(rng: Rng, d: DatePlan, minDays: number, maxDays: number, dayShare: number): string {
  const ms = Math.min(d.day + rng.int(minDays, maxDays) * DAY, LAST_DAY);
  const s = isoDay(ms);
  if (d.date.start.length === 4) return s.slice(0, 4);
  return rng.chance(dayShare) && d.date.start.length === 10 ? s : s.slice(0, 7);
}

const inWindow = (m: number, from: [number, number], to: [number, number]) => m >= monthIndex(...from) && m <= monthIndex(...to);

// ---------------------------------------------------------------------------------------------
// narratives

type Vars = Record<string, string>;

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Fills {placeholders} (nested ones too); a capitalised placeholder capitalises its value. */
export function fillTemplate(tpl: string, vars: Vars): string {
  let s = tpl;
  for (let i = 0; i < 4 && s.includes('{'); i++) {
    s = s.replace(/\{([A-Za-z]+)\}/g, (_m, k: string) => {
      const key = k[0]!.toLowerCase() + k.slice(1);
      const v = vars[key];
      if (v === undefined) throw new Error(`demo template: no value for {${k}} in "${tpl}"`);
      return key === k ? v : cap(v);
    });
  }
  return s
    .replace(/\b([Aa]) el\b/g, '$1l')
    .replace(/\b([Dd]e) el\b/g, '$1l')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function victimVars(v: PoolActor | undefined, lang: DemoLang): Vars {
  if (!v) return lang === 'es' ? { victim: 'el equipo del albergue', poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: '' } : { victim: 'the shelter team', poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: '' };
  if (v.kind === 'organisation') {
    return { victim: lang === 'es' ? `el equipo de ${v.es}` : `staff of ${v.en}`, poss: 'their', obj: 'them', subj: 'they', oa: 'o', pseudo: v.pseudonym };
  }
  const pron = v.form === 'f' ? ['her', 'her', 'she'] : v.form === 'm' ? ['his', 'him', 'he'] : ['their', 'them', 'they'];
  return { victim: lang === 'es' ? v.es : v.en, poss: pron[0]!, obj: pron[1]!, subj: pron[2]!, oa: v.form === 'm' ? 'o' : 'a', pseudo: v.pseudonym };
}

function perpPhrase(rng: Rng, code: string, lang: DemoLang, ctx: ServiceContext): string {
  const list = T.PERPETRATOR_PHRASES[code]?.[lang];
  if (list?.length) return rng.pick(list);
  return ctx.vocab.label('perpetrator', code, lang).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// the generator

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

  let sourceSerial = 0;
  let done = 0;
  for (const d of dates) {
    const input = buildIncident(ctx, rng, codes, d, localityTable, crossingTable, persons, orgs, () => ++sourceSerial);
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

function planPlace(rng: Rng, codes: Codes, localityTable: Weighted<Locality>, crossingTable: Weighted<Crossing>): PlacePlan {
  if (rng.chance(0.13)) {
    const c = rng.weighted(crossingTable);
    const usSide = c.countries[0] === 'MX' && c.countries[1] === 'US' ? rng.chance(0.6) : false;
    const side = c.countries[1] === 'US' ? (usSide ? 1 : 0) : rng.chance(0.65) ? 0 : 1;
    const country = c.countries[side]!;
    const state = c.states[side]!;
    const near = nearestLocality(c.lat, c.lon, state);
    const place: RawPlace = { precision: 'crossing', country, state, crossing: c.code };
    if (near) place.locality = near.name;
    const seg = routeSegmentOf(country, state, near?.name);
    if (seg && rng.chance(0.4)) place.routeSegment = codes.c('route_segment', seg);
    return {
      place, country, region: regionOf(country), locality: near, crossing: c, states: [...c.states], lat: c.lat, lon: c.lon,
      where: { es: crossingAt(c, 'es'), en: crossingAt(c, 'en') },
      town: { es: near?.name ?? c.name.es, en: near?.name ?? c.name.en },
    };
  }
  const l = rng.weighted(localityTable);
  const seg = routeSegmentOf(l.country, l.state, l.name);
  const r = rng.float();
  const base = { country: l.country, region: regionOf(l.country), locality: l, crossing: undefined, states: [l.state], lat: l.lat, lon: l.lon };
  if (r < 0.75) {
    const place: RawPlace = { precision: 'locality', country: l.country, state: l.state, locality: l.name };
    if (seg && rng.chance(0.35)) place.routeSegment = codes.c('route_segment', seg);
    if (rng.chance(0.14)) {
      const dLat = (rng.float() * 2 - 1) * 0.009;
      const dLon = ((rng.float() * 2 - 1) * 0.009) / Math.cos((l.lat * Math.PI) / 180);
      place.private = { lat: Math.round((l.lat + dLat) * 1e5) / 1e5, lon: Math.round((l.lon + dLon) * 1e5) / 1e5, address: fakeAddress(rng, l) };
    }
    return { ...base, place, where: { es: `en ${l.name}`, en: `in ${l.name}` }, town: { es: l.name, en: l.name } };
  }
  const stateName = stateByCode(l.state)!.name;
  if (r < 0.91 || !seg) {
    const place: RawPlace = { precision: 'state', country: l.country, state: l.state };
    if (seg && rng.chance(0.3)) place.routeSegment = codes.c('route_segment', seg);
    return { ...base, place, where: { es: stateIn(l.state, 'es'), en: stateIn(l.state, 'en') }, town: stateName };
  }
  if (r < 0.96) {
    return { ...base, place: { precision: 'country', country: l.country }, where: { es: countryIn(l.country, 'es'), en: countryIn(l.country, 'en') }, town: { es: countryName(l.country, 'es'), en: countryName(l.country, 'en') } };
  }
  const routeWhere = T.ROUTE_WHERE[seg] ?? { es: countryIn(l.country, 'es'), en: countryIn(l.country, 'en') };
  return {
    ...base,
    place: { precision: 'route', country: l.country, routeSegment: codes.c('route_segment', seg) },
    where: routeWhere,
    town: { es: routeWhere.es.replace(/^en (el |la )?/, ''), en: routeWhere.en.replace(/^(in|on) (the )?/, '') },
  };
}

// ---------------------------------------------------------------------------------------------
// one incident

interface Built {
  raw: RawIncident;
  /** victims recorded for the first time in this incident: their position and pool entry */
  newVictims: [number, PoolActor][];
}

const ORG_PREFERENCE: Partial<Record<string, number>> = {
  shelter_entry: 0.75, criminal_pressure: 0.6, harassment: 0.45, property_damage: 0.6, robbery_extortion: 0.3, defamation: 0.35,
  surveillance: 0.2, threat: 0.15, shooting: 0.3, obstruction: 0.15, humanitarian_obstruction: 0.3, kidnapping: 0.1,
};
const SHELTER_TYPES = new Set(['shelter', 'soup_kitchen', 'faith_based']);
const SHELTER_FAMILIES = new Set(['shelter_entry', 'criminal_pressure', 'kidnapping', 'property_damage']);
const PERSON_ONLY = new Set(['border', 'detention', 'interrogation', 'deportation', 'status_revocation', 'criminalisation', 'gendered_abuse', 'physical_assault', 'killing', 'disappearance', 'sexual_violence']);

/**
 * People are drawn mostly from the town or area where the incident happened, sometimes from
 * elsewhere in the country (defenders travel); organisations only from the area.
 */
function selectVictim(rng: Rng, pool: PoolActor[], plan: PlacePlan, exclude: Set<PoolActor>, filter?: (a: PoolActor) => boolean): PoolActor | undefined {
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

function gateLeaf(leaf: string, d: DatePlan): string {
  const family = leaf.split('.')[0]!;
  if (leaf === 'deportation.expulsion' && !inWindow(d.m, [2020, 3], [2023, 5])) return family;
  if (leaf === 'deportation.return_to_mexico' && !inWindow(d.m, [2019, 1], [2022, 10])) return family;
  if (leaf === 'status_revocation.daca' && d.m < monthIndex(2017, 9)) return family;
  return leaf;
}

function pickLeaf(rng: Rng, family: string, victim: PoolActor | undefined, d: DatePlan): string {
  const person = victim?.kind === 'person' ? victim : undefined;
  if (family === 'gendered_abuse' && person) {
    if ((person.gender === 'trans_woman' || person.gender === 'trans_man' || person.gender === 'non_binary') && rng.chance(0.6)) return 'gendered_abuse.transphobic';
    if (person.lgbti === 'yes' && rng.chance(0.5)) return 'gendered_abuse.homophobic';
    if (person.form !== 'f') return rng.chance(0.5) ? 'gendered_abuse' : 'gendered_abuse.sexist';
  }
  if (family === 'killing' && person && person.form === 'f' && rng.chance(0.3)) return 'killing.femicide';
  if (family === 'status_revocation') {
    if (person?.migrationStatus === 'daca' && rng.chance(0.85)) return gateLeaf('status_revocation.daca', d);
    return rng.weighted(LEAVES['status_revocation']!.filter(([c]) => c !== 'status_revocation.daca'));
  }
  return gateLeaf(rng.weighted(LEAVES[family]!), d);
}

function perpCountry(code: string, incidentCountry: string): string {
  const m = /^state\.([a-z]{2})\./.exec(code);
  return m ? m[1]!.toUpperCase() : incidentCountry;
}

function pickPerpetrator(rng: Rng, profile: Profile, country: string, d: DatePlan): string {
  const table = PERPS[(country in PERPS ? country : 'MX') as keyof typeof PERPS][profile];
  let code = rng.weighted(table);
  if (code === 'state.mx.guardia_nacional' && d.m < monthIndex(2019, 7)) code = 'state.mx.federal_police';
  if (code === 'state.mx.federal_police' && d.m > monthIndex(2019, 10)) code = 'state.mx.guardia_nacional';
  return code;
}

function involvements(rng: Rng, codes: Codes, perps: string[], country: string, lang: DemoLang, vars: Vars): RawInvolvement[] {
  return perps.map((p, i) => {
    const inv: RawInvolvement = { perpetrator: codes.c('perpetrator', p), country: perpCountry(p, country) };
    if (rng.chance(0.92)) inv.degree = codes.c('involvement_degree', rng.weighted(i === 0 ? DEGREES : SECOND_DEGREES));
    if (rng.chance(0.22)) inv.description = fillTemplate(rng.pick(T.PERPETRATOR_DESCRIPTIONS[lang]), vars);
    if (rng.chance(0.03)) inv.identifiedIndividuals = fillTemplate(rng.pick(T.IDENTIFIED_INDIVIDUALS[lang]), vars);
    return inv;
  });
}

function contextTags(rng: Rng, plan: PlacePlan, d: DatePlan, leaves: string[], perps: string[], victims: PoolActor[]): string[] {
  const tags = new Set<string>();
  const family = leaves[0]!.split('.')[0]!;
  const town = plan.locality?.name ?? '';
  const north = plan.country === 'US' || (plan.country === 'MX' && plan.states.some((s) => NORTH_MX.has(s)));
  const south = plan.country === 'GT' || plan.country === 'HN' || plan.country === 'SV' || plan.states.some((s) => SOUTH_MX.has(s) || s === 'MX-OAX' || s === 'MX-VER');
  const has = (prefix: string) => leaves.some((l) => l === prefix || l.startsWith(`${prefix}.`));
  if ((family === 'shelter_entry' || victims.some((v) => v.orgType === 'shelter')) && rng.chance(0.8)) tags.add('shelter');
  if (plan.crossing?.kind === 'river_crossing' && rng.chance(0.8)) tags.add('river_crossing');
  else if (plan.crossing && rng.chance(0.85)) tags.add('port_of_entry');
  else if (has('border') && rng.chance(0.6)) tags.add('port_of_entry');
  const caravan = inWindow(d.m, [2018, 10], [2019, 3]) || inWindow(d.m, [2020, 1], [2020, 1]) || inWindow(d.m, [2021, 8], [2022, 6]) || inWindow(d.m, [2023, 10], [2024, 6]);
  if (caravan && south && rng.chance(0.4)) tags.add('caravan');
  if (inWindow(d.m, [2019, 1], [2022, 10]) && north && (victims.some((v) => v.role === 'returned_asylum_seeker') || rng.chance(0.25))) tags.add('mpp');
  if (inWindow(d.m, [2020, 3], [2023, 5]) && north && rng.chance(0.2)) tags.add('title_42');
  if (inWindow(d.m, [2023, 1], [2025, 1]) && (north || town === 'Tapachula') && rng.chance(0.2)) tags.add('cbp_one');
  if (inWindow(d.m, [2020, 3], [2021, 12]) && rng.chance(0.15)) tags.add('pandemic');
  if ((DESERT.has(town) || ['us_mx.sasabe', 'us_mx.lukeville'].includes(plan.crossing?.code ?? '') || family === 'humanitarian_obstruction') && rng.chance(0.6)) tags.add('desert');
  if (WALL.has(town) && rng.chance(0.12)) tags.add('border_wall');
  if (TRAIN.has(town) && rng.chance(0.15)) tags.add('train');
  if ((leaves.includes('detention.brief') && rng.chance(0.6)) || (family === 'detention' && rng.chance(0.15))) tags.add('checkpoint');
  if (leaves.includes('detention.immigration_detention') && rng.chance(0.8)) tags.add('detention_centre');
  if ((family === 'criminalisation' && rng.chance(0.4)) || (family === 'obstruction' && rng.chance(0.3))) tags.add('court');
  if (leaves.includes('harassment.by_business') && rng.chance(0.3)) tags.add('bus_terminal');
  if ((leaves.includes('surveillance.following') && rng.chance(0.2)) || (family === 'detention' && rng.chance(0.1))) tags.add('highway');
  if (ENCAMPMENT.has(town) && inWindow(d.m, [2019, 1], [2023, 12]) && rng.chance(0.12)) tags.add('encampment');
  const online = perps.some((p) => p.startsWith('non_state.social_media')) || leaves.some((l) => ['harassment.online', 'harassment.doxxing', 'threat.public_post', 'defamation.smear_campaign', 'defamation.fake_news'].includes(l));
  if (online && rng.chance(0.9)) tags.add('social_media');
  if (perps.some((p) => ['state.mx.guardia_nacional', 'state.mx.sedena', 'state.us.national_guard', 'state.us.military', 'state.hn.pmop'].includes(p)) && rng.chance(0.3)) tags.add('militarisation');
  if ([2018, 2024].includes(d.year) && plan.country === 'MX' && rng.chance(0.06)) tags.add('elections');
  if ([2016, 2020, 2024].includes(d.year) && plan.country === 'US' && rng.chance(0.06)) tags.add('elections');
  if (rng.chance(0.03)) tags.add('protest');
  return [...tags].slice(0, 4);
}

function buildIncident(
  ctx: ServiceContext, rng: Rng, codes: Codes, d: DatePlan,
  localityTable: Weighted<Locality>, crossingTable: Weighted<Crossing>,
  persons: PoolActor[], orgs: PoolActor[], nextSerial: () => number,
): Built {
  const plan = planPlace(rng, codes, localityTable, crossingTable);
  const lang: DemoLang = rng.chance(plan.region === 'US' ? 0.62 : 0.22) ? 'en' : 'es';

  // what happened, to whom
  const factor = FAMILY_FACTOR[plan.region];
  const atBorder = plan.crossing !== undefined || nearCrossing(plan.locality);
  let family = rng.weighted(FAMILY_BASE.map(([f, w]) => [f, w * (factor[f] ?? 1) * (plan.crossing ? FAMILY_FACTOR.crossing[f] ?? 1 : 1) * (f === 'border' && !atBorder ? 0.03 : 1)] as const));
  const exclude = new Set<PoolActor>();
  const wantsOrg = !PERSON_ONLY.has(family) && rng.chance(ORG_PREFERENCE[family] ?? 0.05);
  const orgFilter = SHELTER_FAMILIES.has(family) ? (a: PoolActor) => SHELTER_TYPES.has(a.orgType ?? '') : undefined;
  let primary = wantsOrg ? selectVictim(rng, orgs, plan, exclude, orgFilter) : selectVictim(rng, persons, plan, exclude);
  if (!primary) primary = selectVictim(rng, persons, plan, exclude);
  if (family === 'deportation' && primary?.kind === 'person' && primary.nationality === plan.country) family = 'detention';
  if (primary) exclude.add(primary);
  const victims: PoolActor[] = primary ? [primary] : [];
  const extra = rng.weighted<number>([[0, 62], [1, 28], [2, 10]]);
  for (let i = 0; i < extra; i++) {
    const v = (rng.chance(0.2) ? selectVictim(rng, orgs, plan, exclude) : undefined) ?? selectVictim(rng, persons, plan, exclude);
    if (v) { victims.push(v); exclude.add(v); }
  }
  const keyOf = (v: PoolActor) => `v${victims.indexOf(v) + 1}`;
  const orgVictim = victims.find((v) => v.kind === 'organisation');
  const shelterVictim = victims.find((v) => SHELTER_TYPES.has(v.orgType ?? ''));

  let leaf = pickLeaf(rng, family, primary, d);
  if (leaf === 'humanitarian_obstruction.supplies_destroyed' && !DESERT.has(plan.locality?.name ?? '')) leaf = 'humanitarian_obstruction.blocked_delivery';
  const profile = LEAF_PROFILE[leaf] ?? FAMILY_PROFILE[family] ?? 'mixed';
  const primaryPerps = [pickPerpetrator(rng, profile, plan.country, d)];
  if (rng.chance(0.3)) {
    const second = pickPerpetrator(rng, rng.chance(0.5) ? profile : 'mixed', plan.country, d);
    if (!primaryPerps.includes(second)) primaryPerps.push(second);
  }
  // governments share information across the border
  if (plan.crossing && plan.country === 'US' && rng.chance(0.08)) primaryPerps.push('state.mx.inm');

  // shared narrative values, drawn once so title and summary agree
  const hour = rng.int(6, 23);
  const minute = rng.pick(['00', '15', '30', '45']);
  const shared: Vars = {
    where: plan.where[lang],
    town: plan.town[lang],
    shelter: shelterVictim ? shelterVictim[lang] : rng.pick(lang === 'es' ? ['el albergue', 'la casa del migrante', 'el albergue', 'el comedor comunitario'] : ['the shelter', 'the migrant shelter', 'the shelter', 'the migrant house']),
    vehicle: rng.pick(T.VEHICLES[lang]),
    platform: rng.pick(T.PLATFORMS),
    network: rng.pick(T.NETWORKS),
    phrase: rng.pick(T.THREAT_PHRASES[lang]),
    hours: String(rng.int(2, 14)),
    clock: lang === 'es' ? `${hour}:${minute}` : `${((hour + 11) % 12) + 1}:${minute} ${hour < 12 ? 'am' : 'pm'}`,
    n: String(rng.int(3, 12)),
    nm: String(rng.int(10, 140)),
    nth: rng.pick(T.ORDINALS[lang]),
  };
  const varsFor = (leafCode: string, perps: string[], victim: PoolActor | undefined): Vars => {
    const what = T.WHAT[leafCode] ?? T.WHAT[leafCode.split('.')[0]!];
    if (!what) throw new Error(`demo: no narrative for act ${leafCode}`);
    const label = ctx.vocab.label('act', leafCode, lang);
    return { ...shared, ...victimVars(victim, lang), perp: perpPhrase(rng, perps[0]!, lang, ctx), what: what[lang], label, lc: label[0]!.toLowerCase() + label.slice(1) };
  };
  const primaryVars = varsFor(leaf, primaryPerps, primary);

  // acts
  const acts: RawAct[] = [];
  const leaves: string[] = [leaf];
  const allPerps = new Set(primaryPerps);
  const companionSentences: string[] = [];
  const makeAct = (code: string, perps: string[], victim: PoolActor | undefined, vars: Vars): RawAct => {
    const fam = code.split('.')[0]!;
    const act: RawAct = { kind: codes.c('act', code), perpetrators: involvements(rng, codes, perps, plan.country, lang, vars) };
    if (victim) act.victimKey = keyOf(victim);
    const methods = METHODS[fam];
    if (methods && rng.chance(0.5)) act.methods = [...new Set([rng.weighted(methods), ...(rng.chance(0.2) ? [rng.weighted(methods)] : [])])].map((m) => codes.c('act_method', m));
    const cons = CONSEQUENCES[fam];
    if (cons && rng.chance(0.38)) act.consequences = [...new Set([rng.weighted(cons), ...(rng.chance(0.25) ? [rng.weighted(cons)] : [])])].map((c) => codes.c('consequence', c));
    if (rng.chance(0.2)) {
      const details = T.fitting((T.FAMILY_TEXTS[lang][fam] ?? T.FALLBACK_TEXTS[lang]).details, code, victim?.kind === 'person');
      if (details.length) act.description = fillTemplate(rng.pick(details), vars);
    }
    if (rng.chance(0.12)) act.date = { ...d.date };
    return act;
  };
  acts.push(makeAct(leaf, primaryPerps, primary, primaryVars));
  const actCount = rng.weighted<number>([[1, 55], [2, 32], [3, 13]]);
  const companions = COMPANIONS[family] ?? ['threat.serious_problems', 'harassment.intimidation'];
  for (let i = 1; i < actCount; i++) {
    const code = gateLeaf(rng.pick(companions), d);
    if (leaves.includes(code)) continue;
    leaves.push(code);
    const victim = victims.length > 1 && rng.chance(0.35) ? rng.pick(victims.slice(1)) : primary;
    const companionProfile = LEAF_PROFILE[code] ?? FAMILY_PROFILE[code.split('.')[0]!] ?? 'mixed';
    const fits = companionProfile === profile || (companionProfile === 'mixed' && profile !== 'online') || (profile === 'mixed' && companionProfile !== 'online');
    const same = fits && rng.chance(0.75);
    const perps = same ? primaryPerps : [pickPerpetrator(rng, companionProfile, plan.country, d)];
    perps.forEach((p) => allPerps.add(p));
    const vars = varsFor(code, perps, victim);
    acts.push(makeAct(code, perps, victim, vars));
    companionSentences.push(fillTemplate(same ? (lang === 'es' ? 'También {what}.' : 'They also {what}.') : lang === 'es' ? 'Además, {perp} {what}.' : '{Perp} also {what}.', vars));
  }

  // context, narrative
  const context = contextTags(rng, plan, d, leaves, [...allPerps], victims);
  const texts = T.FAMILY_TEXTS[lang][family];
  const fallback = T.FALLBACK_TEXTS[lang];
  const isPerson = primary?.kind === 'person';
  const familyTitles = texts ? T.fitting(texts.titles, leaf, isPerson) : [];
  const titleTpl = familyTitles.length && rng.chance(0.6) ? rng.pick(familyTitles) : rng.pick(T.GENERIC_TITLES[lang]);
  let title = fillTemplate(titleTpl, primaryVars);
  if (title.length > 300) title = `${title.slice(0, 297)}…`;
  const sentences = [fillTemplate(rng.pick(T.fitting((texts ?? fallback).openings, leaf, isPerson)), primaryVars)];
  const details = T.fitting((texts ?? fallback).details, leaf, isPerson);
  for (let i = rng.int(0, 2); i > 0 && details.length; i--) sentences.push(fillTemplate(details.splice(rng.int(0, details.length - 1), 1)[0]!, primaryVars));
  sentences.push(...companionSentences);
  for (const tag of context.slice(0, 2)) {
    const s = T.CONTEXT_SENTENCES[lang][tag];
    if (s && rng.chance(0.7)) sentences.push(s);
  }
  if (rng.chance(0.65)) sentences.push(rng.pick(T.fitting(T.CLOSINGS[lang], leaf, isPerson)));
  const summary = sentences.map(cap).join(' ');

  // status and follow-up
  const severe = family === 'killing' || family === 'disappearance' || family === 'kidnapping' || family === 'sexual_violence';
  let followUp: string;
  if ((family === 'disappearance' || (family === 'kidnapping' && leaf !== 'kidnapping.express')) && rng.chance(0.55)) followUp = 'still_missing';
  else if (family === 'killing') followUp = rng.weighted<string>([['impunity', 50], ['under_investigation', 40], ['resolved', 10]]);
  else if (d.year >= 2025) followUp = rng.weighted<string>([['open', 65], ['under_investigation', 15], ['impunity', 8], ['resolved', 12]]);
  else followUp = rng.weighted<string>([['open', 30], ['under_investigation', 14], ['impunity', 30], ['resolved', 26]]);
  const status = rng.weighted<string>([['reported', d.year >= 2025 ? 70 : 50], ['verified', d.year >= 2025 ? 24 : 42], ['disputed', 7]]);
  const confidentiality = severe ? rng.weighted<string>([['restricted', 70], ['organisation', 30]]) : rng.weighted<string>([['organisation', 72], ['restricted', 18], ['public_after_review', 10]]);

  // who was recorded for the first time here
  const newVictims: [number, PoolActor][] = [];
  const victimEntries = victims.map((v, i) => {
    const key = keyOf(v);
    if (v.actorId) return { key, actorId: v.actorId };
    newVictims.push([i, v]);
    return { key, actor: v.input };
  });
  if (primary?.kind === 'person' && ((family === 'killing' && leaf !== 'killing.attempted') || (followUp === 'still_missing' && family === 'disappearance'))) primary.unavailable = true;

  const raw: RawIncident = {
    title,
    summary,
    date: d.date,
    place: plan.place,
    context: context.map((c) => codes.c('context', c)),
    status: codes.c('incident_status', status),
    followUp: codes.c('follow_up', followUp),
    confidentiality: codes.c('confidentiality', confidentiality),
    victims: victimEntries,
    acts,
  };
  if (rng.chance(0.5)) raw.sources = makeSources(rng, codes, d, lang, family, nextSerial);
  if (rng.chance(severe ? 0.7 : 0.3)) raw.interventions = makeInterventions(rng, codes, d, lang, plan, primary, orgVictim);
  return { raw, newVictims };
}

// ---------------------------------------------------------------------------------------------
// sources and interventions

const PERSONAL_SOURCES = new Set(['victim', 'witness', 'family_member', 'own_staff', 'anonymous']);

function consent(rng: Rng, codes: Codes, personal: boolean): NonNullable<RawSource['consent']> {
  const v = (w: Weighted<string>) => codes.c('consent_value', rng.weighted(w));
  if (!personal) {
    return { internal_analysis: v([['not_asked', 60], ['given', 40]]), share_partners: v([['not_asked', 80], ['given', 20]]), anonymous_publication: v([['not_asked', 100]]), named_publication: v([['not_asked', 100]]), legal_action: v([['not_asked', 100]]) };
  }
  return {
    internal_analysis: v([['given', 92], ['refused', 2], ['not_asked', 5], ['withdrawn', 1]]),
    share_partners: v([['given', 60], ['refused', 20], ['not_asked', 19], ['withdrawn', 1]]),
    anonymous_publication: v([['given', 55], ['refused', 15], ['not_asked', 28], ['withdrawn', 2]]),
    named_publication: v([['given', 8], ['refused', 62], ['not_asked', 30]]),
    legal_action: v([['given', 35], ['refused', 15], ['not_asked', 48], ['withdrawn', 2]]),
  };
}

function makeSources(rng: Rng, codes: Codes, d: DatePlan, lang: DemoLang, family: string, nextSerial: () => number): RawSource[] {
  const out: RawSource[] = [];
  const count = rng.chance(0.8) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted<string>(family === 'defamation'
      ? [['social_media_post', 40], ['media_report', 25], ['victim', 20], ['own_staff', 15]]
      : [['victim', 30], ['own_staff', 22], ['partner_org', 14], ['witness', 12], ['media_report', 8], ['social_media_post', 5], ['official_document', 4], ['family_member', 3], ['anonymous', 2]]);
    const personal = PERSONAL_SOURCES.has(kind);
    const method =
      kind === 'media_report' ? 'media_monitoring'
      : kind === 'social_media_post' ? rng.weighted<string>([['media_monitoring', 70], ['other', 30]])
      : kind === 'official_document' ? 'document'
      : kind === 'partner_org' ? rng.weighted<string>([['email', 40], ['message_app', 40], ['phone', 20]])
      : rng.weighted<string>([['in_person', 40], ['phone', 25], ['message_app', 30], ['email', 5]]);
    const s: RawSource = { kind: codes.c('source_kind', kind), consent: consent(rng, codes, personal) };
    if (rng.chance(0.9)) s.method = codes.c('source_method', method);
    if (rng.chance(0.8)) s.receivedOn = laterDate(rng, d, 0, 14, 0.9);
    if (rng.chance(0.85)) {
      s.reliability = codes.c('reliability', rng.weighted<string>(personal
        ? [['completely_reliable', 18], ['usually_reliable', 45], ['fairly_reliable', 22], ['not_usually_reliable', 3], ['unreliable', 1], ['cannot_be_judged', 11]]
        : [['completely_reliable', 5], ['usually_reliable', 30], ['fairly_reliable', 30], ['not_usually_reliable', 10], ['unreliable', 5], ['cannot_be_judged', 20]]));
    }
    if (personal && rng.chance(0.75)) {
      const n = nextSerial();
      const stem = kind === 'witness' ? (lang === 'es' ? 'Testigo' : 'Witness') : lang === 'es' ? 'Fuente' : 'Source';
      s.pseudonym = `${stem} ${String.fromCharCode(65 + (n % 26))}-${n}`;
    }
    if (personal && kind !== 'anonymous' && rng.chance(0.3)) s.testimony = rng.pick(T.TESTIMONIES[lang]);
    out.push(s);
  }
  return out;
}

const INTERVENTION_KINDS: Record<Region, Weighted<string>> = {
  MX: [['complaint_hr_commission', 18], ['complaint_prosecutor', 16], ['mechanism_inclusion', 8], ['urgent_appeal', 10], ['press_statement', 12], ['public_campaign', 4], ['legal_accompaniment', 10], ['amparo_habeas', 5], ['iachr_precautionary', 4], ['information_request', 5], ['oversight_complaint', 4], ['meeting_authorities', 6], ['psychosocial', 4], ['relocation', 3], ['un_special_procedures', 3]],
  US: [['oversight_complaint', 18], ['information_request', 12], ['legal_accompaniment', 18], ['press_statement', 14], ['public_campaign', 8], ['urgent_appeal', 8], ['consular_contact', 6], ['un_special_procedures', 5], ['iachr_precautionary', 3], ['meeting_authorities', 6], ['psychosocial', 3], ['amparo_habeas', 4]],
  CA: [['complaint_prosecutor', 20], ['complaint_hr_commission', 15], ['urgent_appeal', 15], ['press_statement', 15], ['legal_accompaniment', 10], ['iachr_precautionary', 6], ['psychosocial', 6], ['relocation', 5], ['un_special_procedures', 4], ['meeting_authorities', 4]],
};
const HR_COMMISSION: Record<string, string> = { GT: 'Procuraduría de los Derechos Humanos (PDH)', HN: 'CONADEH', SV: 'PDDH' };
const PROSECUTOR: Record<string, string> = { GT: 'Ministerio Público de Guatemala', HN: 'Ministerio Público de Honduras', SV: 'Fiscalía General de la República (El Salvador)' };

function addressee(rng: Rng, kind: string, plan: PlacePlan, primary: PoolActor | undefined): string | undefined {
  const state = plan.place.state ? stateByCode(plan.place.state)?.name.es : undefined;
  const town = plan.locality?.name;
  const c = plan.country;
  switch (kind) {
    case 'complaint_hr_commission':
      if (c !== 'MX') return HR_COMMISSION[c];
      return state && rng.chance(0.4) ? `Comisión Estatal de Derechos Humanos de ${state}` : 'CNDH';
    case 'complaint_prosecutor':
      if (c !== 'MX') return PROSECUTOR[c];
      return rng.pick(['FGR', ...(state ? [`Fiscalía General del Estado de ${state}`] : []), 'Fiscalía Especializada en Delitos contra Migrantes']);
    case 'mechanism_inclusion': return rng.pick(['Mecanismo de Protección', 'Mecanismo de Protección para Personas Defensoras de Derechos Humanos y Periodistas']);
    case 'iachr_precautionary': return 'CIDH';
    case 'urgent_appeal': return rng.pick(['CIDH', 'OACNUDH', 'Relatoría Especial de la ONU sobre la situación de los defensores de derechos humanos']);
    case 'un_special_procedures': return rng.pick(['Relatoría Especial de la ONU sobre los derechos humanos de los migrantes', 'UN Special Rapporteur on human rights defenders']);
    case 'press_statement': return rng.pick(['Medios de comunicación', 'Opinión pública', 'The press']);
    case 'public_campaign': return c === 'US' ? rng.pick(['DHS', 'Congress']) : c === 'MX' ? rng.pick(['Gobierno de México', 'Gobierno del estado', 'INM']) : 'Gobierno nacional';
    case 'legal_accompaniment': return c === 'US' ? rng.pick(['Immigration court', 'Federal district court']) : rng.pick(['Juzgado de Distrito', 'Juzgado de control']);
    case 'amparo_habeas': return c === 'US' ? 'U.S. District Court' : state ? `Juzgado de Distrito en ${state}` : 'Juzgado de Distrito';
    case 'information_request': return c === 'US' ? rng.pick(['CBP (FOIA)', 'ICE (FOIA)']) : rng.pick(['INM (Unidad de Transparencia)', 'Guardia Nacional (Unidad de Transparencia)']);
    case 'oversight_complaint': return c === 'US' ? rng.pick(['DHS Office for Civil Rights and Civil Liberties (CRCL)', 'DHS Office of Inspector General (OIG)']) : 'Órgano Interno de Control del INM';
    case 'consular_contact': {
      const nat = primary?.nationality && primary.nationality !== 'US' ? primary.nationality : 'MX';
      return `Consulado de ${countryName(nat, 'es')} en ${town && plan.country === 'US' ? town : 'San Diego'}`;
    }
    case 'meeting_authorities': return c === 'US' ? rng.pick(['CBP port director', 'Congressional district office']) : town && rng.chance(0.5) ? `Gobierno municipal de ${town}` : state ? `Oficina de Representación del INM en ${state}` : 'INM';
    default: return undefined;
  }
}

function makeInterventions(rng: Rng, codes: Codes, d: DatePlan, lang: DemoLang, plan: PlacePlan, primary: PoolActor | undefined, org: PoolActor | undefined): RawIntervention[] {
  const out: RawIntervention[] = [];
  const count = rng.weighted<number>([[1, 70], [2, 22], [3, 8]]);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(INTERVENTION_KINDS[plan.region]);
    if (used.has(kind)) continue;
    used.add(kind);
    const x: RawIntervention = { kind: codes.c('intervention_kind', kind) };
    if (rng.chance(0.9)) x.date = laterDate(rng, d, 1 + i * 10, 90 + i * 60, 0.7);
    const to = addressee(rng, kind, plan, primary);
    if (to) x.addressee = to;
    if (rng.chance(0.6)) x.actor = org ? org.pseudonym : rng.pick(lang === 'es' ? ['Equipo jurídico del albergue', 'Red regional de defensoras (ficticia)', 'Área de incidencia'] : ['Shelter legal team', 'Regional defenders network (fictional)', 'Advocacy team']);
    if (!['press_statement', 'psychosocial', 'relocation', 'public_campaign'].includes(kind) && rng.chance(0.85)) {
      x.outcome = codes.c('intervention_outcome', rng.weighted<string>([['pending', d.year >= 2025 ? 50 : 20], ['no_response', 25], ['granted', 14], ['partially_granted', 10], ['denied', 15], ['other', 3]]));
    }
    if (rng.chance(0.4)) x.followUp = codes.c('follow_up', rng.weighted<string>([['open', 40], ['under_investigation', 25], ['impunity', 15], ['resolved', 20]]));
    if (rng.chance(0.3)) x.notes = fillTemplate(rng.pick(T.INTERVENTION_NOTES[lang]), { n: String(rng.int(1, 999)), year: String(d.year) });
    out.push(x);
  }
  return out;
}
