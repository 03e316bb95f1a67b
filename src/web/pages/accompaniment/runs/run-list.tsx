/**
 * Runs (/accompaniment/runs): the organisation's runs of the next 14 days, by day (the plan's
 * runs), with the button to plan a new one.
 */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { can } from '../../../state';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { plan, type PlanDay } from './api';
import { StatusBadge } from './parts';
import { addDays, clockOf, dayName, today } from './time';
import './runs.css';

export function RunListPage() {
  const [days, setDays] = useState<PlanDay[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const from = today();
    plan(from, addDays(from, 13)).then(
      (v) => setDays(v.days.filter((d) => d.runs.length > 0)),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  return (
    <>
      <PageTitle>{t('acc.runs.list.title')}</PageTitle>
      <p class="actions">
        {can('accompaniment.write') && (
          <Link class="btn btn-primary" href="/accompaniment/runs/new" data-testid="run-new">
            {t('acc.runs.list.new')}
          </Link>
        )}
        <Link class="btn btn-quiet" href="/accompaniment/plan">
          {t('acc.runs.list.toPlan')}
        </Link>
      </p>
      <p class="muted">{t('acc.runs.list.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!days && !error && <Loading />}
      {days && days.length === 0 && <p>{t('acc.runs.list.none')}</p>}
      {days?.map((d) => (
        <section key={d.day} class="section" aria-labelledby={`runs-day-${d.day}`}>
          <h2 id={`runs-day-${d.day}`}>{dayName(d.day, lang())}</h2>
          <ul class="plan-list">
            {d.runs.map((r) => (
              <li key={r.id}>
                <Link href={`/accompaniment/runs/${r.id}`}>{r.ref}</Link> <StatusBadge status={r.status} /> · {t('acc.plan.departs', { time: clockOf(r.firstDepartLocal) })} ·{' '}
                {r.seatsPlanned === null ? t('acc.plan.seatsNotSet', { needed: r.seatsNeeded }) : t('acc.plan.seats', { needed: r.seatsNeeded, planned: r.seatsPlanned })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
