/**
 * The incident form's state (strings, as typed) and its conversions: from a stored incident,
 * to the API input, with gentle checks whose paths match the server's ("acts[0].kind").
 */
import { t } from '../../i18n/i18n';
import type { Problem } from '../../api';
import { CONSENT_USES, COUNT_FIELDS, type CountField, type ActorInput, type ConsentUse, type FuzzyDate, type IncidentInput, type IncidentView, type ProtectionMeasure } from '../../types';

export interface DateParts {
  y: string;
  m: string;
  d: string;
}
export interface FDate {
  start: DateParts;
  end: DateParts;
  hasEnd: boolean;
  approximate: boolean;
}
export interface FActor {
  kind: 'person' | 'organisation';
  pseudonym: string;
  realName: string;
  contact: string;
  privateAddress: string;
  role: string;
  genderIdentity: string;
  lgbti: string;
  migrationStatus: string;
  ageGroup: string;
  nationality: string;
  orgType: string;
  country: string;
  state: string;
  locality: string;
  notes: string;
  protectionMeasures: ProtectionMeasure[];
}
export interface FVictim {
  uid: string;
  key: string;
  actorId?: string;
  /** pseudonym of someone already recorded */
  label?: string;
  actor?: FActor;
}
export interface FPerp {
  uid: string;
  id?: string;
  perpetrator: string;
  degree: string;
  country: string;
  identifiedIndividuals: string;
  description: string;
}
export interface FAct {
  uid: string;
  id?: string;
  kind: string;
  victimKey: string;
  date: FDate;
  methods: string[];
  consequences: string[];
  description: string;
  perpetrators: FPerp[];
}
export interface FSource {
  uid: string;
  id?: string;
  kind: string;
  method: string;
  receivedOn: DateParts;
  reliability: string;
  pseudonym: string;
  testimony: string;
  consent: Record<ConsentUse, string>;
}
export interface FIntervention {
  uid: string;
  id?: string;
  kind: string;
  date: DateParts;
  actor: string;
  addressee: string;
  outcome: string;
  followUp: string;
  notes: string;
}
export interface FPlace {
  /** '' = worked out from what is filled */
  precision: string;
  country: string;
  state: string;
  locality: string;
  routeSegment: string;
  crossing: string;
  lat: string;
  lon: string;
  address: string;
}
export interface FormState {
  title: string;
  summary: string;
  date: FDate;
  place: FPlace;
  context: string[];
  status: string;
  followUp: string;
  confidentiality: string;
  /** how many people, as typed (whole numbers; empty when not known) */
  counts: Partial<Record<CountField, string>>;
  victims: FVictim[];
  acts: FAct[];
  sources: FSource[];
  interventions: FIntervention[];
}

let counter = 0;
export const uid = () => `u${Date.now().toString(36)}${(counter++).toString(36)}`;

export const emptyParts = (): DateParts => ({ y: '', m: '', d: '' });
export const emptyDate = (): FDate => ({ start: emptyParts(), end: emptyParts(), hasEnd: false, approximate: false });

export function emptyActor(kind: 'person' | 'organisation' = 'person'): FActor {
  return { kind, pseudonym: '', realName: '', contact: '', privateAddress: '', role: '', genderIdentity: '', lgbti: '', migrationStatus: '', ageGroup: '', nationality: '', orgType: '', country: '', state: '', locality: '', notes: '', protectionMeasures: [] };
}
export const emptyPerp = (perpetrator = ''): FPerp => ({ uid: uid(), perpetrator, degree: '', country: '', identifiedIndividuals: '', description: '' });
export const emptyAct = (victimKey = ''): FAct => ({ uid: uid(), kind: '', victimKey, date: emptyDate(), methods: [], consequences: [], description: '', perpetrators: [] });
export const emptySource = (): FSource => ({
  uid: uid(), kind: '', method: '', receivedOn: emptyParts(), reliability: '', pseudonym: '', testimony: '',
  consent: Object.fromEntries(CONSENT_USES.map((u) => [u, 'not_asked'])) as Record<ConsentUse, string>,
});
export const emptyIntervention = (): FIntervention => ({ uid: uid(), kind: '', date: emptyParts(), actor: '', addressee: '', outcome: '', followUp: '', notes: '' });

