/**
 * Need-to-know for one incident: a restricted incident exists only for the users and groups it is
 * shared with — admins included — so for everyone else it is "not found", never "forbidden"
 * (which would confirm it exists). A share can also grant identifying values to people whose role
 * alone sees them redacted.
 */
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { can } from '../../domain/user/roles.js';
import { notFound } from '../errors.js';
import { loadIncident } from './save-incident.js';

export interface IncidentAccess { inc: IncidentView; mayReadIdentifying: boolean }

export async function visibleIncident(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<IncidentAccess> {
  const access = await store.shares.access(id, { userId: ctx.user.id });
  if (!access.visible) throw notFound('incident');
  const inc = await loadIncident(store, id);
  if (!inc) throw notFound('incident');
  return { inc, mayReadIdentifying: can(ctx.user.role, 'identifying.read') || access.identifyingGrant };
}

/** Only checks that the viewer may see it (for history and other reads that do not need the record). */
export async function requireVisible(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<void> {
  if (!(await store.shares.access(id, { userId: ctx.user.id })).visible) throw notFound('incident');
}
