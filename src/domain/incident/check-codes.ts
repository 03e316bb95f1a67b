/**
 * Checks every vocabulary code, country, state and crossing in an incident against the live
 * vocabularies and the places data. A retired term is accepted only where the record already
 * had it (old records stay editable); new uses need an active term.
 */
import type { IncidentInput } from './schema.js';
import type { ActorInput } from '../actor/schema.js';
import type { VocabularyIndex } from '../vocabulary/vocabulary.js';
import { isCountry, stateByCode, crossingByCode } from '../places/places.js';
import { CONSENT_USES } from './schema.js';

/**
 * One problem with one field: `path` names it ("acts[0].kind"), `message` says it in English,
 * `code` and `params` say it for machines (the web app words it in the reader's language).
 */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

type Path = (string | number)[];
const fmt = (p: Path) => p.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, '').replace(/\.\[/g, '[');

export class CodeChecker {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly vocab: VocabularyIndex, private readonly previous: ReadonlySet<string> = new Set()) {}

  code(scheme: string, code: string | undefined, path: Path): void {
    if (code === undefined) return;
    const status = this.vocab.status(scheme, code);
    if (status === undefined) this.problems.push({ path: fmt(path), message: `unknown code "${code}" in vocabulary ${scheme}`, code: 'unknown_code', params: { scheme, value: code } });
    else if (status === 'retired' && !this.previous.has(`${scheme}:${code}`)) this.problems.push({ path: fmt(path), message: `"${code}" is retired in vocabulary ${scheme}`, code: 'retired_code', params: { scheme, value: code } });
  }
  codes(scheme: string, codes: string[], path: Path): void {
    codes.forEach((c, i) => this.code(scheme, c, [...path, i]));
  }
  country(code: string | undefined, path: Path): void {
    if (code !== undefined && !isCountry(code)) this.problems.push({ path: fmt(path), message: `unknown country "${code}"`, code: 'unknown_country', params: { value: code } });
  }
  state(code: string | undefined, country: string | undefined, path: Path): void {
    if (code === undefined) return;
    const s = stateByCode(code);
    if (!s) this.problems.push({ path: fmt(path), message: `unknown state "${code}"`, code: 'unknown_state', params: { value: code } });
    else if (country !== undefined && s.country !== country) this.problems.push({ path: fmt(path), message: `${code} is not in ${country}`, code: 'state_not_in_country', params: { value: code, country } });
  }
  crossing(code: string | undefined, path: Path): void {
    if (code !== undefined && !crossingByCode(code)) this.problems.push({ path: fmt(path), message: `unknown crossing "${code}"`, code: 'unknown_crossing', params: { value: code } });
  }
  actor(a: ActorInput, path: Path): void {
    this.code('victim_role', a.role, [...path, 'role']);
    this.code('gender_identity', a.genderIdentity, [...path, 'genderIdentity']);
    this.code('lgbti', a.lgbti, [...path, 'lgbti']);
    this.code('migration_status', a.migrationStatus, [...path, 'migrationStatus']);
    this.code('age_group', a.ageGroup, [...path, 'ageGroup']);
    this.code('org_type', a.orgType, [...path, 'orgType']);
    this.country(a.nationality, [...path, 'nationality']);
    this.country(a.country, [...path, 'country']);
    this.state(a.state, a.country, [...path, 'state']);
    a.protectionMeasures.forEach((m, i) => {
      this.code('protection_kind', m.kind, [...path, 'protectionMeasures', i, 'kind']);
      this.code('protection_status', m.status, [...path, 'protectionMeasures', i, 'status']);
    });
  }
}

export function checkActorCodes(a: ActorInput, vocab: VocabularyIndex, previous?: ReadonlySet<string>): FieldProblem[] {
  const c = new CodeChecker(vocab, previous);
  c.actor(a, []);
  return c.problems;
}

