import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvFile } from './csv.js';

describe('open-data CSV', () => {
  it('reads back cell for cell, a cell holding only a carriage return or a line break included (formulas made inert)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\r', '\n', 'a\rb', '"', '=1+1', ' x '));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
      // as a spreadsheet reads it: a line break or a lone carriage return outside quotes ends the row (RFC 4180 quotes both)
      const back = parse(csvFile(['a', 'b'], rows), { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
      expect(back.slice(1)).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
    }), { numRuns: 300 });
  });
});
