/**
 * The records export (issue 8 §4, ADR 0022): the incidents matching a search, as CSV, XLSX,
 * GeoJSON, HURIDOCS-style events or Uwazi's import CSV, for the organisation's own use or for a
 * partner's system. Only what the exporter may see (need-to-know: restricted incidents only when
 * shared with them, admins included; removed ones never). Identifying values only when asked for,
 * by someone who may read them (their role, or a share of that incident granting them) and who
 * signed in or re-authenticated in the last minutes; a testimony only when its source consented to
 * the purpose. For partners: no restricted incident and no identifying value, whatever is asked.
 * One audit event per export (format, purpose, counts — never the search), plus, for each incident
 * whose identifying values went out, an event like a reveal's (`identifying.exported`: field names,
 * never values), and for
 * each restricted incident in the file, the event a read writes.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { ServiceError, forbidden } from '../errors.js';
import { isRecentAuth } from '../auth/sessions.js';
import { can } from '../../domain/user/roles.js';
import { exportQuerySchema, EXPORT_FILES, type ExportFormat } from '../../domain/exports/query.js';
import { exportWords } from '../../domain/exports/words.js';
import { projectIncident } from '../../domain/exports/project.js';
import { exportBuilder } from '../../domain/exports/builder.js';
import type { AuditEvent } from '../../store/repositories/audit-repository.js';
import { loadIncident } from '../incidents/save-incident.js';
import { identifyingGrants, matchingIncidentIds, stillVisible } from './export-reads.js';
import { xlsxBuffer } from './xlsx-file.js';

/** The most incidents one file holds (each is read whole); more asks for narrower filters. */
export const MAX_EXPORT_INCIDENTS = 10_000;
const BATCH = 250;

export interface RecordsFile {
  format: ExportFormat;
  name: string;
  type: string;
  /** text files as chunks in order (sent as a stream), XLSX as one buffer */
  body: string[] | Buffer;
  incidents: number;
}

export interface ExportOptions {
  /** when the session last signed in or re-authenticated (identifying values need it recent) */
  reauthAt?: string | null;
  /** the cap (default MAX_EXPORT_INCIDENTS; tests lower it) */
  maxIncidents?: number;
}

export async function exportRecords(ctx: ServiceContext, input: unknown, opts: ExportOptions = {}): Promise<RecordsFile> {
  requirePermission(ctx, 'incident.read');
  const { format, lang, purpose, includeIdentifying, ...filters } = parseInput(exportQuerySchema, input);
  const viewer = { userId: ctx.user.id };
  const db = ctx.store.db;

  const max = opts.maxIncidents ?? MAX_EXPORT_INCIDENTS;
  const ids = await matchingIncidentIds(db, filters, viewer, { withoutRestricted: purpose === 'partners', limit: max + 1 });
  if (ids.length > max) {
    throw new ServiceError(400, 'too_many_incidents', `from: the search matches more than ${max} incidents; narrow it (dates, country, kind of act …)`,
      [{ path: 'from', message: `matches more than ${max} incidents; narrow the dates or filters`, code: 'too_many_incidents', params: { max } }]);
  }

  // who may have identifying values, incident by incident: the role, or a share granting them
  let granted: (id: string) => boolean = () => false;
  if (includeIdentifying) {
    if (can(ctx.user.role, 'identifying.read')) granted = () => true;
    else {
      const shares = await identifyingGrants(db, ids, viewer);
      if (!shares.size) throw forbidden('includeIdentifying: you may not see the identifying values of these incidents');
      granted = (id) => shares.has(id);
    }
    if (!isRecentAuth(opts.reauthAt ?? null, ctx.now())) throw new ServiceError(403, 'reauth_required', 'confirm your password (and code) first: identifying values need a recent sign-in');
  }

  const now = ctx.now();
  const marked = ctx.store.policy.marked;
  const builder = exportBuilder(format, exportWords(ctx.vocab, lang), { identifying: includeIdentifying, exportedAt: now });
  const reads: AuditEvent[] = [];
  const n = { incidents: 0, restricted: 0, identifyingIncidents: 0, testimonies: 0, testimoniesWithheld: 0 };
  for (let k = 0; k < ids.length; k += BATCH) {
    const batch = ids.slice(k, k + BATCH);
    // removed, made restricted or unshared since the search: left out
    const visible = await stillVisible(db, batch, viewer);
    for (const id of batch) {
      if (!visible.has(id)) continue;
      const inc = await loadIncident(ctx.store, id);
      if (!inc || (purpose === 'partners' && inc.confidentiality === 'restricted')) continue;
      const p = projectIncident(inc, { identifying: includeIdentifying && granted(id), purpose, marked });
      builder.add(p.view);
      n.incidents++;
      if (inc.confidentiality === 'restricted') {
        n.restricted++;
        reads.push({ at: now, userId: ctx.user.id, action: 'restricted.read', targetType: 'incident', targetId: id, detail: { via: 'export', format } });
      }
      if (p.identifyingPaths.length) {
        n.identifyingIncidents++;
        reads.push({ at: now, userId: ctx.user.id, action: 'identifying.exported', targetType: 'incident', targetId: id, detail: { format, purpose, paths: p.identifyingPaths } });
      }
      n.testimonies += p.testimonies.included;
      n.testimoniesWithheld += p.testimonies.withheld;
    }
  }

  const built = builder.finish();
  const body = built.kind === 'text' ? built.chunks : await xlsxBuffer(built.name, built.data);
  await ctx.store.audit.addMany([
    ...reads,
    { at: now, userId: ctx.user.id, action: 'records.exported', targetType: 'workspace', detail: { format, lang, purpose, includeIdentifying, ...n, ...builder.counts() } },
  ]);
  return { format, ...EXPORT_FILES[format], body, incidents: n.incidents };
}
