/**
 * What a seized laptop shows: after recording incidents whose every text carries a unique marker,
 * and evidence (a file whose bytes and name carry it, an online capture),
 * no file under the data folder, the temp folder or the server's logs contains it (UTF-8, UTF-16LE,
 * UTF-16BE); the database does not start with the SQLite header and does not open without the key;
 * a wrong passphrase leaves the server sealed. Runs the real `bitacora` command (build first).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { startServer, runCli, type ServerProcess } from '../helpers/server-process.js';
import { fullIncident } from '../helpers/fixtures.js';

const MARKER = 'ZQXMARCA7731';
const PASS = 'frase de paso del custodio 2026';
const env = { BITACORA_PASSPHRASE: PASS, BITACORA_ADMIN_EMAIL: 'admin@example.org', BITACORA_ADMIN_PASSWORD: 'contraseña-segura-1' };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(s, 'utf8'), le, be, Buffer.from(s.toLowerCase(), 'utf8'), Buffer.from(s.toLowerCase(), 'utf16le')];
}

function containsMarker(buf: Buffer): boolean {
  return encodings(MARKER).some((m) => buf.includes(m));
}

let server: ServerProcess | undefined;
afterAll(async () => { await server?.stop(); });

describe('at rest', () => {
  it('leaves no plaintext in the data folder, temp folder or logs', async () => {
    server = await startServer();
    const init = await runCli(['init'], { ...env, BITACORA_DATA_DIR: server.dataDir, TMPDIR: server.tmpDir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/RECOVERY KEY/);
    // the server started before init: it is uninitialised → restart on the new folder, unsealed with the passphrase
    await server.stop({ keepData: true });
    server = await startServer({ BITACORA_PASSPHRASE: PASS }, server.dataDir);
    const base = server.url;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.BITACORA_ADMIN_EMAIL, password: env.BITACORA_ADMIN_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await login.json()) as { csrf: string };
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await call('POST', '/api/v1/incidents', fullIncident(`${MARKER}-${i}`));
      expect(r.status).toBe(201);
      ids.push(((await r.json()) as { id: string }).id);
    }
    const inc = (await (await call('GET', `/api/v1/incidents/${ids[0]}`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(inc)).toContain(MARKER);
    const search = await call('POST', '/api/v1/incidents/search', { q: MARKER.toLowerCase() });
    expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
    await call('PUT', `/api/v1/drafts/${crypto.randomUUID()}`, { data: { title: `borrador ${MARKER}` } });
    await call('POST', '/api/v1/actors/search', { q: MARKER });
    // evidence: a file whose bytes and name carry the marker, an online capture, the original read back
    const form = new FormData();
    form.append('description', `nota ${MARKER}`);
    form.append('file', new Blob([`Testimonio transcrito ${MARKER}\n`.repeat(2000)], { type: 'text/plain' }), `testimonio-${MARKER}.txt`);
    const upload = await fetch(`${base}/api/v1/incidents/${ids[1]}/evidence`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const item = (await upload.json()) as { id: string };
    const original = await fetch(`${base}/api/v1/evidence/${item.id}/original?purpose=review`, { headers: { cookie } });
    expect(containsMarker(Buffer.from(await original.arrayBuffer()))).toBe(true);
    const capture = new FormData();
    capture.append('capture', JSON.stringify({ platform: 'facebook', account: `cuenta-${MARKER}`, text: `te vamos a encontrar ${MARKER}`, seenAt: '2026-11-28' }));
    expect((await fetch(`${base}/api/v1/incidents/${ids[1]}/evidence/captures`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: capture })).status).toBe(201);
    // an error path must not echo values either
    await call('POST', '/api/v1/incidents', { title: MARKER, acts: [{ kind: `x${MARKER.toLowerCase()}` }] });

    const scan = () => {
      const files = [...filesUnder(server!.dataDir), ...filesUnder(server!.tmpDir)];
      const leaking = files.filter((f) => containsMarker(readFileSync(f)));
      return { files, leaking };
    };
    const running = scan();
    expect(running.files.some((f) => f.endsWith('bitacora.db'))).toBe(true);
    expect(running.leaking).toEqual([]);
    expect(containsMarker(Buffer.from(server.output()))).toBe(false);
    expect(filesUnder(join(server.dataDir, 'tmp'))).toEqual([]);

    // wrong passphrase stays sealed
    await call('POST', '/api/v1/seal');
    const wrong = await fetch(`${base}/api/v1/unseal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: 'frase equivocada 12345' }) });
    expect(wrong.status).toBe(401);
    expect(((await (await fetch(`${base}/api/v1/status`)).json()) as { state: string }).state).toBe('sealed');

    await server.stop({ keepData: true });
    const after = scan();
    expect(after.leaking).toEqual([]);
    const dbFile = join(server.dataDir, 'bitacora.db');
    const bytes = readFileSync(dbFile);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    const plain = new Database(dbFile, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM incidents').get()).toThrow(/not a database/);
    plain.close();
    const keyring = readFileSync(join(server.dataDir, 'keyring.json'), 'utf8');
    expect(keyring).not.toContain(PASS);
    expect(statSync(dbFile).mode & 0o077).toBe(0);
    expect(statSync(join(server.dataDir, 'keyring.json')).mode & 0o077).toBe(0);
  });
});
