/**
 * Add a member organisation to the workspace (admins): a partner that takes passengers over at a
 * transport run's hand-off (ADR 0024), or another group of the network. Names are unique, compared
 * without case or accents, so a second "Al Otro Lado" is not made by a slip. Audited by id.
 */
import type { ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { newId } from '../../crypto/random.js';
import { foldName } from '../../domain/places/gazetteer.js';

export async function addOrganisation(ctx: ServiceContext, name: string): Promise<{ id: string; name: string }> {
  const now = ctx.now();
  const id = newId();
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.users.organisations();
    if (existing.some((o) => foldName(o.name) === foldName(name))) {
      throw invalid([{ path: 'name', message: 'an organisation with this name exists', code: 'organisation_exists' }]);
    }
    await tx.users.insertOrganisation(id, name, now);
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'organisation.added', targetType: 'organisation', targetId: id });
  });
  return { id, name };
}
