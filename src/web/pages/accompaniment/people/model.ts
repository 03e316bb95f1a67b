/**
 * The forms' state and what they send (no rendering here, so it is tested as plain functions):
 * a person (pseudonym, family, plain details, the sealed identity and needs note), a hearing (court
 * and wall time at its zone, where and when to present oneself, the people summoned), the list
 * grouped by family.
 */
import type { AgeGroup, FamilyRole, Fold, HearingInput, HearingView, Identity, Need, PersonInput, PersonSummary, PersonView, ReminderLang } from './api';
import { lines, parseLanguages } from './words';

export interface FamilyGroup {
  familyId: string | null;
  label: string | null;
  people: PersonSummary[];
}

/** People of one family together under its label, at the place of the first of them; the others one by one. */
export function groupByFamily(items: PersonSummary[]): FamilyGroup[] {
  const out: FamilyGroup[] = [];
  const byFamily = new Map<string, FamilyGroup>();
  for (const p of items) {
    if (!p.familyId) {
      const last = out[out.length - 1];
      if (last && !last.familyId) last.people.push(p);
      else out.push({ familyId: null, label: null, people: [p] });
      continue;
    }
    let g = byFamily.get(p.familyId);
    if (!g) {
      g = { familyId: p.familyId, label: p.familyLabel, people: [] };
      byFamily.set(p.familyId, g);
      out.push(g);
    }
    g.people.push(p);
  }
  return out;
}

export interface IdentityForm {
  names: string;
  caseNumbers: string;
  registrationNumbers: string;
  dateOfBirth: string;
  phones: string;
  messaging: string;
  documents: string;
}

export interface PersonForm {
  pseudonym: string;
  family: 'none' | 'existing' | 'new';
  familyId: string;
  newFamily: string;
  familyRole: FamilyRole | '';
  nationality: string;
  languages: string;
  ageGroup: AgeGroup;
  needs: Need[];
  needsNote: string;
  stayingAt: { id: string; label: string } | null;
  reminderLang: ReminderLang;
  status: 'active' | 'closed';
  identity: IdentityForm;
}

export const emptyIdentity = (): IdentityForm => ({ names: '', caseNumbers: '', registrationNumbers: '', dateOfBirth: '', phones: '', messaging: '', documents: '' });

export function emptyPerson(): PersonForm {
  return {
    pseudonym: '',
    family: 'none',
    familyId: '',
    newFamily: '',
    familyRole: '',
    nationality: '',
    languages: '',
    ageGroup: 'unknown',
    needs: [],
    needsNote: '',
    stayingAt: null,
    reminderLang: 'es',
    status: 'active',
    identity: emptyIdentity(),
  };
}

/** The form for a person already recorded: the plain parts from the page's answer; the sealed ones empty until opened. */
export function personFormOf(v: PersonView): PersonForm {
  return {
    pseudonym: v.pseudonym,
    family: v.familyId ? 'existing' : 'none',
    familyId: v.familyId ?? '',
    newFamily: '',
    familyRole: v.familyRole ?? '',
    nationality: v.nationality ?? '',
    languages: v.languages.join(', '),
    ageGroup: v.ageGroup,
    needs: [...v.needs],
    needsNote: '',
    stayingAt: v.stayingAt ? { id: v.stayingAt.id, label: v.stayingAt.pseudonym } : null,
    reminderLang: v.reminderLang,
    status: v.status,
    identity: emptyIdentity(),
  };
}

export function identityFormOf(i: Identity): IdentityForm {
  return {
    names: i.names ?? '',
    caseNumbers: (i.caseNumbers ?? []).join('\n'),
    registrationNumbers: (i.registrationNumbers ?? []).join('\n'),
    dateOfBirth: i.dateOfBirth ?? '',
    phones: (i.phones ?? []).join('\n'),
    messaging: (i.messaging ?? []).join('\n'),
    documents: i.documents ?? '',
  };
}

export function identityOf(f: IdentityForm): Identity {
  const out: Identity = {};
  if (f.names.trim()) out.names = f.names.trim();
  const list = (k: 'caseNumbers' | 'registrationNumbers' | 'phones' | 'messaging') => {
    const v = lines(f[k]);
    if (v.length) out[k] = v;
  };
  list('caseNumbers');
  list('registrationNumbers');
  if (f.dateOfBirth.trim()) out.dateOfBirth = f.dateOfBirth.trim();
  list('phones');
  list('messaging');
  if (f.documents.trim()) out.documents = f.documents.trim();
  return out;
}

/**
 * What the form sends. `sealed` says whether the identity and the needs note are sent: always for a
 * new person (when there is something), and on an edit only once they were opened (a form that never
 * held them must not erase them).
 */
