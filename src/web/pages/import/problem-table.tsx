/**
 * Every problem of a dry run: line, column, error or warning (in words, not colour alone), and
 * what is wrong — worded from its code, with the server's English message as the detail. Long
 * lists show a hundred rows at a time, errors alone on request; the table scrolls inside its box.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { CheckField } from '../../components/ui';
import type { RowProblem } from './model';
import { problemText, severityLabel } from './words';

const PAGE = 100;

export function ProblemTable({ problems, more }: { problems: RowProblem[]; more: number }) {
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const list = onlyErrors ? problems.filter((p) => p.severity === 'error') : problems;
  const hasErrors = problems.some((p) => p.severity === 'error');
  return (
    <div class="import-problems">
      <h3 id="import-problems-h">{t('import.problems.heading')}</h3>
      {hasErrors && problems.some((p) => p.severity === 'warning') && (
        <CheckField
          id="import-only-errors"
          label={t('import.problems.onlyErrors')}
          checked={onlyErrors}
          onValue={(v) => {
            setOnlyErrors(v);
            setShown(PAGE);
          }}
        />
      )}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-problems-h">
        <table class="import-table import-stack import-problem-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{t('import.problems.line')}</th>
              <th role="columnheader" scope="col">{t('import.problems.column')}</th>
              <th role="columnheader" scope="col">{t('import.problems.severity')}</th>
              <th role="columnheader" scope="col">{t('import.problems.reason')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {list.slice(0, shown).map((p, i) => (
              <tr key={i} role="row" class={`is-${p.severity}`}>
                <td role="cell" class="num" data-label={t('import.problems.line')}>{p.line}</td>
                <td role="cell" data-label={t('import.problems.column')}>{p.column ?? '—'}</td>
                <td role="cell" data-label={t('import.problems.severity')}>
                  <span class={`import-severity import-severity-${p.severity}`}>{severityLabel(p.severity)}</span>
                </td>
                <td role="cell" class="import-wrap" data-label={t('import.problems.reason')}>
                  <span>
                    {problemText(p)}
                    <span class="import-detail" lang="en">
                      {p.message}
                    </span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length > shown && (
        <div class="actions">
          <button type="button" class="btn" onClick={() => setShown(shown + PAGE)}>
            {t('import.problems.showMore', { count: Math.min(PAGE, list.length - shown), left: list.length - shown })}
          </button>
        </div>
      )}
      {more > 0 && <p class="hint">{t('import.problems.more', { count: more })}</p>}
    </div>
  );
}
