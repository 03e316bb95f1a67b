/**
 * Accompaniment (/accompaniment): where to go — people, a new hearing, the bulk entry of notices,
 * reminders, runs, the plan, one's own trips, figures — and the hearings of the next two weeks, each
 * at its court's time.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../i18n/i18n';
import { can } from '../../../state';
import { Link } from '../../../router';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { searchHearings, type HearingSummary } from './api';
import { usePlaces } from './parts';
import { HearingCards } from './person-page';
import { addDays } from './time';
import './people.css';

export function AccompanimentHubPage() {
  const places = usePlaces();
  const [items, setItems] = useState<HearingSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const today = new Date().toISOString().slice(0, 10);
    // a day either side: the days are counted at each court's zone, not the browser's
    searchHearings({ from: addDays(today, -1), to: addDays(today, 14), status: 'scheduled' }).then(
      (r) => setItems(r.filter((h) => Date.parse(h.startsAt) >= Date.now() - 12 * 3_600_000)),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  const write = can('accompaniment.write');
  return (
    <>
      <PageTitle>{t('acc.hub.title')}</PageTitle>
      <p class="hint">{t('acc.hub.intro')}</p>
      <nav aria-label={t('acc.hub.sections')}>
        <ul class="acc-hub-links">
          <li>
            <Link href="/accompaniment/people">{t('acc.hub.people')}</Link>
          </li>
          {write && (
            <li>
              <Link href="/accompaniment/hearings/new">{t('acc.hearing.new')}</Link>
            </li>
          )}
          {write && (
            <li>
              <Link href="/accompaniment/hearings/import">{t('acc.hub.bulk')}</Link>
            </li>
          )}
          <li>
            <Link href="/accompaniment/reminders">{t('acc.hub.reminders')}</Link>
          </li>
          <li>
            <Link href="/accompaniment/runs">{t('acc.hub.runs')}</Link>
          </li>
          <li>
            <Link href="/accompaniment/plan">{t('acc.hub.plan')}</Link>
          </li>
          <li>
            <Link href="/accompaniment/my-runs">{t('acc.hub.myRuns')}</Link>
          </li>
          <li>
            <Link href="/accompaniment/figures">{t('acc.hub.figures')}</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="acc-hub-next">
        <h2 id="acc-hub-next">{t('acc.hub.next')}</h2>
        {error ? <Alert kind="error">{error}</Alert> : !items ? <Loading /> : items.length === 0 ? <p class="empty">{t('acc.hub.noHearings')}</p> : <HearingCards items={items} places={places} />}
      </section>
    </>
  );
}
