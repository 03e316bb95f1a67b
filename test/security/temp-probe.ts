/**
 * Run as a child process with SQLITE_TMPDIR set to an empty folder: fills an encrypted database,
 * runs a large sort while a worker thread watches /proc/self/fd for files in that folder, and
 * prints what it saw as JSON. argv[2] = 'memory' (our setting) or 'file' (control: SQLite's default).
 */
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedSqlite } from '../../src/store/sqlite/open-encrypted.js';

const mode = process.argv[2] === 'file' ? 'file' : 'memory';
const watched = process.env['SQLITE_TMPDIR']!;
const dir = mkdtempSync(join(tmpdir(), 'bitacora-probe-'));
const db = openEncryptedSqlite(join(dir, 'db'), Buffer.alloc(32, 7), 'create');
if (mode === 'file') db.pragma('temp_store = FILE');
db.pragma('cache_size = -2000');
db.exec('CREATE TABLE t (k TEXT, v TEXT)');
const ins = db.prepare('INSERT INTO t VALUES (?, ?)');
db.transaction(() => {
  for (let i = 0; i < 200_000; i++) ins.run(`${(i * 7919) % 200_000}-MARCADOR-TEMPORAL`, 'x'.repeat(60));
})();

const worker = new Worker(
  `const { readdirSync, readlinkSync } = require('node:fs');
   const { parentPort, workerData } = require('node:worker_threads');
   const seen = new Set(); let stop = false;
   parentPort.on('message', () => { stop = true; });
   (function poll() {
     if (stop) { parentPort.postMessage([...seen]); return; }
     for (const fd of readdirSync('/proc/self/fd')) { try { const p = readlinkSync('/proc/self/fd/' + fd); if (p.startsWith(workerData)) seen.add(p); } catch {} }
     setImmediate(poll);
   })();`,
  { eval: true, workerData: watched },
);
await new Promise((r) => setTimeout(r, 100));
const rows = db.prepare('SELECT k, v FROM t ORDER BY k DESC, v').all().length;
const rows2 = db.prepare('SELECT DISTINCT k FROM t ORDER BY k').all().length;
await new Promise((r) => setTimeout(r, 50));
const seen: string[] = await new Promise((resolve) => {
  worker.once('message', resolve);
  worker.postMessage('stop');
});
await worker.terminate();
db.close();
process.stdout.write(JSON.stringify({ mode, rows, rows2, seen, leftInFolder: readdirSync(watched) }));
