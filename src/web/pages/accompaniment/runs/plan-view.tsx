/**
 * The day and week view (/accompaniment/plan): a week (this one unless chosen), all of it or one
 * day. Per day: the hearings (time at the court's zone, people), the runs (first departure at its
 * place, seats needed against planned), how many people have a hearing and how many are on a run,
 * and the flags in words, each linking to its run or hearing.
 */
import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Link } from '../../../router';
import { can } from '../../../state';
import { Alert, Loading, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { plan, type Flag, type PlanDay, type PlanView } from './api';
import { FlagList, StatusBadge, usePlaces } from './parts';
import { addDays, clockOf, dayName, timeAt, today, weekStart } from './time';
import { placeName } from './words';
import './runs.css';

function dayRefs(d: PlanDay): Map<string, string> {
  const refs = new Map<string, string>();
  for (const h of d.hearings) {
    refs.set(h.id, h.ref);
    for (const p of h.people) refs.set(p.id, p.ref);
  }
  for (const r of d.runs) refs.set(r.id, r.ref);
  return refs;
}

function Day({ d }: { d: PlanDay }) {
  const places = usePlaces();
  const h = `plan-day-${d.day}`;
  return (
    <section class="section plan-day" aria-labelledby={h} data-testid={`plan-day-${d.day}`}>
      <h2 id={h}>{dayName(d.day, lang())}</h2>
      <p class="plan-totals">{t('acc.plan.totals', { hearings: d.peopleWithHearings, onRuns: d.peopleOnRuns, seats: d.seatsNeeded })}</p>
      {d.peopleWithHearings > d.peopleOnRuns && (
        <p class="runs-warn">
          <span aria-hidden="true">⚠ </span>
          {t('acc.plan.notOnRuns', { count: d.peopleWithHearings - d.peopleOnRuns })}
        </p>
      )}
      <h3>{t('acc.plan.hearings')}</h3>
      {d.hearings.length === 0 ? (
        <p class="muted">{t('acc.plan.noHearings')}</p>
      ) : (
        <ul class="plan-list">
          {d.hearings.map((x) => (
            <li key={x.id}>
              <Link href={`/accompaniment/hearings/${x.id}`}>{x.ref}</Link> · {timeAt(x.startsAt, x.courtZone, lang())} · {placeName(places, x.court)} · {t('acc.plan.people', { count: x.people.length })}
              {x.presentAt && x.presentZone && x.presentPlace && <span class="muted"> · {t('acc.track.presentAt', { time: timeAt(x.presentAt, x.presentZone, lang()), place: placeName(places, x.presentPlace) })}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('acc.plan.runs')}</h3>
      {d.runs.length === 0 ? (
        <p class="muted">{t('acc.plan.noRuns')}</p>
      ) : (
        <ul class="plan-list">
          {d.runs.map((r) => (
            <li key={r.id}>
              <Link href={`/accompaniment/runs/${r.id}`}>{r.ref}</Link> <StatusBadge status={r.status} /> · {t('acc.plan.departs', { time: clockOf(r.firstDepartLocal) })} · {t('acc.plan.legs', { count: r.legs })} ·{' '}
              {r.seatsPlanned === null ? t('acc.plan.seatsNotSet', { needed: r.seatsNeeded }) : t('acc.plan.seats', { needed: r.seatsNeeded, planned: r.seatsPlanned })}
              {r.seatsPlanned !== null && r.seatsNeeded > r.seatsPlanned && (
                <strong class="runs-warn">
                  {' '}
                  <span aria-hidden="true">⚠</span> {t('acc.plan.flag.over_capacity')}
                </strong>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('acc.plan.flags')}</h3>
      <FlagList flags={d.flags} refs={dayRefs(d)} />
    </section>
  );
}

export function PlanPage() {
  const [week, setWeek] = useState(() => weekStart(today()));
  const [mode, setMode] = useState<'week' | 'day'>('week');
  const [day, setDay] = useState(() => today());
  const [view, setView] = useState<PlanView | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setView(null);
    setError('');
    plan(week, addDays(week, 6)).then(
      (v) => live && setView(v),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [week]);

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const shownDay = days.includes(day) ? day : week;
  const shown = view ? (mode === 'week' ? view.days : view.days.filter((d) => d.day === shownDay)) : [];
  const inDays = new Set(view ? view.days.flatMap((d) => d.flags.map((f) => JSON.stringify(f))) : []);
  const weekOnly: Flag[] = view ? view.flags.filter((f) => !inDays.has(JSON.stringify(f))) : [];
  const weekRefs = new Map<string, string>();
  if (view) for (const d of view.days) for (const [k, v] of dayRefs(d)) weekRefs.set(k, v);

  return (
    <div class="plan-page">
      <PageTitle>{t('acc.plan.title')}</PageTitle>
      <div class="plan-controls">
        <div class="field">
          <label class="label" for="plan-week">
            {t('acc.plan.weekOf')}
          </label>
          <input id="plan-week" type="date" value={week} onChange={(e) => e.currentTarget.value && setWeek(weekStart(e.currentTarget.value))} />
        </div>
        <div class="actions">
          <button type="button" class="btn btn-small" onClick={() => setWeek(addDays(week, -7))}>
            {t('acc.plan.prevWeek')}
          </button>
          <button type="button" class="btn btn-small" onClick={() => setWeek(weekStart(today()))}>
            {t('acc.plan.thisWeek')}
          </button>
          <button type="button" class="btn btn-small" onClick={() => setWeek(addDays(week, 7))}>
            {t('acc.plan.nextWeek')}
          </button>
        </div>
        <fieldset class="radio-row">
          <legend>{t('acc.plan.show')}</legend>
          <div class="radio">
            <input type="radio" id="plan-mode-week" name="plan-mode" checked={mode === 'week'} onChange={() => setMode('week')} />
            <label for="plan-mode-week">{t('acc.plan.week')}</label>
          </div>
          <div class="radio">
            <input type="radio" id="plan-mode-day" name="plan-mode" checked={mode === 'day'} onChange={() => setMode('day')} />
            <label for="plan-mode-day">{t('acc.plan.day')}</label>
          </div>
        </fieldset>
        {mode === 'day' && (
          <div class="field">
            <label class="label" for="plan-day">
              {t('acc.plan.day')}
            </label>
            <select id="plan-day" value={shownDay} onChange={(e) => setDay(e.currentTarget.value)}>
              {days.map((d) => (
                <option key={d} value={d}>
                  {dayName(d, lang())}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {can('accompaniment.write') && (
        <p>
          <Link class="btn btn-primary" href="/accompaniment/runs/new">
            {t('acc.runs.list.new')}
          </Link>
        </p>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      {!view && !error && <Loading />}
      {weekOnly.length > 0 && (
        <section class="section" aria-labelledby="plan-week-flags">
          <h2 id="plan-week-flags">{t('acc.plan.weekFlags')}</h2>
          <FlagList flags={weekOnly} refs={weekRefs} />
        </section>
      )}
      {shown.map((d) => (
        <Day key={d.day} d={d} />
      ))}
    </div>
  );
}
