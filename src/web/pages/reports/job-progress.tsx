/**
 * A report being generated: its progress read every half second (a <progress> with its words,
 * announced politely), then links to the two files (same-origin GETs: the job id is random and
 * says nothing about the report). A failure says what went wrong.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import { errorText } from '../../lib/problems';
import type { JobStatus } from './model';

const STEPS = ['queued', 'counting', 'comparing', 'html', 'pdf', 'done'] as const;
type Step = (typeof STEPS)[number];

function stepWords(step: string): string {
  const s: Step = (STEPS as readonly string[]).includes(step) ? (step as Step) : 'queued';
  switch (s) {
    case 'queued': return t('reports.step.queued');
    case 'counting': return t('reports.step.counting');
    case 'comparing': return t('reports.step.comparing');
    case 'html': return t('reports.step.html');
    case 'pdf': return t('reports.step.pdf');
    case 'done': return t('reports.step.done');
  }
}

export function JobProgress({ initial, lang }: { initial: JobStatus; lang: 'es' | 'en' }) {
  const [job, setJob] = useState<JobStatus>(initial);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    if (job.state !== 'running') return;
    const timer = setTimeout(() => {
      api<JobStatus>('GET', `/api/v1/reports/${job.id}`).then(setJob, setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);
  const base = `/api/v1/reports/${job.id}`;
  const names = lang === 'es' ? { pdf: 'informe.pdf', html: 'informe.html' } : { pdf: 'report.pdf', html: 'report.html' };
  return (
    <section class="report-job" aria-labelledby="report-job-h">
      <h2 id="report-job-h">{t('reports.job.heading')}</h2>
      <div aria-live="polite" role="status">
        {job.state === 'running' && (
          <p>
            <label for="report-progress">{stepWords(job.step)}</label>{' '}
            <progress id="report-progress" max={Math.max(job.total, 1)} value={job.done}>{t('reports.job.count', { done: job.done, total: job.total })}</progress>{' '}
            <span>{t('reports.job.count', { done: job.done, total: job.total })}</span>
          </p>
        )}
        {job.state === 'done' && <Alert kind="success">{t('reports.job.done')}</Alert>}
        {job.state === 'failed' && <Alert kind="error">{job.error?.message ?? t('reports.job.failed')}</Alert>}
        {error ? <Alert kind="error">{errorText(error)}</Alert> : null}
      </div>
      {job.state === 'done' && (
        <ul class="report-downloads actions">
          <li><a class="btn btn-primary" href={`${base}/report.pdf`} download={names.pdf}>{t('reports.job.pdf')}</a></li>
          <li><a class="btn" href={`${base}/report.html`} download={names.html}>{t('reports.job.html')}</a></li>
        </ul>
      )}
      <p class="hint">{t('reports.job.expiry')}</p>
    </section>
  );
}
