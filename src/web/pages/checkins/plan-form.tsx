/**
 * A new check-in plan: what it is for (optional, seen only by its owner), the first deadline as a
 * date and a time in the person's own time zone, an optional repeat and end, the grace period and
 * the contacts to alert. Problems are shown in place, worded from the server's codes.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, ApiError, type Problem } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert, CheckGroup, ErrorSummary, SelectField, TextField } from '../../components/ui';
import { errorText, fieldId, localiseProblem, type Problems } from '../../lib/problems';
import type { CheckinPlan } from './types';

type Repeat = '' | 'hours' | 'minutes';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A date and a time typed in the person's time zone, as an instant; undefined when incomplete or not real. */
export function localInstant(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The server's words for this form's own problems. */
function problemText(p: Problem): string {
  switch (p.code) {
    case 'in_the_past': return t('checkin.problem.past');
    case 'ends_before_first': return t('checkin.problem.endsBeforeFirst');
    case 'contact_is_self':
    case 'no_such_account': return t('checkin.problem.contact');
    default: return localiseProblem(p);
  }
}

function TimeInput(p: { id: string; label: ComponentChildren; value: string; onValue: (v: string) => void; errors?: string[] | undefined; required?: boolean }) {
  return (
    <div class={`field ${p.errors?.length ? 'has-error' : ''}`}>
      <label for={p.id} class="label">
        {p.label}
        {p.required && <span class="req"> {t('field.required')}</span>}
      </label>
      <input
        id={p.id}
        name={p.id}
        type="time"
        value={p.value}
        aria-invalid={p.errors?.length ? 'true' : undefined}
        aria-describedby={p.errors?.length ? `${p.id}-err` : undefined}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
      {p.errors?.length ? (
        <p class="field-error" id={`${p.id}-err`}>
          {p.errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function PlanForm({ contacts, onCreated }: { contacts: { id: string; displayName: string }[]; onCreated: (plan: CheckinPlan) => void }) {
  const soon = new Date(Date.now() + 60 * 60_000);
  const [purpose, setPurpose] = useState('');
  const [firstDate, setFirstDate] = useState(localDate(soon));
  const [firstTime, setFirstTime] = useState(localTime(soon));
  const [repeat, setRepeat] = useState<Repeat>('');
  const [every, setEvery] = useState('2');
  const [endDate, setEndDate] = useState('');
  const [endTime, setEndTime] = useState('');
  const [grace, setGrace] = useState('30');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const labels: Record<string, string> = {
    purpose: t('checkin.purpose'), firstDueAt: t('checkin.firstDate'), everyMinutes: t('checkin.every'), endsAt: t('checkin.endDate'),
    graceMinutes: t('checkin.grace'), contacts: t('checkin.contacts'),
  };
  const labelOf = (path: string) => labels[path.replace(/\[\d+\]$/, '')] ?? path;
  const focusSummary = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.plan-form-section .error-summary')?.focus());

  async function save() {
    const list: Problems = new Map();
    const add = (path: string, msg: string) => list.set(path, [...(list.get(path) ?? []), msg]);
    const firstDueAt = localInstant(firstDate, firstTime);
    if (!firstDueAt) add('firstDueAt', t('checkin.problem.when'));
    const endsAt = endDate || endTime ? localInstant(endDate, endTime) : undefined;
    if ((endDate || endTime) && !endsAt) add('endsAt', t('checkin.problem.when'));
    const n = Number(every);
    const everyMinutes = repeat === '' ? undefined : repeat === 'hours' ? n * 60 : n;
    if (repeat && (!Number.isInteger(n) || n < 1)) add('everyMinutes', t('checkin.problem.every'));
    const g = Number(grace);
    if (grace.trim() === '' || !Number.isInteger(g)) add('graceMinutes', t('checkin.problem.grace'));
    if (!chosen.length) add('contacts', t('checkin.problem.noContact'));
    setProblems(list);
    setMessage(undefined);
    if (list.size) {
      focusSummary();
      return;
    }
    setBusy(true);
    try {
      const plan = await api<CheckinPlan>('POST', '/api/v1/checkins', {
        ...(purpose.trim() ? { purpose } : {}), firstDueAt, ...(everyMinutes !== undefined ? { everyMinutes } : {}), ...(endsAt ? { endsAt } : {}),
        graceMinutes: g, contacts: chosen,
      });
      setPurpose('');
      setChosen([]);
      onCreated(plan);
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) {
        const map: Problems = new Map();
        for (const p of e.problems) {
          const path = p.path.replace(/\[\d+\]$/, '');
          map.set(path, [...(map.get(path) ?? []), problemText(p)]);
        }
        setProblems(map);
      } else setMessage(errorText(e));
      focusSummary();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card-edit plan-form-section" aria-labelledby="plan-form-h">
      <h2 id="plan-form-h">{t('checkin.newPlan')}</h2>
      <Alert kind="info">{t('checkin.unlockedNote')}</Alert>
      <ErrorSummary problems={problems} message={message} labelOf={labelOf} />
      <form
        class="plan-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField id={fieldId('purpose')} label={t('checkin.purpose')} hint={t('checkin.purposeHint')} value={purpose} onValue={setPurpose} multiline rows={2} maxLength={300} errors={problems.get('purpose')} />
        <fieldset>
          <legend>{t('checkin.firstLegend')}</legend>
          <div class="datetime-row">
            <TextField id={fieldId('firstDueAt')} type="date" label={t('checkin.firstDate')} value={firstDate} onValue={setFirstDate} errors={problems.get('firstDueAt')} required />
            <TimeInput id="f-firstDueAt-time" label={t('checkin.firstTime')} value={firstTime} onValue={setFirstTime} required />
          </div>
        </fieldset>
        <div class="repeat-row">
          <SelectField
            id="f-repeat"
            label={t('checkin.repeat')}
            value={repeat}
            onValue={(v) => setRepeat(v as Repeat)}
            options={[
              { value: '', label: t('checkin.repeatNo') },
              { value: 'hours', label: t('checkin.repeatHours') },
              { value: 'minutes', label: t('checkin.repeatMinutes') },
            ]}
          />
          {repeat && (
            <TextField
              id={fieldId('everyMinutes')}
              type="number"
              inputMode="numeric"
              label={repeat === 'hours' ? t('checkin.everyHours') : t('checkin.everyMinutes')}
              hint={repeat === 'minutes' ? t('checkin.everyMinutesHint') : undefined}
              value={every}
              onValue={setEvery}
              errors={problems.get('everyMinutes')}
            />
          )}
        </div>
        <fieldset>
          <legend>{t('checkin.endLegend')}</legend>
          <div class="datetime-row">
            <TextField id={fieldId('endsAt')} type="date" label={t('checkin.endDate')} value={endDate} onValue={setEndDate} errors={problems.get('endsAt')} />
            <TimeInput id="f-endsAt-time" label={t('checkin.endTime')} value={endTime} onValue={setEndTime} />
          </div>
        </fieldset>
        <TextField id={fieldId('graceMinutes')} type="number" inputMode="numeric" label={t('checkin.grace')} hint={t('checkin.graceHint')} value={grace} onValue={setGrace} errors={problems.get('graceMinutes')} required />
        {contacts.length ? (
          <CheckGroup
            id={fieldId('contacts')}
            legend={t('checkin.contacts')}
            options={contacts.map((c) => ({ value: c.id, label: c.displayName }))}
            values={chosen}
            onValues={setChosen}
            errors={problems.get('contacts')}
          />
        ) : (
          <Alert kind="warning">{t('checkin.noContacts')}</Alert>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('checkin.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
