/**
 * readTable under generated input: malformed CSV (random quotes, delimiters, line breaks, NULs,
 * ragged rows, huge cells, formulas) in every encoding, random bytes, and random or damaged bytes
 * given as XLSX (a real workbook with bytes flipped or cut, a zip with junk sheet XML). It never
 * throws anything but the whole-file error (a ServiceError, 4xx, naming the field `file`); every
 * row has as many cells as the header, rows come in line order after the header, and every problem
 * has a line ≥ 1. Well-formed CSV (written by csv-stringify) reads back exactly, on the right lines.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { readTable } from '../../src/services/import/read-table.js';
import { isTableFileError, TABLE_DELIMITERS, type ReadTableOptions, type TableResult } from '../../src/services/import/table.js';
import { xlsxFile, xlsxParts } from '../helpers/xlsx-files.js';
import { writeZip } from '../helpers/bundle-zips.js';

const PROBLEM_CODES = new Set(['ragged_row', 'broken_quote', 'cell_too_large', 'nul_character', 'undecodable_bytes', 'empty_header', 'duplicate_header', 'too_many_rows', 'too_many_problems']);

function checkResult(r: TableResult): void {
  expect(r.header.length).toBeGreaterThan(0);
  const names = new Set<string>();
  for (const h of r.header) {
    expect(h).toBe(h.trim());
    expect(h).not.toBe('');
    expect(names.has(h.toLowerCase())).toBe(false);
    names.add(h.toLowerCase());
  }
  // JSON records have no header line (their keys are the header): 0, and records count from 1
  expect(Number.isInteger(r.headerLine) && r.headerLine >= (r.format === 'json' ? 0 : 1)).toBe(true);
  let last = r.headerLine;
  for (const row of r.rows) {
    expect(row.cells).toHaveLength(r.header.length);
    for (const c of row.cells) expect(typeof c).toBe('string');
    expect(Number.isInteger(row.line)).toBe(true);
    expect(row.line).toBeGreaterThan(last);
    last = row.line;
  }
  for (const p of r.problems) {
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(PROBLEM_CODES.has(p.code)).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    if (p.column !== undefined) expect(r.header).toContain(p.column);
  }
}

/** Reads `bytes`; the only error allowed is the whole-file one. */
async function readChecked(bytes: Buffer, opts: ReadTableOptions): Promise<TableResult | undefined> {
  try {
    const r = await readTable({ bytes }, opts);
    checkResult(r);
    return r;
  } catch (e) {
    if (!isTableFileError(e)) throw e;
    expect(e.status >= 400 && e.status < 500).toBe(true);
    expect(e.message).toMatch(/^file: /);
    expect(e.problems?.[0]?.path).toBe('file');
    return undefined;
  }
}

// ---- CSV ----

