import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assembleBreakdown, breakdownQuerySchema, bucketOf, bucketRange } from './breakdown.js';

describe('breakdown buckets', () => {
  it('puts a start date in its month, quarter or year, or none when too coarse', () => {
    expect(bucketOf('2019-07-14', 'month')).toBe('2019-07');
    expect(bucketOf('2019-07', 'quarter')).toBe('2019-Q3');
    expect(bucketOf('2019-12-31', 'quarter')).toBe('2019-Q4');
    expect(bucketOf('2019-01', 'quarter')).toBe('2019-Q1');
    expect(bucketOf('2019', 'year')).toBe('2019');
    expect(bucketOf('2019', 'month')).toBeNull();
    expect(bucketOf('2019', 'quarter')).toBeNull();
    expect(bucketOf(null, 'year')).toBeNull();
  });

  it('lists every period between two, across years', () => {
    expect(bucketRange('2019-11', '2020-02', 'month')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(bucketRange('2019-Q4', '2020-Q2', 'quarter')).toEqual(['2019-Q4', '2020-Q1', '2020-Q2']);
    expect(bucketRange('2014', '2016', 'year')).toEqual(['2014', '2015', '2016']);
    expect(bucketRange('2020-03', '2020-03', 'month')).toEqual(['2020-03']);
  });

  it('has as many months between two as the calendar says', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (y, m, n) => {
      const first = `${y}-${String(m).padStart(2, '0')}`;
      const endIndex = y * 12 + (m - 1) + n;
      const last = `${Math.floor(endIndex / 12)}-${String((endIndex % 12) + 1).padStart(2, '0')}`;
      const r = bucketRange(first, last, 'month');
      expect(r).toHaveLength(n + 1);
      expect([...r].sort()).toEqual(r);
    }));
  });
});

describe('assembling a breakdown', () => {
  it('fills the gaps with zeros, sorts series by total and keeps the undated apart', () => {
    const b = assembleBreakdown({ dimension: 'act', granularity: 'month' },
      [{ bucket: '2020-01', key: 'threat', count: 2 }, { bucket: '2020-03', key: 'threat', count: 1 }, { bucket: '2020-03', key: 'surveillance', count: 3 }, { bucket: '2020-01', key: 'surveillance', count: 0 }],
      [{ bucket: '2020-03', count: 4 }, { bucket: '2020-01', count: 2 }], 5);
    expect(b).toEqual({
      dimension: 'act', granularity: 'month', buckets: ['2020-01', '2020-02', '2020-03'], totals: [2, 0, 4], undated: 5,
      series: [{ key: 'surveillance', counts: [0, 0, 3], total: 3 }, { key: 'threat', counts: [2, 0, 1], total: 3 }],
    });
  });

  it('is empty when nothing matches', () => {
    expect(assembleBreakdown({ dimension: 'country', granularity: 'year' }, [], [], 0)).toEqual({ dimension: 'country', granularity: 'year', buckets: [], totals: [], series: [], undated: 0 });
  });
});

describe('breakdown query', () => {
  it('takes the search filters, a dimension and a granularity (month by default), and names a bad field', () => {
    expect(breakdownQuerySchema.parse({ dimension: 'act', country: ['MX'] })).toEqual({ dimension: 'act', country: ['MX'], granularity: 'month' });
    const bad = breakdownQuerySchema.safeParse({ dimension: 'shoe' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['dimension']);
    expect(breakdownQuerySchema.safeParse({ dimension: 'act', from: '2020', to: '2019' }).error?.issues[0]?.path).toEqual(['to']);
    expect(breakdownQuerySchema.safeParse({ dimension: 'act', page: 2 }).success).toBe(false);
  });
});
