/**
 * The first half of generating a report, done before the job starts so that a bad request is a
 * 400 naming the field: the spec parsed, the publication settings read, and each case study
 * projected (src/domain/report/case-study.ts) from an incident the author may see. A restricted
 * incident is refused — even when shared with the author — and so is one whose confidentiality
 * the workspace does not publish (open-data settings, ADR 0015): choosing a case study is
 * publishing it, and the same review applies as to open data. Audited as 'report.generated' with
 * the period, language, formats, counts and the case studies' ids — never the search words or a text.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { invalid, ServiceError } from '../errors.js';
import { visibleIncident } from '../incidents/incident-access.js';
import { reportSpecSchema, type ReportSpec } from '../../domain/report/spec.js';
import { projectCaseStudy, type CaseStudy } from '../../domain/report/case-study.js';
import type { OpenDataSettings } from '../../domain/publication/settings.js';
import type { FieldProblem } from '../../domain/incident/check-codes.js';

export interface PreparedReport {
  spec: ReportSpec;
  settings: OpenDataSettings;
  cases: CaseStudy[];
  /** the incidents used as case studies (for the audit: ids, never text) */
  caseIds: string[];
  workspace: string;
}

export async function prepareReport(ctx: ServiceContext, input: unknown): Promise<PreparedReport> {
  requirePermission(ctx, 'incident.read');
  const spec = parseInput(reportSpecSchema, input);
  const settings = await ctx.store.settings.openDataSettings();
  const problems: FieldProblem[] = [];
  const cases: CaseStudy[] = [];
  for (const [i, c] of spec.caseStudies.entries()) {
    const at = `caseStudies[${i}]`;
    let inc;
    let mayReadIdentifying = false;
    try {
      ({ inc, mayReadIdentifying } = await visibleIncident(ctx, c.incidentId));
    } catch (e) {
      if (e instanceof ServiceError && e.status === 404) {
        problems.push({ path: `${at}.incidentId`, message: 'no incident you may see has this id', code: 'not_found' });
        continue;
      }
      throw e;
    }
    if (inc.confidentiality === 'restricted') {
      problems.push({ path: `${at}.incidentId`, message: 'this incident is restricted: restricted incidents are never published', code: 'restricted' });
      continue;
    }
    if (!(settings.include as string[]).includes(inc.confidentiality)) {
      problems.push({ path: `${at}.incidentId`, message: `this incident's confidentiality ("${inc.confidentiality}") is not one the workspace publishes (${settings.include.join(', ')})`, code: 'not_publishable' });
      continue;
    }
    // quoting needs reading: a testimony is identifying (else its text could be probed passage by passage)
    if (c.excerpts.length && !mayReadIdentifying) {
      problems.push({ path: `${at}.excerpts`, message: 'quoting a testimony needs access to this incident\'s identifying details (a role that reads them, or a share that grants them)', code: 'identifying_access' });
      continue;
    }
    const r = projectCaseStudy(inc, c, ctx.store.policy.marked, settings, at);
    problems.push(...r.problems);
    if (r.study) cases.push(r.study);
  }
  if (problems.length) throw invalid(problems);
  const ws = await ctx.store.users.workspace();
  // audited when asked for, before any work: an attempt is accountable even if the vault seals meanwhile
  await ctx.store.audit.add({
    at: ctx.now(), userId: ctx.user.id, action: 'report.generated', targetType: 'workspace',
    detail: {
      formats: ['html', 'pdf'], lang: spec.lang, from: spec.from, to: spec.to, caseStudies: spec.caseStudies.map((c) => c.incidentId),
      excerpts: cases.reduce((n, c) => n + c.excerpts.length, 0), recommendations: spec.recommendations.length,
      include: settings.include, placeLevel: settings.placeLevel, dateLevel: settings.dateLevel,
    },
  });
  return { spec, settings, cases, caseIds: spec.caseStudies.map((c) => c.incidentId), workspace: ws?.name ?? '' };
}