export function personInputOf(f: PersonForm, sealed: 'new' | 'opened' | 'closed'): PersonInput {
  const input: PersonInput = {
    pseudonym: f.pseudonym.trim(),
    familyRole: f.family === 'none' || !f.familyRole ? null : f.familyRole,
    nationality: f.nationality || null,
    languages: parseLanguages(f.languages),
    ageGroup: f.ageGroup,
    needs: f.needs,
    stayingAt: f.stayingAt?.id ?? null,
    reminderLang: f.reminderLang,
    status: f.status,
  };
  if (f.family === 'existing' && f.familyId) input.familyId = f.familyId;
  else if (f.family === 'new' && f.newFamily.trim()) input.newFamily = f.newFamily.trim();
  else input.familyId = null;
  if (sealed === 'opened') {
    input.identity = identityOf(f.identity);
    input.needsNote = f.needsNote.trim();
  } else if (sealed === 'new') {
    const identity = identityOf(f.identity);
    if (Object.keys(identity).length) input.identity = identity;
    if (f.needsNote.trim()) input.needsNote = f.needsNote.trim();
  }
  return input;
}

/** Problems the form finds before sending (the server checks everything again). */
export function personProblems(f: PersonForm): Map<string, 'required' | 'language' | 'date'> {
  const out = new Map<string, 'required' | 'language' | 'date'>();
  if (!f.pseudonym.trim()) out.set('pseudonym', 'required');
  if (f.family === 'existing' && !f.familyId) out.set('familyId', 'required');
  if (f.family === 'new' && !f.newFamily.trim()) out.set('newFamily', 'required');
  if (parseLanguages(f.languages).some((l) => !/^[a-z]{2,3}$/.test(l))) out.set('languages', 'language');
  if (f.identity.dateOfBirth.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(f.identity.dateOfBirth.trim())) out.set('identity.dateOfBirth', 'date');
  return out;
}

export interface HearingForm {
  court: string;
  date: string;
  time: string;
  startsFold: Fold | '';
  kind: string;
  presentPlace: string;
  presentDate: string;
  presentTime: string;
  presentFold: Fold | '';
  documents: string[];
  representative: string;
  notes: string;
  people: { id: string; label: string }[];
}

export function emptyHearing(): HearingForm {
  return { court: '', date: '', time: '', startsFold: '', kind: '', presentPlace: '', presentDate: '', presentTime: '', presentFold: '', documents: [], representative: '', notes: '', people: [] };
}

/** The form for a recorded hearing: the wall times as the notice showed them; the sealed parts empty until opened. */
export function hearingFormOf(h: HearingView): HearingForm {
  return {
    court: h.court,
    date: h.startsLocal.slice(0, 10),
    time: h.startsLocal.slice(11, 16),
    startsFold: '',
    kind: h.kind,
    presentPlace: h.presentPlace ?? '',
    presentDate: h.presentLocal?.slice(0, 10) ?? '',
    presentTime: h.presentLocal?.slice(11, 16) ?? '',
    presentFold: '',
    documents: [...h.documents],
    representative: '',
    notes: '',
    people: h.people.map((p) => ({ id: p.id, label: `${p.pseudonym} (${p.ref})` })),
  };
}

export const startsLocalOf = (f: HearingForm) => (f.date && f.time ? `${f.date}T${f.time}` : '');
/** The presentation is on the hearing's day unless another date is given. */
export const presentLocalOf = (f: HearingForm) => (f.presentTime ? `${f.presentDate || f.date}T${f.presentTime}` : '');

export function hearingInputOf(f: HearingForm, sealed: 'new' | 'opened' | 'closed'): HearingInput {
  const input: HearingInput = {
    court: f.court,
    startsLocal: startsLocalOf(f),
    kind: f.kind,
    presentPlace: f.presentPlace || null,
    presentLocal: presentLocalOf(f) || null,
    documents: f.documents,
    people: f.people.map((p) => p.id),
  };
  if (f.startsFold) input.startsFold = f.startsFold;
  if (f.presentFold && input.presentLocal) input.presentFold = f.presentFold;
  if (sealed === 'opened') {
    input.representative = f.representative.trim();
    input.notes = f.notes.trim();
  } else if (sealed === 'new') {
    if (f.representative.trim()) input.representative = f.representative.trim();
    if (f.notes.trim()) input.notes = f.notes.trim();
  }
  return input;
}

/** Problems the form finds before sending; paths as the server names them. */
export function hearingProblems(f: HearingForm): Map<string, 'required' | 'presentPair'> {
  const out = new Map<string, 'required' | 'presentPair'>();
  if (!f.court) out.set('court', 'required');
  if (!f.date || !f.time) out.set('startsLocal', 'required');
  if (!f.kind) out.set('kind', 'required');
  if (!!f.presentPlace !== !!f.presentTime) out.set('presentLocal', 'presentPair');
  if (!f.people.length) out.set('people', 'required');
  return out;
}

/** One reminder: a person for a hearing. */
export const reminderKey = (x: { hearingId: string; personId: string }) => `${x.hearingId}:${x.personId}`;
