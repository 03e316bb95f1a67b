/**
 * The delimiter of a CSV file from its first lines: each candidate (comma, semicolon, tab) splits
 * the sample into records (quotes respected); one that gives the header fewer than two columns is
 * out; of the rest, the one whose later records most often have as many cells as the header wins,
 * then the one giving more columns, then comma before semicolon before tab. No candidate: comma.
 */
import { RecordSplitter } from './csv-records.js';
import { TABLE_DELIMITERS, type TableDelimiter } from './table.js';

export interface DetectedDelimiter {
  delimiter: TableDelimiter;
  reason: string;
}

const SAMPLE_RECORDS = 50;
const NAMES: Record<TableDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** Cell counts of the first records of `sample` split by `delimiter` (a broken record counts as -1). */
function cellCounts(sample: string, delimiter: TableDelimiter, complete: boolean): number[] {
  const counts: number[] = [];
  const splitter = new RecordSplitter({
    delimiter,
    maxCellBytes: Number.MAX_SAFE_INTEGER,
    replayBudget: 0,
    onRecord: (r) => {
      counts.push(r.cells);
      if (counts.length >= SAMPLE_RECORDS) splitter.stop();
    },
    onProblem: () => {
      counts.push(-1);
      if (counts.length >= SAMPLE_RECORDS) splitter.stop();
    },
  });
  splitter.push(sample);
  // a cut sample's last record may be incomplete: it is left out
  if (complete) splitter.end();
  return counts;
}

/** `sample`: the first part of the decoded text; `complete`: it is the whole file. */
export function detectDelimiter(sample: string, complete: boolean): DetectedDelimiter {
  let best: { d: TableDelimiter; share: number; columns: number; rows: number } | undefined;
  for (const d of TABLE_DELIMITERS) {
    const counts = cellCounts(sample, d, complete);
    const columns = counts[0] ?? 0;
    if (columns < 2) continue;
    const rest = counts.slice(1);
    const share = rest.length === 0 ? 1 : rest.filter((c) => c === columns).length / rest.length;
    if (!best || share > best.share || (share === best.share && columns > best.columns)) best = { d, share, columns, rows: rest.length };
  }
  if (!best) return { delimiter: ',', reason: 'no delimiter splits the first line into columns: comma' };
  const rest = best.rows === 0 ? '' : `, and as many to ${Math.round(best.share * best.rows)} of the ${best.rows} rows after it`;
  return { delimiter: best.d, reason: `${NAMES[best.d]}: it gives the header ${best.columns} columns${rest}` };
}
