/**
 * Importing real CSV files through the import use case (issue 8, ADR 0020) — what `bitacora
 * import-table` and the web app do: the file's bytes read (encoding, delimiter), converted through a
 * mapping (dates, places, codes, counts, every problem on its line), then committed all or nothing
 * (recordIncidents in batches in one transaction: sealing, search index, history, audit), into an
 * empty workspace on the same backend. Two files:
 * - a CSV written from the dataset's own incidents (titles and summaries in both languages, place,
 *   first act, perpetrator, a victim by pseudonym — each row's victim a new person, as an import makes them),
 *   once per seed and row count;
 * - the nine real-world files of IOM's Missing Migrants Project (CC BY 4.0, ../shared/fixtures), 11,341
 *   rows: dates M/D/Y with weekdays, coordinates sealed as each incident's point, country from them.
 * The floor: the same number of rows, already parsed, as raw INSERTs of the incident row, 1,000 per transaction.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImportSessions } from '../../src/services/import/import-sessions.js';
import { startImport } from '../../src/services/import/start-import.js';
import { prepareCommit } from '../../src/services/import/commit-import.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { Dataset } from '../lib/dataset.js';
import { openEmptyWorkspace, dropDataset } from '../lib/dataset.js';
import { openRaw, type RawDb } from '../lib/raw-db.js';
import { SCRATCH } from '../lib/paths.js';

export const CSV_HEADER = ['title', 'summary', 'date_start', 'date_end', 'precision', 'country', 'state', 'locality', 'act', 'perpetrator', 'victim', 'victim_role', 'status', 'follow_up', 'confidentiality'] as const;
type CsvRow = Record<(typeof CSV_HEADER)[number], string>;

type Rate = { seconds: number; rowsPerSecond: number };
export interface ImportResult {
  rows: number; bytes: number; ours: Rate; parseOnly: Rate; floor: Rate;
  /** of ours: reading and converting (the dry run's work), and writing */
  convert?: Rate; write?: Rate;
  /** the IOM Missing Migrants files, through the same use case */
  iom?: { rows: number; bytes: number; ours: Rate; convert: Rate; write: Rate; floor: Rate };
}

const DATASET_MAPPING = {
  columns: { title: 'title', summary: 'summary', date_start: 'date', date_end: 'dateEnd', country: 'country', state: 'state', locality: 'locality', act: 'act', perpetrator: 'perpetrator', victim: 'victim', victim_role: 'victimRole', status: 'status', follow_up: 'followUp', confidentiality: 'confidentiality' },
  options: { dateOrder: 'auto', decimal: '.', placeFromCoordinates: false },
};
const IOM_DIR = fileURLToPath(new URL('../../../shared/fixtures/iom-missing-migrants/', import.meta.url));
const IOM_MAPPING = {
  columns: { 'Main ID': 'externalId', 'Incident Date': 'date', Year: 'year', 'Reported Month': 'month', 'Number Dead': 'counts.dead', 'Minimum Estimated Number of Missing': 'counts.missing', 'Number of Survivors': 'counts.survivors', 'Number of Females': 'counts.women', 'Number of Males': 'counts.men', 'Number of Children': 'counts.children', 'Cause of Death': 'act', 'Location of death': 'title', 'Information Source': 'summary', URL: 'summary', Coordinates: 'coordinates', Region: 'region' },
  options: { dateOrder: 'mdy', decimal: '.' },
};

/** One file through the import use case: convert (as the commit does), then write; seconds of each. */
async function importFile(ctx: ServiceContext, bytes: Buffer, mapping: unknown): Promise<{ rows: number; convert: number; write: number }> {
  const sessions = new ImportSessions();
  let t = performance.now();
  const s = await startImport(ctx, sessions, bytes);
  const commit = await prepareCommit(ctx, sessions.get(ctx.user.id, s.id)!, mapping);
  const convert = (performance.now() - t) / 1000;
  t = performance.now();
  await commit.write(() => undefined);
  return { rows: commit.total, convert, write: (performance.now() - t) / 1000 };
}

const rate = (rows: number, seconds: number): Rate => ({ seconds, rowsPerSecond: rows / seconds });

/** Writes `rows` incidents of the dataset as CSV (plain, non-identifying columns only). */
async function writeCsv(d: Dataset, raw: RawDb, rows: number, file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(stringify([CSV_HEADER as unknown as string[]]));
  const sql = `SELECT i.title, i.summary, i.date_start, i.date_end, i.place_precision, i.country, i.state, i.locality, i.status, i.follow_up, i.confidentiality,
      (SELECT a.kind FROM acts a WHERE a.incident_id = i.id ORDER BY a.ordinal LIMIT 1) AS act,
      (SELECT p.perpetrator FROM involvements p WHERE p.incident_id = i.id ORDER BY p.ordinal LIMIT 1) AS perpetrator,
      (SELECT ac.pseudonym FROM incident_victims v JOIN actors ac ON ac.id = v.actor_id WHERE v.incident_id = i.id AND ac.kind = 'person' ORDER BY v.ordinal LIMIT 1) AS victim,
      (SELECT ac.role FROM incident_victims v JOIN actors ac ON ac.id = v.actor_id WHERE v.incident_id = i.id AND ac.kind = 'person' ORDER BY v.ordinal LIMIT 1) AS victim_role
    FROM incidents i WHERE i.place_precision <> 'crossing' AND i.place_precision <> 'route' ORDER BY i.seq LIMIT ${rows}`;
  for (const r of (await raw.all(sql)) as Record<string, string | null>[]) {
    const line = stringify([[r['title'], r['summary'], r['date_start'], r['date_end'], r['place_precision'], r['country'], r['state'], r['locality'], r['act'], r['perpetrator'], r['victim'], r['victim_role'], r['status'], r['follow_up'], r['confidentiality']]]);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function* csvRows(file: string): AsyncGenerator<CsvRow> {
  yield* createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true })) as AsyncIterable<CsvRow>;
}

