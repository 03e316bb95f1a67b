/**
 * A 500 MB upload to a real `bitacora serve` over real HTTP (ADR 0019's must-hold): the server's
 * resident memory stays flat (sampled from /proc every 100 ms: the peak stays under the baseline +
 * 200 MB), the SHA-256 it records is the one computed while sending and the original reads back with
 * it, and no plaintext reaches the disk: a marker planted every 64 KiB of the upload appears in no
 * file of the data folder (nor, on PostgreSQL, in any stored chunk). The body is generated on the
 * fly from one reused buffer: the test never holds 500 MB either.
 *
 * Needs the built server (`npm run build:server`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli, startServer, processMemory, type ServerProcess } from '../helpers/server-process.js';
import { TEST_BACKEND, TEST_DATABASE_URL, schemaFor } from '../helpers/backend.js';
import { minimalPdf } from '../helpers/evidence-files.js';
import { BOUNDARY } from '../helpers/multipart.js';

const PASS = 'frase de paso de la subida grande 2026';
const ADMIN = { email: 'archivista@example.org', password: 'contraseña-segura-1', name: 'Archivista' };
const MiB = 1024 * 1024;
const TOTAL = 500 * MiB;
const MARKER = Buffer.from('QZPLAINTEXTMARKER-7b1c', 'latin1');

/** One MiB of filler with the marker at every 64 KiB, reused for the whole body. */
function fillerBlock(): Buffer {
  const b = Buffer.alloc(MiB);
  for (let i = 0; i < b.length; i++) b[i] = (i * 31 + 7) & 0xff;
  for (let at = 0; at < b.length; at += 64 * 1024) MARKER.copy(b, at);
  return b;
}

interface Session { cookie: string; csrf: string }

async function signIn(base: string): Promise<Session> {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
  expect(r.status).toBe(200);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('__Host-bitacora='))!;
  return { cookie, csrf: ((await r.json()) as { csrf: string }).csrf };
}

/** Whether `marker` occurs anywhere in the file at `path`, read 4 MiB at a time (overlapping by the marker's length). */
function fileContains(path: string, marker: Buffer): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4 * MiB + marker.length);
    let carry = 0;
    for (;;) {
      const n = readSync(fd, buf, carry, 4 * MiB, null);
      if (n === 0) return false;
      if (buf.subarray(0, carry + n).includes(marker)) return true;
      buf.copy(buf, 0, carry + n - (marker.length - 1), carry + n);
      carry = marker.length - 1;
    }
  } finally {
    closeSync(fd);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return st.isDirectory() ? filesUnder(p) : st.isFile() ? [p] : []; // not the control socket
  });
}

describe('a 500 MB upload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bitacora-large-upload-'));
  let srv: ServerProcess;
  let session: Session;
  let incidentId = '';

  beforeAll(async () => {
    const init = await runCli(['init'], { BITACORA_DATA_DIR: dataDir, BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: ADMIN.email, BITACORA_ADMIN_PASSWORD: ADMIN.password, BITACORA_ADMIN_NAME: ADMIN.name });
    expect(init.code, init.stderr).toBe(0);
    srv = await startServer({ BITACORA_PASSPHRASE: PASS }, dataDir);
    session = await signIn(srv.url);
    const r = await fetch(`${srv.url}/api/v1/incidents`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ title: 'Vídeo largo de la incursión', date: { start: '2026-11-20' }, place: { precision: 'country', country: 'MX' } }),
    });
    expect(r.status, await r.clone().text()).toBe(201);
    incidentId = ((await r.json()) as { id: string }).id;
  }, 120_000);

  afterAll(async () => {
    await srv?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the server\'s memory flat, records the hash computed while sending, and writes no plaintext', async () => {
    const pid = srv.child.pid!;
    const baseline = processMemory(pid).rssMiB;
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, processMemory(pid).rssMiB); }, 100);

    const hash = createHash('sha256');
    const head = minimalPdf(); // typed as a PDF by its first bytes
    const block = fillerBlock();
    const req = httpRequest({
      host: '127.0.0.1', port: Number(new URL(srv.url).port), method: 'POST', path: `/api/v1/incidents/${incidentId}/evidence`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    const send = async (b: Buffer) => {
      if (!req.write(b)) await once(req, 'drain');
    };
    await send(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nVídeo de la incursión\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="incursion.pdf"\r\nContent-Type: application/pdf\r\n\r\n`));
    await send(head);
    hash.update(head);
    for (let sent = head.length; sent < TOTAL; ) {
      const piece = block.subarray(0, Math.min(block.length, TOTAL - sent));
      hash.update(piece);
      await send(piece);
      sent += piece.length;
    }
    req.end(`\r\n--${BOUNDARY}--\r\n`);
    const r = await answer;
    clearInterval(sampler);
    peak = Math.max(peak, processMemory(pid).rssMiB);

    expect(r.status, r.body).toBe(201);
    const item = JSON.parse(r.body) as { id: string; size: number; sha256: string; mediaType: string };
    const sent = hash.digest('hex');
    expect(item).toMatchObject({ size: TOTAL, sha256: sent, mediaType: 'application/pdf' });
    expect(peak - baseline, `baseline ${baseline.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`).toBeLessThan(200);

    // the original reads back with the same hash
    const back = await fetch(`${srv.url}/api/v1/evidence/${item.id}/original?purpose=verification`, { headers: { cookie: session.cookie } });
    expect(back.status).toBe(200);
    const check = createHash('sha256');
    let size = 0;
    for await (const chunk of back.body as unknown as AsyncIterable<Uint8Array>) {
      check.update(chunk);
      size += chunk.length;
    }
    expect([size, check.digest('hex')]).toEqual([TOTAL, sent]);

    // no plaintext of it anywhere on disk
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fileContains(f, MARKER), f).toBe(false);
    if (TEST_BACKEND === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        const rows = await client.query(`SELECT count(*)::int AS n, sum(CASE WHEN position($1::bytea IN data) > 0 THEN 1 ELSE 0 END)::int AS plain FROM ${schemaFor(dataDir)}.file_chunks`, [MARKER]);
        expect(rows.rows[0]).toEqual({ n: expect.any(Number), plain: 0 });
        expect(rows.rows[0].n).toBeGreaterThanOrEqual(500);
      } finally {
        await client.end();
      }
    }
    // and the server logged no fault
    expect(srv.output()).not.toMatch(/"level":"error"|"status":5\d\d/);
  }, 180_000);
});
