/**
 * The fields of a hearing, shared by the hearing form and the next hearing in the outcome form:
 * the court, the date and time exactly as the notice writes them at the court's zone (the zone and
 * its offset on that date said under them), the kind, where and when to present oneself (at that
 * place's zone), the documents, the representative and notes (sealed), and the people summoned.
 * A time the clocks skip is said in place; a time they pass twice asks which of the two, each with
 * its offset (the server refuses both without that choice, and never guesses).
 */
import { useState } from 'preact/hooks';
import { lang, t } from '../../../i18n/i18n';
import { Alert, CheckGroup, IdentBadge, SelectField, TextField } from '../../../components/ui';
import { errorText, fieldId, type Problems } from '../../../lib/problems';
import { searchPeople, type AccPlace, type Fold, type PersonSummary } from './api';
import { presentLocalOf, startsLocalOf, type HearingForm } from './model';
import { checkWall } from './time';
import { DOCUMENTS, documentName, foldChoice, HEARING_KINDS, kindName, zoneLine } from './words';
import { SearchRow } from '../../../components/search-row';

export type SealedState = 'new' | 'opened' | 'closed';

export function HearingFields(p: {
  form: HearingForm;
  onForm: (f: HearingForm) => void;
  problems: Problems;
  /** '' for a hearing, 'next.' for the next one in the outcome form */
  prefix: string;
  places: AccPlace[];
  sealed: SealedState;
  onOpenSealed?: () => void;
  canOpenSealed?: boolean;
}) {
  const { form, prefix, places, problems } = p;
  const set = (patch: Partial<HearingForm>) => p.onForm({ ...form, ...patch });
  const err = (path: string) => problems.get(`${prefix}${path}`);
  const id = (path: string) => fieldId(`${prefix}${path}`);
  const courts = places.filter((x) => x.kind === 'court');
  const presentPlaces = places.filter((x) => x.kind !== 'court');
  const name = (x: AccPlace) => (lang() === 'es' ? x.es : x.en);
  const court = places.find((x) => x.code === form.court);
  const present = places.find((x) => x.code === form.presentPlace);
  return (
    <>
      <SelectField
        id={id('court')}
        label={t('acc.hearing.court')}
        required
        value={form.court}
        onValue={(v) => set({ court: v, startsFold: '' })}
        empty="—"
        options={courts.map((c) => ({ value: c.code, label: name(c) }))}
        errors={err('court')}
      />
      <WallTime
        id={id('startsLocal')}
        legend={t('acc.hearing.starts')}
        hint={t('acc.hearing.startsHint')}
        place={court}
        date={form.date}
        time={form.time}
        fold={form.startsFold}
        onValue={(date, time) => set({ date, time, startsFold: '' })}
        onFold={(startsFold) => set({ startsFold })}
        local={startsLocalOf(form)}
        errors={err('startsLocal') ?? err('startsFold')}
      />
      <SelectField id={id('kind')} label={t('acc.hearing.kind')} required value={form.kind} onValue={(kind) => set({ kind })} empty="—" options={HEARING_KINDS.map((k) => ({ value: k, label: kindName(k) }))} errors={err('kind')} />

      <fieldset class="acc-group">
        <legend>{t('acc.hearing.presentSection')}</legend>
        <p class="hint">{t('acc.hearing.presentHint')}</p>
        <SelectField
          id={id('presentPlace')}
          label={t('acc.hearing.presentPlace')}
          value={form.presentPlace}
          onValue={(v) => set({ presentPlace: v, presentFold: '' })}
          empty="—"
          options={[
            { group: t('acc.hearing.ports'), options: presentPlaces.filter((x) => x.kind === 'port').map((x) => ({ value: x.code, label: name(x) })) },
            { group: t('acc.hearing.towns'), options: presentPlaces.filter((x) => x.kind === 'city').map((x) => ({ value: x.code, label: name(x) })) },
          ]}
          errors={err('presentPlace')}
        />
        <WallTime
          id={id('presentLocal')}
          legend={t('acc.hearing.presentTime')}
          hint={t('acc.hearing.presentTimeHint')}
          place={present}
          date={form.presentDate}
          time={form.presentTime}
          fold={form.presentFold}
          optionalDate
          onValue={(presentDate, presentTime) => set({ presentDate, presentTime, presentFold: '' })}
          onFold={(presentFold) => set({ presentFold })}
          local={presentLocalOf(form)}
          errors={err('presentLocal') ?? err('presentFold')}
        />
      </fieldset>

      <CheckGroup id={id('documents')} legend={t('acc.hearing.documents')} options={DOCUMENTS.map((d) => ({ value: d, label: documentName(d) }))} values={form.documents} onValues={(documents) => set({ documents })} errors={err('documents')} />

      <fieldset class="acc-group acc-ident">
        <legend>
          {t('acc.hearing.sealedSection')} <IdentBadge />
        </legend>
        {p.sealed === 'closed' ? (
          <div>
            <p>{t('acc.hearing.sealedClosed')}</p>
            {p.canOpenSealed && p.onOpenSealed ? (
              <button type="button" class="btn" onClick={p.onOpenSealed}>
                {t('acc.hearing.sealedOpen')}
              </button>
            ) : (
              <p class="muted">{t('acc.person.identityNoAccess')}</p>
            )}
          </div>
        ) : (
          <>
            <TextField id={id('representative')} label={t('acc.hearing.representative')} identifying value={form.representative} onValue={(representative) => set({ representative })} errors={err('representative')} maxLength={200} />
            <TextField id={id('notes')} label={t('acc.hearing.notes')} identifying multiline rows={3} value={form.notes} onValue={(notes) => set({ notes })} errors={err('notes')} maxLength={5000} />
          </>
        )}
      </fieldset>

      <PeoplePicker id={id('people')} value={form.people} onValue={(people) => set({ people })} errors={err('people')} />
    </>
  );
}

