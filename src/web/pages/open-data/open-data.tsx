/**
 * Open data (/open-data): the publishable incidents matching the dashboard's filters as
 * incidents.csv, victims.csv or places.geojson, in Spanish or English, with a plain account of
 * what the files leave out, coarsen and suppress (the workspace's settings, ADR 0015). Admins
 * change those settings below.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { t, lang } from '../../i18n/i18n';
import { can, onReset, useAppState } from '../../state';
import { Alert, PageTitle } from '../../components/ui';
import { errorText } from '../../lib/problems';
import { FilterForm } from '../dashboard/filters';
import { emptyFilters, filterBody, type Filters } from '../dashboard/model';
import { fieldErrors } from '../dashboard/problem-alert';
import { downloadOpenData, FILE_NAMES, type OpenDataFormat } from './download';
import { OpenDataSettingsForm, type OpenDataSettings } from './settings-form';

const memory = { filters: emptyFilters() };
onReset(() => {
  memory.filters = emptyFilters();
});

const FORMATS: OpenDataFormat[] = ['csv-incidents', 'csv-victims', 'geojson'];

function Explanation({ s }: { s: OpenDataSettings }) {
  const levels = s.include.map((c) => (c === 'organisation' ? t('openData.conf.organisation') : t('openData.conf.public_after_review'))).join(', ');
  return (
    <ul class="open-data-rules">
      <li>{t('openData.rule.removed')}</li>
      <li>{t('openData.rule.included', { levels })}</li>
      <li>{s.placeLevel === 'municipality' ? t('openData.rule.placeMunicipality') : t('openData.rule.placeState')}</li>
      <li>{s.dateLevel === 'year' ? t('openData.rule.dateYear') : t('openData.rule.dateMonth')}</li>
      <li>{t('openData.rule.suppressed', { k: s.k })}</li>
      <li>{t('openData.rule.points')}</li>
      <li>{t('openData.rule.differencing')}</li>
    </ul>
  );
}

export function OpenDataPage() {
  const { session } = useAppState();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const [fileLang, setFileLang] = useState<'es' | 'en'>(lang());
  const [settings, setSettings] = useState<OpenDataSettings | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<OpenDataFormat | null>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    api<OpenDataSettings>('GET', '/api/v1/settings/open-data').then(setSettings, setError);
  }, []);

  const apply = (f: Filters) => {
    memory.filters = f;
    setFilters(f);
    setDone('');
  };
  const download = async (format: OpenDataFormat) => {
    if (!session) return;
    setBusy(format);
    setError(undefined);
    setDone('');
    try {
      const body = { ...filterBody(filters), ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}), format, lang: fileLang };
      await downloadOpenData(session.csrf, body);
      setDone(t('openData.downloaded', { file: FILE_NAMES[format] }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="open-data">
      <PageTitle>{t('openData.title')}</PageTitle>
      <p class="hint">{t('openData.intro')}</p>
      {settings && <Explanation s={settings} />}
      <FilterForm filters={filters} onApply={apply} problems={error instanceof ApiError && error.code === 'invalid' ? fieldErrors(error, ['from', 'to']) : {}} />
      <fieldset class="open-data-lang">
        <legend>{t('openData.language')}</legend>
        {(['es', 'en'] as const).map((l) => (
          <div class="check" key={l}>
            <input type="radio" id={`od-lang-${l}`} name="od-lang" checked={fileLang === l} onChange={() => setFileLang(l)} />
            <label for={`od-lang-${l}`}>{l === 'es' ? t('openData.lang.es') : t('openData.lang.en')}</label>
          </div>
        ))}
      </fieldset>
      <div class="actions open-data-downloads">
        {FORMATS.map((f) => (
          <button key={f} type="button" class="btn btn-primary" disabled={busy !== null} aria-busy={busy === f} onClick={() => void download(f)}>
            {f === 'csv-incidents' ? t('openData.download.incidents') : f === 'csv-victims' ? t('openData.download.victims') : t('openData.download.places')}
          </button>
        ))}
      </div>
      <p class="hint">{t('openData.formatsHint')}</p>
      <div aria-live="polite">
        {done && <Alert kind="success">{done}</Alert>}
        {error ? <Alert kind="error">{error instanceof ApiError && error.code === 'too_many_incidents' ? t('openData.tooMany') : errorText(error)}</Alert> : null}
      </div>
      {can('users.admin') && settings && <OpenDataSettingsForm settings={settings} onSaved={setSettings} />}
    </div>
  );
}
