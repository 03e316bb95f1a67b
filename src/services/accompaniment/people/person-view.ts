/**
 * People as the API shows them: the pseudonym, the family, the plain facts the day views count, the
 * next hearing; of the identity only which fields hold something (opened server-side to say so,
 * never returned); where they stay as the shelter's pseudonym and public place.
 */
import type { ServiceContext } from '../../context.js';
import type { Store } from '../../../store/store.js';
import type { PersonRecord } from '../../../store/repositories/accompaniment-repository.js';
import { filledIdentityFields, type Need, type PersonSummary, type PersonView, type ReminderLang } from '../../../domain/accompaniment/person.js';
import type { HearingSummary } from '../../../domain/accompaniment/hearing.js';
import { hearingSummaries } from '../hearings/hearing-view.js';
import { ownRecord, requireAccompaniment } from '../org-scope.js';

/** The person when the caller may read their organisation's accompaniment; 404 otherwise. */
export async function visiblePerson(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<PersonRecord> {
  requireAccompaniment(ctx, false);
  return ownRecord(ctx, await store.accompaniment.person(id), 'person');
}

export async function personSummaries(store: Store, people: PersonRecord[], now: string): Promise<PersonSummary[]> {
  const families = await store.accompaniment.familiesByIds([...new Set(people.flatMap((p) => (p.familyId ? [p.familyId] : [])))]);
  const next = await store.accompaniment.nextHearings(people.map((p) => p.id), now);
  return people.map((p) => {
    const h = next.get(p.id);
    return {
      id: p.id, ref: p.ref, pseudonym: p.pseudonym, familyId: p.familyId, familyLabel: p.familyId ? families.get(p.familyId)?.label ?? null : null,
      familyRole: p.familyRole, ageGroup: p.ageGroup, needs: p.needs as Need[], languages: p.languages, nationality: p.nationality, status: p.status,
      nextHearing: h ? { id: h.id, ref: h.ref, startsAt: h.startsAt, zone: h.zone, court: h.court } : null,
    };
  });
}

export async function personView(store: Store, p: PersonRecord, now: string): Promise<PersonView<HearingSummary>> {
  const [summary] = await personSummaries(store, [p], now);
  const staying = p.stayingAt ? (await store.accompaniment.stayingPlaces([p.stayingAt])).get(p.stayingAt) : undefined;
  const identity = p.hasIdentity ? (await store.accompaniment.openPerson(p.id))?.identity : null;
  return {
    ...summary!, reminderLang: p.reminderLang as ReminderLang,
    stayingAt: staying ? { id: staying.id, pseudonym: staying.pseudonym, state: staying.state, locality: staying.locality, country: staying.country } : null,
    hasIdentity: p.hasIdentity, identityFields: filledIdentityFields(identity), hasNeedsNote: p.hasNeedsNote,
    hearings: await hearingSummaries(store, await store.accompaniment.hearingsOfPeople([p.id])),
    version: p.version, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}