/**
 * A date and time at a place's zone, as a notice writes them. Under them, the zone and its offset
 * that day; when the clocks skip the time, a warning; when they pass it twice, the two choices.
 */
function WallTime(p: {
  id: string;
  legend: string;
  hint: string;
  place: AccPlace | undefined;
  date: string;
  time: string;
  fold: Fold | '';
  optionalDate?: boolean;
  local: string;
  onValue: (date: string, time: string) => void;
  onFold: (f: Fold) => void;
  errors: string[] | undefined;
}) {
  const check = p.place && p.local ? checkWall(p.local, p.place.zone) : null;
  const zone = p.place && p.local ? zoneLine(p.place, p.local) : '';
  const described = [`${p.id}-hint`, zone ? `${p.id}-zone` : '', p.errors ? `${p.id}-err` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={`acc-group acc-walltime ${p.errors ? 'has-error' : ''}`}>
      <legend>{p.legend}</legend>
      <p class="hint" id={`${p.id}-hint`}>
        {p.hint}
      </p>
      <div class="datetime-row">
        <div class="field">
          <label for={p.id} class="label">
            {p.optionalDate ? t('acc.hearing.dateIfOther') : t('acc.hearing.date')}
          </label>
          <input id={p.id} type="date" value={p.date} aria-describedby={described} aria-invalid={p.errors ? 'true' : undefined} onInput={(e) => p.onValue(e.currentTarget.value, p.time)} />
        </div>
        <div class="field">
          <label for={`${p.id}-time`} class="label">
            {t('acc.hearing.time')}
          </label>
          <input id={`${p.id}-time`} type="time" value={p.time} aria-describedby={described} aria-invalid={p.errors ? 'true' : undefined} onInput={(e) => p.onValue(p.date, e.currentTarget.value)} />
        </div>
      </div>
      {zone && (
        <p class="acc-zone" id={`${p.id}-zone`}>
          {zone}
        </p>
      )}
      {check?.kind === 'skipped' && !p.errors && (
        <p class="acc-warn" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('acc.problem.nonexistent')}
        </p>
      )}
      {p.errors && (
        <p class="field-error" id={`${p.id}-err`}>
          {p.errors.join(' ')}
        </p>
      )}
      {check?.kind === 'ambiguous' && p.place && (
        <fieldset class="acc-fold">
          <legend>{t('acc.fold.question')}</legend>
          {(['earlier', 'later'] as const).map((w) => (
            <div class="check" key={w}>
              <input type="radio" id={`${p.id}-fold-${w}`} name={`${p.id}-fold`} checked={p.fold === w} onChange={() => p.onFold(w)} />
              <label for={`${p.id}-fold-${w}`}>{foldChoice(w === 'earlier' ? check.earlier : check.later, p.place!.zone, w)}</label>
            </div>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}

/** The people summoned: found by pseudonym or reference, listed with a button to take each off. */
export function PeoplePicker({ id, value, onValue, errors }: { id: string; value: { id: string; label: string }[]; onValue: (v: { id: string; label: string }[]) => void; errors: string[] | undefined }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState('');
  const search = async () => {
    setError('');
    try {
      setFound(await searchPeople({ ...(q.trim() ? { q: q.trim() } : {}), status: 'active' }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const add = (x: PersonSummary) => {
    if (!value.some((v) => v.id === x.id)) onValue([...value, { id: x.id, label: `${x.pseudonym} (${x.ref})` }]);
  };
  return (
    <fieldset class={`acc-group ${errors ? 'has-error' : ''}`} id={id} tabIndex={-1}>
      <legend>{t('acc.hearing.people')}</legend>
      {value.length === 0 ? (
        <p class="muted">{t('acc.hearing.peopleNone')}</p>
      ) : (
        <ul class="acc-chosen">
          {value.map((v) => (
            <li key={v.id}>
              <span>{v.label}</span>{' '}
              <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => onValue(value.filter((x) => x.id !== v.id))}>
                {t('acc.hearing.peopleRemove', { name: v.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="picker">
        <label for={`${id}-q`} class="label">
          {t('acc.hearing.peopleSearch')}
        </label>
        <SearchRow id={`${id}-q`} value={q} onValue={setQ} onSearch={() => void search()} button={t('acc.people.searchButton')} />
        {error && <Alert kind="error">{error}</Alert>}
        {found &&
          (found.length === 0 ? (
            <p class="muted" role="status">
              {t('acc.people.none')}
            </p>
          ) : (
            <ul class="acc-pick-list" aria-label={t('acc.hearing.peopleFound')}>
              {found.slice(0, 30).map((x) => (
                <li key={x.id}>
                  <button type="button" class="btn btn-small" disabled={value.some((v) => v.id === x.id)} onClick={() => add(x)}>
                    {t('acc.hearing.peopleAdd', { name: `${x.pseudonym} (${x.ref})` })}
                  </button>
                  {x.familyLabel && <span class="muted"> · {t('acc.people.family', { label: x.familyLabel })}</span>}
                </li>
              ))}
            </ul>
          ))}
      </div>
      {errors && <p class="field-error">{errors.join(' ')}</p>}
    </fieldset>
  );
}
