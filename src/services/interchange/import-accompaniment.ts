/**
 * The accompaniment sections on import (docs/interchange.md): checked against the document and the
 * workspace, conflicts listed, then written inside the import's transaction — each record as it was
 * (ids, versions, dates, authors), sealed again under this workspace's keys, with its reference
 * (ACP-…, FAM-…, HRG-…, RUN-…) numbered after the workspace's own, in the file's order.
 *
 * Checks: ids unique; organisations, families, people, shelters and hearings named present in the
 * file or the workspace, and of the record's own organisation (a hearing of one organisation never
 * summons another's people); places and zones known; a leg's number once per run; marks and
 * reminders only for the run's passengers and the hearing's people; a run's coordinator and a leg's
 * escort accounts of this workspace (matched by e-mail, as every user reference), because the
 * database keeps them as links to accounts.
 */
import type { Store } from '../../store/store.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';
import { placeOf } from '../../domain/accompaniment/places.js';
import { isZone } from '../../domain/accompaniment/time.js';
import { AccompanimentRows, type RefTable } from '../../store/interchange/accompaniment-rows.js';
import { accompaniedRef, familyRef } from '../../domain/accompaniment/person.js';
import { hearingRef } from '../../domain/accompaniment/hearing.js';
import { runRef } from '../../domain/accompaniment/run.js';
import { existing } from './existing-ids.js';
import type { InterchangeDocument } from './interchange-format.js';
import type { Who } from './import-sections.js';

type Step = (done: number, total: number) => void;

/** What the workspace holds of what the accompaniment sections name without carrying. */
export interface AccompanimentState {
  organisations: Set<string>;
  actors: Set<string>;
  /** families, people and hearings here, with their organisation */
  families: Map<string, string>;
  people: Map<string, string>;
  hearings: Map<string, string>;
  userIds: Set<string>;
  userEmails: Set<string>;
}

const inFile = <T extends { id: string }>(list: T[]) => new Set(list.map((x) => x.id));
const outside = (refs: (string | undefined)[], carried: Set<string>) => [...new Set(refs.filter((r): r is string => r !== undefined && !carried.has(r)))];

async function orgsOf(tx: Store, table: 'accompanied_families' | 'accompanied_people' | 'hearings', ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await tx.db.selectFrom(table).select(['id', 'org_id']).where('id', 'in', ids.slice(i, i + 500)).execute()) out.set(r.id, r.org_id);
  }
  return out;
}

export async function accompanimentState(tx: Store, doc: InterchangeDocument): Promise<AccompanimentState> {
  const people = doc.accompaniedPeople;
  const filePeople = inFile(people);
  const personRefs = [
    ...doc.hearings.flatMap((h) => h.people.map((p) => p.personId)),
    ...doc.transportRuns.flatMap((r) => r.passengers.map((p) => p.personId)),
  ];
  const hearingRefs = [...doc.hearings.map((h) => h.nextHearingId), ...doc.transportRuns.flatMap((r) => r.passengers.map((p) => p.hearingId))];
  const users = await tx.db.selectFrom('users').select(['id', 'email']).execute();
  return {
    organisations: new Set((await tx.db.selectFrom('organisations').select('id').execute()).map((o) => o.id)),
    actors: await existing(tx.db, 'actors', 'id', outside(people.map((p) => p.stayingAt), inFile(doc.actors))),
    families: await orgsOf(tx, 'accompanied_families', outside(people.map((p) => p.familyId), inFile(doc.accompaniedFamilies))),
    people: await orgsOf(tx, 'accompanied_people', outside(personRefs, filePeople)),
    hearings: await orgsOf(tx, 'hearings', outside(hearingRefs, inFile(doc.hearings))),
    userIds: new Set(users.map((u) => u.id)),
    userEmails: new Set(users.map((u) => u.email)),
  };
}

