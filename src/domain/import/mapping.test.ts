import { describe, it, expect } from 'vitest';
import { importMappingSchema } from './mapping.js';

const issues = (m: unknown) => {
  const r = importMappingSchema.safeParse(m);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code ?? i.code]);
};

describe('the mapping itself', () => {
  it('fills in defaults for the options', () => {
    expect(importMappingSchema.parse({ columns: { T: 'title' } })).toEqual({ columns: { T: 'title' }, values: {}, defaults: {}, options: { dateOrder: 'auto', decimal: 'auto', listSeparator: ';', placeFromCoordinates: true } });
  });
  it('needs a title, one column per single target, both halves of a point', () => {
    expect(issues({ columns: { F: 'date' } })).toEqual([['columns', 'title_required']]);
    expect(issues({ columns: { T: 'title', A: 'date', B: 'date' } })).toEqual([['columns.B', 'target_taken']]);
    expect(issues({ columns: { T: 'title', U: 'title', S: 'summary', R: 'summary' } })).toEqual([]);
    expect(issues({ columns: { T: 'title', La: 'latitude' } })).toEqual([['columns', 'lat_lon_pair']]);
    expect(issues({ columns: { T: 'title', C: 'coordinates', La: 'latitude', Lo: 'longitude' } })).toEqual([['columns', 'coordinates_twice']]);
  });
  it('refuses unknown targets, value lists and fields', () => {
    expect(issues({ columns: { T: 'titel' } }).length).toBeGreaterThan(0);
    expect(issues({ columns: { T: 'title' }, values: { summary: {} } })[0]![1]).toBe('unrecognized_keys');
    expect(issues({ columns: { T: 'title' }, values: { act: { x: 'not a code!' } } }).length).toBe(1);
  });
});