export function emptyForm(): FormState {
  return {
    title: '', summary: '', date: emptyDate(),
    place: { precision: '', country: '', state: '', locality: '', routeSegment: '', crossing: '', lat: '', lon: '', address: '' },
    context: [], status: 'reported', followUp: 'open', confidentiality: 'organisation', counts: {},
    victims: [], acts: [], sources: [], interventions: [],
  };
}

export function partsOf(value: string | undefined): DateParts {
  const [y = '', m = '', d = ''] = (value ?? '').split('-');
  return { y, m, d };
}

function dateOf(d: FuzzyDate | undefined): FDate {
  if (!d) return emptyDate();
  return { start: partsOf(d.start), end: partsOf(d.end), hasEnd: !!d.end, approximate: !!d.approximate };
}

export function actorToForm(a: ActorInput): FActor {
  const s = (v: string | undefined) => v ?? '';
  return {
    kind: a.kind, pseudonym: a.pseudonym, realName: s(a.realName), contact: s(a.contact), privateAddress: s(a.privateAddress), role: s(a.role),
    genderIdentity: s(a.genderIdentity), lgbti: s(a.lgbti), migrationStatus: s(a.migrationStatus), ageGroup: s(a.ageGroup), nationality: s(a.nationality),
    orgType: s(a.orgType), country: s(a.country), state: s(a.state), locality: s(a.locality), notes: s(a.notes), protectionMeasures: a.protectionMeasures ?? [],
  };
}

export function fromView(v: IncidentView): FormState {
  const s = (x: string | undefined) => x ?? '';
  return {
    title: v.title,
    summary: s(v.summary),
    date: dateOf(v.date),
    place: {
      precision: v.place.precision === 'unknown' ? '' : v.place.precision, country: s(v.place.country), state: s(v.place.state), locality: s(v.place.locality),
      routeSegment: s(v.place.routeSegment), crossing: s(v.place.crossing),
      lat: v.place.private?.lat !== undefined ? String(v.place.private.lat) : '', lon: v.place.private?.lon !== undefined ? String(v.place.private.lon) : '', address: s(v.place.private?.address),
    },
    context: [...v.context],
    status: v.status, followUp: v.followUp, confidentiality: v.confidentiality,
    counts: Object.fromEntries(Object.entries(v.counts ?? {}).map(([k, n]) => [k, String(n)])),
    victims: v.victims.map((x) => ({ uid: uid(), key: x.key, actorId: x.actorId, label: x.actor.pseudonym })),
    acts: v.acts.map((a) => ({
      uid: uid(), ...(a.id ? { id: a.id } : {}), kind: a.kind, victimKey: s(a.victimKey), date: dateOf(a.date), methods: [...a.methods], consequences: [...a.consequences], description: s(a.description),
      perpetrators: a.perpetrators.map((p) => ({ uid: uid(), ...(p.id ? { id: p.id } : {}), perpetrator: p.perpetrator, degree: s(p.degree), country: s(p.country), identifiedIndividuals: s(p.identifiedIndividuals), description: s(p.description) })),
    })),
    sources: v.sources.map((x) => ({
      uid: uid(), ...(x.id ? { id: x.id } : {}), kind: x.kind, method: s(x.method), receivedOn: partsOf(x.receivedOn), reliability: s(x.reliability), pseudonym: s(x.pseudonym), testimony: s(x.testimony),
      consent: { ...(Object.fromEntries(CONSENT_USES.map((u) => [u, 'not_asked'])) as Record<ConsentUse, string>), ...x.consent },
    })),
    interventions: v.interventions.map((x) => ({
      uid: uid(), ...(x.id ? { id: x.id } : {}), kind: x.kind, date: partsOf(x.date), actor: s(x.actor), addressee: s(x.addressee), outcome: s(x.outcome), followUp: s(x.followUp), notes: s(x.notes),
    })),
  };
}

/** Fills in the shape of a draft saved by an older version of the form. */
export function fromDraft(data: unknown): FormState | null {
  if (!data || typeof data !== 'object') return null;
  const f = (data as { form?: unknown }).form;
  if (!f || typeof f !== 'object') return null;
  const base = emptyForm();
  const x = f as Partial<FormState>;
  return { ...base, ...x, place: { ...base.place, ...(x.place ?? {}) }, date: { ...base.date, ...(x.date ?? {}) } };
}