const token = fc.oneof(
  { arbitrary: fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r\n', '\r', 'a', 'Río', 'niño', ' ', '1,5', '=SUM(A1:A3)', '+52 1', '-3', '@cmd', '"=1+1"', '\u0000', '\uFFFD', '\uD800'), weight: 8 },
  { arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.constantFrom('x'.repeat(300), `"${'y\n'.repeat(100)}"`, `"${'z,'.repeat(150)}`), weight: 1 },
);
const malformedText = fc.tuple(fc.constantFrom('', 'a,b,c\n', 'id;nombre;nota\r\n', 'h1\th2\n', '"a","b"\n'), fc.array(token, { maxLength: 150 }))
  .map(([head, tokens]) => head + tokens.join(''));
const raggedText = fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', 'a"b', '"x"y', '', '=A1')), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })
  .map((rows) => rows.map((cells) => cells.map((c) => (/[",\n]/.test(c) && Math.random() < 0.5 ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

const encode = (text: string, enc: string): Buffer => {
  if (enc === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (enc === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
  if (enc === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
  if (enc === 'windows-1252') return iconv.encode(text, 'windows1252');
  return Buffer.from(text, 'utf8');
};
const encoding = fc.constantFrom('utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252');
const csvOptions: fc.Arbitrary<ReadTableOptions> = fc.record({
  name: fc.constantFrom('datos.csv', 'tabla.xlsx', 'x'),
  maxCellBytes: fc.constantFrom(16, 64, 1024 * 1024),
  maxRows: fc.constantFrom(3, 200_000),
  maxProblems: fc.constantFrom(2, 1000),
  delimiter: fc.constantFrom('auto' as const, ...TABLE_DELIMITERS),
  encoding: fc.constantFrom(undefined, 'utf8' as const, 'windows-1252' as const, 'utf16le' as const),
}, { requiredKeys: [] });

describe('readTable on malformed CSV', () => {
  it('gives rows of the header\'s width, problems with lines, or the whole-file error', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(malformedText, raggedText), encoding, csvOptions, async (text, enc, opts) => {
      await readChecked(encode(text, enc), opts);
    }), { numRuns: 400 });
  });

  it('never throws on random bytes, named as CSV or XLSX', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('datos.csv', 'libro.xlsx'), csvOptions, async (bytes, name, opts) => {
      await readChecked(Buffer.from(bytes), { ...opts, name });
    }), { numRuns: 200 });
  });
});

describe('readTable on well-formed CSV', () => {
  const cell = fc.oneof(
    { arbitrary: fc.string({ maxLength: 10, unit: 'grapheme' }), weight: 4 },
    { arbitrary: fc.constantFrom('"', 'a,b', 'x;y', 't\tu', 'uno\ndos', 'tres\r\ncuatro', 'cinco\rseis', '=SUM(A1)', '+1', '-1', '@x', ' Río Bravo ', ''), weight: 2 },
  ).filter((c) => !/[\u0000\uFFFD]/.test(c));
  const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.record({
    header: fc.uniqueArray(fc.stringMatching(/^[A-Za-zÁÉÍÓÚáéíóúñ][A-Za-z0-9 ÁÉÍÓÚáéíóúñ]{0,10}[A-Za-z0-9ñ]$/), { minLength: width, maxLength: width, selector: (h) => h.toLowerCase() }),
    rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 25 }),
    delimiter: fc.constantFrom(...TABLE_DELIMITERS),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    enc: fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'utf16be'),
  }));

  it('reads back every row with its cells, on its physical line', async () => {
    await fc.assert(fc.asyncProperty(table, async ({ header, rows, delimiter, lineEnd, enc }) => {
      const text = stringify([header, ...rows], { delimiter, record_delimiter: lineEnd === '\n' ? 'unix' : 'windows', quoted_match: /^[=+\-@ ]|[\r\n]/ });
      const r = await readTable({ bytes: encode(text, enc) }, { delimiter, ...(enc === 'utf16le' || enc === 'utf16be' ? {} : { encoding: 'utf8' }) });
      checkResult(r);
      const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
      let line = 2;
      const expected: { line: number; cells: string[] }[] = [];
      for (const cells of rows) {
        if (!cells.every((c) => c.trim() === '')) expected.push({ line, cells });
        line += 1 + cells.reduce((n, c) => n + breaks(c), 0);
      }
      expect(r.header).toEqual(header);
      expect(r.problems).toEqual([]);
      expect(r.rows).toEqual(expected);
    }), { numRuns: 250 });
  });
});

// ---- XLSX ----

describe('readTable on damaged XLSX', () => {
  const workbook = xlsxFile([
    { name: 'Datos', rows: [['Fecha', 'Lugar', 'Muertos'], [{ date: 44563 }, 'Río Bravo', 1022], [{ date: 44564.5 }, { shared: 'Colchane' }, { formula: 'C2+1', value: 1023 }]] },
    { name: 'Otra', rows: [['a']] },
  ]);

  it('refuses a workbook with bytes flipped or cut as a whole, or reads it', async () => {
    const wb = await workbook;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat({ max: wb.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }),
      fc.option(fc.nat({ max: wb.length })),
      fc.constantFrom<ReadTableOptions['sheet']>(undefined, 1, 2, 'Otra', 'Nada'),
      async (flips, cut, sheet) => {
        const bytes = Buffer.from(wb);
        for (const [at, x] of flips) bytes[at] = bytes[at]! ^ x;
        await readChecked(cut === null ? bytes : bytes.subarray(0, cut), { name: 'libro.xlsx', ...(sheet !== undefined ? { sheet } : {}) });
      },
    ), { numRuns: 150 });
  });

  const xmlJunk = fc.array(fc.oneof(
    fc.constantFrom('<row r="1">', '<row r="0">', '<row>', '</row>', '<row r="99999999">', '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>7</v></c>',
      '<c r="A2" t="inlineStr"><is><t>x</t></is></c>', '<c r="C3"><v>1e400</v></c>', '<c r="D4" s="1"><v>-99999999</v></c>', '<c r="E5" t="b"><v>2</v></c>',
      '<c r="ZZZZ1"><v>1</v></c>', '<c r="A1" t="d"><v>not a date</v></c>', '<c t="e"><v>#DIV/0!</v></c>', '<c r="A1" t="str"><f>1/0</f></c>', '&amp;', '&#0;', '<![CDATA[', ']]>', '<', '>', '"'),
    fc.string({ maxLength: 8 }),
  ), { maxLength: 40 }).map((parts) => '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + parts.join('') + '</sheetData></worksheet>');

  it('reads or refuses a workbook whose sheet XML is junk', async () => {
    const base = xlsxParts([{ name: 'Datos', rows: [['a', { shared: 'b' }]] }]);
    await fc.assert(fc.asyncProperty(xmlJunk, fc.boolean(), async (sheet, dropStyles) => {
      const parts = base
        .filter((p) => !(dropStyles && p.name === 'xl/styles.xml'))
        .map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.from(sheet) } : p));
      await readChecked(await writeZip(parts), { name: 'libro.xlsx' });
    }), { numRuns: 150 });
  });
});
