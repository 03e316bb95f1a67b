/**
 * The patterns page (issue 5): over the incidents matching a search — the dashboard's filters, kept
 * in memory, never in the URL; a POST — the flags the server finds (repeated targeting, escalation,
 * cross-border chains, perpetrators seen together), grouped by kind with the thresholds in words.
 * Nothing is asked until "Find patterns" (or applying the filters); back on the page later in the
 * session, the last search runs again (the thresholds or the records may have changed).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { can, onReset, useAppState } from '../../state';
import { Link } from '../../router';
import { PageTitle } from '../../components/ui';
import type { PatternAnswer, StatsFilters } from '../../types';
import { FilterForm } from '../dashboard/filters';
import { filterBody, emptyFilters, type Filters } from '../dashboard/model';
import { usePost } from '../dashboard/use-post';
import { ProblemAlert, fieldErrors } from '../dashboard/problem-alert';
import { FlagList } from './flag-list';

/** What the page remembers while the session lasts (wiped on sign-out or seal). */
const memory: { filters: Filters; asked: boolean } = { filters: emptyFilters(), asked: false };
onReset(() => {
  memory.filters = emptyFilters();
  memory.asked = false;
});

/** The search filters alone, dates included. */
function patternBody(f: Filters): StatsFilters {
  return { ...filterBody(f), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) };
}

export function PatternsPage() {
  const { vocab } = useAppState();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const [asked, setAsked] = useState(memory.asked);
  // each "Find patterns" asks again, even for the same filters (a new Results)
  const [run, setRun] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  if (!vocab) return null;

  const search = (f: Filters) => {
    memory.filters = f;
    memory.asked = true;
    setFilters(f);
    setAsked(true);
  };
  return (
    <div class="patterns">
      <PageTitle>{t('patterns.title')}</PageTitle>
      <p class="hint">{t('patterns.intro')}</p>
      {can('users.admin') && (
        <p>
          <Link href="/admin/patterns">{t('patterns.changeThresholds')}</Link>
        </p>
      )}

      <FilterForm filters={filters} onApply={search} problems={fieldErrors(error, ['from', 'to'])} />
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => {
            search(filters);
            setRun(run + 1);
          }}
        >
          {t('patterns.find')}
        </button>
      </div>

      {asked && <Results key={run} body={patternBody(filters)} onError={setError} />}
    </div>
  );
}

function Results({ body, onError }: { body: StatsFilters; onError: (e: unknown) => void }) {
  const r = usePost<PatternAnswer>('/api/v1/stats/patterns', body);
  useEffect(() => onError(r.error), [r.error]);
  const a = r.data;
  return (
    <section class="dash-section" aria-label={t('patterns.results')} aria-busy={r.busy}>
      <p class="dash-status" role="status">
        {r.busy || (!a && !r.error) ? t('patterns.searching') : a ? t('patterns.summary', { incidents: a.incidents, flags: a.flags.length }) : ''}
      </p>
      <ProblemAlert error={r.error} />
      {a && <FlagList answer={a} level={2} showVictim showEmptyKinds emptyText={t('patterns.empty')} />}
    </section>
  );
}