export async function measureImport(d: Dataset, raw: RawDb, pgUrl: string, rows: number, log: (l: string) => void): Promise<ImportResult> {
  mkdirSync(SCRATCH, { recursive: true });
  // the datasets of both backends hold the same incidents for a seed: the file is written once
  const file = join(SCRATCH, `incidents-${rows}-s${d.build.seed}.csv`);
  if (!existsSync(file)) {
    // written aside and renamed: another run never reads a half-written file
    await writeCsv(d, raw, rows, `${file}.${process.pid}`);
    renameSync(`${file}.${process.pid}`, file);
  }
  const bytes = statSync(file).size;

  let t = performance.now();
  let parsed = 0;
  for await (const _ of csvRows(file)) parsed++;
  const parseSeconds = (performance.now() - t) / 1000;

  const target = await openEmptyWorkspace(d.backend, pgUrl);
  const targetRaw = await openRaw(target, pgUrl);
  try {
    // ours: the import use case on the file's bytes
    const one = await importFile(target.ctx, readFileSync(file), DATASET_MAPPING);
    const imported = one.rows;
    const oursSeconds = one.convert + one.write;

    // the real-world files: IOM's, one after another into the same workspace
    const iomFiles = readdirSync(IOM_DIR).filter((f) => f.endsWith('.csv')).sort();
    let iomRows = 0, iomBytes = 0, iomConvert = 0, iomWrite = 0;
    for (const f of iomFiles) {
      const bytes = readFileSync(IOM_DIR + f);
      const r = await importFile(target.ctx, bytes, IOM_MAPPING);
      iomRows += r.rows; iomBytes += bytes.length; iomConvert += r.convert; iomWrite += r.write;
    }

    // floor: the same rows, parsed beforehand, as raw INSERTs of the incident row
    const all: CsvRow[] = [];
    for await (const row of csvRows(file)) all.push(row);
    const p = d.backend === 'postgres' ? (i: number) => `$${i}` : () => '?';
    const cols = 'id, org_id, title, summary, date_start, date_end, date_approx, date_from, date_to, place_precision, country, state, locality, status, follow_up, confidentiality, created_at, created_by, updated_at, updated_by, version';
    const ins = `INSERT INTO incidents (${cols}) VALUES (${Array.from({ length: 21 }, (_, i) => p(i + 1)).join(', ')})`;
    const now = new Date().toISOString();
    const u = target.ctx.user;
    t = performance.now();
    for (let i = 0; i < all.length; i += 1000) {
      await targetRaw.transaction(async () => {
        for (const [k, r] of all.slice(i, i + 1000).entries()) {
          await targetRaw.run(ins, [`raw-${i + k}`, u.orgId, r.title, r.summary || null, r.date_start || null, r.date_end || null, 0, r.date_start || null, r.date_end || r.date_start || null, r.precision, r.country || null, r.state || null, r.locality || null, r.status, r.follow_up, r.confidentiality, now, u.id, now, u.id, 1]);
        }
      });
    }
    const floorSeconds = (performance.now() - t) / 1000;
    const floor = rate(all.length, floorSeconds);
    const result: ImportResult = {
      rows: imported, bytes,
      ours: rate(imported, oursSeconds), convert: rate(imported, one.convert), write: rate(imported, one.write),
      parseOnly: rate(parsed, parseSeconds),
      floor,
      iom: { rows: iomRows, bytes: iomBytes, ours: rate(iomRows, iomConvert + iomWrite), convert: rate(iomRows, iomConvert), write: rate(iomRows, iomWrite), floor },
    };
    log(`  import ${imported} rows: ${result.ours.rowsPerSecond.toFixed(0)} rows/s (convert ${result.convert!.rowsPerSecond.toFixed(0)}, write ${result.write!.rowsPerSecond.toFixed(0)}; floor ${floor.rowsPerSecond.toFixed(0)}, parse alone ${result.parseOnly.rowsPerSecond.toFixed(0)}); IOM ${iomRows} rows: ${result.iom!.ours.rowsPerSecond.toFixed(0)} rows/s`);
    return result;
  } finally {
    await targetRaw.close();
    await target.close();
    await dropDataset(target, pgUrl);
  }
}
