/**
 * Reading accompanied people: one person, a search by pseudonym or reference (at most 200, by
 * pseudonym), the families with their members, and the audited look at a person's identity and
 * needs note (identifying.read; the audit entry names the person only, in the same transaction).
 */
import type { ServiceContext } from '../../context.js';
import { requirePermission } from '../../context.js';
import { parseInput } from '../../validate.js';
import { notFound } from '../../errors.js';
import { PEOPLE_SEARCH_LIMIT, peopleSearchSchema, type Identity, type PersonSummary, type PersonView } from '../../../domain/accompaniment/person.js';
import type { HearingSummary } from '../../../domain/accompaniment/hearing.js';
import { ownRecord, requireAccompaniment } from '../org-scope.js';
import { personSummaries, personView, visiblePerson } from './person-view.js';

export async function readPerson(ctx: ServiceContext, id: string): Promise<PersonView<HearingSummary>> {
  return personView(ctx.store, await visiblePerson(ctx, id), ctx.now());
}

/** Case, accents and spacing do not matter in a search. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export async function searchPeople(ctx: ServiceContext, raw: unknown): Promise<{ items: PersonSummary[] }> {
  requireAccompaniment(ctx, false);
  const input = parseInput(peopleSearchSchema, raw ?? {});
  const q = input.q ? fold(input.q) : '';
  const people = (await ctx.store.accompaniment.peopleOf(ctx.user.orgId, { status: input.status, familyId: input.familyId }))
    .filter((p) => !q || fold(p.pseudonym).includes(q) || p.ref.toLowerCase() === q || p.ref.toLowerCase().includes(q))
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym, 'es') || a.ref.localeCompare(b.ref))
    .slice(0, PEOPLE_SEARCH_LIMIT);
  return { items: await personSummaries(ctx.store, people, ctx.now()) };
}

export async function listFamilies(ctx: ServiceContext): Promise<{ items: { id: string; ref: string; label: string; members: PersonSummary[] }[] }> {
  requireAccompaniment(ctx, false);
  const families = await ctx.store.accompaniment.familiesOf(ctx.user.orgId);
  const people = (await ctx.store.accompaniment.peopleOf(ctx.user.orgId)).filter((p) => p.familyId);
  const summaries = await personSummaries(ctx.store, people, ctx.now());
  return {
    items: families
      .sort((a, b) => a.label.localeCompare(b.label, 'es') || a.ref.localeCompare(b.ref))
      .map((f) => ({ id: f.id, ref: f.ref, label: f.label, members: summaries.filter((s) => s.familyId === f.id).sort((a, b) => a.pseudonym.localeCompare(b.pseudonym, 'es')) })),
  };
}

export async function openIdentity(ctx: ServiceContext, id: string): Promise<{ identity: Identity; needsNote: string | null }> {
  requireAccompaniment(ctx, false);
  requirePermission(ctx, 'identifying.read');
  return ctx.store.transaction(async (tx) => {
    ownRecord(ctx, await tx.accompaniment.person(id), 'person');
    const opened = await tx.accompaniment.openPerson(id);
    if (!opened) throw notFound('person');
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'accompanied.identity_read', targetType: 'accompanied_person', targetId: id });
    return { identity: opened.identity ?? {}, needsNote: opened.needsNote };
  });
}