export function checkAccompaniment(doc: InterchangeDocument, st: AccompanimentState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const unique = (seen: Map<string, string>, id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) add(path, `duplicate id ${id} (also at ${first})`);
    else seen.set(id, path);
  };
  const orgIds = new Set([...st.organisations, ...doc.organisations.map((o) => o.id)]);
  const actorIds = new Set([...st.actors, ...doc.actors.map((a) => a.id)]);
  const orgRef = (id: string, path: string) => { if (!orgIds.has(id)) add(path, `no organisation ${id} in this file or this workspace`); };
  /** a record of `kind` that must exist (file or workspace) and belong to `org` */
  const sameOrg = (owners: Map<string, string>, what: string, id: string, org: string, path: string) => {
    const of = owners.get(id);
    if (of === undefined) add(path, `no ${what} ${id} in this file or this workspace`);
    else if (of !== org) add(path, `${what} ${id} belongs to another organisation`);
  };
  const place = (code: string, path: string) => { if (!placeOf(code)) add(path, `unknown place "${code}"`); };
  const zone = (z: string, path: string) => { if (!isZone(z)) add(path, `unknown time zone "${z}"`); };
  // accounts a run's coordinator or a leg's escort may name: links to accounts in the database
  const fileUsers = new Map(doc.users.map((u, i) => [u.id, { email: u.email, at: `users[${i}]` }] as const));
  const account = (ref: string, path: string) => {
    const u = fileUsers.get(ref);
    if (u && st.userEmails.has(u.email)) return;
    if (!u && st.userIds.has(ref)) return;
    add(path, u
      ? `is the account ${u.at}, which has no account with its e-mail in this workspace: create it before importing (a run's coordinator and a leg's escort must be accounts here)`
      : `no account ${ref} in this file or this workspace (a run's coordinator and a leg's escort must be accounts here)`);
  };

  const families = new Map(st.families);
  const seenFamilies = new Map<string, string>();
  doc.accompaniedFamilies.forEach((f, i) => {
    unique(seenFamilies, f.id, `accompaniedFamilies[${i}].id`);
    orgRef(f.orgId, `accompaniedFamilies[${i}].orgId`);
    families.set(f.id, f.orgId);
  });

  const people = new Map(st.people);
  const seenPeople = new Map<string, string>();
  doc.accompaniedPeople.forEach((p, i) => {
    const at = `accompaniedPeople[${i}]`;
    unique(seenPeople, p.id, `${at}.id`);
    orgRef(p.orgId, `${at}.orgId`);
    if (p.familyId !== undefined) sameOrg(families, 'family', p.familyId, p.orgId, `${at}.familyId`);
    if (p.stayingAt !== undefined && !actorIds.has(p.stayingAt)) add(`${at}.stayingAt`, `no person or organisation ${p.stayingAt} in this file or this workspace`);
    people.set(p.id, p.orgId);
  });

  const hearings = new Map(st.hearings);
  for (const h of doc.hearings) hearings.set(h.id, h.orgId);
  const seenHearings = new Map<string, string>();
  const seenReminders = new Map<string, string>();
  doc.hearings.forEach((h, i) => {
    const at = `hearings[${i}]`;
    unique(seenHearings, h.id, `${at}.id`);
    orgRef(h.orgId, `${at}.orgId`);
    place(h.court, `${at}.court`);
    zone(h.zone, `${at}.zone`);
    if (h.presentPlace !== undefined) place(h.presentPlace, `${at}.presentPlace`);
    if (h.presentZone !== undefined) zone(h.presentZone, `${at}.presentZone`);
    if (h.nextHearingId !== undefined) {
      if (h.nextHearingId === h.id) add(`${at}.nextHearingId`, 'is the hearing itself');
      else sameOrg(hearings, 'hearing', h.nextHearingId, h.orgId, `${at}.nextHearingId`);
    }
    const summoned = new Set<string>();
    h.people.forEach((p, j) => {
      if (summoned.has(p.personId)) add(`${at}.people[${j}].personId`, `${p.personId} is listed twice`);
      summoned.add(p.personId);
      sameOrg(people, 'person', p.personId, h.orgId, `${at}.people[${j}].personId`);
    });
    h.reminders.forEach((m, j) => {
      unique(seenReminders, m.id, `${at}.reminders[${j}].id`);
      if (!summoned.has(m.personId)) add(`${at}.reminders[${j}].personId`, `${m.personId} is not one of the hearing's people`);
    });
  });

  const seenRuns = new Map<string, string>();
  const seenLegs = new Map<string, string>();
  doc.transportRuns.forEach((r, i) => {
    const at = `transportRuns[${i}]`;
    unique(seenRuns, r.id, `${at}.id`);
    orgRef(r.orgId, `${at}.orgId`);
    account(r.coordinatorId, `${at}.coordinatorId`);
    place(r.arrivePlace, `${at}.arrivePlace`);
    zone(r.arriveZone, `${at}.arriveZone`);
    const riding = new Set<string>();
    r.passengers.forEach((p, j) => {
      if (riding.has(p.personId)) add(`${at}.passengers[${j}].personId`, `${p.personId} is listed twice`);
      riding.add(p.personId);
      sameOrg(people, 'person', p.personId, r.orgId, `${at}.passengers[${j}].personId`);
      if (p.hearingId !== undefined) sameOrg(hearings, 'hearing', p.hearingId, r.orgId, `${at}.passengers[${j}].hearingId`);
    });
    const ordinals = new Set<number>();
    r.legs.forEach((l, j) => {
      const lat = `${at}.legs[${j}]`;
      unique(seenLegs, l.id, `${lat}.id`);
      if (ordinals.has(l.ordinal)) add(`${lat}.ordinal`, `another leg of the run has number ${l.ordinal}`);
      ordinals.add(l.ordinal);
      place(l.from, `${lat}.from`);
      place(l.to, `${lat}.to`);
      zone(l.fromZone, `${lat}.fromZone`);
      zone(l.toZone, `${lat}.toZone`);
      if (l.escortId !== undefined) account(l.escortId, `${lat}.escortId`);
      if (l.handoffOrgId !== undefined) orgRef(l.handoffOrgId, `${lat}.handoffOrgId`);
      const marked = new Set<string>();
      l.marks.forEach((m, k) => {
        if (marked.has(m.personId)) add(`${lat}.marks[${k}].personId`, `${m.personId} is marked twice`);
        marked.add(m.personId);
        if (!riding.has(m.personId)) add(`${lat}.marks[${k}].personId`, `${m.personId} is not one of the run's passengers`);
      });
    });
  });
  return problems;
}

