/**
 * Reminders (/accompaniment/reminders): the people with a hearing in the next days, each with the
 * exact message they will get in their language (when and where to be ready — never the court, the
 * kind of hearing, a case number or a name), whether a phone is on file and the last reminder.
 * Choose some or all, then send them through the channel the organisation set up (a webhook to a
 * Signal or WhatsApp bridge), or print the list for volunteers who call: the printed sheet holds
 * pseudonyms, references, times, places and messages — no names.
 */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { can } from '../../../state';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { dateTime } from '../../../lib/format';
import { errorText } from '../../../lib/problems';
import { dueReminders, sendReminders, type DueReminder, type SendResult } from './api';
import { channelName, placeName, reminderLangName, sendStatusName } from './words';
import { HubBack, usePlaces } from './parts';
import { atZone } from './time';
import { reminderKey } from './model';
import { ReminderWebhookSection } from './reminder-webhook';
import './people.css';

export function RemindersPage() {
  const places = usePlaces();
  const [daysText, setDaysText] = useState('7');
  const [days, setDays] = useState(7);
  const [items, setItems] = useState<DueReminder[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const [daysError, setDaysError] = useState('');
  const [result, setResult] = useState<SendResult | null>(null);
  const [printed, setPrinted] = useState<DueReminder[]>([]);
  const [busy, setBusy] = useState(false);

  const load = (n: number) => {
    setItems(null);
    setError('');
    dueReminders(n).then(
      (due) => {
        setItems(due);
        setChosen(new Set(due.map(reminderKey)));
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  useEffect(() => load(days), [days]);

  const selected = (items ?? []).filter((x) => chosen.has(reminderKey(x)));
  const toggle = (k: string, on: boolean) => {
    const s = new Set(chosen);
    if (on) s.add(k);
    else s.delete(k);
    setChosen(s);
  };

  const send = async (channel: 'webhook' | 'print') => {
    if (!selected.length) return;
    setBusy(true);
    setError('');
    setResult(null);
    try {
      const r = await sendReminders(
        selected.map((x) => ({ hearingId: x.hearingId, personId: x.personId })),
        channel,
      );
      setResult(r);
      if (channel === 'print') {
        setPrinted(selected);
        // once the print sheet is on the page
        setTimeout(() => window.print(), 50);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const meet = (x: DueReminder) => {
    const place = x.meetPlace ? placeName(places, x.meetPlace) : '';
    const when = x.meetAt && x.meetZone ? atZone(x.meetAt, x.meetZone, lang()) : '';
    return [when, place].filter(Boolean).join(' · ');
  };
  const starts = (x: DueReminder) => atZone(x.startsAt, x.startsZone, lang());

  return (
    <>
      <div class="acc-screen">
        <HubBack />
        <PageTitle>{t('acc.rem.title')}</PageTitle>
        <p class="hint">{t('acc.rem.intro')}</p>
        <form
          class="acc-days"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(daysText);
            if (!/^\d+$/.test(daysText.trim()) || n < 1 || n > 30) {
              setDaysError(t('acc.rem.daysProblem'));
              return;
            }
            setDaysError('');
            if (n === days) load(n);
            else setDays(n);
          }}
        >
          <div class={`field ${daysError ? 'has-error' : ''}`}>
            <label for="acc-rem-days" class="label">
              {t('acc.rem.days')}
            </label>
            <div class="search-row">
              <input id="acc-rem-days" type="number" inputMode="numeric" min={1} max={30} value={daysText} aria-invalid={daysError ? 'true' : undefined} aria-describedby={daysError ? 'acc-rem-days-err' : undefined} onInput={(e) => setDaysText(e.currentTarget.value)} />
              <button type="submit" class="btn">
                {t('acc.rem.show')}
              </button>
            </div>
            {daysError && (
              <p class="field-error" id="acc-rem-days-err">
                {daysError}
              </p>
            )}
          </div>
        </form>
        {error && <Alert kind="error">{error}</Alert>}
        {result && (
          <Alert kind={result.failed ? 'warning' : 'success'}>
            {t('acc.rem.result', { sent: result.sent, failed: result.failed })}
          </Alert>
        )}
        {!items ? (
          !error && <Loading />
        ) : items.length === 0 ? (
          <p class="empty">{t('acc.rem.none', { days })}</p>
        ) : (
          <>
            <p class="results-count" role="status">
              {t('acc.rem.count', { count: items.length, chosen: selected.length })}
            </p>
            <div class="actions">
              <button type="button" class="btn btn-small" onClick={() => setChosen(new Set(items.map(reminderKey)))}>
                {t('acc.rem.all')}
              </button>
              <button type="button" class="btn btn-small" onClick={() => setChosen(new Set())}>
                {t('acc.rem.noneChosen')}
              </button>
            </div>
            <ul class="cards acc-rem-list">
              {items.map((x) => {
                const k = reminderKey(x);
                const cid = `acc-rem-${x.hearingId}-${x.personId}`;
                const status = result?.items.find((r) => r.hearingId === x.hearingId && r.personId === x.personId)?.status;
                return (
                  <li class="card" key={k}>
                    <div class="check acc-rem-head">
                      <input type="checkbox" id={cid} checked={chosen.has(k)} onChange={(e) => toggle(k, e.currentTarget.checked)} />
                      <label for={cid}>
                        <strong>{x.pseudonym}</strong> <span class="ref">{x.personRef}</span>
                      </label>
                    </div>
                    <dl class="facts acc-rem-facts">
                      <div class="row">
                        <dt>{t('acc.rem.hearing')}</dt>
                        <dd>
                          {starts(x)} <span class="ref">{x.hearingRef}</span>
                        </dd>
                      </div>
                      {(x.meetAt || x.meetLocal || x.meetPlace) && (
                        <div class="row">
                          <dt>{t('acc.rem.meet')}</dt>
                          <dd>{meet(x)}</dd>
                        </div>
                      )}
                      <div class="row">
                        <dt>{t('acc.rem.lang')}</dt>
                        <dd>{reminderLangName(x.lang)}</dd>
                      </div>
                      <div class="row">
                        <dt>{t('acc.rem.phone')}</dt>
                        <dd>{x.hasPhone ? t('acc.rem.phoneYes') : t('acc.rem.phoneNo')}</dd>
                      </div>
                      <div class="row">
                        <dt>{t('acc.rem.last')}</dt>
                        <dd>{x.lastReminder ? t('acc.rem.lastWas', { at: dateTime(x.lastReminder.at), channel: channelName(x.lastReminder.channel), status: sendStatusName(x.lastReminder.status) }) : t('acc.rem.lastNone')}</dd>
                      </div>
                    </dl>
                    <p class="acc-rem-message" lang={x.lang}>
                      <span class="sr-only">{t('acc.rem.message')}: </span>
                      {x.message}
                    </p>
                    {status && <p class="muted">{t('acc.rem.itemStatus', { status: sendStatusName(status) })}</p>}
                  </li>
                );
              })}
            </ul>
            {can('accompaniment.write') && (
              <div class="actions acc-rem-actions">
                <button type="button" class="btn btn-primary" disabled={busy || !selected.length} onClick={() => void send('webhook')}>
                  {t('acc.rem.send')}
                </button>
                <button type="button" class="btn" disabled={busy || !selected.length} onClick={() => void send('print')}>
                  {t('acc.rem.print')}
                </button>
              </div>
            )}
          </>
        )}
        {can('alerts.admin') && <ReminderWebhookSection />}
      </div>
      {printed.length > 0 && (
        <section class="acc-print" aria-label={t('acc.rem.printTitle')}>
          <h2>{t('acc.rem.printTitle')}</h2>
          <table class="acc-print-table">
            <thead>
              <tr>
                <th scope="col">{t('acc.rem.person')}</th>
                <th scope="col">{t('acc.rem.when')}</th>
                <th scope="col">{t('acc.rem.meet')}</th>
                <th scope="col">{t('acc.rem.message')}</th>
              </tr>
            </thead>
            <tbody>
              {printed.map((x) => (
                <tr key={reminderKey(x)}>
                  <td>
                    {x.pseudonym} <span class="ref">{x.personRef}</span>
                  </td>
                  <td>{starts(x)}</td>
                  <td>{meet(x)}</td>
                  <td lang={x.lang}>{x.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
