/**
 * The report builder (issue 5 §6, ADR 0017). POST starts a job (the spec in the body, never in a
 * URL) and answers 202 at once; the job's progress and its two files are read by the job's id,
 * only by the person who started it (anyone else: 404). Jobs live in this process's memory only
 * and are dropped when the vault seals. Files come with fixed names and no-store.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { defineRoute, idParams } from '../route.js';
import type { Vault } from '../../services/vault.js';
import type { ServiceContext } from '../../services/context.js';
import { notFound } from '../../services/errors.js';
import { reportSpecSchema } from '../../domain/report/spec.js';
import { prepareReport } from '../../services/report/prepare-report.js';
import { runReport } from '../../services/report/run-report.js';
import { ReportJobs } from '../../services/report/report-jobs.js';
import { reportCaseCandidate } from '../../services/report/case-candidate.js';

const registries = new WeakMap<Vault, ReportJobs>();

/** The jobs of this vault's process, cleared on every seal. */
export function reportJobsOf(vault: Vault): ReportJobs {
  let jobs = registries.get(vault);
  if (!jobs) {
    const created = new ReportJobs();
    vault.onSeal(() => created.clear());
    registries.set(vault, (jobs = created));
  }
  return jobs;
}

const jobParams = z.object({ job: z.string().uuid({ message: 'must be a report job id' }) }).strict();

export const REPORT_FILE_NAMES = { es: { pdf: 'informe.pdf', html: 'informe.html' }, en: { pdf: 'report.pdf', html: 'report.html' } } as const;

function file(vault: Vault, svc: ServiceContext, job: string, kind: 'pdf' | 'html', reply: FastifyReply) {
  const files = reportJobsOf(vault).files(svc.user.id, job);
  if (!files) throw notFound('report');
  reply
    .header('content-type', kind === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
    .header('content-disposition', `attachment; filename="${REPORT_FILE_NAMES[files.lang][kind]}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  return reply.code(200).send(kind === 'pdf' ? files.pdf : files.html);
}

export function reportRoutes() {
  return [
    defineRoute({
      method: 'POST', url: '/api/v1/reports', tag: 'reports', status: 202,
      summary: 'Start generating a report (period, filters, case studies, recommendations, language): answers 202 with the job; PDF and HTML when it is done',
      policy: { access: 'user', permission: 'incident.read' }, body: reportSpecSchema, rateLimit: 10,
      handler: async ({ svc, body, vault, reply }) => {
        reportJobsOf(vault).assertCanStart(svc.user.id);
        const prepared = await prepareReport(svc, body);
        const job = reportJobsOf(vault).start(svc.user.id, (progress) => runReport(svc, prepared, progress));
        reply.header('cache-control', 'no-store');
        return { job };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/reports/:job', tag: 'reports', summary: 'A report job\'s progress: state, done, total, step',
      policy: { access: 'user', permission: 'incident.read' }, params: jobParams,
      handler: async ({ svc, params, vault, reply }) => {
        const s = reportJobsOf(vault).status(svc.user.id, params.job);
        if (!s) throw notFound('report');
        reply.header('cache-control', 'no-store');
        return s;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/reports/:job/report.pdf', tag: 'reports', summary: 'The finished report as PDF (informe.pdf / report.pdf)',
      policy: { access: 'user', permission: 'incident.read' }, params: jobParams, rateLimit: 30,
      handler: async ({ svc, params, vault, reply }) => file(vault, svc, params.job, 'pdf', reply),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/reports/:job/report.html', tag: 'reports', summary: 'The finished report as one self-contained HTML file (informe.html / report.html)',
      policy: { access: 'user', permission: 'incident.read' }, params: jobParams, rateLimit: 30,
      handler: async ({ svc, params, vault, reply }) => file(vault, svc, params.job, 'html', reply),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/report-candidates/:id', tag: 'reports',
      summary: 'An incident as a possible case study: publishable or not, and which testimonies may be quoted (their text only when the source consented to anonymous publication and the reader may read this incident\'s identifying values; audited)',
      policy: { access: 'user', permission: 'incident.read' }, params: idParams,
      handler: async ({ svc, params, reply }) => {
        reply.header('cache-control', 'no-store');
        return reportCaseCandidate(svc, params.id);
      },
    }),
  ];
}