/** Ids of the accompaniment sections this workspace already has (nothing is overwritten). */
export async function accompanimentConflicts(tx: Store, doc: InterchangeDocument): Promise<FieldProblem[]> {
  const out: FieldProblem[] = [];
  const check = async (table: string, entries: { id: string; path: string }[], what: string) => {
    const found = await existing(tx.db, table, 'id', entries.map((e) => e.id));
    for (const e of entries) if (found.has(e.id)) out.push({ path: e.path, message: `${what} ${e.id} already exists in this workspace` });
  };
  const list = <T extends { id: string }>(items: T[], section: string) => items.map((x, i) => ({ id: x.id, path: `${section}[${i}].id` }));
  await check('accompanied_families', list(doc.accompaniedFamilies, 'accompaniedFamilies'), 'family');
  await check('accompanied_people', list(doc.accompaniedPeople, 'accompaniedPeople'), 'accompanied person');
  await check('hearings', list(doc.hearings, 'hearings'), 'hearing');
  await check('hearing_reminders', doc.hearings.flatMap((h, i) => list(h.reminders, `hearings[${i}].reminders`)), 'reminder');
  await check('transport_runs', list(doc.transportRuns, 'transportRuns'), 'transport run');
  await check('transport_legs', doc.transportRuns.flatMap((r, i) => list(r.legs, `transportRuns[${i}].legs`)), 'leg');
  return out;
}

