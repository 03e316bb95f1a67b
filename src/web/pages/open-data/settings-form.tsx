/**
 * The open-data settings, for admins (on the open-data page): the smallest published victim count
 * k, how far places and dates are coarsened, the kinds of act dated by year only, and which
 * confidentiality levels are published (never "restricted"). Saved with PUT
 * /api/v1/settings/open-data; the server's problems go to their fields.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { Alert, CheckGroup, SelectField, TextField } from '../../components/ui';
import { ProblemAlert, fieldErrors, type FieldErrors } from '../dashboard/problem-alert';

export interface OpenDataSettings {
  k: number;
  placeLevel: 'state' | 'municipality';
  dateLevel: 'month' | 'year';
  yearForActs: string[];
  include: ('public_after_review' | 'organisation')[];
}

const FIELDS = ['k', 'placeLevel', 'dateLevel', 'yearForActs', 'include'];

export function OpenDataSettingsForm({ settings, onSaved }: { settings: OpenDataSettings; onSaved: (s: OpenDataSettings) => void }) {
  const { vocab } = useAppState();
  const [k, setK] = useState(String(settings.k));
  const [placeLevel, setPlaceLevel] = useState(settings.placeLevel);
  const [dateLevel, setDateLevel] = useState(settings.dateLevel);
  const [yearForActs, setYearForActs] = useState(settings.yearForActs);
  const [include, setInclude] = useState<string[]>(settings.include);
  const [error, setError] = useState<unknown>(undefined);
  const [missing, setMissing] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (!vocab) return null;

  const save = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    setError(undefined);
    const empty: FieldErrors = {};
    if (!/^\d+$/.test(k.trim())) empty['k'] = [t('openData.settings.kHint')];
    if (!include.length) empty['include'] = [t('problem.required')];
    setMissing(empty);
    if (Object.keys(empty).length) return;
    setBusy(true);
    try {
      const body = { k: Number(k.trim()), placeLevel, dateLevel, yearForActs, include };
      const saved = await api<OpenDataSettings>('PUT', '/api/v1/settings/open-data', body);
      onSaved(saved);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const server = fieldErrors(error, FIELDS);
  const errs = (f: string) => missing[f] ?? server[f];
  const acts = vocab.terms('act').filter((term) => term.parent === null && !term.retired).map((term) => ({ value: term.code, label: vocab.label('act', term.code) }));

  return (
    <section class="open-data-settings" aria-labelledby="od-settings-title">
      <h2 id="od-settings-title">{t('openData.settings.title')}</h2>
      <p class="hint">{t('openData.settings.intro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <TextField id="od-k" label={t('openData.settings.k')} hint={t('openData.settings.kHint')} type="text" inputMode="numeric" value={k} onValue={setK} errors={errs('k')} />
        <div class="grid-2">
          <SelectField id="od-place" label={t('openData.settings.placeLevel')} value={placeLevel} onValue={(v) => setPlaceLevel(v === 'municipality' ? 'municipality' : 'state')} errors={errs('placeLevel')}
            options={[{ value: 'state', label: t('openData.settings.place.state') }, { value: 'municipality', label: t('openData.settings.place.municipality') }]} />
          <SelectField id="od-date" label={t('openData.settings.dateLevel')} value={dateLevel} onValue={(v) => setDateLevel(v === 'year' ? 'year' : 'month')} errors={errs('dateLevel')}
            options={[{ value: 'month', label: t('openData.settings.date.month') }, { value: 'year', label: t('openData.settings.date.year') }]} />
        </div>
        <CheckGroup id="od-year-acts" legend={t('openData.settings.yearForActs')} options={acts} values={yearForActs} onValues={setYearForActs} errors={errs('yearForActs')} />
        <CheckGroup id="od-include" legend={t('openData.settings.include')} values={include} onValues={setInclude} errors={errs('include')}
          options={[{ value: 'public_after_review', label: t('openData.conf.public_after_review') }, { value: 'organisation', label: t('openData.conf.organisation') }]} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('openData.settings.save')}
          </button>
        </div>
        <div aria-live="polite">
          {done && <Alert kind="success">{t('openData.settings.saved')}</Alert>}
          {error && !Object.keys(server).length ? <ProblemAlert error={error} /> : null}
        </div>
      </form>
    </section>
  );
}
