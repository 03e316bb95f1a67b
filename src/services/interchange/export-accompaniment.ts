/**
 * Reading the accompaniment sections of an export (docs/interchange.md): families, people,
 * hearings (who is summoned, reminders) and transport runs (legs, marks, passengers), of every
 * organisation, sealed values opened. A shelter a person stays at that the export leaves out (it
 * appears only in restricted incidents the exporter may not see) is not named.
 */
import type { Store } from '../../store/store.js';
import { AccompanimentRows } from '../../store/interchange/accompaniment-rows.js';
import type {
  InterchangeAccompaniedFamily, InterchangeAccompaniedPerson, InterchangeHearing, InterchangeTransportRun,
} from './interchange-format.js';
import { set } from './format-common.js';

type Person = InterchangeAccompaniedPerson;
type Hearing = InterchangeHearing;
type Run = InterchangeTransportRun;
type Leg = Run['legs'][number];

export interface AccompanimentSections {
  accompaniedFamilies: InterchangeAccompaniedFamily[];
  accompaniedPeople: Person[];
  hearings: Hearing[];
  transportRuns: Run[];
}

export async function readAccompaniment(tx: Store, actorIds: ReadonlySet<string>): Promise<AccompanimentSections> {
  const rows = new AccompanimentRows(tx.db, tx.keys);
  const accompaniedFamilies = (await rows.families()).map((f) => ({
    id: f.id, orgId: f.org_id, label: f.label, createdAt: f.created_at, createdBy: f.created_by, updatedAt: f.updated_at, version: f.version,
  }));
  const accompaniedPeople = (await rows.people()).map((p) =>
    set({
      id: p.id, orgId: p.org_id, pseudonym: p.pseudonym, familyId: p.family_id, familyRole: p.family_role as Person['familyRole'] | null,
      nationality: p.nationality, languages: JSON.parse(p.languages) as string[], ageGroup: p.age_group, needs: JSON.parse(p.needs) as Person['needs'],
      needsNote: p.needs_note, stayingAt: p.staying_at !== null && actorIds.has(p.staying_at) ? p.staying_at : null,
      reminderLang: p.reminder_lang as Person['reminderLang'], identity: p.identity === null ? null : (JSON.parse(p.identity) as Person['identity']),
      status: p.status, createdAt: p.created_at, createdBy: p.created_by, updatedAt: p.updated_at, updatedBy: p.updated_by, version: p.version,
    }),
  );
  const hearings = (await rows.hearings()).map((h) =>
    set({
      id: h.id, orgId: h.org_id, court: h.court, zone: h.zone, startsAt: h.starts_at, kind: h.kind as Hearing['kind'],
      presentPlace: h.present_place, presentZone: h.present_zone, presentAt: h.present_at, representative: h.representative,
      documents: JSON.parse(h.documents) as Hearing['documents'], notes: h.notes, status: h.status, outcome: h.outcome as Hearing['outcome'] | null,
      outcomeAt: h.outcome_at, nextHearingId: h.next_hearing_id, createdAt: h.created_at, createdBy: h.created_by, updatedAt: h.updated_at, updatedBy: h.updated_by,
      version: h.version,
      people: h.people.map((p) => ({ personId: p.person_id, attendance: p.attendance })),
      reminders: h.reminders.map((m) => ({ id: m.id, personId: m.person_id, channel: m.channel, lang: m.lang as Hearing['reminders'][number]['lang'], status: m.status, at: m.at, byUser: m.by_user })),
    }),
  );
  const transportRuns = (await rows.runs()).map((r) =>
    set({
      id: r.id, orgId: r.org_id, day: r.day, label: r.label, coordinatorId: r.coordinator_id,
      arrivePlace: r.arrive_place, arriveZone: r.arrive_zone, arriveAt: r.arrive_at, marginMinutes: Number(r.margin_minutes), status: r.status, endedAt: r.ended_at,
      createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, version: r.version,
      legs: r.legs.map((l) =>
        set({
          id: l.id, ordinal: l.ordinal, from: l.from_place, fromZone: l.from_zone, to: l.to_place, toZone: l.to_zone, mode: l.mode as Leg['mode'],
          departAt: l.depart_at, fixedDepart: Number(l.fixed_depart) === 1, arriveAt: l.arrive_at, seats: l.seats, escortId: l.escort_id, handoffOrgId: l.handoff_org_id, markBy: l.mark_by,
          meetingPoint: l.meeting_point,
          marks: l.marks.map((m) => set({ personId: m.person_id, status: m.status, at: m.at, byUser: m.by_user, version: m.version })),
        }),
      ),
      passengers: r.passengers.map((p) => set({ personId: p.person_id, hearingId: p.hearing_id, ordinal: p.ordinal })),
    }),
  );
  return { accompaniedFamilies, accompaniedPeople, hearings, transportRuns };
}
