/**
 * Evidence files (ADR 0019): a 256 MiB file streamed into the database through FileRepository.put
 * (SHA-256 of the plaintext, chunked AES-256-GCM, a sealed key per file, one row per 1 MiB chunk,
 * each committed on its own) and read back through FileRepository.read (every chunk verified), vs
 * the floor: the same number of 1 MiB blobs inserted raw into a scratch table, one statement each,
 * and selected back raw. Memory: this process's JS heap and buffers (heapUsed + external) sampled
 * every 50 ms while writing, at their highest above where they were before (the file is never whole
 * in memory, so this stays flat; resident size is not used: it keeps the high-water mark the dataset
 * build left).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { Dataset } from '../lib/dataset.js';
import type { RawDb } from '../lib/raw-db.js';
import { FILE_CHUNK_SIZE } from '../../src/store/files/file-repository.js';

export interface EvidenceFilesResult {
  mib: number;
  write: { oursMiBps: number; floorMiBps: number };
  read: { oursMiBps: number; floorMiBps: number };
  /** JS heap + buffers above the level before the write, at their highest during it */
  writePeakMemMiB: number;
}

const MIB = 1024 * 1024;

async function* generated(total: number, piece: Buffer): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < total; sent += piece.length) yield piece.subarray(0, Math.min(piece.length, total - sent));
}

export async function measureEvidenceFiles(d: Dataset, raw: RawDb, log: (l: string) => void, mib = 256): Promise<EvidenceFilesResult> {
  const store = d.ctx.store;
  const total = mib * MIB;
  const piece = randomBytes(64 * 1024);
  const record = 'incident/00000000-0000-4000-8000-00000000bead';

  // ours: write, with resident memory sampled meanwhile
  const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.external; };
  const base = used();
  let peak = base;
  const sampler = setInterval(() => { peak = Math.max(peak, used()); }, 50);
  let t = performance.now();
  const file = await store.files.put(record, generated(total, piece), { maxBytes: total });
  const writeMs = performance.now() - t;
  clearInterval(sampler);
  t = performance.now();
  let back = 0;
  for await (const p of store.files.read(file.id)) back += p.length;
  const readMs = performance.now() - t;
  if (back !== total) throw new Error('the file did not read back whole');
  await store.files.remove(file.id);

  // floor: raw blobs of the same size, one statement each, then selected back
  const blob = d.backend === 'postgres' ? 'bytea' : 'blob';
  const p = d.backend === 'postgres' ? (i: number) => `$${i}` : () => '?';
  await raw.run(`CREATE TABLE IF NOT EXISTS bench_raw_blobs (idx integer PRIMARY KEY, data ${blob} NOT NULL)`);
  const chunk = randomBytes(FILE_CHUNK_SIZE);
  const n = Math.ceil(total / FILE_CHUNK_SIZE);
  t = performance.now();
  for (let i = 0; i < n; i++) await raw.run(`INSERT INTO bench_raw_blobs (idx, data) VALUES (${p(1)}, ${p(2)})`, [i, chunk]);
  const floorWriteMs = performance.now() - t;
  t = performance.now();
  let floorBack = 0;
  for (let i = 0; i < n; i++) floorBack += ((await raw.all(`SELECT data FROM bench_raw_blobs WHERE idx = ${p(1)}`, [i])) as { data: Buffer }[])[0]!.data.length;
  const floorReadMs = performance.now() - t;
  await raw.run('DROP TABLE bench_raw_blobs');
  if (floorBack !== n * FILE_CHUNK_SIZE) throw new Error('the floor did not read back whole');

  const rate = (ms: number) => mib / (ms / 1000);
  const r: EvidenceFilesResult = {
    mib,
    write: { oursMiBps: rate(writeMs), floorMiBps: rate(floorWriteMs) },
    read: { oursMiBps: rate(readMs), floorMiBps: rate(floorReadMs) },
    writePeakMemMiB: (peak - base) / MIB,
  };
  log(`  evidence file ${mib} MiB: write ${r.write.oursMiBps.toFixed(0)} MiB/s (floor ${r.write.floorMiBps.toFixed(0)}), read ${r.read.oursMiBps.toFixed(0)} MiB/s (floor ${r.read.floorMiBps.toFixed(0)}), peak heap + buffers +${r.writePeakMemMiB.toFixed(0)} MiB`);
  return r;
}
