/**
 * What an urgent appeal may say about an incident: the facts a letter is drafted from, projected
 * field by field from an allow-list — never "the incident minus its identifying fields" — with the
 * record of what went in and what was left out and why (ADR 0018).
 *
 * The consent rule, exactly:
 *  - ALWAYS, public facts only: the case's reference; the incident's date as recorded (a month stays
 *    a month: "julio de 2019"); its public place as labels — country, state, a gazetteer town (never
 *    the typed locality unless it names a known town), a border crossing — never the private address
 *    or point; its context codes; the kinds of act with their own dates and consequences (codes); the
 *    perpetrators' kinds and institutions (codes, never identified individuals); the people and
 *    organisations affected by pseudonym (an organisation's pseudonym is its public name) with their
 *    role, organisation type and nationality codes.
 *  - A TESTIMONY is quoted only from a source whose consent to legal action is exactly 'given' (the
 *    consent_value vocabulary: given / refused / not_asked / withdrawn — anything else, or nothing,
 *    is not consent), and only when the drafter may read the incident's identifying values (their
 *    role, or a share granting them): a testimony is identifying.
 *  - Victims' REAL NAMES only when the drafter may read the incident's identifying values AND at
 *    least one source of the incident consented to legal action; otherwise each person appears by
 *    pseudonym and the letter says that identifying details will follow through a secure channel.
 *  - NEVER: contacts, private addresses and points, identified perpetrators, the incident's title
 *    and summary, descriptions and notes (free text an admin may or may not have marked identifying:
 *    the narrative is the drafter's to write, by editing the draft).
 * Whatever of the NEVER list is present in the incident is named in `withheld` too, so the drafter
 * sees it was left out on purpose.
 */
import type { IncidentView } from '../incident/view.js';
import type { FuzzyDate } from '../dates.js';
import { gazetteerTown } from '../places/gazetteer.js';
import { crossingByCode, isCountry, stateByCode } from '../places/places.js';

/** The consent_value code that means yes (src/domain/vocabulary/vocabularies.json). */
export const CONSENT_GIVEN = 'given';

/** What a letter may hold about one person or organisation affected. */
export interface AppealVictim {
  kind: 'person' | 'organisation';
  pseudonym: string;
  /** only when the consent rule allows it */
  realName?: string;
  role?: string;
  orgType?: string;
  nationality?: string;
  migrationStatus?: string;
}

export interface AppealAct {
  kind: string;
  date?: FuzzyDate;
  /** the pseudonym of the person or organisation it was done to */
  victim?: string;
  /** perpetrator codes (kinds and institutions) */
  perpetrators: string[];
  consequences: string[];
}

/** The plain facts a letter is built from: codes, dates, pseudonyms, and what consent allows. */
export interface AppealFacts {
  caseRef: string;
  /** the day the letter is drafted (YYYY-MM-DD) */
  today: string;
  /** the organisation that signs */
  organisation: string;
  date?: FuzzyDate;
  place: { country?: string; state?: string; municipality?: string; crossing?: string };
  context: string[];
  acts: AppealAct[];
  victims: AppealVictim[];
  /** true when a person's identity is left for a secure channel (names withheld, or none recorded) */
  identityFollows: boolean;
  testimonies: { source?: string; text: string; whole: boolean }[];
}

export type IncludedWhat = 'case_ref' | 'date' | 'place' | 'context' | 'acts' | 'perpetrators' | 'victims' | 'real_names' | 'testimony';
export type WithheldWhat = 'real_names' | 'testimony' | 'contacts' | 'private_addresses' | 'private_place' | 'identified_perpetrators' | 'title' | 'summary' | 'descriptions' | 'notes';
export type WithheldReason = 'no_legal_action_consent' | 'no_identifying_access' | 'never_included';

export interface IncludedItem {
  what: IncludedWhat;
  /** a source's pseudonym (testimonies) */
  subject?: string;
  /** a source's number in the incident, from 1 (testimonies) */
  n?: number;
}
export interface WithheldItem {
  what: WithheldWhat;
  reason: WithheldReason;
  subject?: string;
  n?: number;
  /** the recorded consent to legal action (testimonies), e.g. 'refused' */
  consent?: string;
}

export interface AppealDraftFacts {
  facts: AppealFacts;
  included: IncludedItem[];
  withheld: WithheldItem[];
}

/** The longest passage of one testimony a draft quotes, and of all of them together (characters). */
export const MAX_QUOTE = 6_000;
export const MAX_QUOTES = 24_000;

/** The recorded consent of a source to legal action ('not_asked' when absent or not a string). */
export function legalActionConsent(source: Pick<IncidentView['sources'][number], 'consent'>): string {
  const raw = (source.consent as Record<string, unknown> | undefined)?.['legal_action'];
  return typeof raw === 'string' ? raw : 'not_asked';
}

function publicPlace(p: IncidentView['place']): AppealFacts['place'] {
  if (!p.country || !isCountry(p.country)) return {};
  const state = p.state && stateByCode(p.state)?.country === p.country ? p.state : undefined;
  const town = state ? gazetteerTown(state, p.locality) : undefined;
  const crossing = p.crossing && crossingByCode(p.crossing) ? p.crossing : undefined;
  return { country: p.country, ...(state ? { state } : {}), ...(town ? { municipality: town.name } : {}), ...(crossing ? { crossing } : {}) };
}

function cut(text: string, max: number): { text: string; whole: boolean } {
  const t = text.trim();
  if (t.length <= max) return { text: t, whole: true };
  const at = t.lastIndexOf(' ', max);
  return { text: `${t.slice(0, at > max / 2 ? at : max).trimEnd()} […]`, whole: false };
}

