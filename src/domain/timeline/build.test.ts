import { describe, it, expect } from 'vitest';
import { buildTimeline, flatten } from './build.js';
import { incidentItem, interventionItem, measureItem } from './items-from.js';

const inc = (id: string, dateStart: string | null, extra: Partial<Parameters<typeof incidentItem>[0]> = {}) =>
  incidentItem({ id, ref: `INC-${id}`, title: `t${id}`, dateStart, dateEnd: null, dateApprox: false, status: 'reported', acts: [], country: 'MX', state: null, locality: null, crossing: null, routeSegment: null, ...extra });

describe('timeline items', () => {
  it('keeps the precision and approximation of dates, the public place only, and sorted acts', () => {
    const i = inc('1', '2019', { dateApprox: true, dateEnd: '2019', acts: ['threat.phone', 'detention', 'threat.phone'], state: 'MX-COA', locality: '' });
    expect(i).toEqual({ type: 'incident', key: 'incident:1', incidentId: '1', ref: 'INC-1', title: 't1', date: { start: '2019', approximate: true }, place: { country: 'MX', state: 'MX-COA' }, status: 'reported', acts: ['detention', 'threat.phone'] });
    expect(inc('2', '2019-07', { dateEnd: '2019-09' }).date).toEqual({ start: '2019-07', end: '2019-09' });
    expect(inc('3', null).date).toBeUndefined();
  });

  it('files a measure by the day it was granted, else by the day it expires', () => {
    expect(measureItem({ id: 'm', kind: 'iachr', status: 'active', granted: '2020-03', expires: '2022' })).toEqual({ type: 'measure', key: 'measure:m', id: 'm', kind: 'iachr', status: 'active', date: { start: '2020-03' }, granted: '2020-03', expires: '2022' });
    expect(measureItem({ id: 'm', kind: 'k', status: 's', expires: '2022' }).date).toEqual({ start: '2022' });
    expect(measureItem({ id: 'm', kind: 'k', status: 's' }).date).toBeUndefined();
    expect(interventionItem({ id: 'v', incidentId: '1', ref: 'INC-1', kind: 'complaint', date: null, outcome: null, followUp: 'open' })).toEqual({ type: 'intervention', key: 'intervention:v', id: 'v', incidentId: '1', ref: 'INC-1', kind: 'complaint', followUp: 'open' });
  });
});

describe('buildTimeline', () => {
  const items = [
    inc('a', '2019-07-23'),
    inc('b', '2019'),
    inc('c', '2019-07'),
    inc('d', null),
    inc('e', '2021-02-01'),
    inc('f', '2019-07-01'),
    interventionItem({ id: 'v1', incidentId: 'a', ref: 'INC-a', kind: 'urgent_appeal', date: '2019-07-23', outcome: null, followUp: null }),
    interventionItem({ id: 'v2', incidentId: 'a', ref: 'INC-a', kind: 'complaint', date: null, outcome: null, followUp: null }),
    measureItem({ id: 'm1', kind: 'mechanism', status: 'active', granted: '2020-01-15' }),
    measureItem({ id: 'm0', kind: 'mechanism', status: 'ended' }),
  ];

  it('puts the newest first, groups by year with counts, and leaves the undated for the end', () => {
    const t = buildTimeline(items);
    expect(t.order).toBe('desc');
    expect(t.total).toBe(10);
    expect(t.years.map((y) => [y.year, y.count, y.counts])).toEqual([
      ['2021', 1, { incident: 1, intervention: 0, measure: 0 }],
      ['2020', 1, { incident: 0, intervention: 0, measure: 1 }],
      ['2019', 5, { incident: 4, intervention: 1, measure: 0 }],
    ]);
    // 2019 by first day ("2019" is 01-01, "2019-07" is 07-01); on the same first day by last day ("2019-07" ends after "2019-07-01"), then incidents first
    expect(t.years[2]!.items.map((i) => i.key)).toEqual(['intervention:v1', 'incident:a', 'incident:c', 'incident:f', 'incident:b']);
    expect(t.undated.map((i) => i.key)).toEqual(['incident:d', 'intervention:v2', 'measure:m0']);
  });

  it('oldest first is the exact reverse of newest first, the undated still last', () => {
    const asc = buildTimeline(items, 'asc');
    expect(asc.years.map((y) => y.year)).toEqual(['2019', '2020', '2021']);
    expect(asc.years[0]!.items.map((i) => i.key)).toEqual(['incident:b', 'incident:f', 'incident:c', 'incident:a', 'intervention:v1']);
    const desc = buildTimeline(items, 'desc');
    expect(asc.years.flatMap((y) => y.items)).toEqual(desc.years.flatMap((y) => y.items).reverse());
    expect(asc.undated).toEqual(desc.undated);
    expect(flatten(asc)).toHaveLength(10);
  });

  it('is empty for nothing', () => {
    expect(buildTimeline([])).toEqual({ order: 'desc', total: 0, years: [], undated: [] });
  });
});
