/**
 * Events in the shape of HURIDOCS' Events Standard Formats ("who did what to whom"): one event per
 * incident, its acts (one kind of act against one victim) with the perpetrators' involvements, the
 * sources and the interventions, and the persons (victims) once each. Field names follow the
 * standard's fields (Event Record Number, Event Title, Geographical Term, Start/End Date, Event
 * Description; Type of Act, Victim, Method of Violence; Perpetrator, Degree of Involvement; Source;
 * Type of Intervention, Intervening Party, Response), camel-cased. Every vocabulary value is a term
 * `{ code, label, huridocs? }`: our code, its label in the file's language and, where the
 * vocabulary maps it, the HURIDOCS micro-thesaurus term ("MT4 020103020000 Death threats").
 * Identifying values appear only when they are in the projected view (project.ts).
 */
import type { IncidentView } from '../incident/view.js';
import type { ActorView } from '../actor/view.js';
import { precisionOf } from '../dates.js';
import { publicPoint } from './point.js';
import { precisionWord, type ExportWords } from './words.js';

export const HURIDOCS_FORMAT = 'huridocs-events';
export const HURIDOCS_VERSION = 1;

export interface Term { code: string; label: string; huridocs?: string }
type Dates = { startDate: string; endDate?: string; approximate: boolean; precision: 'year' | 'month' | 'day' };

function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function termOf(w: ExportWords, scheme: string, code: string): Term {
  return compact({ code, label: w.term(scheme, code), huridocs: w.huridocs(scheme, code) });
}
const maybeTerm = (w: ExportWords, scheme: string, code: string | undefined) => (code === undefined ? undefined : termOf(w, scheme, code));

function datesOf(d: { start: string; end?: string; approximate?: boolean } | undefined): Dates | undefined {
  return d ? compact({ startDate: d.start, endDate: d.end, approximate: d.approximate === true, precision: precisionOf(d.start) }) : undefined;
}

export function huridocsEvent(v: IncidentView, w: ExportWords) {
  const p = v.place;
  const point = publicPoint(p);
  return compact({
    eventRecordNumber: v.ref,
    id: v.id,
    title: v.title,
    dates: datesOf(v.date),
    geographicalTerm: compact({
      precision: { code: p.precision, label: precisionWord(p.precision, w.lang) },
      country: p.country ? { code: p.country, label: w.country(p.country) } : undefined,
      state: p.state ? { code: p.state, label: w.state(p.state) } : undefined,
      locality: p.locality,
      routeSegment: maybeTerm(w, 'route_segment', p.routeSegment),
      crossing: p.crossing ? { code: p.crossing, label: w.crossing(p.crossing) } : undefined,
      point: point ? { lat: point.lat, lon: point.lon, kind: point.kind } : undefined,
      privatePlace: p.private ? compact({ lat: p.private.lat, lon: p.private.lon, address: p.private.address }) : undefined,
    }),
    description: v.summary,
    context: v.context.map((c) => termOf(w, 'context', c)),
    violationStatus: termOf(w, 'incident_status', v.status),
    followUp: termOf(w, 'follow_up', v.followUp),
    confidentiality: termOf(w, 'confidentiality', v.confidentiality),
    counts: v.counts && Object.keys(v.counts).length ? v.counts : undefined,
    victims: v.victims.map((x) => x.actorId),
    acts: v.acts.map((a) => compact({
      actRecordNumber: a.id,
      actType: termOf(w, 'act', a.kind),
      victim: a.victimKey ?? null,
      dates: datesOf(a.date),
      methodOfViolence: a.methods.map((m) => termOf(w, 'act_method', m)),
      consequences: a.consequences.map((c) => termOf(w, 'consequence', c)),
      description: a.description,
      involvements: a.perpetrators.map((x) => compact({
        involvementRecordNumber: x.id,
        perpetrator: termOf(w, 'perpetrator', x.perpetrator),
        degreeOfInvolvement: maybeTerm(w, 'involvement_degree', x.degree),
        country: x.country ? { code: x.country, label: w.country(x.country) } : undefined,
        identifiedIndividuals: x.identifiedIndividuals,
        description: x.description,
      })),
    })),
    sources: v.sources.map((s) => compact({
      sourceRecordNumber: s.id,
      sourceType: termOf(w, 'source_kind', s.kind),
      method: maybeTerm(w, 'source_method', s.method),
      dateReceived: s.receivedOn,
      reliability: maybeTerm(w, 'reliability', s.reliability),
      pseudonym: s.pseudonym,
      testimony: s.testimony,
      consent: Object.fromEntries(Object.entries(s.consent).map(([use, value]) => [use, termOf(w, 'consent_value', value)])),
    })),
    interventions: v.interventions.map((x) => compact({
      interventionRecordNumber: x.id,
      typeOfIntervention: termOf(w, 'intervention_kind', x.kind),
      interveningParty: x.actor,
      addressee: x.addressee,
      date: x.date,
      response: maybeTerm(w, 'intervention_outcome', x.outcome),
      status: maybeTerm(w, 'follow_up', x.followUp),
      remarks: x.notes,
    })),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  });
}
export type HuridocsEvent = ReturnType<typeof huridocsEvent>;

