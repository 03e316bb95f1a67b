/**
 * Importing a real CSV file. There is no CSV import use case yet (issue 8 builds it), so this is
 * the closest real path: the file is read and parsed with csv-parse (streaming), each row becomes
 * incident input (one act, its perpetrator, a victim by pseudonym — recorded once, then referred
 * to by id; a row naming someone first met in the batch being filled waits for the next batch),
 * and batches of 1,000 go through `recordIncidents` (validation, codes, sealing,
 * search index, history, audit; one transaction each) into an empty workspace on the same backend.
 * The floor: the same rows, already parsed, as raw INSERTs of the incident row, 1,000 per transaction.
 * The file is written from the dataset's own incidents (titles and summaries in both languages),
 * once per seed and row count.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { recordIncidents } from '../../src/services/incidents/record-incidents.js';
import type { Dataset } from '../lib/dataset.js';
import { openEmptyWorkspace, dropDataset } from '../lib/dataset.js';
import { openRaw, type RawDb } from '../lib/raw-db.js';
import { SCRATCH } from '../lib/paths.js';

export const CSV_HEADER = ['title', 'summary', 'date_start', 'date_end', 'precision', 'country', 'state', 'locality', 'act', 'perpetrator', 'victim', 'victim_role', 'status', 'follow_up', 'confidentiality'] as const;
type CsvRow = Record<(typeof CSV_HEADER)[number], string>;

export interface ImportResult { rows: number; bytes: number; ours: { seconds: number; rowsPerSecond: number }; parseOnly: { seconds: number; rowsPerSecond: number }; floor: { seconds: number; rowsPerSecond: number } }

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

const orUndefined = (s: string) => (s === '' ? undefined : s);

/** A CSV row as incident input; `victimId` when the person was recorded earlier in the import. */
function toInput(r: CsvRow, victimId: string | undefined): Record<string, unknown> {
  const victim = r.victim ? (victimId ? { key: 'v1', actorId: victimId } : { key: 'v1', actor: { kind: 'person', pseudonym: r.victim, ...(r.victim_role ? { role: r.victim_role } : {}) } }) : undefined;
  return {
    title: r.title,
    ...(r.summary ? { summary: r.summary } : {}),
    ...(r.date_start ? { date: { start: r.date_start, ...(r.date_end ? { end: r.date_end } : {}) } } : {}),
    place: { precision: r.precision, country: orUndefined(r.country), state: orUndefined(r.state), locality: orUndefined(r.locality) },
    status: r.status, followUp: r.follow_up, confidentiality: r.confidentiality,
    victims: victim ? [victim] : [],
    acts: [{ kind: r.act, ...(victim ? { victimKey: 'v1' } : {}), perpetrators: r.perpetrator ? [{ perpetrator: r.perpetrator }] : [] }],
  };
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
    // ours: parse → input → recordIncidents, 1,000 rows a batch
    t = performance.now();
    const known = new Map<string, string>();
    let batch: { row: CsvRow; input: Record<string, unknown> }[] = [];
    /** people first met in this batch (no id until it is written) */
    let fresh = new Set<string>();
    /** rows naming someone first met in the current batch: they go in the next one, by id */
    let waiting: CsvRow[] = [];
    let imported = 0;
    let batches = 0;
    const add = (row: CsvRow) => {
      if (row.victim && !known.has(row.victim)) {
        if (fresh.has(row.victim)) { waiting.push(row); return; }
        fresh.add(row.victim);
      }
      batch.push({ row, input: toInput(row, row.victim ? known.get(row.victim) : undefined) });
    };
    const flush = async () => {
      if (batch.length) {
        const views = await recordIncidents(target.ctx, batch.map((b) => b.input));
        views.forEach((v, k) => { const name = batch[k]!.row.victim; if (name && v.victims[0]) known.set(name, v.victims[0].actorId); });
        imported += batch.length;
        batches++;
      }
      batch = [];
      fresh = new Set();
      const again = waiting;
      waiting = [];
      for (const row of again) add(row);
    };
    for await (const row of csvRows(file)) {
      add(row);
      if (batch.length >= 1000) await flush();
    }
    while (batch.length || waiting.length) await flush();
    const oursSeconds = (performance.now() - t) / 1000;

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
    const result = {
      rows: imported, bytes,
      ours: { seconds: oursSeconds, rowsPerSecond: imported / oursSeconds },
      parseOnly: { seconds: parseSeconds, rowsPerSecond: parsed / parseSeconds },
      floor: { seconds: floorSeconds, rowsPerSecond: all.length / floorSeconds },
    };
    log(`  import ${imported} rows in ${batches} batches: ${result.ours.rowsPerSecond.toFixed(0)} rows/s (floor ${result.floor.rowsPerSecond.toFixed(0)}, parse alone ${result.parseOnly.rowsPerSecond.toFixed(0)})`);
    return result;
  } finally {
    await targetRaw.close();
    await target.close();
    await dropDataset(target, pgUrl);
  }
}
