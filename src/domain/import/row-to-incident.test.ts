import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { importMappingSchema } from './mapping.js';
import { convertTable, type TableLike } from './convert-table.js';
import { ValueResolver } from './resolve-value.js';
import type { ConvertContext, PlaceFinder } from './row-to-incident.js';
import { VocabularyIndex, flattenVocabularyFile } from '../vocabulary/vocabulary.js';
import vocabularyFile from '../vocabulary/vocabularies.json' with { type: 'json' };
import { vocabularyFileSchema } from '../vocabulary/vocabulary.js';

const { schemes, terms } = flattenVocabularyFile(vocabularyFileSchema.parse(vocabularyFile));
const vocab = new VocabularyIndex(schemes, terms);

/** A finder over three towns, enough to see a lookup taken, offered or missed (the real gazetteer is tested in services/places). */
const finder: PlaceFinder = {
  lookup: (name) => {
    const all = [
      { kind: 'locality' as const, name: 'Saltillo', country: 'MX', state: 'MX-COA' },
      { kind: 'locality' as const, name: 'San Pedro', country: 'MX', state: 'MX-COA' },
      { kind: 'locality' as const, name: 'San Pedro', country: 'HN', state: 'HN-CR' },
    ];
    return all.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  },
  locate: (lat, lon) => (lat > 14 && lat < 33 && lon < -86 && lon > -118 ? { country: 'MX' } : {}),
  pointInCountry: (lat, lon, country) => (country === 'MX' && lat > 14 && lat < 33 && lon < -86 && lon > -118 ? 'inside' : 'outside'),
};

function run(header: string[], rows: string[][], mapping: unknown, places: PlaceFinder | null = finder) {
  const m = importMappingSchema.parse(mapping);
  const table: TableLike = { header, headerLine: 1, rows: rows.map((cells, i) => ({ line: i + 2, cells })), problems: [] };
  const cx: ConvertContext = { mapping: m, header, vocab, values: new ValueResolver(vocab), places, today: '2026-11-29', lang: 'es' };
  return convertTable(table, cx);
}

const H = ['Título', 'Fecha', 'Agresión', 'Muertos', 'Lugar', 'Coordenadas'];
const BASE = { columns: { Título: 'title', Fecha: 'date', Agresión: 'act', Muertos: 'counts.dead', Lugar: 'place', Coordenadas: 'coordinates' }, options: { dateOrder: 'dmy' } };

