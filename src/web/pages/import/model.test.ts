/**
 * The import screen's mapping helpers agree with the server's schema: every target offered once,
 * the same vocabularies, encodings and separators; the checks made before asking the server find
 * exactly what the schema refuses; a file read again or a saved mapping keeps what it should.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_TARGETS, MULTI_COLUMN_TARGETS, VOCABULARY_TARGETS, importMappingSchema, type ImportTarget } from '../../../domain/import/mapping';
import { TABLE_DELIMITERS, TABLE_ENCODINGS } from '../../../services/import/table';
import {
  DELIMITERS, ENCODINGS, LEAVE_EMPTY, MULTI_COLUMN, TARGET_GROUPS, VOCABULARY_OF,
  applySaved, emptyMapping, initialMapping, mappingBody, mappingIssues, readingProbe, reconcileColumns, setColumn, setValue, unplaced, valueChoice,
  type ColumnInfo, type ValueRow,
} from './model';

const here = dirname(fileURLToPath(import.meta.url));

describe('import targets', () => {
  it('offer every target of the mapping schema once, with its words', () => {
    const offered = Object.values(TARGET_GROUPS).flat();
    expect([...offered].sort()).toEqual([...IMPORT_TARGETS].sort());
    expect(new Set(offered).size).toBe(offered.length);
    const words = readFileSync(join(here, 'words.ts'), 'utf8');
    expect(IMPORT_TARGETS.filter((target) => !words.includes(`case '${target}':`))).toEqual([]);
  });

  it('know the same vocabularies, multi-column targets, encodings and separators as the server', () => {
    expect(VOCABULARY_OF).toEqual(VOCABULARY_TARGETS);
    expect([...MULTI_COLUMN]).toEqual([...MULTI_COLUMN_TARGETS]);
    expect([...ENCODINGS]).toEqual([...TABLE_ENCODINGS]);
    expect([...DELIMITERS]).toEqual([...TABLE_DELIMITERS]);
  });
});

describe('mapping checks', () => {
  const header = ['A', 'B', 'C', 'D', 'E'];
  const some: ImportTarget[] = ['title', 'summary', 'date', 'latitude', 'longitude', 'coordinates', 'act', 'country'];

  it('find exactly what the server schema refuses', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...some), { nil: undefined }), { minLength: header.length, maxLength: header.length }), (targets) => {
        let m = emptyMapping();
        targets.forEach((target, i) => (m = setColumn(m, header[i]!, target ?? '')));
        const issues = mappingIssues(m, header);
        const parsed = importMappingSchema.safeParse(mappingBody(m));
        expect(issues.length === 0).toBe(parsed.success);
        if (!parsed.success) {
          const codes = parsed.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code).sort();
          expect(issues.map((i) => i.code).sort()).toEqual(codes);
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('name the column that repeats a target, after the first that gives it', () => {
    const m = setColumn(setColumn(setColumn(emptyMapping(), 'Fecha', 'date'), 'Título', 'title'), 'Otra fecha', 'date');
    expect(mappingIssues(m, ['Fecha', 'Título', 'Otra fecha'])).toEqual([{ code: 'target_taken', column: 'Otra fecha', other: 'Fecha' }]);
    expect(mappingIssues(setColumn(m, 'Otra fecha', ''), ['Fecha', 'Título', 'Otra fecha'])).toEqual([]);
  });

  it('ask for a re-read with a mapping the server takes', () => {
    expect(importMappingSchema.safeParse(readingProbe({ dateOrder: 'dmy', decimal: ',', listSeparator: '|', placeFromCoordinates: false, encoding: 'windows-1252' })).success).toBe(true);
  });
});

describe('a file read again, a saved mapping', () => {
  const cols = (list: [string, ImportTarget?][]): ColumnInfo[] => list.map(([header, suggested]) => ({ header, filled: 1, samples: [], ...(suggested ? { suggested } : {}) }));

  it('keeps the columns the person mapped, drops the vanished ones, and guesses only new ones whose target is free', () => {
    const before = cols([['TÃ­tulo', 'title'], ['Fecha', 'date'], ['Lugar']]);
    let m = initialMapping(before);
    expect(m.columns).toEqual({ 'TÃ­tulo': 'title', Fecha: 'date' });
    m = setColumn(setColumn(m, 'Fecha', ''), 'Lugar', 'locality');
    const after = cols([['Título', 'title'], ['Fecha', 'date'], ['Lugar', 'place'], ['Día', 'date'], ['Ciudad', 'locality']]);
    const next = reconcileColumns(m, before.map((c) => c.header), after);
    // Fecha was set to "not imported" by the person: not guessed again; Ciudad's target is Lugar's
    expect(next.columns).toEqual({ Lugar: 'locality', 'Título': 'title', 'Día': 'date' });
  });

  it('applies a saved mapping to the columns this file has, naming the others', () => {
    const body = { columns: { Fecha: 'date', Título: 'title', Viejo: 'summary' }, values: { act: { Amenazas: 'threat' } }, defaults: { country: 'MX' }, options: { dateOrder: 'dmy' } };
    const { mapping, missing } = applySaved(body, ['Título', 'Fecha', 'Otra']);
    expect(missing).toEqual(['Viejo']);
    expect(mapping.columns).toEqual({ Fecha: 'date', Título: 'title' });
    expect(mapping.options).toEqual({ dateOrder: 'dmy', decimal: 'auto', listSeparator: ';', placeFromCoordinates: true });
    expect(importMappingSchema.safeParse(mappingBody(mapping)).success).toBe(true);
  });
});

describe('value choices', () => {
  const exact: ValueRow = { value: 'Amenaza de muerte', count: 3, resolution: { how: 'exact', code: 'threat.death' } };
  const near: ValueRow = { value: 'Amenazas por telefono', count: 1, resolution: { how: 'none', suggestions: [{ code: 'threat.phone', label: 'Amenaza por teléfono' }] } };

  it('preselect exact matches, leave near matches to the person, and keep "leave empty" apart from "not chosen"', () => {
    let m = setColumn(setColumn(emptyMapping(), 'Tipo', 'act'), 'Título', 'title');
    const columns = [{ column: 'Tipo', target: 'act' as const, distinct: 2, values: [exact, near] }];
    expect(valueChoice(m, 'act', exact)).toBe('threat.death');
    expect(valueChoice(m, 'act', near)).toBe('');
    expect(unplaced(m, columns)).toBe(1);
    m = setValue(m, 'act', near.value, 'threat.phone');
    expect(valueChoice(m, 'act', near)).toBe('threat.phone');
    expect(unplaced(m, columns)).toBe(0);
    m = setValue(m, 'act', exact.value, LEAVE_EMPTY);
    expect(valueChoice(m, 'act', exact)).toBe(LEAVE_EMPTY);
    expect(mappingBody(m).values).toEqual({ act: { 'Amenazas por telefono': 'threat.phone', 'Amenaza de muerte': '' } });
    expect(importMappingSchema.safeParse(mappingBody(m)).success).toBe(true);
    m = setValue(setValue(m, 'act', exact.value, ''), 'act', near.value, '');
    expect(m.values).toEqual({});
  });

  it('send no value map for a target no column gives any more, and no empty default', () => {
    let m = setColumn(setColumn(emptyMapping(), 'Tipo', 'act'), 'Título', 'title');
    m = setValue(m, 'act', 'x', 'threat');
    m = { ...m, defaults: { country: 'MX', act: undefined } };
    m = setColumn(m, 'Tipo', '');
    expect(mappingBody(m)).toMatchObject({ values: {}, defaults: { country: 'MX' } });
    expect(Object.keys(mappingBody(m).defaults)).toEqual(['country']);
  });
});
