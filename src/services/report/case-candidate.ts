/**
 * An incident as a possible case study, for the report page: may it be published, will its
 * summary appear, which testimonies may be quoted (with their text) and why the others may not.
 * Showing a testimony whose source consented to anonymous publication is a read of an
 * identifying field, so it is audited ('report.testimonies_read': the incident and the sources,
 * never the text). Only for readers who may read the incident's identifying values (their role, or
 * a share granting them): to others the testimony is listed without its text, and cannot be quoted.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { visibleIncident } from '../incidents/incident-access.js';
import { caseCandidate, type CaseCandidate } from '../../domain/report/candidate.js';

export async function reportCaseCandidate(ctx: ServiceContext, id: string): Promise<CaseCandidate> {
  requirePermission(ctx, 'incident.read');
  const { inc, mayReadIdentifying } = await visibleIncident(ctx, id);
  const settings = await ctx.store.settings.openDataSettings();
  const c = caseCandidate(inc, ctx.store.policy.marked, settings.include, mayReadIdentifying);
  const shown = c.sources.filter((s) => s.testimony !== undefined).map((s) => s.id);
  if (shown.length) await ctx.store.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'report.testimonies_read', targetType: 'incident', targetId: id, detail: { sources: shown } });
  return c;
}
