/**
 * Acts and perpetrators for the demo generator: act-family base weights and regional factors, leaf
 * weights within each family, companion acts, the profile that decides which perpetrator table
 * applies, perpetrator tables per country, involvement degrees, methods and consequences; and the
 * draws built on them (a leaf fitting the victim and date, a perpetrator fitting the date, the
 * involvement entries of an act).
 */
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawInvolvement } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import { type DatePlan, monthIndex, inWindow } from './demo-dates.js';
import type { Region } from './demo-places.js';
import type { PoolActor } from './demo-people.js';
import { type Vars, fillTemplate } from './demo-narrative.js';

export const FAMILY_BASE: Weighted<string> = [
  ['threat', 20], ['surveillance', 14], ['harassment', 13], ['shelter_entry', 12], ['detention', 10], ['border', 4],
  ['defamation', 6], ['criminalisation', 4], ['interrogation', 2.5], ['criminal_pressure', 3], ['robbery_extortion', 2.5],
  ['physical_assault', 2.5], ['obstruction', 2.5], ['gendered_abuse', 2], ['deportation', 1.5], ['status_revocation', 0.5],
  ['property_damage', 2], ['humanitarian_obstruction', 0.6], ['shooting', 0.6], ['kidnapping', 0.7], ['disappearance', 0.4],
  ['killing', 0.45], ['sexual_violence', 0.3],
];
export const FAMILY_FACTOR: Record<Region | 'crossing', Partial<Record<string, number>>> = {
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
export const COMPANIONS: Record<string, string[]> = {
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
export const FAMILY_PROFILE: Record<string, Profile> = {
  shelter_entry: 'enforcement', surveillance: 'mixed', threat: 'mixed', harassment: 'mixed', criminal_pressure: 'crime', detention: 'enforcement',
  interrogation: 'enforcement', border: 'border', deportation: 'migration', status_revocation: 'status', criminalisation: 'justice',
  defamation: 'online', gendered_abuse: 'enforcement', physical_assault: 'enforcement', shooting: 'crime', killing: 'crime', kidnapping: 'crime',
  disappearance: 'crime', obstruction: 'justice', humanitarian_obstruction: 'enforcement', robbery_extortion: 'crime', property_damage: 'crime',
  sexual_violence: 'crime', crime_scene_tampering: 'enforcement',
};
export const LEAF_PROFILE: Record<string, Profile> = {
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

export const METHODS: Record<string, Weighted<string>> = {
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
export const CONSEQUENCES: Record<string, Weighted<string>> = {
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

export function gateLeaf(leaf: string, d: DatePlan): string {
  const family = leaf.split('.')[0]!;
  if (leaf === 'deportation.expulsion' && !inWindow(d.m, [2020, 3], [2023, 5])) return family;
  if (leaf === 'deportation.return_to_mexico' && !inWindow(d.m, [2019, 1], [2022, 10])) return family;
  if (leaf === 'status_revocation.daca' && d.m < monthIndex(2017, 9)) return family;
  return leaf;
}

export function pickLeaf(rng: Rng, family: string, victim: PoolActor | undefined, d: DatePlan): string {
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

export function pickPerpetrator(rng: Rng, profile: Profile, country: string, d: DatePlan): string {
  const table = PERPS[(country in PERPS ? country : 'MX') as keyof typeof PERPS][profile];
  let code = rng.weighted(table);
  if (code === 'state.mx.guardia_nacional' && d.m < monthIndex(2019, 7)) code = 'state.mx.federal_police';
  if (code === 'state.mx.federal_police' && d.m > monthIndex(2019, 10)) code = 'state.mx.guardia_nacional';
  return code;
}

export function involvements(rng: Rng, codes: Codes, perps: string[], country: string, lang: DemoLang, vars: Vars): RawInvolvement[] {
  return perps.map((p, i) => {
    const inv: RawInvolvement = { perpetrator: codes.c('perpetrator', p), country: perpCountry(p, country) };
    if (rng.chance(0.92)) inv.degree = codes.c('involvement_degree', rng.weighted(i === 0 ? DEGREES : SECOND_DEGREES));
    if (rng.chance(0.22)) inv.description = fillTemplate(rng.pick(T.PERPETRATOR_DESCRIPTIONS[lang]), vars);
    if (rng.chance(0.03)) inv.identifiedIndividuals = fillTemplate(rng.pick(T.IDENTIFIED_INDIVIDUALS[lang]), vars);
    return inv;
  });
}