export function huridocsPerson(a: ActorView, w: ExportWords) {
  return compact({
    personRecordNumber: a.id,
    countingUnit: a.kind,
    name: a.pseudonym,
    realName: a.realName,
    contact: a.contact,
    privateAddress: a.privateAddress,
    role: maybeTerm(w, 'victim_role', a.role),
    genderIdentity: maybeTerm(w, 'gender_identity', a.genderIdentity),
    lgbti: maybeTerm(w, 'lgbti', a.lgbti),
    migrationStatus: maybeTerm(w, 'migration_status', a.migrationStatus),
    ageGroup: maybeTerm(w, 'age_group', a.ageGroup),
    citizenship: a.nationality ? { code: a.nationality, label: w.country(a.nationality) } : undefined,
    organisationType: maybeTerm(w, 'org_type', a.orgType),
    country: a.country ? { code: a.country, label: w.country(a.country) } : undefined,
    state: a.state ? { code: a.state, label: w.state(a.state) } : undefined,
    locality: a.locality,
    remarks: a.notes,
  });
}
export type HuridocsPerson = ReturnType<typeof huridocsPerson>;

const IDENTIFYING_ACTOR = ['realName', 'contact', 'privateAddress'] as const;
const identifyingCount = (a: ActorView) => IDENTIFYING_ACTOR.filter((k) => a[k] !== undefined).length + (a.notes !== undefined ? 1 : 0);

/**
 * The whole document, events serialised as they come. A person seen in several incidents is
 * written once, from the incident that carried the most of their details (an incident whose
 * identifying values went out, when there is one).
 */
export class HuridocsDocument {
  private readonly events: string[] = [];
  private readonly persons = new Map<string, ActorView>();
  rows = 0;
  constructor(private readonly words: ExportWords, private readonly exportedAt: string) {}
  add(v: IncidentView): void {
    this.events.push(`${this.events.length ? ',' : ''}${JSON.stringify(huridocsEvent(v, this.words))}`);
    for (const x of v.victims) {
      const known = this.persons.get(x.actorId);
      if (!known || identifyingCount(x.actor) > identifyingCount(known)) this.persons.set(x.actorId, x.actor);
    }
    this.rows++;
  }
  get personCount(): number {
    return this.persons.size;
  }
  finish(): string[] {
    const head = JSON.stringify({ format: HURIDOCS_FORMAT, version: HURIDOCS_VERSION, exportedAt: this.exportedAt, lang: this.words.lang });
    const persons = [...this.persons.values()].map((a, i) => `${i ? ',' : ''}${JSON.stringify(huridocsPerson(a, this.words))}`);
    return [`${head.slice(0, -1)},"events":[`, ...this.events, '],"persons":[', ...persons, ']}'];
  }
}