export async function writeAccompaniment(
  tx: Store, doc: InterchangeDocument, who: Who, progress: { families: Step; people: Step; hearings: Step; runs: Step },
): Promise<void> {
  const rows = new AccompanimentRows(tx.db, tx.keys);
  const next = await rows.nextRefs();
  const ref = (table: RefTable, format: (n: number) => string) => format(next[table]++);
  const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

  for (const [n, f] of doc.accompaniedFamilies.entries()) {
    await rows.writeFamily({
      id: f.id, org_id: f.orgId, ref: ref('accompanied_families', familyRef), label: f.label,
      created_at: f.createdAt, created_by: who(f.createdBy), updated_at: f.updatedAt, version: f.version,
    });
    progress.families(n + 1, doc.accompaniedFamilies.length);
  }
  for (const [n, p] of doc.accompaniedPeople.entries()) {
    await rows.writePerson({
      id: p.id, org_id: p.orgId, ref: ref('accompanied_people', accompaniedRef), pseudonym: p.pseudonym, family_id: nul(p.familyId), family_role: nul(p.familyRole),
      nationality: nul(p.nationality), languages: JSON.stringify(p.languages), age_group: p.ageGroup, needs: JSON.stringify(p.needs), needs_note: nul(p.needsNote),
      staying_at: nul(p.stayingAt), reminder_lang: p.reminderLang, identity: p.identity === undefined ? null : JSON.stringify(p.identity), status: p.status,
      created_at: p.createdAt, created_by: who(p.createdBy), updated_at: p.updatedAt, updated_by: who(p.updatedBy), version: p.version,
    });
    progress.people(n + 1, doc.accompaniedPeople.length);
  }
  for (const [n, h] of doc.hearings.entries()) {
    await rows.writeHearing({
      id: h.id, org_id: h.orgId, ref: ref('hearings', hearingRef), court: h.court, zone: h.zone, starts_at: h.startsAt, kind: h.kind,
      present_place: nul(h.presentPlace), present_zone: nul(h.presentZone), present_at: nul(h.presentAt), representative: nul(h.representative),
      documents: JSON.stringify(h.documents), notes: nul(h.notes), status: h.status, outcome: nul(h.outcome), outcome_at: nul(h.outcomeAt), next_hearing_id: null,
      created_at: h.createdAt, created_by: who(h.createdBy), updated_at: h.updatedAt, updated_by: who(h.updatedBy), version: h.version,
      people: h.people.map((p) => ({ person_id: p.personId, attendance: p.attendance })),
      reminders: h.reminders.map((m) => ({ id: m.id, person_id: m.personId, channel: m.channel, lang: m.lang, status: m.status, at: m.at, by_user: who(m.byUser) })),
    });
    progress.hearings(n + 1, doc.hearings.length);
  }
  // the next hearing: written once every hearing is, as it may come later in the file
  for (const h of doc.hearings) if (h.nextHearingId !== undefined) await rows.linkNextHearing(h.id, h.nextHearingId);
  for (const [n, r] of doc.transportRuns.entries()) {
    await rows.writeRun({
      id: r.id, org_id: r.orgId, ref: ref('transport_runs', runRef), day: r.day, label: nul(r.label), coordinator_id: who(r.coordinatorId),
      arrive_place: r.arrivePlace, arrive_zone: r.arriveZone, arrive_at: r.arriveAt, margin_minutes: r.marginMinutes, status: r.status,
      ended_at: nul(r.endedAt), created_at: r.createdAt, created_by: who(r.createdBy), updated_at: r.updatedAt, version: r.version,
      legs: r.legs.map((l) => ({
        id: l.id, ordinal: l.ordinal, from_place: l.from, from_zone: l.fromZone, to_place: l.to, to_zone: l.toZone, mode: l.mode, depart_at: l.departAt, fixed_depart: l.fixedDepart ? 1 : 0, arrive_at: l.arriveAt,
        seats: nul(l.seats), escort_id: l.escortId === undefined ? null : who(l.escortId), handoff_org_id: nul(l.handoffOrgId), mark_by: l.markBy, meeting_point: nul(l.meetingPoint),
        marks: l.marks.map((m) => ({ person_id: m.personId, status: m.status, at: nul(m.at), by_user: m.byUser === undefined ? null : who(m.byUser), version: m.version })),
      })),
      passengers: r.passengers.map((p) => ({ person_id: p.personId, hearing_id: nul(p.hearingId), ordinal: p.ordinal })),
    });
    progress.runs(n + 1, doc.transportRuns.length);
  }
}