/**
 * The facts of `inc` an appeal may hold, and what was included and withheld. The caller has checked
 * that the drafter may see the incident; `mayReadIdentifying` says whether they may read its
 * identifying values (src/services/incidents/incident-access.ts).
 */
export function appealFacts(inc: IncidentView, opts: { caseRef: string; today: string; organisation: string; mayReadIdentifying: boolean }): AppealDraftFacts {
  const included: IncludedItem[] = [{ what: 'case_ref' }];
  const withheld: WithheldItem[] = [];
  const consents = inc.sources.map(legalActionConsent);
  const anyLegal = consents.some((c) => c === CONSENT_GIVEN);

  // real names: identifying access and a source's consent to legal action, both
  const persons = inc.victims.filter((v) => v.actor.kind === 'person');
  const withNames = persons.filter((v) => v.actor.realName !== undefined && v.actor.realName.trim() !== '');
  const namesAllowed = opts.mayReadIdentifying && anyLegal;
  if (withNames.length) {
    if (namesAllowed) included.push({ what: 'real_names' });
    else withheld.push({ what: 'real_names', reason: opts.mayReadIdentifying ? 'no_legal_action_consent' : 'no_identifying_access' });
  }
  const named = new Set(namesAllowed ? withNames.map((v) => v.actorId) : []);
  const victims: AppealVictim[] = inc.victims.map(({ actorId, actor: a }) => ({
    kind: a.kind,
    pseudonym: a.pseudonym,
    ...(named.has(actorId) ? { realName: a.realName!.trim() } : {}),
    ...(a.role ? { role: a.role } : {}),
    ...(a.kind === 'organisation' && a.orgType ? { orgType: a.orgType } : {}),
    ...(a.nationality ? { nationality: a.nationality } : {}),
    ...(a.migrationStatus ? { migrationStatus: a.migrationStatus } : {}),
  }));
  if (victims.length) included.push({ what: 'victims' });

  // testimonies: consent to legal action given, and identifying access
  const testimonies: AppealFacts['testimonies'] = [];
  let room = MAX_QUOTES;
  inc.sources.forEach((s, i) => {
    if (s.testimony === undefined || s.testimony.trim() === '') return;
    const who = { ...(s.pseudonym ? { subject: s.pseudonym } : {}), n: i + 1 };
    if (consents[i] !== CONSENT_GIVEN) return withheld.push({ what: 'testimony', reason: 'no_legal_action_consent', ...who, consent: consents[i]! });
    if (!opts.mayReadIdentifying) return withheld.push({ what: 'testimony', reason: 'no_identifying_access', ...who });
    if (room <= 0) return;
    const q = cut(s.testimony, Math.min(MAX_QUOTE, room));
    room -= q.text.length;
    testimonies.push({ ...(s.pseudonym ? { source: s.pseudonym } : {}), ...q });
    included.push({ what: 'testimony', ...who });
  });

  const place = publicPlace(inc.place);
  if (inc.date?.start) included.push({ what: 'date' });
  if (place.country) included.push({ what: 'place' });
  if (inc.context.length) included.push({ what: 'context' });
  if (inc.acts.length) included.push({ what: 'acts' });
  if (inc.acts.some((a) => a.perpetrators.length)) included.push({ what: 'perpetrators' });

  const pseudonymOf = new Map(inc.victims.map((v) => [v.key, v.actor.pseudonym]));
  const acts: AppealAct[] = inc.acts.map((a) => {
    const victim = a.victimKey !== undefined ? pseudonymOf.get(a.victimKey) : undefined;
    return {
      kind: a.kind,
      ...(a.date ? { date: { start: a.date.start, ...(a.date.end ? { end: a.date.end } : {}), ...(a.date.approximate ? { approximate: true } : {}) } } : {}),
      ...(victim !== undefined ? { victim } : {}),
      perpetrators: [...new Set(a.perpetrators.map((p) => p.perpetrator))],
      consequences: [...new Set(a.consequences)],
    };
  });

  // never: named so the drafter sees it was left out on purpose
  const never = (what: WithheldWhat, present: boolean) => { if (present) withheld.push({ what, reason: 'never_included' }); };
  never('contacts', inc.victims.some((v) => v.actor.contact !== undefined));
  never('private_addresses', inc.victims.some((v) => v.actor.privateAddress !== undefined));
  never('private_place', inc.place.private !== undefined);
  never('identified_perpetrators', inc.acts.some((a) => a.perpetrators.some((p) => p.identifiedIndividuals !== undefined)));
  never('title', inc.title.trim() !== '');
  never('summary', inc.summary !== undefined);
  never('descriptions', inc.acts.some((a) => a.description !== undefined || a.perpetrators.some((p) => p.description !== undefined)));
  never('notes', inc.victims.some((v) => v.actor.notes !== undefined) || inc.interventions.some((x) => x.notes !== undefined));

  const facts: AppealFacts = {
    caseRef: opts.caseRef,
    today: opts.today,
    organisation: opts.organisation,
    ...(inc.date?.start ? { date: { start: inc.date.start, ...(inc.date.end ? { end: inc.date.end } : {}), ...(inc.date.approximate ? { approximate: true } : {}) } } : {}),
    place,
    context: [...inc.context],
    acts,
    victims,
    identityFollows: persons.some((v) => !named.has(v.actorId)),
    testimonies,
  };
  return { facts, included, withheld };
}
