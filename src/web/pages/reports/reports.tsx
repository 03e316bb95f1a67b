/**
 * The report builder (/reports): a title, the period and the dashboard's filters, case studies
 * chosen from a search, recommendations to governments or agencies, the language; "Generate"
 * starts a job on the server and shows its progress, then the PDF and HTML. Everything stays in
 * memory (never in the URL) and is checked again by the server, which decides what is published.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t, lang } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Alert, PageTitle, SelectField, TextField } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { FilterForm } from '../dashboard/filters';
import { fieldErrors } from '../dashboard/problem-alert';
import { CasePicker } from './case-picker';
import { CaseCard } from './case-card';
import { RecommendationsEditor } from './recommendations';
import { JobProgress } from './job-progress';
import { emptyDraft, memory, specBody, type Granularity, type JobStatus, type ReportDraft } from './model';

export function ReportsPage() {
  const { session } = useAppState();
  const [draft, setDraftState] = useState<ReportDraft>(memory.draft ?? emptyDraft(lang()));
  const [error, setError] = useState<unknown>(undefined);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const setDraft = (d: ReportDraft) => {
    memory.draft = d;
    setDraftState(d);
  };
  const errors = error instanceof ApiError && error.code === 'invalid'
    ? fieldErrors(error, ['title', 'from', 'to', ...draft.recommendations.flatMap((_, i) => [`recommendations[${i}].addressee`, `recommendations[${i}].text`])])
    : {};

  const generate = async (e: Event) => {
    e.preventDefault();
    if (!session) return;
    setBusy(true);
    setError(undefined);
    setJob(null);
    try {
      const r = await api<{ job: JobStatus }>('POST', '/api/v1/reports', specBody(draft));
      setJob(r.job);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="reports">
      <PageTitle>{t('reports.title')}</PageTitle>
      <p class="hint">{t('reports.intro')}</p>
      <h2>{t('reports.section.period')}</h2>
      <p class="hint">{t('reports.periodHint')}</p>
      <FilterForm filters={draft.filters} onApply={(f) => setDraft({ ...draft, filters: f })} problems={{ from: errors['from'], to: errors['to'] }} />
      {(errors['from'] || errors['to']) && <Alert kind="error">{t('reports.periodRequired')}</Alert>}
      <p class="report-period">{draft.filters.from && draft.filters.to ? t('reports.periodChosen', { from: draft.filters.from, to: draft.filters.to }) : t('reports.periodMissing')}</p>

      <form onSubmit={generate} aria-labelledby="report-generate-h">
        <h2>{t('reports.section.about')}</h2>
        <TextField id="report-title" label={t('reports.field.title')} required value={draft.title} maxLength={200} onValue={(v) => setDraft({ ...draft, title: v })} errors={errors['title']} autoComplete="off" />
        <SelectField id="report-granularity" label={t('reports.field.granularity')} value={draft.granularity} onValue={(v) => setDraft({ ...draft, granularity: v as Granularity })}
          options={[{ value: 'month', label: t('dashboard.gran.month') }, { value: 'quarter', label: t('dashboard.gran.quarter') }, { value: 'year', label: t('dashboard.gran.year') }]} />
        <fieldset class="report-lang">
          <legend>{t('reports.field.lang')}</legend>
          {(['es', 'en'] as const).map((l) => (
            <div class="check" key={l}>
              <input type="radio" id={`report-lang-${l}`} name="report-lang" checked={draft.lang === l} onChange={() => setDraft({ ...draft, lang: l })} />
              <label for={`report-lang-${l}`}>{l === 'es' ? t('openData.lang.es') : t('openData.lang.en')}</label>
            </div>
          ))}
        </fieldset>

        <h2>{t('reports.section.cases')}</h2>
        <p class="hint">{t('reports.cases.hint')}</p>
        {draft.cases.length > 0 && (
          <ol class="report-cases">
            {draft.cases.map((c, i) => (
              <CaseCard key={c.candidate.id} c={c} n={i} onChange={(x) => setDraft({ ...draft, cases: draft.cases.map((y, j) => (j === i ? x : y)) })}
                onRemove={() => setDraft({ ...draft, cases: draft.cases.filter((_, j) => j !== i) })} />
            ))}
          </ol>
        )}
        <CasePicker chosen={draft.cases.map((c) => c.candidate.id)} onAdd={(c) => setDraft({ ...draft, cases: [...draft.cases, { candidate: c, includeSummary: true, excerpts: [] }] })} />

        <h2>{t('reports.section.recommendations')}</h2>
        <RecommendationsEditor list={draft.recommendations} onChange={(l) => setDraft({ ...draft, recommendations: l })} errors={errors} />

        <h2 id="report-generate-h">{t('reports.section.generate')}</h2>
        <p class="hint">{t('reports.generateHint')}</p>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy}>{t('reports.generate')}</button>
        </div>
        <div aria-live="polite">{error ? <Alert kind="error">{errorText(error)}</Alert> : null}</div>
      </form>
      {job && <JobProgress key={job.id} initial={job} lang={draft.lang} />}
    </div>
  );
}
