/**
 * Record and change an accompanied person (ADR 0024). The reference ("ACP-0007") is the next in
 * sequence (two made at once both get one: the loser of the unique reference tries again). A new
 * family named by label gets its own reference ("FAM-0003"). The family must be one of the
 * organisation's; where they stay must be an organisation in the people list the caller may see.
 * An omitted identity or needs note keeps what is stored ({} or '' removes it). A stale version is
 * refused (409 'stale'). Audited by ids only, in the same transaction.
 */
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid, ServiceError } from '../../errors.js';
import { accompaniedInputSchema, accompaniedRef, accompaniedUpdateSchema, familyRef, filledIdentityFields, type AccompaniedInput, type AccompaniedParsed, type PersonView } from '../../../domain/accompaniment/person.js';
import type { HearingSummary } from '../../../domain/accompaniment/hearing.js';
import type { FieldProblem } from '../../../domain/incident/check-codes.js';
import type { Store } from '../../../store/store.js';
import { newId } from '../../../crypto/random.js';
import { concurrentWriteConflict } from '../../../store/database-errors.js';
import { ownRecord, requireAccompaniment, sameOrg } from '../org-scope.js';
import { personView } from './person-view.js';

const TRIES = 5;

export const stale = (what: string, version: number) => new ServiceError(409, 'stale', `version: the ${what} was changed by someone else (now version ${version}); reload it before saving`, [{ path: 'version', message: 'was changed by someone else', code: 'stale' }]);

/** Runs `fn` in a transaction, again when a concurrent writer took the same reference. */
export async function withRetry<T>(store: Store, fn: (tx: Store) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(fn);
    } catch (e) {
      if (attempt >= TRIES || !concurrentWriteConflict(e)) throw e;
    }
  }
}

async function checkLinks(ctx: ServiceContext, tx: Store, input: AccompaniedParsed): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.familyId) {
    const f = await tx.accompaniment.family(input.familyId);
    if (!f || !sameOrg(ctx, f.orgId)) problems.push({ path: 'familyId', message: 'is not a family of your organisation', code: 'no_such_family' });
  }
  if (input.stayingAt) {
    const visible = await tx.actors.isVisible(input.stayingAt, { userId: ctx.user.id });
    const place = visible ? (await tx.accompaniment.stayingPlaces([input.stayingAt])).get(input.stayingAt) : undefined;
    if (!place) problems.push({ path: 'stayingAt', message: 'is not an organisation in the people list', code: 'no_such_actor' });
    else if (place.kind !== 'organisation') problems.push({ path: 'stayingAt', message: 'must be an organisation (a shelter), not a person', code: 'not_an_organisation' });
  }
  return problems;
}

async function familyFor(ctx: ServiceContext, tx: Store, input: AccompaniedParsed, now: string): Promise<string | null> {
  if (input.familyId) return input.familyId;
  if (!input.newFamily) return null;
  const id = newId();
  await tx.accompaniment.insertFamily({ id, orgId: ctx.user.orgId, ref: familyRef(await tx.accompaniment.nextSequence('families')), label: input.newFamily, at: now, by: ctx.user.id });
  await tx.audit.add({ at: now, userId: ctx.user.id, action: 'accompanied.family_created', targetType: 'accompanied_family', targetId: id });
  return id;
}

function sealedParts(input: AccompaniedParsed): { identity: AccompaniedParsed['identity'] | null | undefined; needsNote: string | null | undefined } {
  const identity = input.identity === undefined ? undefined : filledIdentityFields(input.identity).length ? input.identity : null;
  const needsNote = input.needsNote === undefined ? undefined : input.needsNote.trim() === '' ? null : input.needsNote;
  return { identity, needsNote };
}

export async function createPerson(ctx: ServiceContext, raw: AccompaniedInput): Promise<PersonView<HearingSummary>> {
  requireAccompaniment(ctx, true);
  const input = parseInput(accompaniedInputSchema, raw);
  const now = ctx.now();
  const id = newId();
  await withRetry(ctx.store, async (tx) => {
    const problems = await checkLinks(ctx, tx, input);
    if (problems.length) throw invalid(problems);
    const familyId = await familyFor(ctx, tx, input, now);
    await tx.accompaniment.writePerson({
      id, orgId: ctx.user.orgId, ref: accompaniedRef(await tx.accompaniment.nextSequence('people')), pseudonym: input.pseudonym, familyId,
      familyRole: input.familyRole ?? null, nationality: input.nationality ?? null, languages: [...new Set(input.languages)], ageGroup: input.ageGroup,
      needs: [...new Set(input.needs)], stayingAt: input.stayingAt ?? null, reminderLang: input.reminderLang, status: input.status,
      ...sealedParts(input), at: now, by: ctx.user.id,
    });
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'accompanied.created', targetType: 'accompanied_person', targetId: id });
  });
  return personView(ctx.store, (await ctx.store.accompaniment.person(id))!, now);
}

export async function updatePerson(ctx: ServiceContext, id: string, raw: AccompaniedInput & { version: number }): Promise<PersonView<HearingSummary>> {
  requireAccompaniment(ctx, true);
  const input = parseInput(accompaniedUpdateSchema, raw);
  const now = ctx.now();
  await withRetry(ctx.store, async (tx) => {
    const current = ownRecord(ctx, await tx.accompaniment.person(id), 'person');
    if (current.version !== input.version) throw stale('person', current.version);
    const problems = await checkLinks(ctx, tx, input);
    if (problems.length) throw invalid(problems);
    const familyId = await familyFor(ctx, tx, input, now);
    const ok = await tx.accompaniment.writePerson({
      id, orgId: current.orgId, ref: current.ref, pseudonym: input.pseudonym, familyId, familyRole: input.familyRole ?? null,
      nationality: input.nationality ?? null, languages: [...new Set(input.languages)], ageGroup: input.ageGroup, needs: [...new Set(input.needs)],
      stayingAt: input.stayingAt ?? null, reminderLang: input.reminderLang, status: input.status, ...sealedParts(input), at: now, by: ctx.user.id,
    }, input.version);
    if (!ok) throw stale('person', current.version + 1);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'accompanied.updated', targetType: 'accompanied_person', targetId: id, detail: { version: input.version + 1 } });
  });
  return personView(ctx.store, (await ctx.store.accompaniment.person(id))!, now);
}
