/**
 * The chart's table: a row per period, a column per line of the chart (the five values with most
 * incidents, "others") and the incidents of the period; the CSV holds every value.
 */
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import type { Breakdown } from '../../types';
import { bucketLabel } from './model';
import { downloadCsv, type Cell } from './csv';
import { TOP_LINES, type Line } from './lines';

export function BreakdownTable({ breakdown: b, lines, caption, labelOf }: { breakdown: Breakdown; lines: Line[]; caption: string; labelOf: (key: string) => string }) {
  const csv = () => {
    const rows: Cell[][] = [[t('dashboard.period'), ...b.series.map((s) => labelOf(s.key)), t('dashboard.total')]];
    b.buckets.forEach((bucket, i) => rows.push([bucket, ...b.series.map((s) => s.counts[i] ?? 0), b.totals[i] ?? 0]));
    downloadCsv('bitacora-breakdown.csv', rows);
  };
  const all = b.totals.reduce((a, n) => a + n, 0);
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="dash-table-caption">
        <table class="stats-table" id="dash-table">
          <caption id="dash-table-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.period')}</th>
              {lines.map((l, n) => (
                <th scope="col" key={n}>
                  {l.label}
                </th>
              ))}
              <th scope="col">{t('dashboard.total')}</th>
            </tr>
          </thead>
          <tbody>
            {b.buckets.map((bucket, i) => (
              <tr key={bucket}>
                <th scope="row">{bucketLabel(bucket)}</th>
                {lines.map((l, n) => (
                  <td key={n}>{number(l.data[i] ?? 0)}</td>
                ))}
                <td>{number(b.totals[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dashboard.total')}</th>
              {lines.map((l, n) => (
                <td key={n}>{number(l.total)}</td>
              ))}
              <td>{number(all)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {b.series.length > TOP_LINES && <p class="hint">{t('dashboard.tableNote', { count: b.series.length })}</p>}
      <p>{t('dashboard.undated', { count: b.undated })}</p>
      <button type="button" class="btn" onClick={csv}>
        {t('dashboard.csv')}
      </button>
    </>
  );
}