export function checkIncidentCodes(inc: IncidentInput, vocab: VocabularyIndex, previous?: ReadonlySet<string>): FieldProblem[] {
  const c = new CodeChecker(vocab, previous);
  c.code('incident_status', inc.status, ['status']);
  c.code('follow_up', inc.followUp, ['followUp']);
  c.code('confidentiality', inc.confidentiality, ['confidentiality']);
  c.codes('context', inc.context, ['context']);
  c.country(inc.place.country, ['place', 'country']);
  c.state(inc.place.state, inc.place.country, ['place', 'state']);
  c.code('route_segment', inc.place.routeSegment, ['place', 'routeSegment']);
  c.crossing(inc.place.crossing, ['place', 'crossing']);
  const crossing = inc.place.crossing !== undefined ? crossingByCode(inc.place.crossing) : undefined;
  if (crossing && inc.place.country !== undefined && !crossing.countries.includes(inc.place.country)) c.problems.push({ path: 'place.crossing', message: `${inc.place.crossing} is not on a border of ${inc.place.country}`, code: 'crossing_not_in_country', params: { value: crossing.code, country: inc.place.country } });

  const keys = new Set<string>();
  inc.victims.forEach((v, i) => {
    if (keys.has(v.key)) c.problems.push({ path: `victims[${i}].key`, message: `duplicate key "${v.key}"`, code: 'duplicate_key', params: { value: v.key } });
    keys.add(v.key);
    if (v.actor) c.actor(v.actor, ['victims', i, 'actor']);
  });
  inc.acts.forEach((a, i) => {
    c.code('act', a.kind, ['acts', i, 'kind']);
    c.codes('act_method', a.methods, ['acts', i, 'methods']);
    c.codes('consequence', a.consequences, ['acts', i, 'consequences']);
    if (a.victimKey !== undefined && !keys.has(a.victimKey)) c.problems.push({ path: `acts[${i}].victimKey`, message: `no victim with key "${a.victimKey}"`, code: 'unknown_victim', params: { value: a.victimKey } });
    a.perpetrators.forEach((p, j) => {
      c.code('perpetrator', p.perpetrator, ['acts', i, 'perpetrators', j, 'perpetrator']);
      c.code('involvement_degree', p.degree, ['acts', i, 'perpetrators', j, 'degree']);
      c.country(p.country, ['acts', i, 'perpetrators', j, 'country']);
    });
  });
  inc.sources.forEach((s, i) => {
    c.code('source_kind', s.kind, ['sources', i, 'kind']);
    c.code('source_method', s.method, ['sources', i, 'method']);
    c.code('reliability', s.reliability, ['sources', i, 'reliability']);
    for (const use of CONSENT_USES) c.code('consent_value', s.consent[use], ['sources', i, 'consent', use]);
  });
  inc.interventions.forEach((v, i) => {
    c.code('intervention_kind', v.kind, ['interventions', i, 'kind']);
    c.code('intervention_outcome', v.outcome, ['interventions', i, 'outcome']);
    c.code('follow_up', v.followUp, ['interventions', i, 'followUp']);
  });
  return c.problems;
}

/** The scheme:code pairs a stored incident uses (so its retired terms stay accepted on edit). */
export function codesUsed(inc: IncidentInput): Set<string> {
  const s = new Set<string>();
  const add = (scheme: string, code: string | undefined) => code !== undefined && s.add(`${scheme}:${code}`);
  add('incident_status', inc.status);
  add('follow_up', inc.followUp);
  add('confidentiality', inc.confidentiality);
  inc.context.forEach((c) => add('context', c));
  add('route_segment', inc.place.routeSegment);
  for (const v of inc.victims) if (v.actor) for (const [k, sch] of ACTOR_CODE_FIELDS) add(sch, v.actor[k] as string | undefined);
  for (const a of inc.acts) {
    add('act', a.kind);
    a.methods.forEach((m) => add('act_method', m));
    a.consequences.forEach((m) => add('consequence', m));
    for (const p of a.perpetrators) { add('perpetrator', p.perpetrator); add('involvement_degree', p.degree); }
  }
  for (const x of inc.sources) { add('source_kind', x.kind); add('source_method', x.method); add('reliability', x.reliability); for (const u of CONSENT_USES) add('consent_value', x.consent[u]); }
  for (const x of inc.interventions) { add('intervention_kind', x.kind); add('intervention_outcome', x.outcome); add('follow_up', x.followUp); }
  return s;
}

export const ACTOR_CODE_FIELDS: [keyof ActorInput, string][] = [
  ['role', 'victim_role'],
  ['genderIdentity', 'gender_identity'],
  ['lgbti', 'lgbti'],
  ['migrationStatus', 'migration_status'],
  ['ageGroup', 'age_group'],
  ['orgType', 'org_type'],
];
