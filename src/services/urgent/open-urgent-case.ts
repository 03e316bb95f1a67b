/**
 * Mark an incident urgent (issue 6, ADR 0018): a case with an owner, the checklist for its kind
 * (or the one sent) with deadlines counted from now, the audit event and the alert to the owner
 * and the responders — all in one transaction. One open case per incident; the reference is the
 * next URG- number (taken again if another process took it first).
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, forbidden, invalid } from '../errors.js';
import { visibleIncident } from '../incidents/incident-access.js';
import { canEditIncident } from '../incidents/save-incident.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { openUrgentSchema, type OpenUrgentInput } from '../../domain/urgent/input.js';
import { PRESETS, dueAfter, type UrgentKind } from '../../domain/urgent/checklist.js';
import type { NewUrgentStep } from '../../store/repositories/urgent-repository.js';
import type { Store } from '../../store/store.js';
import { ROLES, can } from '../../domain/user/roles.js';
import { concurrentWriteConflict } from '../../store/database-errors.js';
import { newId } from '../../crypto/random.js';
import { readUrgentCase } from './read-urgent-case.js';
import type { UrgentCaseView } from '../../domain/urgent/view.js';

/** Roles whose accounts may own a case (they can read it). */
export const OWNER_ROLES = ROLES.filter((r) => can(r, 'response.read'));

/** Whether an account may own a case of this incident: active, a role that reads cases, and sees the incident. */
export async function mayOwn(store: Store, userId: string, incidentId: string): Promise<boolean> {
  const u = await store.users.byId(userId);
  if (!u || u.disabled !== 0 || !(OWNER_ROLES as readonly string[]).includes(u.role)) return false;
  return (await store.shares.access(incidentId, { userId })).visible;
}

const ownerProblem = { path: 'ownerId', message: 'must be an active account that may read urgent cases and see this incident', code: 'not_allowed' };

export async function openUrgentCase(ctx: ServiceContext, incidentId: string, raw: OpenUrgentInput): Promise<UrgentCaseView> {
  requirePermission(ctx, 'response.write');
  const input = parseInput(openUrgentSchema, raw);
  const attempt = () => ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const { inc } = await visibleIncident(txCtx, incidentId);
    if (!canEditIncident(ctx, inc)) throw forbidden('you may only mark urgent an incident you may edit');
    const ownerId = input.ownerId ?? ctx.user.id;
    if (!(await mayOwn(tx, ownerId, incidentId))) throw invalid([ownerProblem]);
    await tx.urgent.lockIncident(incidentId);
    const open = await tx.urgent.openCaseOf(incidentId);
    if (open) throw conflict(`this incident already has an open urgent case: ${open.ref} (${open.id})`);
    const now = ctx.now();
    const id = newId();
    const ref = await tx.urgent.nextRef();
    await tx.urgent.insert({ id, incidentId, ref, kind: input.kind, ownerId, openedAt: now, openedBy: ctx.user.id }, checklist(input.kind, input.steps, now));
    await tx.audit.add({ at: now, userId: ctx.user.id, action: 'urgent.opened', targetType: 'urgent_case', targetId: id, detail: { incidentId, kind: input.kind } });
    await raiseAlert(tx, { kind: 'urgent_opened', dedupeKey: `urgent-opened:${id}`, ref, path: `/urgent/${id}`, subject: { type: 'urgent_case', id }, users: [ownerId], responders: true, incidentId, now });
    return id;
  });
  let id: string | undefined;
  for (let tries = 0; id === undefined; tries++) {
    try {
      id = await attempt();
    } catch (e) {
      // another process took the same reference (PostgreSQL): take the next one; a 409 after that
      if (tries >= 4 || ctx.store.db.isTransaction || !concurrentWriteConflict(e)) throw e;
    }
  }
  return readUrgentCase(ctx, id);
}

/** The checklist to start with: the kind's preset, or the steps sent with their deadlines (omitted: the preset's for that step). */
export function checklist(kind: UrgentKind, steps: { code: NewUrgentStep['code']; dueInHours?: number | null | undefined; label?: string | undefined }[] | undefined, now: string): NewUrgentStep[] {
  const preset = new Map(PRESETS[kind].map((s) => [s.code as string, s.dueInHours]));
  type Chosen = { code: NewUrgentStep['code']; dueInHours?: number | null | undefined; label?: string | undefined };
  const chosen: Chosen[] = steps ?? PRESETS[kind].map((s) => ({ code: s.code, dueInHours: s.dueInHours }));
  return chosen.map((s) => {
    const hours = s.dueInHours === undefined ? preset.get(s.code) : s.dueInHours;
    return { id: newId(), code: s.code, ...(s.label !== undefined ? { label: s.label } : {}), dueAt: hours === undefined || hours === null ? null : dueAfter(now, hours) };
  });
}
