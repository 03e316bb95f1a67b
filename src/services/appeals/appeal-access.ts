/**
 * Need-to-know for appeals: an appeal belongs to an urgent case, the case to an incident, and both
 * exist only for those who may see that incident (a restricted one: only those it is shared with).
 * For everyone else the case and its appeals are "not found", never "forbidden". Changes are refused
 * once the case is closed.
 */
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import type { AppealCase } from '../../store/repositories/appeal-repository.js';
import type { AppealSummary } from '../../domain/appeal/view.js';
import { conflict, notFound } from '../errors.js';
import { can } from '../../domain/user/roles.js';

export interface CaseAccess { urgentCase: AppealCase; mayReadIdentifying: boolean }

async function visible(ctx: ServiceContext, store: Store, c: AppealCase | undefined, what: string): Promise<CaseAccess> {
  if (!c) throw notFound(what);
  const access = await store.shares.access(c.incidentId, { userId: ctx.user.id });
  if (!access.visible) throw notFound(what);
  return { urgentCase: c, mayReadIdentifying: can(ctx.user.role, 'identifying.read') || access.identifyingGrant };
}

/** The urgent case `caseId`, if the user may see its incident. */
export async function visibleCase(ctx: ServiceContext, caseId: string, store: Store = ctx.store): Promise<CaseAccess> {
  return visible(ctx, store, await store.appeals.caseOf(caseId), 'urgent case');
}

/** The case of appeal `id`, if the user may see its incident. */
export async function visibleAppealCase(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<CaseAccess> {
  return visible(ctx, store, await store.appeals.caseOfAppeal(id), 'appeal');
}

export function requireOpen(c: AppealCase): void {
  if (c.status !== 'open') throw conflict('the urgent case is closed: its appeals can no longer be changed');
}

/**
 * An appeal about to change, inside `tx`: its case visible to the user (404 otherwise), still open
 * unless `openCase` is false (a body's answer may come after closing), and its current summary.
 */
export async function appealToChange(ctx: ServiceContext, id: string, tx: Store, opts: { openCase: boolean }): Promise<{ urgentCase: AppealCase; current: AppealSummary }> {
  const { urgentCase } = await visibleAppealCase(ctx, id, tx);
  if (opts.openCase) requireOpen(urgentCase);
  const current = await tx.appeals.summary(id);
  if (!current) throw notFound('appeal');
  return { urgentCase, current };
}
