/**
 * One demo incident: `buildIncident` draws its place, language, act family, victims, acts and
 * perpetrators, writes a title and summary that agree, sets status, follow-up and confidentiality,
 * and adds sources and interventions; `contextTags` derives the context (shelter, caravan, MPP,
 * Title 42, desert…) from place, date, acts and perpetrators. The result is raw API input plus the
 * victims recorded for the first time.
 */
import type { ServiceContext } from '../context.js';
import type { Locality, Crossing } from '../../domain/places/places.js';
import * as T from './demo-texts.js';
import type { DemoLang } from './demo-texts.js';
import type { RawIncident, RawAct } from './demo-input-types.js';
import type { Weighted, Rng } from './demo-random.js';
import type { Codes } from './demo-codes.js';
import { type DatePlan, inWindow } from './demo-dates.js';
import { SOUTH_MX, NORTH_MX, DESERT, WALL, TRAIN, ENCAMPMENT, nearCrossing, type PlacePlan, planPlace } from './demo-places.js';
import type { PoolActor, VictimPools } from './demo-people.js';
import { type Vars, cap, fillTemplate, victimVars, perpPhrase } from './demo-narrative.js';
import { FAMILY_BASE, FAMILY_FACTOR, COMPANIONS, FAMILY_PROFILE, LEAF_PROFILE, METHODS, CONSEQUENCES, gateLeaf, pickLeaf, pickPerpetrator, involvements } from './demo-acts.js';
import { makeSources } from './demo-sources.js';
import { makeInterventions } from './demo-interventions.js';

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

export function buildIncident(
  ctx: ServiceContext, rng: Rng, codes: Codes, d: DatePlan,
  localityTable: Weighted<Locality>, crossingTable: Weighted<Crossing>,
  pools: VictimPools, nextSerial: () => number,
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
  let primary = wantsOrg ? pools.organisation(rng, plan, exclude, orgFilter) : pools.person(rng, plan, exclude);
  if (!primary) primary = pools.person(rng, plan, exclude);
  if (family === 'deportation' && primary?.kind === 'person' && primary.nationality === plan.country) family = 'detention';
  if (primary) exclude.add(primary);
  const victims: PoolActor[] = primary ? [primary] : [];
  const extra = rng.weighted<number>([[0, 62], [1, 28], [2, 10]]);
  for (let i = 0; i < extra; i++) {
    const v = (rng.chance(0.2) ? pools.organisation(rng, plan, exclude) : undefined) ?? pools.person(rng, plan, exclude);
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
