/**
 * Check in with one tap (/checkins/:id), a page to keep on a phone's home screen: only that plan's
 * reference, its next deadline, the code field and the "Estoy bien" button. A normal and a duress
 * check-in show exactly the same page afterwards (apart from the times).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Link } from '../../router';
import { Alert, Loading, PageTitle } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { dateTime } from '../../lib/format';
import type { CheckInAnswer, CheckinList, CheckinPlan } from './types';
import { CheckInConfirmation, CheckInForm } from './check-in-form';

export function CheckInPage({ id }: { id: string }) {
  const [plan, setPlan] = useState<CheckinPlan | null | undefined>(undefined);
  const [answer, setAnswer] = useState<CheckInAnswer | null>(null);
  const [error, setError] = useState('');

  const load = async () => {
    try {
      const r = await api<CheckinList>('GET', '/api/v1/checkins');
      setPlan(r.items.find((p) => p.id === id) ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  return (
    <>
      <PageTitle>{t('title.checkIn')}</PageTitle>
      {error && <Alert kind="error">{error}</Alert>}
      {plan === undefined && !error && <Loading />}
      {plan === null && <Alert kind="warning">{t('checkin.notFound')}</Alert>}
      <CheckInConfirmation answer={answer} />
      {plan && (
        <section class="checkin-one" aria-labelledby="checkin-ref">
          <h2 id="checkin-ref" class="ref">
            {plan.ref}
          </h2>
          {plan.status === 'active' && plan.nextDueAt ? (
            <>
              <p class="checkin-when">{t('checkin.nextDue', { when: dateTime(plan.nextDueAt) })}</p>
              {plan.escalated && <Alert kind="warning">{t('checkin.escalated')}</Alert>}
              <CheckInForm
                plan={plan}
                onDone={async (a) => {
                  // shown once the page shows the plan as it is now: nothing changes after it
                  await load();
                  setAnswer(a);
                }}
              />
            </>
          ) : (
            <p>{t('checkin.planEnded')}</p>
          )}
        </section>
      )}
      <p class="back">
        <Link href="/checkins">{t('checkin.allPlans')}</Link>
      </p>
    </>
  );
}
