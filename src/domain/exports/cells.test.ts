/**
 * The formula-injection guard and CSV lines: every text cell a spreadsheet could take for a formula
 * is made inert, numbers (and Uwazi's "lat|lon") are left alone, and every line parses back with
 * csv-parse to exactly the cells written, whatever the text (quotes, commas, newlines, accents).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvCell, csvLine, guardText, list, type Cell } from './cells.js';

const risky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', '\n'), fc.string({ unit: 'grapheme', maxLength: 30 })).map(([a, b]) => a + b),
  fc.constantFrom('=cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '+1', '-1', '-12.5', '19.43|-99.13', '-33.9|151.2', '=1+1', '"=HYPERLINK(""x"")"'),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(risky, fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -180, max: 180, noNaN: true }), fc.constant(null));

describe('formula guard', () => {
  it('prefixes text that starts like a formula, and nothing else', () => {
    expect(guardText('=1+1')).toBe("'=1+1");
    expect(guardText('+52 000 0000')).toBe("'+52 000 0000");
    expect(guardText('-2+3+cmd|\' /C calc\'!A0')).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(guardText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardText('\tx')).toBe("'\tx");
    expect(guardText('\rx')).toBe("'\rx");
    expect(guardText('Amenaza = riesgo')).toBe('Amenaza = riesgo');
    expect(guardText('-99.13')).toBe('-99.13');
    expect(guardText('-33.9|151.2')).toBe('-33.9|151.2');
    expect(guardText('-1-1')).toBe("'-1-1");
  });

  it('never leaves a text cell starting with = + - @ tab or CR unless it is only numbers', () => {
    fc.assert(
      fc.property(risky, (s) => {
        const g = guardText(s);
        if (/^[=+\-@\t\r]/.test(g)) expect(g).toMatch(/^-?\d+(\.\d+)?(\|-?\d+(\.\d+)?)?$/);
        expect(g === s || g === `'${s}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV lines', () => {
  it('parse back to the cells written (guarded text, numbers as written, empty for none)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), (cells) => {
        const line = csvLine(cells);
        expect(line.endsWith('\r\n')).toBe(true);
        const back = parse(line, { relax_column_count: false }) as string[][];
        expect(back).toEqual([cells.map(csvCell)]);
      }),
      { numRuns: 400 },
    );
  });

  it('join list cells, leaving none for an empty list', () => {
    expect(list(['a', undefined, '', 'b'])).toBe('a; b');
    expect(list([undefined, null])).toBeNull();
    expect(list(['x', 'y'], '|')).toBe('x|y');
  });
});
