/**
 * The XLSX file of a records export, zipped in memory (write-excel-file, MIT): one sheet, the
 * header row kept in view while scrolling. Nothing touches the disk.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { SheetCell } from '../../domain/exports/tabular.js';

export async function xlsxBuffer(sheet: string, data: SheetCell[][]): Promise<Buffer> {
  return writeXlsxFile(data as SheetData, { sheet, stickyRowsCount: 1 }).toBuffer();
}
