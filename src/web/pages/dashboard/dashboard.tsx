/**
 * The dashboard (issue 5): incidents matching a search counted per period and per value of one
 * dimension — a chart (Chart.js, fetched after the content) with its table and CSV — and a period
 * comparison. Filters live in memory only, never in the URL; requests are POSTs.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { useAppState } from '../../state';
import { PageTitle, SelectField } from '../../components/ui';
import type { Breakdown, BreakdownDimension, Comparison, Granularity } from '../../types';
import { DIMENSIONS, GRANULARITIES, breakdownBody, bucketLabel, comparisonBody, dimensionLabel, granularityLabel, keyLabel, memory, type Filters, type Range } from './model';
import { usePost } from './use-post';
import { FilterForm } from './filters';
import { BreakdownChart } from './chart';
import { BreakdownTable } from './breakdown-table';
import { ComparisonSection } from './comparison';
import { ProblemAlert, fieldErrors } from './problem-alert';
import { topLines } from './lines';
import { can } from '../../state';
import { AccompanimentSummary } from '../accompaniment/figures/dashboard-summary';

export function DashboardPage() {
  const { vocab, places } = useAppState();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const [dimension, setDimension] = useState<BreakdownDimension>(memory.dimension);
  const [granularity, setGranularity] = useState<Granularity>(memory.granularity);
  const [range, setRange] = useState<Range | null>(memory.range);
  const breakdown = usePost<Breakdown>('/api/v1/stats/breakdown', breakdownBody(filters, dimension, granularity));
  const comparison = usePost<Comparison>('/api/v1/stats/compare', range ? comparisonBody(filters, dimension, range) : null);
  if (!vocab) return null;

  const apply = (f: Filters) => {
    memory.filters = f;
    setFilters(f);
  };
  const b = breakdown.data;
  const dim = dimensionLabel(b?.dimension ?? dimension);
  const labelOf = (key: string) => keyLabel(b?.dimension ?? dimension, key, vocab, places);
  const lines = b ? topLines(b.series, labelOf, t('dashboard.others')) : [];
  const matching = b ? b.totals.reduce((a, n) => a + n, 0) + b.undated : 0;
  const first = b?.buckets[0];
  const last = b?.buckets[b.buckets.length - 1];
  const caption = b && first && last ? t('dashboard.chartCaption', { dimension: dim, period: granularityLabel(b.granularity), first: bucketLabel(first), last: bucketLabel(last) }) : '';

  return (
    <div class="dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p class="hint">{t('dashboard.intro')}</p>

      <FilterForm filters={filters} onApply={apply} problems={fieldErrors(breakdown.error, ['from', 'to'])} />

      <div class="grid-2 dash-controls">
        <SelectField
          id="dash-dimension"
          label={t('dashboard.countBy')}
          value={dimension}
          onValue={(v) => {
            memory.dimension = v as BreakdownDimension;
            setDimension(v as BreakdownDimension);
          }}
          options={DIMENSIONS.map((d) => ({ value: d, label: dimensionLabel(d) }))}
        />
        <SelectField
          id="dash-granularity"
          label={t('dashboard.period')}
          value={granularity}
          onValue={(v) => {
            memory.granularity = v as Granularity;
            setGranularity(v as Granularity);
          }}
          options={GRANULARITIES.map((g) => ({ value: g, label: granularityLabel(g) }))}
        />
      </div>

      <section class="dash-section" aria-labelledby="dash-breakdown-h" aria-busy={breakdown.busy}>
        <h2 id="dash-breakdown-h">{t('dashboard.breakdown')}</h2>
        <p class="dash-status" role="status">
          {breakdown.busy || !b ? t('common.loading') : t('dashboard.matching', { count: matching })}
        </p>
        <ProblemAlert error={breakdown.error} />
        {b && b.buckets.length === 0 && <p class="empty">{t('dashboard.empty')}</p>}
        {b && b.buckets.length > 0 && (
          <>
            {lines.length > 0 ? <BreakdownChart labels={b.buckets.map(bucketLabel)} lines={lines} caption={caption} /> : <p class="empty">{t('dashboard.noValues', { dimension: dim })}</p>}
            <BreakdownTable breakdown={b} lines={lines} labelOf={labelOf} caption={t('dashboard.tableCaption', { dimension: dim, period: granularityLabel(b.granularity) })} />
          </>
        )}
        {b && b.buckets.length === 0 && b.undated > 0 && <p>{t('dashboard.undated', { count: b.undated })}</p>}
      </section>

      <ComparisonSection
        range={range}
        onRange={(r) => {
          memory.range = r;
          setRange(r);
        }}
        result={comparison.data}
        busy={comparison.busy}
        error={comparison.error}
        serverErrors={fieldErrors(comparison.error, ['since', 'until'])}
        dimension={dimensionLabel(comparison.data?.dimension ?? dimension)}
        labelOf={(key) => keyLabel(comparison.data?.dimension ?? dimension, key, vocab, places)}
      />
      {can('accompaniment.read') && <AccompanimentSummary from={filters.from} to={filters.to} />}
    </div>
  );
}
