/** Dates as people know them: a year, a month or a day, maybe approximate, maybe a span. */
import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t, lang } from '../i18n/i18n';
import { CheckField } from './ui';
import { fieldId, type Problems } from '../lib/problems';
import type { DateParts, FDate } from '../pages/incident-form/model';
import { emptyParts } from '../pages/incident-form/model';

function monthNames(): string[] {
  const f = new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2020, i, 1))));
}

/** Year, month, day in one row; the year input carries the id errors link to. */
export function PartialDateField(p: { path: string; legend: ComponentChildren; value: DateParts; onValue: (v: DateParts) => void; errors?: string[] | undefined; hint?: ComponentChildren }) {
  const id = fieldId(p.path);
  const months = useMemo(monthNames, [lang()]);
  const desc = [p.hint ? `${id}-hint` : '', p.errors?.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = p.errors?.length ? 'true' : undefined;
  return (
    <fieldset class={`date-parts ${p.errors?.length ? 'has-error' : ''}`}>
      <legend class="label">{p.legend}</legend>
      <div class="date-row">
        <div class="date-part">
          <label for={id}>{t('date.year')}</label>
          <input id={id} type="text" inputMode="numeric" autoComplete="off" maxLength={4} size={5} pattern="[0-9]*" value={p.value.y} aria-describedby={desc} aria-invalid={invalid} onInput={(e) => p.onValue({ ...p.value, y: e.currentTarget.value.replace(/\D/g, '') })} />
        </div>
        <div class="date-part">
          <label for={`${id}-m`}>{t('date.month')}</label>
          <select id={`${id}-m`} value={p.value.m} aria-invalid={invalid} onChange={(e) => p.onValue({ ...p.value, m: e.currentTarget.value, d: e.currentTarget.value ? p.value.d : '' })}>
            <option value="">—</option>
            {months.map((name, i) => (
              <option key={i} value={String(i + 1).padStart(2, '0')}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="date-part">
          <label for={`${id}-d`}>{t('date.day')}</label>
          <input id={`${id}-d`} type="text" inputMode="numeric" autoComplete="off" maxLength={2} size={3} pattern="[0-9]*" value={p.value.d} disabled={!p.value.m} aria-invalid={invalid} onInput={(e) => p.onValue({ ...p.value, d: e.currentTarget.value.replace(/\D/g, '') })} />
        </div>
      </div>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.errors?.length ? (
        <p class="field-error" id={`${id}-err`}>
          {p.errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** When: a start (partial), "approximate", and an optional end. */
export function FuzzyDateField(p: { path: string; legend: string; value: FDate; onValue: (v: FDate) => void; problems: Problems; hint?: string }) {
  const v = p.value;
  return (
    <div class="fuzzy-date">
      <PartialDateField path={`${p.path}.start`} legend={v.hasEnd ? t('date.from') : p.legend} hint={p.hint} value={v.start} onValue={(start) => p.onValue({ ...v, start })} errors={p.problems.get(`${p.path}.start`) ?? p.problems.get(p.path)} />
      {v.hasEnd && <PartialDateField path={`${p.path}.end`} legend={t('date.to')} value={v.end} onValue={(end) => p.onValue({ ...v, end })} errors={p.problems.get(`${p.path}.end`)} />}
      <div class="date-options">
        <CheckField id={`${fieldId(p.path)}-approx`} label={t('date.approximate')} checked={v.approximate} onValue={(approximate) => p.onValue({ ...v, approximate })} />
        <button type="button" class="btn-link" aria-expanded={v.hasEnd} onClick={() => p.onValue({ ...v, hasEnd: !v.hasEnd, end: v.hasEnd ? emptyParts() : v.end })}>
          {v.hasEnd ? t('date.removeEnd') : t('date.addEnd')}
        </button>
      </div>
    </div>
  );
}
