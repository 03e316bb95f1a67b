/** Wall-time fields of the run form: the time at a place with its zone on that date, and the choice of a doubled hour; problems worded; places grouped. */
import type { Problem } from '../../../api';
import { lang, t } from '../../../i18n/i18n';
import { fieldId, localiseProblem, type Problems } from '../../../lib/problems';
import type { OptGroup } from '../../../components/ui';
import type { Place } from './api';
import { timeAt, zoneOnDate } from './time';
import type { Fold } from './run-form-model';

/** Problems worded, with the wall-time ones in the form's own words; the two instants of a doubled time kept. */
export function wordProblems(list: Problem[]): Problems {
  const map: Problems = new Map();
  for (const p of list) {
    const msg = p.code === 'nonexistent_local_time' ? t('acc.runs.problem.nonexistent') : p.code === 'ambiguous_local_time' ? t('acc.runs.problem.ambiguous') : localiseProblem(p);
    map.set(p.path, [...(map.get(p.path) ?? []), msg]);
  }
  return map;
}
/** The two instants of a doubled wall time at a path, when the server named them. */
export function ambiguity(list: Problem[], path: string): { earlier?: string; later?: string } | null {
  const foldPath = path.endsWith('.local') ? `${path.slice(0, -6)}.fold` : path.replace(/departLocal$/, 'departFold');
  const p = list.find((x) => x.code === 'ambiguous_local_time' && (x.path === path || x.path === foldPath));
  if (!p) return null;
  const e = p.params?.['earlier'];
  const l = p.params?.['later'];
  return { ...(typeof e === 'string' ? { earlier: e } : {}), ...(typeof l === 'string' ? { later: l } : {}) };
}

export function placeOptions(places: Place[] | null, kinds: Place['kind'][]): OptGroup[] {
  const name = (p: Place) => (lang() === 'en' ? p.en : p.es);
  const group = { city: t('acc.runs.places.cities'), port: t('acc.runs.places.ports'), court: t('acc.runs.places.courts') };
  return kinds.map((k) => ({ group: group[k], options: (places ?? []).filter((p) => p.kind === k).map((p) => ({ value: p.code, label: name(p) })) })).filter((g) => g.options.length);
}

/** A wall-time field ('YYYY-MM-DDTHH:mm' at a place), its zone on that date, and the choice of a doubled hour. */
export function WallTimeField(p: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (v: string) => void;
  zone: string | undefined;
  placeLabel: string;
  fold: Fold;
  onFold: (f: Fold) => void;
  problems: Problems;
  raw: Problem[];
}) {
  const id = fieldId(p.path);
  const errors = p.problems.get(p.path);
  const amb = ambiguity(p.raw, p.path);
  const zoneText = p.zone && p.value ? zoneOnDate(p.value, p.zone) : '';
  const described = [`${id}-zone`, p.hint ? `${id}-hint` : '', errors?.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field ${errors?.length ? 'has-error' : ''}`}>
      <label for={id} class="label">
        {p.label}
      </label>
      <input id={id} name={id} type="datetime-local" value={p.value} aria-describedby={described} aria-invalid={errors?.length ? 'true' : undefined} onInput={(e) => p.onValue(e.currentTarget.value)} />
      <p class="hint" id={`${id}-zone`}>
        {zoneText ? t('acc.runs.zoneOnDate', { place: p.placeLabel, zone: zoneText }) : t('acc.runs.zoneUnknown')}
      </p>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {errors?.length ? (
        <p class="field-error" id={`${id}-err`}>
          {errors.join(' ')}
        </p>
      ) : null}
      {(amb || p.fold) && (
        <fieldset class="runs-fold">
          <legend>{t('acc.runs.fold.legend')}</legend>
          {(['earlier', 'later'] as const).map((f) => (
            <div class="radio" key={f}>
              <input type="radio" id={`${id}-fold-${f}`} name={`${id}-fold`} checked={p.fold === f} onChange={() => p.onFold(f)} />
              <label for={`${id}-fold-${f}`}>
                {f === 'earlier' ? t('acc.runs.fold.earlier') : t('acc.runs.fold.later')}
                {p.zone && amb?.[f] ? ` (${timeAt(amb[f]!, p.zone, lang())})` : ''}
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