const DAYS = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A partial date from its parts: '' when empty, else "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when not a real date. */
export function joinParts(p: DateParts): { value: string; problem?: string } {
  const y = p.y.trim();
  const m = p.m.trim();
  const d = p.d.trim();
  if (!y && !m && !d) return { value: '' };
  if (!/^\d{4}$/.test(y)) return { value: '', problem: y ? t('problem.year') : t('problem.yearMissing') };
  const year = Number(y);
  if (year < 1900 || year > 2100) return { value: '', problem: t('problem.year') };
  if (!m) return d ? { value: '', problem: t('problem.monthMissing') } : { value: y };
  const month = Number(m);
  const mm = String(month).padStart(2, '0');
  if (!d) return { value: `${y}-${mm}` };
  const day = Number(d);
  if (!/^\d{1,2}$/.test(d) || day < 1 || day > DAYS(year, month)) return { value: '', problem: t('problem.date') };
  return { value: `${y}-${mm}-${String(day).padStart(2, '0')}` };
}

function lastDay(v: string): string {
  if (v.length === 4) return `${v}-12-31`;
  if (v.length === 7) return `${v}-${String(DAYS(Number(v.slice(0, 4)), Number(v.slice(5, 7)))).padStart(2, '0')}`;
  return v;
}
function firstDay(v: string): string {
  return v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v;
}

function fuzzy(d: FDate, path: string, problems: Problem[]): FuzzyDate | undefined {
  const start = joinParts(d.start);
  if (start.problem) problems.push({ path: `${path}.start`, message: start.problem });
  const end = d.hasEnd ? joinParts(d.end) : { value: '' };
  if (end.problem) problems.push({ path: `${path}.end`, message: end.problem });
  if (!start.value) {
    if (end.value) problems.push({ path: `${path}.start`, message: t('problem.startMissing') });
    return undefined;
  }
  if (end.value && lastDay(end.value) < firstDay(start.value)) problems.push({ path: `${path}.end`, message: t('problem.endBeforeStart') });
  return { start: start.value, ...(end.value && end.value !== start.value ? { end: end.value } : {}), ...(d.approximate ? { approximate: true } : {}) };
}

function opt<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== '' && v !== undefined) out[k] = v;
  return out as T;
}

/** Where the place is known to, when the person did not choose. */
function autoPrecision(p: FPlace): string {
  if (p.crossing) return 'crossing';
  if (p.locality.trim()) return 'locality';
  if (p.state) return 'state';
  if (p.country) return 'country';
  if (p.routeSegment) return 'route';
  return 'unknown';
}

export function actorInput(a: FActor, path: string, problems: Problem[]): ActorInput {
  if (!a.pseudonym.trim()) problems.push({ path: `${path}.pseudonym`, message: t('problem.required') });
  const person = a.kind === 'person';
  return opt({
    kind: a.kind,
    pseudonym: a.pseudonym.trim(),
    realName: a.realName.trim(),
    contact: a.contact.trim(),
    privateAddress: a.privateAddress.trim(),
    role: a.role,
    genderIdentity: person ? a.genderIdentity : '',
    lgbti: person ? a.lgbti : '',
    migrationStatus: person ? a.migrationStatus : '',
    ageGroup: person ? a.ageGroup : '',
    nationality: person ? a.nationality : '',
    orgType: person ? '' : a.orgType,
    country: a.country,
    state: a.state,
    locality: a.locality.trim(),
    notes: a.notes.trim(),
    protectionMeasures: a.protectionMeasures,
  }) as ActorInput;
}

