/** Hearings as the API shows them: each time as the instant and the wall time at its own place's zone; people by pseudonym. */
import type { Store } from '../../../store/store.js';
import type { HearingRecord } from '../../../store/repositories/accompaniment-repository.js';
import type { HearingSummary, HearingView } from '../../../domain/accompaniment/hearing.js';
import { toLocal } from '../../../domain/accompaniment/time.js';

const byStart = (a: HearingRecord, b: HearingRecord) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/** Summaries of these hearings, earliest first. */
export async function hearingSummaries(store: Store, hearings: HearingRecord[]): Promise<HearingSummary[]> {
  const summoned = await store.accompaniment.summoned(hearings.map((h) => h.id));
  const people = await store.accompaniment.peopleByIds([...summoned.values()].flat().map((s) => s.personId));
  return [...hearings].sort(byStart).map((h) => ({
    id: h.id, ref: h.ref, court: h.court, courtZone: h.zone, startsAt: h.startsAt, startsLocal: toLocal(h.startsAt, h.zone), kind: h.kind,
    presentPlace: h.presentPlace, presentZone: h.presentZone, presentAt: h.presentAt,
    presentLocal: h.presentAt && h.presentZone ? toLocal(h.presentAt, h.presentZone) : null,
    status: h.status, outcome: h.outcome,
    people: (summoned.get(h.id) ?? [])
      .flatMap((s) => {
        const p = people.get(s.personId);
        return p ? [{ id: p.id, ref: p.ref, pseudonym: p.pseudonym, attendance: s.attendance }] : [];
      })
      .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym) || a.ref.localeCompare(b.ref)),
  }));
}

export async function hearingView(store: Store, h: HearingRecord): Promise<HearingView> {
  const next = h.nextHearingId ? await store.accompaniment.hearing(h.nextHearingId) : undefined;
  const [summary, nextSummary] = await hearingSummaries(store, next ? [h, next] : [h]).then((all) => [all.find((x) => x.id === h.id)!, all.find((x) => x.id === next?.id)]);
  const previous = await store.accompaniment.previousOf(h.id);
  return {
    ...summary!, documents: h.documents, hasRepresentative: h.hasRepresentative, hasNotes: h.hasNotes, nextHearing: nextSummary ?? null,
    previousHearing: previous ? { id: previous.id, ref: previous.ref } : null, version: h.version, createdAt: h.createdAt, updatedAt: h.updatedAt,
  };
}