describe('rows to incidents', () => {
  it('makes the incident the API would take from a plain row', () => {
    const out = run(H, [['Amenaza al albergue', '23/07/2019', 'Amenaza de muerte', '0', 'Saltillo', '25.42, -101.0']], BASE);
    expect(out.errors).toBe(0);
    expect(out.incidents[0]!.input).toMatchObject({
      title: 'Amenaza al albergue', date: { start: '2019-07-23' }, counts: { dead: 0 },
      place: { precision: 'locality', country: 'MX', state: 'MX-COA', locality: 'Saltillo', private: { lat: 25.42, lon: -101 } },
      acts: [{ kind: 'threat.death' }],
    });
  });

  it('refuses a value nobody placed, names its line and column and offers near matches', () => {
    const out = run(H, [['a', '2019', 'Amenaza de muerto', '', '', ''], ['b', '2019', 'Amenaza de muerte', '', '', '']], BASE);
    expect(out.errors).toBe(1);
    expect(out.incidents.map((x) => x.line)).toEqual([3]);
    const p = out.problems[0]!;
    expect(p).toMatchObject({ line: 2, column: 'Agresión', code: 'unmapped_value', severity: 'error' });
    expect(p.message).toContain('threat.death');
  });

  it('takes a value the mapping places, and leaves one mapped to nothing empty', () => {
    const mapping = { ...BASE, values: { act: { 'Amenaza de muerto': 'threat.death', 'Sin dato': '' } } };
    const out = run(H, [['a', '2019', 'Amenaza de muerto', '', '', ''], ['b', '2019', 'Sin dato', '', '', '']], mapping);
    expect(out.errors).toBe(0);
    expect(out.incidents[0]!.input.acts[0]!.kind).toBe('threat.death');
    expect(out.incidents[1]!.input.acts).toEqual([]);
  });

  it('refuses a mapping onto a code the list does not have', () => {
    const out = run(H, [['a', '2019', 'X', '', '', '']], { ...BASE, values: { act: { X: 'no_such.code' } } });
    expect(out.problems[0]).toMatchObject({ line: 2, column: 'Agresión', code: 'unknown_code', severity: 'error' });
  });

  it('says an ambiguous date and a place with several matches on their columns, and keeps the place as text', () => {
    const out = run(H, [['a', '03/04/2019', '', '', '', '']], { ...BASE, options: { dateOrder: 'auto' } });
    expect(out.problems.map((p) => [p.column, p.code, p.severity])).toEqual([['Fecha', 'date_ambiguous_order', 'error']]);
    const ok = run(H, [['a', '2019', '', '', 'San Pedro', '']], BASE);
    expect(ok.problems.map((p) => [p.column, p.code])).toEqual([['Lugar', 'place_ambiguous']]);
    expect(ok.incidents[0]!.input.place).toEqual({ precision: 'locality', locality: 'San Pedro' });
  });

  it('leaves out a count that cannot be one, with a warning, and imports the row', () => {
    const out = run(H, [['a', '2019', '', '-1', '', ''], ['b', '2019', '', '1,022', '', ''], ['c', '2019', '', 'muchos', '', '']], { ...BASE, options: { dateOrder: 'dmy', decimal: '.' } });
    expect(out.errors).toBe(0);
    expect(out.incidents.map((x) => x.input.counts)).toEqual([undefined, { dead: 1022 }, undefined]);
    expect(out.problems.map((p) => [p.line, p.code])).toEqual([[2, 'count_negative'], [4, 'count_not_a_number']]);
  });

  it('takes country and state from the coordinates, or warns when they contradict the country given', () => {
    const out = run(H, [['a', '2019', '', '', '', '19.4, -99.1'], ['b', '2019', '', '', '', '40.4, -3.7']], BASE);
    expect(out.incidents[0]!.input.place).toMatchObject({ country: 'MX', precision: 'country' });
    expect(out.incidents[1]!.input.place.country).toBeUndefined();
    const withCountry = run([...H, 'País'], [['a', '2019', '', '', '', '40.4, -3.7', 'México']], { ...BASE, columns: { ...BASE.columns, País: 'country' } });
    expect(withCountry.problems.map((p) => [p.column, p.code])).toEqual([['Coordenadas', 'point_outside_country']]);
  });

  it('falls back to the year and month columns for a row without a date, and says so', () => {
    const header = ['T', 'Fecha', 'Año', 'Mes'];
    const out = run(header, [['a', '', '2020', 'agosto'], ['b', '', '', '']], { columns: { T: 'title', Fecha: 'date', Año: 'year', Mes: 'month' } });
    expect(out.incidents.map((x) => x.input.date)).toEqual([{ start: '2020-08' }, undefined]);
    expect(out.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, 'Fecha', 'date_from_year'], [3, 'Fecha', 'no_date']]);
  });

  it('joins several title columns, cuts a long one (the whole stays in the summary), and warns of a repeated id', () => {
    const long = 'x'.repeat(400);
    const out = run(['Id', 'Causa', 'Lugar del hecho'], [['A1', 'Ahogamiento', long], ['A1', 'Ahogamiento', 'Río Bravo']], { columns: { Id: 'externalId', Causa: 'title', 'Lugar del hecho': 'title' } });
    expect(out.incidents[0]!.input.title.length).toBe(300);
    expect(out.incidents[0]!.input.summary).toContain(long);
    expect(out.incidents[1]!.input.title).toBe('Ahogamiento — Río Bravo');
    expect(out.problems.map((p) => [p.line, p.code])).toEqual([[2, 'title_shortened'], [3, 'repeated_id']]);
  });

  it('names the columns a mapping needs that the file lacks, on the header line', () => {
    const out = run(['Título'], [['a']], { columns: { Título: 'title', Fecha: 'date' } });
    expect(out.problems).toEqual([expect.objectContaining({ line: 1, column: 'Fecha', code: 'missing_column', severity: 'error' })]);
  });

  it('never throws, and every incident it makes is valid input, whatever the cells (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '2019-07-23', '23/07/2019', 'julio 2019', '1,022', '-3', 'Saltillo', 'Amenaza de muerte', '19.4, -99.1', '=cmd|x', '\u0000'));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 8 }), (rows) => {
      const out = run(H, rows, BASE);
      expect(out.incidents.length + new Set(out.problems.filter((p) => p.severity === 'error').map((p) => p.line)).size).toBe(rows.length);
      for (const p of out.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }), { numRuns: 200 });
  });
});
