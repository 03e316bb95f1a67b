/**
 * One's check-in plans (/checkins): each active plan with its next deadline, its contacts, the
 * one-tap "Estoy bien" button with the optional code field, a link to its own page (for a phone's
 * home screen) and ending it; a form to set a new plan; the plans that ended. The duress code is set from
 * the security page (Seguridad), never offered here.
 * Alerts go out only while Bitácora is unlocked (ADR 0018), and the page says so.
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
import { PlanForm } from './plan-form';

function repeatText(p: CheckinPlan): string {
  if (!p.everyMinutes) return t('checkin.once');
  return p.everyMinutes % 60 === 0 ? t('checkin.everyHoursText', { n: p.everyMinutes / 60 }) : t('checkin.everyMinutesText', { n: p.everyMinutes });
}

export function CheckinsPage() {
  const [list, setList] = useState<CheckinList | null>(null);
  const [contacts, setContacts] = useState<{ id: string; displayName: string }[] | null>(null);
  const [error, setError] = useState('');
  const [answer, setAnswer] = useState<CheckInAnswer | null>(null);
  const [notice, setNotice] = useState('');

  const load = async () => {
    try {
      setList(await api<CheckinList>('GET', '/api/v1/checkins'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    void load();
    api<{ items: { id: string; displayName: string }[] }>('GET', '/api/v1/checkins/contacts').then((r) => setContacts(r.items), (e: unknown) => setError(errorText(e)));
  }, []);

  const active = list?.items.filter((p) => p.status === 'active') ?? [];
  const ended = list?.items.filter((p) => p.status === 'ended') ?? [];

  return (
    <>
      <PageTitle>{t('title.checkins')}</PageTitle>
      <p>{t('checkin.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <CheckInConfirmation answer={answer} />
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {!list && !error && <Loading />}
      {list && (
        <>
          <section aria-labelledby="checkins-active-h">
            <h2 id="checkins-active-h">{t('checkin.activeTitle')}</h2>
            {active.length ? (
              <ul class="cards">
                {active.map((p) => (
                  <PlanCard
                    key={p.id}
                    plan={p}
                    onCheckedIn={async (a) => {
                      setNotice('');
                      await load();
                      setAnswer(a);
                      // the confirmation is above the plans: bring it into sight on a phone
                      requestAnimationFrame(() => document.querySelector('.checkin-confirmation')?.scrollIntoView({ block: 'nearest' }));
                    }}
                    onEnded={async () => {
                      setAnswer(null);
                      await load();
                      setNotice(t('checkin.endedNotice', { ref: p.ref }));
                    }}
                  />
                ))}
              </ul>
            ) : (
              <p class="muted">{t('checkin.noActive')}</p>
            )}
          </section>
          {/* the duress code is set from the security page only: this screen may be opened under coercion, and shows no sign of it */}
          {contacts ? (
            <PlanForm
              contacts={contacts}
              onCreated={async (p) => {
                setAnswer(null);
                await load();
                setNotice(t('checkin.created', { ref: p.ref }));
              }}
            />
          ) : (
            !error && <Loading />
          )}
          {ended.length > 0 && (
            <section aria-labelledby="checkins-ended-h">
              <h2 id="checkins-ended-h">{t('checkin.endedTitle')}</h2>
              <ul class="cards">
                {ended.map((p) => (
                  <li key={p.id} class="card">
                    <p class="card-title">
                      <span class="ref">{p.ref}</span> {p.purpose}
                    </p>
                    {p.last[0] && <p class="meta">{t('checkin.lastAt', { when: dateTime(p.last[0].at) })}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

function PlanCard({ plan, onCheckedIn, onEnded }: { plan: CheckinPlan; onCheckedIn: (a: CheckInAnswer) => Promise<void>; onEnded: () => Promise<void> }) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState('');
  const headId = `plan-${plan.id}-h`;

  async function end() {
    try {
      await api('POST', `/api/v1/checkins/${plan.id}/end`);
      await onEnded();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <li class="card checkin-plan">
      <h3 class="card-title" id={headId}>
        <span class="ref">{plan.ref}</span> {plan.purpose}
      </h3>
      {plan.nextDueAt && <p class="checkin-when">{t('checkin.nextDue', { when: dateTime(plan.nextDueAt) })}</p>}
      {plan.escalated && <Alert kind="warning">{t('checkin.escalated')}</Alert>}
      <p class="meta">
        <span>{repeatText(plan)}</span>
        {plan.endsAt && <span>{t('checkin.endsAt', { when: dateTime(plan.endsAt) })}</span>}
        <span>{t('checkin.graceText', { n: plan.graceMinutes })}</span>
      </p>
      <p class="meta">{t('checkin.contactsText', { names: plan.contacts.map((c) => c.displayName).join(', ') })}</p>
      {plan.last.length > 0 && <p class="meta">{t('checkin.lastAt', { when: dateTime(plan.last[0]!.at) })}</p>}
      <CheckInForm plan={plan} onDone={onCheckedIn} />
      {error && <Alert kind="error">{error}</Alert>}
      <div class="card-actions">
        <Link href={`/checkins/${plan.id}`} class="btn btn-small">
          {t('checkin.openOne')}
        </Link>
        {confirmEnd ? (
          <>
            <span>{t('checkin.endConfirm')}</span>
            <button type="button" class="btn btn-small" onClick={() => void end()}>
              {t('checkin.endYes')}
            </button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => setConfirmEnd(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-small btn-quiet" onClick={() => setConfirmEnd(true)}>
            {t('checkin.end')}
          </button>
        )}
      </div>
    </li>
  );
}
