/**
 * The audited look at a run's meeting points (sealed under 'run/<id>'): the organisation with
 * identifying.read sees every leg's; a driver, escort or partner only their own legs' (so does a
 * member of the organisation without identifying.read who drives a leg). Audited with ids only.
 */
import type { ServiceContext } from '../../context.js';
import { can } from '../../../domain/user/roles.js';
import { forbidden } from '../../errors.js';
import { runAccess } from '../run-access.js';

export async function readMeetingPoints(ctx: ServiceContext, runId: string): Promise<{ legs: { legId: string; meetingPoint: string | null }[] }> {
  const access = await runAccess(ctx, runId);
  const allowed = access.kind === 'org' && can(ctx.user.role, 'identifying.read')
    ? access.legs
    : access.legs.filter((l) => l.escortId === ctx.user.id || (access.kind !== 'org' && access.markable.has(l.id)));
  if (!allowed.length) throw forbidden('you may not read these meeting points');
  const points = await ctx.store.transport.meetingPoints(runId, allowed.map((l) => l.id));
  await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'run.meeting_points', targetType: 'transport_run', targetId: runId, detail: { legs: allowed.map((l) => l.id) } });
  return { legs: allowed.map((l) => ({ legId: l.id, meetingPoint: points.get(l.id) ?? null })) };
}
