/**
 * readTable on real and hand-made files: the nine IOM Missing Migrants Project CSV files (credit:
 * IOM's Missing Migrants Project, CC BY 4.0; ../shared/fixtures/iom-missing-migrants/) read with
 * their 21 columns, every row and every cell as csv-parse reads them on its own, each row on its
 * physical line; encodings (BOM, UTF-16 LE/BE, Windows-1252, asked for); delimiters; ragged rows,
 * broken quotes, a 10 MB cell, formulas kept as text; an XLSX built in the test; and files refused
 * as a whole (empty, too large, binary junk named .csv, truncated or garbage XLSX, other types).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readTable } from './read-table.js';
import type { TableResult } from './table.js';
import { refusedTable, xlsxFile } from '../../../test/helpers/xlsx-files.js';
import { docxLike, minimalPdf, pngWithMetadata } from '../../../test/helpers/evidence-files.js';

const IOM_DIR = fileURLToPath(new URL('../../../../shared/fixtures/iom-missing-migrants/', import.meta.url));
const IOM_FILES = readdirSync(IOM_DIR).filter((f) => f.endsWith('.csv')).sort();
const IOM_HEADER = [
  'Main ID', 'Incident ID', 'Region', 'Incident Date', 'Year', 'Reported Month', 'Number Dead', 'Minimum Estimated Number of Missing',
  'Total Number of Dead and Missing', 'Number of Survivors', 'Number of Females', 'Number of Males', 'Number of Children', 'Cause of Death',
  'Location of death', 'Information Source', 'Coordinates', 'Migrantion route', 'URL', 'UNSD Geographical Grouping', 'Source Quality',
];

const read = (text: string | Buffer, opts: Parameters<typeof readTable>[1] = {}) => readTable({ bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') }, opts);

const refused = refusedTable;

const cellsOf = (r: TableResult) => r.rows.map((row) => row.cells);
const linesOf = (r: TableResult) => r.rows.map((row) => row.line);

describe('the IOM Missing Migrants Project files', () => {
  it('are nine files', () => {
    expect(IOM_FILES).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].map((y) => `MissingMigrants-Global-${y}.csv`));
  });

  let total = 0;
  it.each(IOM_FILES)('%s reads with its 21 columns, every row as csv-parse reads it, each on its line', async (file) => {
    const path = join(IOM_DIR, file);
    const bytes = readFileSync(path);
    const r = await readTable({ path }, { name: file });
    // counted independently: csv-parse on its own, the file whole in memory
    const records = parse(bytes, { bom: true, skip_empty_lines: true }) as string[][];
    expect(records[0]).toEqual(IOM_HEADER);
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf8', delimiter: ',', header: IOM_HEADER, headerLine: 1, problems: [] });
    expect(r.rows).toHaveLength(records.length - 1);
    expect(cellsOf(r)).toEqual(records.slice(1));
    // each row is on the physical line where a text editor shows it
    const physical = bytes.toString('utf8').split('\n');
    for (const row of r.rows) expect(physical[row.line - 1]!.startsWith(`${row.cells[0]},`)).toBe(true);
    total += r.rows.length;
  });

  it('hold 11,341 rows in all (SOURCE.md), with accents read right', async () => {
    expect(total).toBe(11_341);
    const r = await readTable({ path: join(IOM_DIR, 'MissingMigrants-Global-2014.csv') });
    const locations = r.rows.map((row) => row.cells[IOM_HEADER.indexOf('Location of death')]!);
    expect(locations.some((l) => l.includes('Río Bravo'))).toBe(true);
    expect(locations.every((l) => !l.includes('\uFFFD') && !l.includes('Ã'))).toBe(true);
  });

  it('reads the same from bytes as from the path', async () => {
    const path = join(IOM_DIR, 'MissingMigrants-Global-2022.csv');
    expect(await readTable({ bytes: readFileSync(path) })).toEqual(await readTable({ path }));
  });
});

describe('encodings', () => {
  const text = 'lugar,nota\nRío Bravo,niño\n';
  const expected = { header: ['lugar', 'nota'], rows: [{ line: 2, cells: ['Río Bravo', 'niño'] }], problems: [] };

  it('reads UTF-8 with a byte order mark (not part of the first column name)', async () => {
    const r = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(r).toMatchObject({ ...expected, encoding: 'utf8-bom' });
  });

  it('reads UTF-16 little-endian and big-endian with a byte order mark', async () => {
    expect(await read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toMatchObject({ ...expected, encoding: 'utf16le' });
    expect(await read(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]))).toMatchObject({ ...expected, encoding: 'utf16be' });
  });

  it('refuses UTF-16 without a byte order mark as binary unless it is asked for', async () => {
    const e = await refused(read(iconv.encode(text, 'utf16be'), { name: 'datos.csv' }));
    expect(e.code).toBe('unsupported_type');
    expect(e.message).toMatch(/the file.*NUL bytes.*choose that encoding/);
    expect(await read(iconv.encode(text, 'utf16be'), { encoding: 'utf16be' })).toMatchObject({ ...expected, encoding: 'utf16be', encodingReason: 'asked for' });
  });

  it('detects Windows-1252 ("Río Bravo", "niño" in its bytes)', async () => {
    const bytes = Buffer.from([...Buffer.from('lugar,nota\nR'), 0xed, ...Buffer.from('o Bravo,ni'), 0xf1, ...Buffer.from('o\n')]);
    expect(bytes).toEqual(iconv.encode(text, 'windows1252'));
    expect(await read(bytes)).toMatchObject({ ...expected, encoding: 'windows-1252' });
  });

  it('reads with the encoding asked for instead of the detected one', async () => {
    const r = await read(Buffer.from(text, 'utf8'), { encoding: 'windows-1252' });
    expect(r.encoding).toBe('windows-1252');
    expect(r.rows[0]!.cells).toEqual(['RÃ\u00ado Bravo', 'niÃ±o']);
    // Windows-1252 bytes read as UTF-8: the row is a problem, not silently mangled
    const asUtf8 = await read(iconv.encode(text, 'windows1252'), { encoding: 'utf8' });
    expect(asUtf8.rows).toEqual([]);
    expect(asUtf8.problems).toEqual([expect.objectContaining({ line: 2, column: 'lugar', code: 'undecodable_bytes' })]);
  });

  it('makes bytes that are not UTF-8 after the detected-as-UTF-8 head a problem on their row', async () => {
    const bytes = Buffer.concat([Buffer.from(`a,b\n1,${'x'.repeat(70_000)}\n2,R`), Buffer.from([0xed]), Buffer.from('o\n3,ok\n')]);
    const r = await read(bytes);
    expect(r.encoding).toBe('utf8');
    expect(linesOf(r)).toEqual([2, 4]);
    expect(r.problems).toEqual([{ line: 3, column: 'b', code: 'undecodable_bytes', message: 'the cell holds bytes that are not valid UTF-8 (shown as \uFFFD); the row is left out. If the file is in another encoding, choose it' }]);
  });

  it('reads a multi-byte character cut between two chunks of a large file', async () => {
    const filler = `id,nota\n1,${'x'.repeat(65_536 - 11)}`; // the "ñ" below starts at byte 65,535
    const bytes = Buffer.from(`${filler}ñ\n2,año\n`);
    expect(bytes.indexOf(Buffer.from('ñ'))).toBe(65_535);
    const r = await read(bytes);
    expect(r.rows.map((row) => row.cells[1]!.slice(-3))).toEqual(['xxñ', 'año']);
    expect(r.problems).toEqual([]);
  });
});

describe('delimiters', () => {
  it('detects semicolons (decimal commas in the cells) and tabs', async () => {
    expect(await read('fecha;lugar;muertos\n01/02/2022;Río Bravo, Coahuila;1,5\n')).toMatchObject({
      delimiter: ';', header: ['fecha', 'lugar', 'muertos'], rows: [{ line: 2, cells: ['01/02/2022', 'Río Bravo, Coahuila', '1,5'] }],
    });
    expect(await read('fecha\tlugar\tmuertos\n01/02/2022\t"Río\tBravo"\t1,5\n')).toMatchObject({
      delimiter: '\t', rows: [{ line: 2, cells: ['01/02/2022', 'Río\tBravo', '1,5'] }],
    });
  });

  it('uses the delimiter asked for', async () => {
    const r = await read('a;b,c\n1;2,3\n', { delimiter: ';' });
    expect(r).toMatchObject({ delimiter: ';', header: ['a', 'b,c'], rows: [{ line: 2, cells: ['1', '2,3'] }] });
  });
});

describe('rows and problems', () => {
  it('trims the header, names empty and repeated columns, and keeps cells as they are', async () => {
    const r = await read(' Fecha ,,Lugar,lugar\n 1 , 2 ,3,4\n');
    expect(r.header).toEqual(['Fecha', 'column 2', 'Lugar', 'column 4']);
    expect(r.rows).toEqual([{ line: 2, cells: [' 1 ', ' 2 ', '3', '4'] }]);
    expect(r.problems).toEqual([
      { line: 1, column: 'column 2', code: 'empty_header', message: 'column 2 has no name; it is called "column 2"' },
      { line: 1, column: 'column 4', code: 'duplicate_header', message: 'column 4 is named "lugar" like an earlier column; it is called "column 4"' },
    ]);
  });

  it('makes a ragged row a problem on its line, saying how many cells it has, and leaves it out', async () => {
    const r = await read('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(linesOf(r)).toEqual([2, 5]);
    expect(r.problems).toEqual([
      { line: 3, code: 'ragged_row', message: 'this row has 2 cells; the header has 3; the row is left out' },
      { line: 4, code: 'ragged_row', message: 'this row has 4 cells; the header has 3; the row is left out' },
    ]);
  });

  it('makes a broken quote in the middle a problem on its line, and still reads the rows after it', async () => {
    const r = await read('id,nombre,nota\n1,Ana,ok\n2,"Luis,sin cerrar\n3,Eva,"dos\nlíneas"\n4,Juan,"con ""comillas"""\n5,Rosa,fin\n');
    expect(r.rows).toEqual([
      { line: 2, cells: ['1', 'Ana', 'ok'] },
      { line: 4, cells: ['3', 'Eva', 'dos\nlíneas'] },
      { line: 6, cells: ['4', 'Juan', 'con "comillas"'] },
      { line: 7, cells: ['5', 'Rosa', 'fin'] },
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, code: 'broken_quote' })]);
  });

  it('gives rows after cells with line breaks their physical line', async () => {
    const r = await read('a,b\r\n"uno\r\ndos\r\ntres",1\r\n\r\nx,"y\ny"\r\nz,2\r\n');
    expect(r.rows).toEqual([
      { line: 2, cells: ['uno\r\ndos\r\ntres', '1'] },
      { line: 6, cells: ['x', 'y\ny'] },
      { line: 8, cells: ['z', '2'] },
    ]);
  });

  it('makes a 10 MB cell a problem on its line and reads the rest of the file', async () => {
    const big = 'Lorem ipsum dolor sit amet. '.repeat(375_000); // 10.5 MB
    const lines = ['id,nota', '1,corta', `2,"${big}"`, '3,"otra\nnota"', `4,${big}`, `5,"${big.replace(/\. /g, '.\n')}"`, '6,fin'];
    const before = process.memoryUsage().heapUsed;
    const r = await read(lines.join('\n'));
    expect(r.rows).toEqual([
      { line: 2, cells: ['1', 'corta'] },
      { line: 4, cells: ['3', 'otra\nnota'] },
      { line: 7 + 375_000 + 1, cells: ['6', 'fin'] }, // after line 7's cell and its 375,000 line breaks
    ]);
    expect(r.problems).toEqual([
      { line: 3, column: 'nota', code: 'cell_too_large', message: 'cell 2 is larger than 1048576 bytes; the row is left out' },
      { line: 6, column: 'nota', code: 'cell_too_large', message: 'cell 2 is larger than 1048576 bytes; the row is left out' },
      { line: 7, column: 'nota', code: 'cell_too_large', message: 'cell 2 is larger than 1048576 bytes; the row is left out' },
    ]);
    // the large cells are not kept: the result is small
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('keeps cells that look like formulas as text', async () => {
    const r = await read('a,b,c,d\n=SUM(A1:A9),+52 1 555,-3+4,@cmd\n"=HYPERLINK(""http://x"",""y"")",=1+1,"=cmd|\' /C calc\'!A0",\n');
    expect(cellsOf(r)).toEqual([
      ['=SUM(A1:A9)', '+52 1 555', '-3+4', '@cmd'],
      ['=HYPERLINK("http://x","y")', '=1+1', "=cmd|' /C calc'!A0", ''],
    ]);
  });

  it('skips blank lines and rows whose cells are all empty, keeping line numbers', async () => {
    const r = await read('\n\na,b\n\n1,2\n , \n,\n3,4\n\n');
    expect(r.headerLine).toBe(3);
    expect(r.rows).toEqual([{ line: 5, cells: ['1', '2'] }, { line: 8, cells: ['3', '4'] }]);
    expect(r.problems).toEqual([]);
  });

  it('makes a NUL after the first 64 KiB a problem on its line', async () => {
    const r = await read(`a,b\n1,${'x'.repeat(70_000)}\n2,y\u0000y\n3,z\n`);
    expect(linesOf(r)).toEqual([2, 4]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, column: 'b', code: 'nul_character' })]);
  });

  it('stops after maxRows, with a problem on the first row left unread', async () => {
    const r = await read('a\n1\n2\n3\n4\n', { maxRows: 2 });
    expect(linesOf(r)).toEqual([2, 3]);
    expect(r.problems).toEqual([{ line: 4, code: 'too_many_rows', message: 'the file has more than 2 rows; only the first 2 were read' }]);
  });

  it('lists the first maxProblems problems by line, and counts the rest', async () => {
    const text = `a,b\n${Array.from({ length: 30 }, (_, i) => (i % 2 ? `${i},${i}` : `${i}`)).join('\n')}\n`;
    const r = await read(text, { maxProblems: 5 });
    expect(r.rows).toHaveLength(15);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[2, 'ragged_row'], [4, 'ragged_row'], [6, 'ragged_row'], [8, 'ragged_row'], [10, 'ragged_row'], [12, 'too_many_problems']]);
    expect(r.problems.at(-1)!.message).toBe('10 more problems from this line on, not listed (only the first 5 are)');
  });

  it('refuses a file whose header line cannot be read', async () => {
    const e = await refused(read('a,"b\n1,2\n', { name: 'roto.csv' }));
    expect(e).toMatchObject({ status: 400, code: 'unreadable_file' });
    expect(e.message).toBe('file: the file cannot be read: its first line (the column names) has a problem: the quote that opens a cell on line 1 is never closed');
  });
});

describe('XLSX', () => {
  const workbook = () => xlsxFile([
    {
      name: 'Incidentes', rows: [
        { r: 2, cells: [' Fecha ', 'Lugar', { shared: 'Muertos' }, 'Doble', 'Confirmado', 'Nota'] },
        [{ date: 41645 }, { shared: 'Río Bravo, Coahuila' }, 1022, { formula: 'C3*2', value: 2044 }, true, '=no se evalúa'],
        { r: 5, cells: [{ date: 44563.5 }, 'Colchane', 0.1, { formula: 'B5&"!"', value: 'Colchane!' }, false, null] },
        [null, null, null, null, null, null],
        [null, 'Lampedusa', 1.5e-7, 12345678901234567890, null, '+52 1'],
      ],
    },
    { name: 'Notas', rows: [['clave', 'valor'], ['a', 1]] },
  ]);

  it('reads the first sheet: header trimmed, row numbers as lines, values as text', async () => {
    const r = await read(await workbook(), { name: 'libro.xlsx' });
    expect(r).toEqual({
      format: 'xlsx',
      sheets: ['Incidentes', 'Notas'],
      sheet: 'Incidentes',
      header: ['Fecha', 'Lugar', 'Muertos', 'Doble', 'Confirmado', 'Nota'],
      headerLine: 2,
      rows: [
        { line: 3, cells: ['2014-01-06', 'Río Bravo, Coahuila', '1022', '2044', 'TRUE', '=no se evalúa'] },
        { line: 5, cells: ['2022-01-02T12:00', 'Colchane', '0.1', 'Colchane!', 'FALSE', ''] },
        { line: 7, cells: ['', 'Lampedusa', '0.00000015', '12345678901234600000', '', '+52 1'] },
      ],
      problems: [],
    });
  });

  it('reads the sheet asked for, by name or number', async () => {
    const wb = await workbook();
    for (const sheet of ['Notas', 2] as const) {
      expect(await read(wb, { sheet })).toMatchObject({ sheet: 'Notas', header: ['clave', 'valor'], rows: [{ line: 2, cells: ['a', '1'] }] });
    }
    const e = await refused(read(wb, { sheet: 'Hoja1', name: 'libro.xlsx' }));
    expect(e).toMatchObject({ status: 400, code: 'sheet_not_found', message: 'file: the file has no sheet named "Hoja1": its sheets are "Incidentes", "Notas"' });
  });

  it('reads an XLSX file from a path too (no file written by the reader)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitacora-table-'));
    try {
      const path = join(dir, 'libro.xlsx');
      writeFileSync(path, await workbook());
      expect(await readTable({ path })).toEqual(await read(readFileSync(path)));
      expect(readdirSync(dir)).toEqual(['libro.xlsx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a truncated XLSX and garbage in a zip as a whole, naming the file', async () => {
    const wb = await workbook();
    for (const bytes of [wb.subarray(0, wb.length >> 1), wb.subarray(0, wb.length - 22), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 0x41)])]) {
      const e = await refused(read(bytes, { name: 'libro.xlsx' }));
      expect(e.code).toBe('unreadable_file');
      expect(e.message).toMatch(/^file: the file cannot be read: it looks like a zip archive \(as XLSX files are\) but is damaged/);
      expect(e.problems).toEqual([expect.objectContaining({ path: 'file', code: 'unreadable_file' })]);
    }
  });
});

describe('files refused as a whole', () => {
  it('refuses binary junk named .csv, naming the file', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const e = await refused(read(junk, { name: 'incidentes.csv' }));
    expect(e).toMatchObject({ status: 415, code: 'unsupported_type' });
    expect(e.message).toMatch(/^file: the file is not a CSV or XLSX table/);
  });

  it('refuses other types by their content, whatever the name', async () => {
    expect((await refused(read(minimalPdf(), { name: 'tabla.csv' }))).message).toBe('file: the file is not a CSV or XLSX table: its content is PDF (application/pdf)');
    expect((await refused(read(pngWithMetadata(), { name: 'tabla.xlsx' }))).code).toBe('unsupported_type');
    expect((await refused(read(await docxLike(), { name: 'tabla.xlsx' }))).message).toBe('file: the file is a DOCX document, not a table');
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect((await refused(read(cfb, { name: 'viejo.xls' }))).message).toMatch(/old Excel \(\.xls\) file.*save it as \.xlsx or CSV/);
  });

  it('refuses an empty file, one with only blank lines, and one over maxBytes', async () => {
    expect(await refused(read(Buffer.alloc(0)))).toMatchObject({ status: 400, code: 'empty_file', message: 'file: the file is empty' });
    expect(await refused(read('\n\r\n\n'))).toMatchObject({ code: 'empty_file' });
    expect(await refused(read('a,b\n1,2\n', { maxBytes: 5 }))).toMatchObject({ status: 413, code: 'file_too_large' });
  });

  it('refuses a path that is not a file', async () => {
    expect(await refused(readTable({ path: join(tmpdir(), 'no-such-table-file.csv') }))).toMatchObject({ code: 'unreadable_file' });
    expect(await refused(readTable({ path: tmpdir() }))).toMatchObject({ code: 'unreadable_file' });
  });

  it('never names the file, whatever its name (names may identify someone)', async () => {
    expect((await refused(read(Buffer.alloc(0), { name: 'a\u0000b\u202e"c.csv' }))).message).toBe('file: the file is empty');
    expect((await refused(read(Buffer.alloc(0), { name: '  ' }))).message).toBe('file: the file is empty');
  });
});
