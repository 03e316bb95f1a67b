/**
 * How many incidents a place had per month, quarter or year (POST /api/v1/stats/breakdown with the
 * place as its only filter: one pass over the memory index), as a table: every period from the
 * first to the last with an incident, in the timeline's order, and how many had too coarse a date.
 */
import { t } from '../../i18n/i18n';
import { number } from '../../lib/format';
import type { Breakdown, Granularity } from '../../types';
import { bucketLabel } from '../dashboard/model';

export function granularityLabel(g: Granularity): string {
  return g === 'month' ? t('dashboard.gran.month') : g === 'quarter' ? t('dashboard.gran.quarter') : t('dashboard.gran.year');
}

export function PlaceCounts({ breakdown: b, granularity, order, place }: { breakdown: Breakdown; granularity: Granularity; order: 'desc' | 'asc'; place: string }) {
  const rows = b.buckets.map((bucket, i) => ({ bucket, count: b.totals[i] ?? 0 }));
  if (order === 'desc') rows.reverse();
  const all = b.totals.reduce((a, n) => a + n, 0);
  return (
    <>
      <div class="table-scroll tl-counts" tabIndex={0} role="region" aria-labelledby="tl-counts-caption">
        <table class="stats-table">
          <caption id="tl-counts-caption">{t('timeline.countsCaption', { place, period: granularityLabel(granularity) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.period')}</th>
              <th scope="col">{t('timeline.incidentsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.bucket}>
                <th scope="row">{bucketLabel(r.bucket)}</th>
                <td>{number(r.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dashboard.total')}</th>
              <td>{number(all)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="hint">{t('dashboard.undated', { count: b.undated })}</p>
    </>
  );
}
