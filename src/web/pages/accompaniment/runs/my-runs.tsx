/**
 * "Mis traslados" (/accompaniment/my-runs): the runs one drives, escorts or takes over as a partner,
 * planned or underway — open to every signed-in person whatever their role. Each leads to the
 * tracking page.
 */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { myRuns, type TripSummary } from './api';
import { StatusBadge } from './parts';
import { clockOf, dayName } from './time';
import { accessName } from './words';
import './runs.css';

export function MyRunsPage() {
  const [items, setItems] = useState<TripSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    myRuns().then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  return (
    <>
      <PageTitle>{t('acc.track.myRunsTitle')}</PageTitle>
      <p class="muted">{t('acc.track.myRunsIntro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!items && !error && <Loading />}
      {items && items.length === 0 && <p>{t('acc.track.myRunsNone')}</p>}
      {items && items.length > 0 && (
        <ul class="cards runs-trips">
          {items.map((r) => (
            <li key={r.id} class="card" data-testid={`trip-${r.ref}`}>
              <h2 class="card-title">
                <span class="ref">{r.ref}</span> <StatusBadge status={r.status} />
              </h2>
              <p>
                {dayName(r.day, lang())} · {t('acc.plan.departs', { time: clockOf(r.firstDepartLocal) })}
              </p>
              <p class="muted">
                {accessName(r.access)} · {t('acc.plan.legs', { count: r.legs })} · {t('acc.plan.people', { count: r.passengers })}
              </p>
              <p>
                <Link class="btn btn-primary runs-trip-go" href={`/accompaniment/runs/${r.id}/track`}>
                  {t('acc.track.open')}
                  <span class="sr-only"> — {r.ref}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
