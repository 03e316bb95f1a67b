/** The records export's request: formats, purposes, the search's filters, and the refusals that name their field. */
import { describe, it, expect } from 'vitest';
import { exportQuerySchema, EXPORT_FILES, EXPORT_FORMATS } from './query.js';
import { zodFieldProblems } from '../problems.js';

const problems = (v: unknown) => {
  const r = exportQuerySchema.safeParse(v);
  return r.success ? [] : zodFieldProblems(r.error);
};

describe('exportQuerySchema', () => {
  it('takes a format, a purpose, a language and the search filters', () => {
    expect(exportQuerySchema.parse({ format: 'csv', purpose: 'internal' })).toEqual({ format: 'csv', purpose: 'internal', lang: 'es', includeIdentifying: false });
    expect(exportQuerySchema.parse({ format: 'uwazi', purpose: 'partners', lang: 'en', q: 'amenaza', act: ['threat'], from: '2024', to: '2024-06' })).toMatchObject({ act: ['threat'], from: '2024' });
  });

  it('refuses identifying values for partners, naming includeIdentifying', () => {
    expect(problems({ format: 'csv', purpose: 'partners', includeIdentifying: true })).toEqual([expect.objectContaining({ path: 'includeIdentifying', code: 'not_for_partners' })]);
    expect(problems({ format: 'csv', purpose: 'partners', includeIdentifying: false })).toEqual([]);
  });

  it('names the field of every other mistake', () => {
    expect(problems({ purpose: 'internal' }).map((p) => p.path)).toEqual(['format']);
    expect(problems({ format: 'pdf', purpose: 'internal' }).map((p) => p.path)).toEqual(['format']);
    expect(problems({ format: 'csv', purpose: 'public' }).map((p) => p.path)).toEqual(['purpose']);
    expect(problems({ format: 'csv', purpose: 'internal', from: '2024-07', to: '2024-01' }).map((p) => p.path)).toEqual(['to']);
    expect(problems({ format: 'csv', purpose: 'internal', filename: 'x' }).map((p) => p.code)).toEqual(['unknown_field']);
  });

  it('names every file with a fixed, neutral name', () => {
    for (const f of EXPORT_FORMATS) expect(EXPORT_FILES[f].name).toMatch(/^bitacora-incidents\.[a-z.]+$/);
  });
});
