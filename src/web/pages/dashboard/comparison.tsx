/**
 * Period comparison: the incidents since a date (to today, or to a chosen date) against as many days
 * just before, with the same filters and "count by" as the chart — in a sentence, in a table per
 * value, and as CSV.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { PartialDateField } from '../../components/date-fields';
import { number, partialDate } from '../../lib/format';
import { partsOf, joinParts, type DateParts } from '../incident-form/model';
import type { Comparison } from '../../types';
import { endsBefore, percent, type Range } from './model';
import { downloadCsv, type Cell } from './csv';
import { ProblemAlert, type FieldErrors } from './problem-alert';

export function ComparisonSection(p: { range: Range | null; onRange: (r: Range) => void; result: Comparison | null; busy: boolean; error: unknown; serverErrors: FieldErrors; dimension: string; labelOf: (key: string) => string }) {
  const [since, setSince] = useState<DateParts>(partsOf(p.range?.since));
  const [until, setUntil] = useState<DateParts>(partsOf(p.range?.until));
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => setErrors({}), [p.range]);

  const submit = (e: Event) => {
    e.preventDefault();
    const s = joinParts(since);
    const u = joinParts(until);
    const found: FieldErrors = {};
    if (s.problem || !s.value) found['since'] = [s.problem ?? t('problem.required')];
    if (u.problem) found['until'] = [u.problem];
    else if (s.value && u.value && endsBefore(u.value, s.value)) found['until'] = [t('problem.endBeforeStart')];
    setErrors(found);
    if (!found['since'] && !found['until']) p.onRange({ since: s.value, until: u.value });
  };
  const shown = Object.keys(errors).length ? errors : p.serverErrors;
  const r = p.result;

  const csv = () => {
    if (!r) return;
    const rows: Cell[][] = [[p.dimension, `${t('dashboard.before')} (${r.before.from} – ${r.before.to})`, `${t('dashboard.recent')} (${r.recent.from} – ${r.recent.to})`, t('dashboard.changePercent')]];
    for (const row of r.rows) rows.push([p.labelOf(row.key), row.before, row.recent, row.changePercent]);
    rows.push([t('dashboard.total'), r.before.total, r.recent.total, r.changePercent]);
    downloadCsv('bitacora-comparison.csv', rows);
  };

  return (
    <section class="dash-section" aria-labelledby="dash-compare-h" aria-busy={p.busy}>
      <h2 id="dash-compare-h">{t('dashboard.compare')}</h2>
      <p class="hint">{t('dashboard.compareHint')}</p>
      <form class="dash-compare-form" onSubmit={submit}>
        <div class="grid-2">
          <PartialDateField path="dash.since" legend={t('dashboard.since')} value={since} onValue={setSince} errors={shown['since']} />
          <PartialDateField path="dash.until" legend={t('dashboard.until')} hint={t('dashboard.untilHint')} value={until} onValue={setUntil} errors={shown['until']} />
        </div>
        <button type="submit" class="btn btn-primary">
          {t('dashboard.compareRun')}
        </button>
      </form>
      <p class="dash-status" role="status">
        {p.busy ? t('common.loading') : ''}
      </p>
      <ProblemAlert error={p.error} />
      {r && (
        <>
          <p class="dash-compare-result" id="dash-compare-result">
            {r.changePercent === null
              ? t('dashboard.compareResultNoBase', { recent: r.recent.total, recentFrom: partialDate(r.recent.from), recentTo: partialDate(r.recent.to), beforeFrom: partialDate(r.before.from), beforeTo: partialDate(r.before.to) })
              : t('dashboard.compareResult', { recent: r.recent.total, recentFrom: partialDate(r.recent.from), recentTo: partialDate(r.recent.to), before: r.before.total, beforeFrom: partialDate(r.before.from), beforeTo: partialDate(r.before.to), change: percent(r.changePercent) })}
          </p>
          {r.rows.length > 0 && (
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="dash-compare-caption">
              <table class="stats-table" id="dash-compare-table">
                <caption id="dash-compare-caption">{t('dashboard.compareCaption', { dimension: p.dimension })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{p.dimension}</th>
                    <th scope="col">{t('dashboard.before')}</th>
                    <th scope="col">{t('dashboard.recent')}</th>
                    <th scope="col">{t('dashboard.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{p.labelOf(row.key)}</th>
                      <td>{number(row.before)}</td>
                      <td>{number(row.recent)}</td>
                      <td>{percent(row.changePercent)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('dashboard.total')}</th>
                    <td>{number(r.before.total)}</td>
                    <td>{number(r.recent.total)}</td>
                    <td>{percent(r.changePercent)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <button type="button" class="btn" onClick={csv}>
            {t('dashboard.csv')}
          </button>
        </>
      )}
    </section>
  );
}
