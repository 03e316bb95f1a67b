/** Key figures from publishable facts, and the renderers' self-containment (ADR 0017). */
import { describe, it, expect } from 'vitest';
import { keyFigures } from './figures.js';
import { buildReportModel } from './model.js';
import { renderHtml } from './render-html.js';
import { renderPdf, winAnsi } from './render-pdf.js';
import { reportSpecSchema } from './spec.js';
import type { PublicationFacts } from '../publication/facts.js';
import type { Labeller } from '../publication/labels.js';

const S = { k: 3, dateLevel: 'month' as const, yearForActs: ['kidnapping'] };
function f(start: string, act: string, perp: string, state: string | null, victims: number[]): PublicationFacts {
  return {
    date: { start, end: null, approximate: false },
    place: { precision: state ? 'state' : 'country', country: 'MX', state, locality: null, crossing: null },
    status: 'reported', followUp: 'open',
    acts: [{ kind: act, root: act.split('.')[0]!, victim: null }, { kind: act, root: act.split('.')[0]!, victim: null }],
    perpetrators: [perp], context: [],
    victims: victims.map((n) => ({ n, kind: 'person', role: null, gender: null, lgbti: null, migrationStatus: null })),
  };
}
const recent = [f('2024-02-03', 'threat.death', 'state.mx.inm', 'MX-COA', [1]), f('2024-02-20', 'threat.phone', 'state.mx.guardia_nacional', 'MX-COA', [1, 2]), f('2024-05-01', 'kidnapping', 'non_state.organised_crime', 'MX-CHP', [3, 4])];
const before = [f('2023-08-01', 'threat.death', 'state.mx.inm', 'MX-COA', [1]), f('2023-09-09', 'raid', 'state.mx.inm', null, [5])];
const P = { from: '2024-01-01', to: '2024-06-30' };
const B = { from: '2023-07-05', to: '2023-12-31' };

describe('key figures', () => {
  const k = keyFigures(P, recent, B, before, 'month', S);
  it('counts incidents and distinct victims, suppressing victims below k', () => {
    expect(k.recent).toEqual({ ...P, incidents: 3, victims: 4 });
    expect(k.before).toEqual({ ...B, incidents: 2, victims: null }); // 2 distinct people < k = 3
    expect(k.incidentsChange).toBe(50);
    expect(k.victimsChange).toBeNull();
  });
  it('counts an incident once per value, by act root, perpetrator type, country and state', () => {
    expect(k.by.act.rows).toEqual([
      { key: 'threat', recent: 2, before: 1, changePercent: 100 },
      { key: 'kidnapping', recent: 1, before: 0, changePercent: null },
      { key: 'raid', recent: 0, before: 1, changePercent: -100 },
    ]);
    expect(k.by.perpetratorType.rows.map((r) => [r.key, r.recent, r.before])).toEqual([['state.mx', 2, 2], ['non_state.organised_crime', 1, 0]]);
    expect(k.by.country.rows).toEqual([{ key: 'MX', recent: 3, before: 2, changePercent: 50 }]);
    expect(k.by.state.rows.map((r) => [r.key, r.recent, r.before])).toEqual([['MX-COA', 2, 1], ['MX-CHP', 1, 0]]);
  });
  it('puts an incident dated by year only (a kidnapping) apart over time, never in its month', () => {
    expect(k.overTime.buckets).toEqual(['2024-02']);
    expect(k.overTime.totals).toEqual([2]);
    expect(k.overTime.undated).toBe(1);
  });
});

const labels = (lang: 'es' | 'en'): Labeller => ({ lang, term: (s, c) => `${s}:${c}`, country: (c) => `país ${c}`, state: (c) => `estado ${c}` });

describe('renderers', () => {
  for (const lang of ['es', 'en'] as const) {
    const spec = reportSpecSchema.parse({ title: 'Informe <script>alert(1)</script> “niñez” 漢字', from: '2024-01', to: '2024-06', lang, recommendations: [{ addressee: 'INM', text: 'Respetar la ley https://ejemplo.org' }] });
    const model = buildReportModel({ spec, figures: keyFigures(P, recent, B, before, 'quarter', S), cases: [], labels: labels(lang), workspace: 'Red', today: '2024-07-01', include: ['public_after_review'] });
    it(`HTML (${lang}) is one file: no script, link, import or URL; text escaped`, () => {
      const html = renderHtml(model);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<link/i);
      expect(html).not.toMatch(/@import/i);
      expect(html).not.toMatch(/\b(src|href)=/i);
      expect(html).toContain('&lt;script&gt;');
      // the author's own text is theirs to write; no URL comes from the product itself
      expect(html.replace('https://ejemplo.org', '')).not.toMatch(/https?:\/\//);
      expect(html).toContain(lang === 'es' ? 'Cifras clave' : 'Key figures');
    });
    it(`PDF (${lang}) is made in-process`, async () => {
      const pdf = await renderPdf(model);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  }
  it('keeps WinAnsi text and replaces what the standard fonts cannot draw', () => {
    expect(winAnsi('¿Qué pasó? «niñez» — 漢')).toBe('¿Qué pasó? «niñez» — ?');
  });
});
