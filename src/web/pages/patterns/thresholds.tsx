/**
 * The pattern thresholds, for admins (/admin/patterns): how many incidents within how many days make
 * repeated targeting, an escalation, a cross-border chain, perpetrators seen together. Saved with
 * PUT /api/v1/settings/patterns; the server's problems go to their fields ("repeatedTargeting.minIncidents").
 * The escalation stages are shown as they are and sent back unchanged.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Alert, Loading, PageTitle, SelectField, TextField } from '../../components/ui';
import { errorText, fieldId, localiseProblem } from '../../lib/problems';
import type { PatternSettings } from '../../types';
import { ProblemAlert, fieldErrors, type FieldErrors } from '../dashboard/problem-alert';
import { stageName } from './words';

// (the numbers of the form, by their path in the settings: the same paths the server's problems name)
const NUMBERS = ['repeatedTargeting.minIncidents', 'repeatedTargeting.windowDays', 'escalation.minSteps', 'escalation.windowDays', 'crossBorder.windowDays', 'coPerpetrators.minIncidents'] as const;
type NumberPath = (typeof NUMBERS)[number];
type Values = Record<NumberPath, string>;
const FIELDS: string[] = [...NUMBERS, 'coPerpetrators.level'];

function valuesOf(s: PatternSettings): Values {
  return {
    'repeatedTargeting.minIncidents': String(s.repeatedTargeting.minIncidents),
    'repeatedTargeting.windowDays': String(s.repeatedTargeting.windowDays),
    'escalation.minSteps': String(s.escalation.minSteps),
    'escalation.windowDays': String(s.escalation.windowDays),
    'crossBorder.windowDays': String(s.crossBorder.windowDays),
    'coPerpetrators.minIncidents': String(s.coPerpetrators.minIncidents),
  };
}

export function PatternThresholdsPage() {
  const { vocab } = useAppState();
  const [saved, setSaved] = useState<PatternSettings | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [level, setLevel] = useState<PatternSettings['coPerpetrators']['level']>('institution');
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [missing, setMissing] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const show = (s: PatternSettings) => {
    setSaved(s);
    setValues(valuesOf(s));
    setLevel(s.coPerpetrators.level);
  };
  useEffect(() => {
    api<PatternSettings>('GET', '/api/v1/settings/patterns').then(show, (e) => setLoadError(errorText(e)));
  }, []);

  if (!vocab || !saved || !values)
    return (
      <>
        <PageTitle>{t('thresholds.title')}</PageTitle>
        {loadError ? <Alert kind="error">{loadError}</Alert> : <Loading />}
      </>
    );

  async function save() {
    if (!saved || !values) return;
    setDone(false);
    setError(undefined);
    const empty: FieldErrors = {};
    for (const p of NUMBERS) if (!values[p].trim()) empty[p] = [t('problem.required')];
    setMissing(empty);
    if (Object.keys(empty).length) return;
    const n = (p: NumberPath) => Number(values[p].trim());
    const body: PatternSettings = {
      repeatedTargeting: { minIncidents: n('repeatedTargeting.minIncidents'), windowDays: n('repeatedTargeting.windowDays') },
      escalation: { minSteps: n('escalation.minSteps'), windowDays: n('escalation.windowDays'), stages: saved.escalation.stages },
      crossBorder: { windowDays: n('crossBorder.windowDays') },
      coPerpetrators: { minIncidents: n('coPerpetrators.minIncidents'), level },
    };
    setBusy(true);
    try {
      show(await api<PatternSettings>('PUT', '/api/v1/settings/patterns', body));
      setDone(true);
    } catch (e) {
      setError(e);
      // the first field with a problem takes the focus (after it is shown)
      const first = e instanceof ApiError ? e.problems.find((p) => FIELDS.includes(p.path)) : undefined;
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first.path))?.focus());
    } finally {
      setBusy(false);
    }
  }

  const server = fieldErrors(error, FIELDS);
  const errorsAt = (p: string) => missing[p] ?? server[p];
  // problems the form has no field for (the stages, as saved by another tool)
  const elsewhere = error instanceof ApiError ? error.problems.filter((p) => !FIELDS.includes(p.path)) : [];
  const num = (p: NumberPath, label: string, hint: string) => (
    <TextField id={fieldId(p)} type="number" inputMode="numeric" label={label} hint={hint} value={values[p]} onValue={(v) => setValues({ ...values, [p]: v })} errors={errorsAt(p)} />
  );
  const days = t('thresholds.daysHint');
  return (
    <>
      <PageTitle>{t('thresholds.title')}</PageTitle>
      <p class="hint">{t('thresholds.intro')}</p>
      <ProblemAlert error={error} />
      {elsewhere.length > 0 && (
        <ul class="field-error">
          {elsewhere.map((p, i) => (
            <li key={i}>
              {p.path}: {localiseProblem(p)}
            </li>
          ))}
        </ul>
      )}
      <form
        class="thresholds"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset class="card-edit">
          <legend>{t('patterns.kind.repeated')}</legend>
          {num('repeatedTargeting.minIncidents', t('thresholds.minIncidents'), t('thresholds.minIncidentsHint'))}
          {num('repeatedTargeting.windowDays', t('thresholds.windowDays'), days)}
        </fieldset>
        <fieldset class="card-edit">
          <legend>{t('patterns.kind.escalation')}</legend>
          {num('escalation.minSteps', t('thresholds.minSteps'), t('thresholds.minStepsHint'))}
          {num('escalation.windowDays', t('thresholds.windowDays'), days)}
          <p class="label" id="thresholds-stages">
            {t('thresholds.stages')}
          </p>
          <ol class="threshold-stages" aria-labelledby="thresholds-stages">
            {saved.escalation.stages.map((s, i) => (
              <li key={i}>
                <span class="strong">{stageName(s, i)}</span>: {s.codes.map((c) => vocab.label('act', c)).join(', ')}
              </li>
            ))}
          </ol>
          <p class="hint">{t('thresholds.stagesHint')}</p>
        </fieldset>
        <fieldset class="card-edit">
          <legend>{t('patterns.kind.crossBorder')}</legend>
          {num('crossBorder.windowDays', t('thresholds.windowDays'), days)}
        </fieldset>
        <fieldset class="card-edit">
          <legend>{t('patterns.kind.coPerpetrators')}</legend>
          {num('coPerpetrators.minIncidents', t('thresholds.together'), t('thresholds.minIncidentsHint'))}
          <SelectField
            id={fieldId('coPerpetrators.level')}
            label={t('thresholds.level')}
            value={level}
            onValue={(v) => setLevel(v === 'country' ? 'country' : 'institution')}
            options={[
              { value: 'institution', label: t('thresholds.level.institution') },
              { value: 'country', label: t('thresholds.level.country') },
            ]}
            errors={server['coPerpetrators.level']}
          />
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('thresholds.save')}
          </button>
        </div>
      </form>
      <p role="status" class={done ? 'alert alert-success' : undefined}>
        {done ? t('thresholds.saved') : ''}
      </p>
    </>
  );
}