export function toInput(f: FormState): { input: IncidentInput; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!f.title.trim()) problems.push({ path: 'title', message: t('problem.titleRequired') });
  const date = fuzzy(f.date, 'date', problems);

  // the private place: an address, a point (latitude and longitude together), or both
  const p = f.place;
  let priv: IncidentInput['place']['private'];
  const address = p.address.trim();
  if (p.lat.trim() || p.lon.trim()) {
    const lat = Number(p.lat.replace(',', '.'));
    const lon = Number(p.lon.replace(',', '.'));
    if (!p.lat.trim() || Number.isNaN(lat) || lat < -90 || lat > 90) problems.push({ path: 'place.private.lat', message: t('problem.lat') });
    if (!p.lon.trim() || Number.isNaN(lon) || lon < -180 || lon > 180) problems.push({ path: 'place.private.lon', message: t('problem.lon') });
    priv = opt({ lat, lon, address });
  } else if (address) priv = { address };
  const place = opt({
    precision: p.precision || autoPrecision(p),
    country: p.country, state: p.state, locality: p.locality.trim(), routeSegment: p.routeSegment, crossing: p.crossing,
    private: priv,
  }) as IncidentInput['place'];

  const victims = f.victims.map((v, i) => (v.actorId ? { key: v.key, actorId: v.actorId } : { key: v.key, actor: actorInput(v.actor ?? emptyActor(), `victims[${i}].actor`, problems) }));

  const acts = f.acts.map((a, i) => {
    if (!a.kind) problems.push({ path: `acts[${i}].kind`, message: t('problem.actKind') });
    return opt({
      id: a.id,
      kind: a.kind,
      victimKey: a.victimKey,
      date: fuzzy(a.date, `acts[${i}].date`, problems),
      methods: a.methods,
      consequences: a.consequences,
      description: a.description.trim(),
      perpetrators: a.perpetrators.map((x, j) => {
        if (!x.perpetrator) problems.push({ path: `acts[${i}].perpetrators[${j}].perpetrator`, message: t('problem.perpetratorKind') });
        return opt({ id: x.id, perpetrator: x.perpetrator, degree: x.degree, country: x.country, identifiedIndividuals: x.identifiedIndividuals.trim(), description: x.description.trim() });
      }),
    });
  });

  const sources = f.sources.map((s, i) => {
    if (!s.kind) problems.push({ path: `sources[${i}].kind`, message: t('problem.sourceKind') });
    const received = joinParts(s.receivedOn);
    if (received.problem) problems.push({ path: `sources[${i}].receivedOn`, message: received.problem });
    return opt({ id: s.id, kind: s.kind, method: s.method, receivedOn: received.value, reliability: s.reliability, pseudonym: s.pseudonym.trim(), testimony: s.testimony.trim(), consent: s.consent });
  });

  const interventions = f.interventions.map((x, i) => {
    if (!x.kind) problems.push({ path: `interventions[${i}].kind`, message: t('problem.interventionKind') });
    const d = joinParts(x.date);
    if (d.problem) problems.push({ path: `interventions[${i}].date`, message: d.problem });
    return opt({ id: x.id, kind: x.kind, date: d.value, actor: x.actor.trim(), addressee: x.addressee.trim(), outcome: x.outcome, followUp: x.followUp, notes: x.notes.trim() });
  });

  // drafts saved before counts existed have none
  const counts: Partial<Record<CountField, number>> = {};
  for (const k of COUNT_FIELDS) {
    const typed = (f.counts?.[k] ?? '').trim();
    if (!typed) continue;
    if (!/^\d{1,7}$/.test(typed) || Number(typed) > 1_000_000) problems.push({ path: `counts.${k}`, message: t('problem.count') });
    else counts[k] = Number(typed);
  }

  const input: IncidentInput = opt({
    title: f.title.trim(),
    summary: f.summary.trim(),
    date,
    place,
    context: f.context,
    status: f.status,
    followUp: f.followUp,
    confidentiality: f.confidentiality,
    counts: Object.keys(counts).length ? counts : undefined,
    victims,
    acts,
    sources,
    interventions,
  }) as IncidentInput;
  return { input, problems };
}

/** A label for a victim in pickers: their pseudonym, or "Víctima 2" before one is typed. */
export function victimLabel(v: FVictim, index: number): string {
  const name = v.actorId ? v.label : v.actor?.pseudonym.trim();
  return name || t('victim.unnamed', { n: index + 1 });
}

export function nextVictimKey(victims: FVictim[]): string {
  let n = victims.length + 1;
  while (victims.some((v) => v.key === `n${n}`)) n++;
  return `n${n}`;
}
