import { describe, it, expect } from 'vitest';
import { searchQuerySchema } from './search-query.js';

const problems = (q: unknown) => {
  const r = searchQuerySchema.safeParse(q);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the date range of a search', () => {
  it('refuses "to" before "from"', () => {
    expect(problems({ from: '2020-05', to: '2020-04-30' })).toEqual(['to: is before from']);
    expect(problems({ from: '2020-05', to: '2020-05-01' })).toEqual([]);
    expect(problems({ from: '2020', to: '2020' })).toEqual([]);
  });
  it('says only what is wrong with a date that is not one, not that it is out of order', () => {
    const p = problems({ from: '2020-13', to: '2019' });
    expect(p.length).toBe(1);
    expect(p[0]).toMatch(/^from: /);
  });
});
