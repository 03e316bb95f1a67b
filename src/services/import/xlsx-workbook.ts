/**
 * What the XLSX reader learns from a workbook's XML before read-excel-file parses it: the sheets'
 * names (xl/workbook.xml), which part holds a sheet (xl/_rels/workbook.xml.rels), and how far a
 * sheet's cells reach (its highest row and column). read-excel-file fills every row and column up
 * to the last one it meets, so a kilobyte of XML naming cell XFD1048576 would make it build
 * billions of empty cells: the reader refuses such a sheet before parsing it.
 */

/** Excel's own limits: a sheet past them is damaged. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e.toLowerCase()] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The `<sheet>` elements of xl/workbook.xml, in order (as read-excel-file numbers them). */
function sheetElements(workbookXml: string): string[] {
  const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? '';
  return [...sheets.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((m) => m[1] ?? '');
}

/** The names of the sheets, in order. */
export function sheetNames(workbookXml: string): string[] {
  return sheetElements(workbookXml).map((attrs) => attribute(attrs, 'name') ?? '');
}

/** The zip path of the `index`-th sheet (1 for the first), or undefined when the workbook does not say. */
export function sheetPart(workbookXml: string, relsXml: string, index: number): string | undefined {
  const attrs = sheetElements(workbookXml)[index - 1];
  const id = attrs === undefined ? undefined : attribute(attrs, '\\w+:id');
  if (!id) return undefined;
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (attribute(m[1] ?? '', 'Id') !== id) continue;
    const target = attribute(m[1] ?? '', 'Target');
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return undefined;
}

/** "AB12" → [12, 28]; undefined when it is not a cell reference. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,9})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * The highest row and column a sheet's `<row>` and `<c>` elements reach (a row without a number
 * follows the one before; a cell without a reference follows the one before in its row).
 */
const R_ATTRIBUTE = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

export function sheetExtent(sheetXml: string): { rows: number; columns: number } {
  let row = 0, rows = 0, columns = 0, col = 0;
  for (const m of sheetXml.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)) {
    const a = R_ATTRIBUTE.exec(m[2] ?? '');
    const r = a ? (a[1] ?? a[2] ?? '') : undefined;
    if (m[1] === 'row') {
      const n = r !== undefined && /^\d{1,9}$/.test(r.trim()) ? Number(r) : row + 1;
      row = n;
      col = 0;
      if (n > rows) rows = n;
    } else {
      const ref = r === undefined ? undefined : cellRef(r);
      if (ref) {
        col = ref[1];
        if (ref[0] > rows) rows = ref[0];
      } else {
        col++;
      }
      if (col > columns) columns = col;
    }
  }
  return { rows, columns };
}
