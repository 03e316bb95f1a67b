/**
 * Bulk entry of hearing notices (/accompaniment/hearings/import): a CSV or XLSX table, one row per
 * person and hearing, read in the browser and sent as base64. A dry run first lists every problem
 * with its line and column; "Importar todo" appears once none is left, and writes all rows or none.
 * The file's name is shown only here and never sent.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../i18n/i18n';
import { Alert, PageTitle } from '../../../components/ui';
import { errorText } from '../../../lib/problems';
import { bulkHearings, type BulkResult } from './api';
import { accProblemText } from './field-problems';
import { HubBack, usePlaces } from './parts';
import { HearingCards } from './person-page';
import { bulkFormatOf, toBase64 } from './bulk';
import './people.css';

interface Read {
  name: string;
  format: 'csv' | 'xlsx';
  content: string;
}

export function HearingImportPage() {
  const places = usePlaces();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Read | null>(null);
  const [fileError, setFileError] = useState('');
  const [dry, setDry] = useState<BulkResult | null>(null);
  const [done, setDone] = useState<BulkResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const choose = async (f: File | undefined) => {
    setFile(null);
    setDry(null);
    setDone(null);
    setError('');
    setFileError('');
    if (!f) return;
    const format = bulkFormatOf(f.name, f.type);
    if (!format) {
      setFileError(t('acc.bulk.wrongType'));
      return;
    }
    try {
      setFile({ name: f.name, format, content: toBase64(new Uint8Array(await f.arrayBuffer())) });
    } catch {
      setFileError(t('acc.bulk.unreadable'));
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('acc.bulk.choose'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const r = await bulkHearings({ format: file.format, content: file.content, dryRun });
      if (dryRun) setDry(r);
      else if (r.problems.length) setDry(r);
      else {
        setDone(r);
        setDry(null);
        setFile(null);
        if (input.current) input.current.value = '';
      }
      requestAnimationFrame(() => document.getElementById(dryRun || r.problems.length ? 'acc-bulk-result-h' : 'acc-bulk-done-h')?.focus());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <HubBack />
      <PageTitle>{t('acc.bulk.title')}</PageTitle>
      <p class="hint">{t('acc.bulk.intro')}</p>
      <details class="acc-bulk-columns">
        <summary>{t('acc.bulk.columnsTitle')}</summary>
        <ul>
          <li>
            <code>person</code> — {t('acc.bulk.colPerson')}
          </li>
          <li>
            <code>court</code> — {t('acc.bulk.colCourt')}
          </li>
          <li>
            <code>date</code>, <code>time</code> — {t('acc.bulk.colWhen')}
          </li>
          <li>
            <code>kind</code> — {t('acc.bulk.colKind')}
          </li>
          <li>
            <code>present_place</code>, <code>present_time</code>, <code>present_date</code> — {t('acc.bulk.colPresent')}
          </li>
          <li>
            <code>documents</code> — {t('acc.bulk.colDocuments')}
          </li>
        </ul>
      </details>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <div class={`field ${fileError ? 'has-error' : ''}`}>
          <label for="acc-bulk-file" class="label">
            {t('acc.bulk.file')}
          </label>
          <input
            ref={input}
            type="file"
            id="acc-bulk-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`acc-bulk-file-hint${fileError ? ' acc-bulk-file-err' : ''}`}
            aria-invalid={fileError ? 'true' : undefined}
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
          <p class="hint" id="acc-bulk-file-hint">
            {t('acc.bulk.fileHint')}
          </p>
          {fileError && (
            <p class="field-error" id="acc-bulk-file-err">
              {fileError}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('acc.bulk.check')}
          </button>
        </div>
      </form>
      {error && <Alert kind="error">{error}</Alert>}

      {dry && (
        <section aria-labelledby="acc-bulk-result-h">
          <h2 id="acc-bulk-result-h" tabIndex={-1}>
            {t('acc.bulk.resultTitle')}
          </h2>
          <p>{t('acc.bulk.rows', { rows: dry.rows })}</p>
          {dry.problems.length === 0 ? (
            <>
              <Alert kind="success">{t('acc.bulk.noProblems', { rows: dry.rows })}</Alert>
              <div class="actions">
                <button type="button" class="btn btn-primary" disabled={busy || !file} onClick={() => void run(false)}>
                  {t('acc.bulk.importAll')}
                </button>
              </div>
            </>
          ) : (
            <>
              <Alert kind="error">{t('acc.bulk.problems', { count: dry.problems.length })}</Alert>
              <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="acc-bulk-problems-caption">
                <table class="stats-table acc-bulk-table">
                  <caption id="acc-bulk-problems-caption">{t('acc.bulk.problemsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('acc.bulk.line')}</th>
                      <th scope="col">{t('acc.bulk.column')}</th>
                      <th scope="col">{t('acc.bulk.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dry.problems.map((p, i) => (
                      <tr key={i}>
                        <td>{p.line}</td>
                        <td>
                          <code>{p.column || '—'}</code>
                        </td>
                        <td class="acc-wrap">
                          {accProblemText({ path: p.column, code: p.code, message: p.message })}
                          {accProblemText({ path: p.column, code: p.code, message: p.message }) !== p.message && (
                            <span class="import-detail muted" lang="en">
                              {' '}
                              ({p.message})
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p class="hint">{t('acc.bulk.fixAndRetry')}</p>
            </>
          )}
        </section>
      )}

      {done && (
        <section aria-labelledby="acc-bulk-done-h">
          <h2 id="acc-bulk-done-h" tabIndex={-1}>
            {t('acc.bulk.doneTitle', { count: done.created.length })}
          </h2>
          <HearingCards items={done.created} places={places} />
        </section>
      )}
    </>
  );
}
