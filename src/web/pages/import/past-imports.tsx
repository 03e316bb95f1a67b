/**
 * "Importaciones": the organisation's past imports (when, who, with which saved mapping, format, rows, incidents, warnings),
 * newest first; read again after each commit.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { t } from '../../i18n/i18n';
import { Alert } from '../../components/ui';
import { dateTime, number } from '../../lib/format';
import { errorText } from '../../lib/problems';
import type { ImportRun } from './model';
import { formatLabel } from './words';

export function PastImports({ version }: { version: number }) {
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<{ imports: ImportRun[] }>('GET', '/api/v1/import-runs').then(
      (r) => {
        setRuns(r.imports);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [version]);

  return (
    <section class="import-runs" aria-labelledby="import-runs-h">
      <h2 id="import-runs-h" tabIndex={-1}>{t('import.runs.heading')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {runs && runs.length === 0 && <p class="muted">{t('import.runs.none')}</p>}
      {runs && runs.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-runs-h">
          <table class="import-table import-stack" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">{t('import.runs.when')}</th>
                <th role="columnheader" scope="col">{t('import.runs.who')}</th>
                <th role="columnheader" scope="col">{t('import.runs.mapping')}</th>
                <th role="columnheader" scope="col">{t('import.runs.format')}</th>
                <th role="columnheader" scope="col">{t('import.runs.rows')}</th>
                <th role="columnheader" scope="col">{t('import.runs.incidents')}</th>
                <th role="columnheader" scope="col">{t('import.runs.warnings')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {runs.map((r) => (
                <tr key={r.id} role="row">
                  <td role="cell" class="import-nowrap" data-label={t('import.runs.when')}>{dateTime(r.at)}</td>
                  <td role="cell" data-label={t('import.runs.who')}>{r.userName ?? '—'}</td>
                  <td role="cell" data-label={t('import.runs.mapping')}>{r.mappingName ?? '—'}</td>
                  <td role="cell" data-label={t('import.runs.format')}>{formatLabel(r.format)}</td>
                  <td role="cell" class="num" data-label={t('import.runs.rows')}>{number(r.rows)}</td>
                  <td role="cell" class="num" data-label={t('import.runs.incidents')}>{number(r.incidents)}</td>
                  <td role="cell" class="num" data-label={t('import.runs.warnings')}>{number(r.warnings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
