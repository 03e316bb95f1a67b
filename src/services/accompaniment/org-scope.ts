/**
 * Scope of the accompaniment feature: every record belongs to one organisation, and a caller sees
 * only their own organisation's records (another organisation's record is "not found", never
 * "forbidden", so its existence is not revealed). Reading needs accompaniment.read; changing needs
 * accompaniment.write.
 */
import type { ServiceContext } from '../context.js';
import { can } from '../../domain/user/roles.js';
import { forbidden, notFound } from '../errors.js';

/** Throws 403 when the caller lacks accompaniment.read (or accompaniment.write when `write`). */
export function requireAccompaniment(ctx: Pick<ServiceContext, 'user'>, write: boolean): void {
  if (!can(ctx.user.role, 'accompaniment.read')) throw forbidden();
  if (write && !can(ctx.user.role, 'accompaniment.write')) throw forbidden();
}

/** Whether a record of organisation `orgId` belongs to the caller's organisation. */
export function sameOrg(ctx: Pick<ServiceContext, 'user'>, orgId: string): boolean {
  return ctx.user.orgId === orgId;
}

/** The record when it exists and belongs to the caller's organisation; 404 (`what` not found) otherwise. */
export function ownRecord<T extends { orgId: string }>(ctx: Pick<ServiceContext, 'user'>, row: T | undefined | null, what: string): T {
  if (!row || !sameOrg(ctx, row.orgId)) throw notFound(what);
  return row;
}
