/**
 * The open-data files over generated incidents: nothing typed by a person (the locality, here full
 * of marker strings) ever comes out, every published victim count is at least k, and every point
 * is the gazetteer's point of a place no finer than the incident's own.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { OpenDataBuilder, OPEN_DATA_FORMATS } from './open-data.js';
import { openDataSettingsSchema } from './settings.js';
import type { PublicationFacts } from './facts.js';
import type { Labeller } from './labels.js';
import { places } from '../places/places.js';
import { PLACE_PRECISIONS } from '../incident/schema.js';
import { parse } from 'csv-parse/sync';

const labels = (lang: 'es' | 'en'): Labeller => ({ lang, term: (s, c) => `${s}:${c}`, country: (c) => `país ${c}`, state: (c) => `estado ${c}` });
const VALUES = { kind: ['person', 'organisation'], role: ['lawyer', 'migrant'], gender: ['woman', 'man'], lgbti: ['yes', 'no'], migrationStatus: ['national', 'asylum_seeker'], act: ['threat', 'kidnapping', 'sexual_violence'] };
const MARK = fc.stringMatching(/^[a-z]{0,6}$/).map((s) => `QZMARK${s}`);

const facts: fc.Arbitrary<PublicationFacts> = fc.record({
  date: fc.record({ start: fc.option(fc.constantFrom('2023', '2023-05', '2024-02-11', '2024-02-28')), end: fc.option(fc.constantFrom('2024-03', '2025')), approximate: fc.boolean() }),
  place: fc.record({
    precision: fc.constantFrom(...PLACE_PRECISIONS),
    country: fc.option(fc.constantFrom('MX', 'US', 'GT')),
    state: fc.option(fc.constantFrom('MX-COA', 'MX-CHP', 'US-TX', 'GT-12')),
    locality: fc.option(fc.oneof(MARK, fc.constantFrom('Saltillo', 'Tapachula'), MARK.map((m) => `Saltillo ${m}`))),
    crossing: fc.option(fc.constantFrom(...places.crossings.slice(0, 5).map((c) => c.code))),
  }),
  status: fc.constantFrom('reported', 'verified'),
  followUp: fc.constantFrom('open', 'impunity'),
  acts: fc.array(fc.record({ kind: fc.constantFrom('threat.phone', 'kidnapping', 'sexual_violence'), victim: fc.option(fc.integer({ min: 1, max: 30 })) }).map((a) => ({ ...a, root: a.kind.split('.')[0]! })), { maxLength: 3 }),
  perpetrators: fc.subarray(['state.mx.inm', 'non_state.organised_crime']),
  context: fc.subarray(['shelter', 'caravan']),
  victims: fc.uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 30 }), kind: fc.constantFrom('person', 'organisation'), role: fc.option(fc.constantFrom('lawyer', 'migrant')), gender: fc.option(fc.constantFrom('woman', 'man')), lgbti: fc.option(fc.constantFrom('yes', 'no')), migrationStatus: fc.option(fc.constantFrom('national', 'asylum_seeker')) }), { selector: (v) => v.n, maxLength: 6 }),
});

describe('open-data files (properties)', () => {
  it('carry no typed text, no victim count below k, and no point off the gazetteer', () => {
    fc.assert(fc.property(fc.array(facts, { maxLength: 40 }), fc.constantFrom(...OPEN_DATA_FORMATS), fc.constantFrom('es' as const, 'en' as const), fc.integer({ min: 3, max: 6 }), fc.constantFrom('state' as const, 'municipality' as const),
      (list, format, lang, k, placeLevel) => {
        const b = new OpenDataBuilder(format, openDataSettingsSchema.parse({ k, placeLevel }), labels(lang));
        for (const f of list) b.add(f);
        const file = b.finish(VALUES);
        expect(file.text).not.toContain('QZMARK');
        expect(file.incidents).toBe(list.length);
        if (format === 'csv-victims') {
          const rows = parse(file.text, { bom: true, columns: true }) as Record<string, string>[];
          const count = lang === 'es' ? 'victimas' : 'victims';
          const supp = lang === 'es' ? 'suprimido' : 'suppressed';
          for (const r of rows) {
            if (r[count] === '') expect(r[supp]).not.toBe('');
            else { expect(Number(r[count])).toBeGreaterThanOrEqual(k); expect(r[supp]).toBe(''); }
          }
        }
        if (format === 'csv-incidents') {
          const rows = parse(file.text, { bom: true }) as string[][];
          expect(rows.length).toBe(list.length + 1);
          expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((_, i) => String(i + 1)));
        }
        if (format === 'geojson') {
          const fc2 = JSON.parse(file.text) as { type: string; features: { geometry: { coordinates: [number, number] } | null; properties: { victims: number | null; municipality: string | null } }[] };
          expect(fc2.type).toBe('FeatureCollection');
          for (const f of fc2.features) {
            if (f.properties.victims !== null) expect(f.properties.victims).toBeGreaterThanOrEqual(k);
            if (f.properties.municipality) expect(placeLevel).toBe('municipality');
            if (f.geometry) for (const x of f.geometry.coordinates) expect(Math.round(x * 100) / 100).toBe(x);
          }
        }
      }), { numRuns: 400 });
  });

  it('neutralises cells a spreadsheet would read as a formula', () => {
    const b = new OpenDataBuilder('csv-incidents', openDataSettingsSchema.parse({}), { ...labels('en'), term: () => '=HYPERLINK("x")' });
    b.add({ date: { start: '2024-01', end: null, approximate: false }, place: { precision: 'unknown', country: null, state: null, locality: null, crossing: null }, status: 'reported', followUp: 'open', acts: [], perpetrators: [], context: [], victims: [] });
    const text = b.finish(VALUES).text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
