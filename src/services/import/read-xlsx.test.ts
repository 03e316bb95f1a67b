/**
 * The XLSX reader: sheet names from the workbook, the sheet chosen, the header found below empty
 * rows, cells over the limit, maxRows, an empty sheet; zips that are not workbooks, and zip bombs
 * (declared and disguised) refused before read-excel-file inflates anything.
 */
import { describe, it, expect } from 'vitest';
import { crc32 } from 'node:zlib';
import { readXlsx, MAX_XML_BYTES, MAX_SHEET_CELLS } from './read-xlsx.js';
import { tableLimits } from './table.js';
import { refusedTable, xlsxFile, xlsxParts } from '../../../test/helpers/xlsx-files.js';
import { writeZip, rawBomb } from '../../../test/helpers/bundle-zips.js';
import { rawZip, stored, type RawEntry } from '../../../test/helpers/evidence-files.js';

const limits = tableLimits({});

const refused = refusedTable;

describe('readXlsx', () => {
  it('takes the first row with a value as the header, and names columns that have none', async () => {
    const bytes = await xlsxFile([{ name: 'S', rows: [{ r: 4, cells: ['a', null, 'c'] }, ['1', '2', '3', 'extra']] }]);
    const r = await readXlsx({ bytes }, {}, limits);
    expect(r).toMatchObject({ headerLine: 4, header: ['a', 'column 2', 'c', 'column 4'], rows: [{ line: 5, cells: ['1', '2', '3', 'extra'] }] });
    expect(r.problems.map((p) => [p.line, p.code, p.column])).toEqual([[4, 'empty_header', 'column 2'], [4, 'empty_header', 'column 4']]);
  });

  it('makes a cell over the limit a problem on its row, and stops after maxRows', async () => {
    const bytes = await xlsxFile([{ name: 'S', rows: [['id', 'nota'], [1, 'x'.repeat(2000)], [2, 'ñ'.repeat(600)], [3, 'ok'], [4, 'más'], [5, 'no']] }]);
    const r = await readXlsx({ bytes }, {}, tableLimits({ maxCellBytes: 1000, maxRows: 4 }));
    expect(r.rows).toEqual([{ line: 4, cells: ['3', 'ok'] }, { line: 5, cells: ['4', 'más'] }]);
    expect(r.problems).toEqual([
      { line: 2, column: 'nota', code: 'cell_too_large', message: 'the cell is larger than 1000 bytes; the row is left out' },
      { line: 3, column: 'nota', code: 'cell_too_large', message: 'the cell is larger than 1000 bytes; the row is left out' },
      { line: 6, code: 'too_many_rows', message: 'the sheet has more than 4 rows; only the first 4 were read' },
    ]);
  });

  it('refuses an empty sheet and a sheet number out of range', async () => {
    const bytes = await xlsxFile([{ name: 'Vacía', rows: [] }, { name: 'Otra', rows: [['a']] }]);
    expect(await refused(readXlsx({ bytes }, { name: 'l.xlsx' }, limits))).toMatchObject({ code: 'empty_file', message: 'file: the file has no rows: its sheet "Vacía" is empty' });
    expect(await refused(readXlsx({ bytes }, { sheet: 3 }, limits))).toMatchObject({ code: 'sheet_not_found', message: 'file: the file has no sheet number 3: it has 2 ("Vacía", "Otra")' });
    expect(await refused(readXlsx({ bytes }, { sheet: 0 }, limits))).toMatchObject({ code: 'sheet_not_found' });
  });

  it('refuses a zip that is not a workbook', async () => {
    const bytes = await writeZip([{ name: 'datos.csv', data: Buffer.from('a,b\n') }, { name: 'notas.xml', data: Buffer.from('<a/>') }]);
    expect(await refused(readXlsx({ bytes }, { name: 'x.zip' }, limits))).toMatchObject({ status: 415, code: 'unsupported_type', message: 'file: the file is a zip archive but not an XLSX workbook' });
  });

  it('refuses a workbook whose XML declares more than the limit, without inflating it', async () => {
    const parts: RawEntry[] = xlsxParts([{ name: 'S', rows: [['a']] }]).filter((p) => !p.name.startsWith('xl/worksheets/')).map((p) => stored(p.name, p.data.toString('utf8')));
    const bomb = rawZip([...parts, rawBomb('xl/worksheets/sheet1.xml', MAX_XML_BYTES / 1024 / 1024 + 1)]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refused(readXlsx({ bytes: bomb }, { name: 'bomba.xlsx' }, limits))).toMatchObject({ status: 413, code: 'file_too_large' });
  });

  it('refuses a workbook whose sheet inflates to more than it declares', async () => {
    const parts: RawEntry[] = xlsxParts([{ name: 'S', rows: [['a']] }]).filter((p) => !p.name.startsWith('xl/worksheets/')).map((p) => stored(p.name, p.data.toString('utf8')));
    const liar = { ...rawBomb('xl/worksheets/sheet1.xml', 8), size: 1000 };
    const e = await refused(readXlsx({ bytes: rawZip([...parts, liar]) }, { name: 'bomba.xlsx' }, limits));
    expect(e.code).toBe('unreadable_file');
    expect(e.message).toMatch(/damaged/);
  });

  it('refuses a tiny sheet that names cells past Excel\'s limits, or a rectangle over the cell limit, before parsing it', async () => {
    const withSheet = (sheet: string) => writeZip(xlsxParts([{ name: 'S', rows: [['a']] }])
      .map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`) } : p)));
    const far = await withSheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="A99999999"><v>1</v></c></row>');
    expect(far.length).toBeLessThan(4096);
    expect(await refused(readXlsx({ bytes: far }, { name: 'l.xlsx' }, limits))).toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/past row 1048576 or column 16384/) });
    const wide = await withSheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row><row r="300000"><c r="A300000"><v>1</v></c></row>');
    expect(await refused(readXlsx({ bytes: wide }, { name: 'l.xlsx' }, limits))).toMatchObject({
      status: 413, code: 'file_too_large', message: `file: the file is too large: its sheet spans 300000 rows × 16384 columns; at most ${MAX_SHEET_CELLS} cells are read`,
    });
  });

  it('reads parts stored without compression, and ignores files that are not XML', async () => {
    const parts = xlsxParts([{ name: 'S', rows: [['a', 'b'], ['1', '2']] }]).map((p) => stored(p.name, p.data.toString('utf8')));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const bytes = rawZip([...parts, { name: 'xl/media/image1.png', method: 0, data: png, crc: crc32(png) >>> 0, size: png.length }]);
    expect(await readXlsx({ bytes }, {}, limits)).toMatchObject({ header: ['a', 'b'], rows: [{ line: 2, cells: ['1', '2'] }] });
  });
});
