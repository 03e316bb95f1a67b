/** The report's accompaniment charts: only published counts (below k gone), labelled in the report's language, none without data. */
import { describe, it, expect } from 'vitest';
import { accompanimentCharts } from './model.js';
import { countFigures, publishFigures, type AttendanceFact } from '../accompaniment/figures.js';

const att = (n: number, attendance: AttendanceFact['attendance'], outcome: string | null, tag: string): AttendanceFact[] =>
  Array.from({ length: n }, (_, i) => ({ personId: `${tag}${i}`, hearingId: tag, attendance, outcome, status: 'held' }));

describe('accompaniment in the report', () => {
  it('shows attendance, outcomes and routes at or above k, in Spanish or English', () => {
    const f = countFigures([...att(8, 'presented', 'continued', 'a'), ...att(6, 'missed', 'removal_in_absentia', 'b'), ...att(1, 'excused', null, 'c')],
      Array.from({ length: 5 }, (_, i) => ({ personId: `a${i}`, day: '2027-03-14', from: 'mx-mexicali', to: 'poe-san-ysidro' })));
    const es = accompanimentCharts(publishFigures(f, 5), 'es');
    expect(es.map((c) => c.id)).toEqual(['accompaniment-attendance', 'accompaniment-outcomes', 'accompaniment-routes']);
    // one excused person is below k; the smallest other cell (missed, 6) goes too, so 1 cannot be worked out from a total
    expect(es[0]!.rows).toEqual([{ label: 'Se presentaron', value: 8 }]);
    expect(es[1]!.rows).toEqual([{ label: 'Audiencia aplazada', value: 8 }, { label: 'Orden de deportación en ausencia', value: 6 }]);
    expect(es[2]!.rows).toEqual([{ label: '2027-03 · Mexicali, B.C. → Garita de San Ysidro (El Chaparral)', value: 5 }]);
    expect(accompanimentCharts(publishFigures(f, 5), 'en')[2]!.rows[0]!.label).toBe('2027-03 · Mexicali, B.C. → San Ysidro port of entry (El Chaparral)');
  });

  it('leaves the section out when nothing reaches k or there is nothing', () => {
    expect(accompanimentCharts(undefined, 'es')).toEqual([]);
    expect(accompanimentCharts(publishFigures(countFigures(att(3, 'presented', 'continued', 'a'), []), 5), 'en')).toEqual([]);
  });
});
