/**
 * Records export (/exports): the incidents matching the dashboard's filters as a file for the
 * organisation's own use or for a partner's system — CSV, XLSX, GeoJSON, HURIDOCS-style events or
 * Uwazi's import CSV — in Spanish or English (ADR 0022, docs/exports.md). Those who may read
 * identifying values can include them (not for partners); the server then asks for the password
 * again. The page says plainly what goes in and what stays out.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { t, lang } from '../../i18n/i18n';
import { can, onReset, useAppState } from '../../state';
import { Alert, PageTitle } from '../../components/ui';
import { withReauth, ReauthCancelled } from '../../components/reauth';
import { errorText } from '../../lib/problems';
import { FilterForm } from '../dashboard/filters';
import { emptyFilters, filterBody, type Filters } from '../dashboard/model';
import { fieldErrors } from '../dashboard/problem-alert';
import { downloadExport, FORMATS, type ExportFormat, type ExportPurpose } from './download';

const memory = { filters: emptyFilters() };
onReset(() => {
  memory.filters = emptyFilters();
});

function formatLabel(f: ExportFormat): string {
  switch (f) {
    case 'csv': return t('exports.format.csv');
    case 'xlsx': return t('exports.format.xlsx');
    case 'geojson': return t('exports.format.geojson');
    case 'huridocs': return t('exports.format.huridocs');
    case 'uwazi': return t('exports.format.uwazi');
  }
}

function formatHint(f: ExportFormat): string {
  switch (f) {
    case 'csv': return t('exports.formatHint.csv');
    case 'xlsx': return t('exports.formatHint.xlsx');
    case 'geojson': return t('exports.formatHint.geojson');
    case 'huridocs': return t('exports.formatHint.huridocs');
    case 'uwazi': return t('exports.formatHint.uwazi');
  }
}

function Rules({ purpose, identifying }: { purpose: ExportPurpose; identifying: boolean }) {
  return (
    <ul class="export-rules">
      <li>{t('exports.rule.seen')}</li>
      {purpose === 'partners' ? <li>{t('exports.rule.partners')}</li> : <li>{identifying ? t('exports.rule.identifyingIn') : t('exports.rule.identifyingOut')}</li>}
      {purpose === 'internal' && identifying && <li>{t('exports.rule.consent')}</li>}
      <li>{t('exports.rule.audit')}</li>
      <li>{t('exports.rule.handling')}</li>
    </ul>
  );
}

export function ExportsPage() {
  const { session } = useAppState();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [fileLang, setFileLang] = useState<'es' | 'en'>(lang());
  const [purpose, setPurpose] = useState<ExportPurpose>('internal');
  const [identifying, setIdentifying] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const mayIdentify = can('identifying.read');
  const withIdentifying = mayIdentify && purpose === 'internal' && identifying;

  const apply = (f: Filters) => {
    memory.filters = f;
    setFilters(f);
    setDone('');
  };
  const download = async () => {
    if (!session) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      const body = {
        ...filterBody(filters), ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}),
        format, lang: fileLang, purpose, ...(withIdentifying ? { includeIdentifying: true } : {}),
      };
      const name = withIdentifying ? await withReauth(() => downloadExport(session.csrf, body)) : await downloadExport(session.csrf, body);
      setDone(t('exports.downloaded', { file: name }));
    } catch (e) {
      if (!(e instanceof ReauthCancelled)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  const problem = error instanceof ApiError && error.code === 'too_many_incidents' ? t('exports.tooMany') : error ? errorText(error) : '';

  return (
    <div class="exports">
      <PageTitle>{t('exports.title')}</PageTitle>
      <p class="hint">{t('exports.intro')}</p>
      <FilterForm filters={filters} onApply={apply} problems={error instanceof ApiError && error.code === 'invalid' ? fieldErrors(error, ['from', 'to']) : {}} />
      <fieldset class="export-format">
        <legend>{t('exports.format')}</legend>
        {FORMATS.map((f) => (
          <div class="check" key={f}>
            <input type="radio" id={`ex-format-${f}`} name="ex-format" checked={format === f} onChange={() => setFormat(f)} aria-describedby={`ex-format-${f}-hint`} />
            <div>
              <label for={`ex-format-${f}`}>{formatLabel(f)}</label>
              <p class="hint" id={`ex-format-${f}-hint`}>{formatHint(f)}</p>
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset class="export-purpose">
        <legend>{t('exports.purpose')}</legend>
        {(['internal', 'partners'] as const).map((p) => (
          <div class="check" key={p}>
            <input type="radio" id={`ex-purpose-${p}`} name="ex-purpose" checked={purpose === p} onChange={() => setPurpose(p)} aria-describedby={`ex-purpose-${p}-hint`} />
            <div>
              <label for={`ex-purpose-${p}`}>{p === 'internal' ? t('exports.purpose.internal') : t('exports.purpose.partners')}</label>
              <p class="hint" id={`ex-purpose-${p}-hint`}>{p === 'internal' ? t('exports.purposeHint.internal') : t('exports.purposeHint.partners')}</p>
            </div>
          </div>
        ))}
      </fieldset>
      {mayIdentify && purpose === 'internal' && (
        <div class="check">
          <input type="checkbox" id="ex-identifying" checked={identifying} onChange={(e) => setIdentifying(e.currentTarget.checked)} aria-describedby="ex-identifying-hint" />
          <div>
            <label for="ex-identifying">{t('exports.identifying')}</label>
            <p class="hint" id="ex-identifying-hint">{t('exports.identifyingHint')}</p>
          </div>
        </div>
      )}
      <fieldset class="export-lang">
        <legend>{t('exports.language')}</legend>
        {(['es', 'en'] as const).map((l) => (
          <div class="check" key={l}>
            <input type="radio" id={`ex-lang-${l}`} name="ex-lang" checked={fileLang === l} onChange={() => setFileLang(l)} />
            <label for={`ex-lang-${l}`}>{l === 'es' ? t('exports.lang.es') : t('exports.lang.en')}</label>
          </div>
        ))}
      </fieldset>
      <Rules purpose={purpose} identifying={withIdentifying} />
      <div class="actions">
        <button type="button" id="ex-download" class="btn btn-primary" disabled={busy} aria-busy={busy} onClick={() => void download()}>
          {t('exports.download')}
        </button>
      </div>
      <div aria-live="polite">
        {done && <Alert kind="success">{done}</Alert>}
        {problem && <Alert kind="error">{problem}</Alert>}
      </div>
    </div>
  );
}
