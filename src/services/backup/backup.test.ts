/**
 * Backups on real encrypted workspaces: a workspace with demo data and an incident carrying a
 * marker in every identifying field is backed up while it stays open, restored into an empty
 * folder with the passphrase and with the recovery key, and its full export compared; wrong
 * secrets, tampering, truncation and non-empty folders restore nothing; the file holds no
 * plaintext; a seal in the middle of a backup stops it; scheduled backups are named by time
 * and pruned.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { DataFolder } from '../../store/embedded/data-folder.js';
import { Vault, type Runtime } from '../vault.js';
import type { ServiceContext } from '../context.js';
import type { Role } from '../../domain/user/roles.js';
import { generateDemo } from '../demo/generate-demo.js';
import { createIncident } from '../incidents/save-incident.js';
import { exportWorkspace } from '../interchange/export-workspace.js';
import { createBackup } from './create-backup.js';
import { restoreBackup, describeBackup } from './restore-backup.js';
import { readPreamble, BACKUP_MAGIC } from './backup-format.js';
import { runScheduledBackup, scheduledBackupName, listScheduledBackups } from './scheduled-backups.js';
import { fullIncident } from '../../../test/helpers/fixtures.js';

const MARKER = 'ZQXRESPALDO5521';
// Non-ASCII on purpose: typed in NFC here, restored below with the NFD form of the same text.
const PASSPHRASE = 'contraseña del custodio ñandú 🔐 2026';
const ADMIN = { email: 'admin@example.org', displayName: 'Rosa', password: 'contraseña-segura-1' };

const dirs: string[] = [];
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `bitacora-bk-${name}-`));
  dirs.push(d);
  return d;
};

let vault: Vault;
let folder: DataFolder;
let rt: Runtime;
let ctx: ServiceContext;
let recoveryKey: string;
let backupFile: string;
let before: unknown;

function contextOf(r: Runtime, u: { id: string; role: string; org_id: string; display_name: string }): ServiceContext {
  return { store: r.store, vocab: r.vocab, user: { id: u.id, role: u.role as Role, orgId: u.org_id, displayName: u.display_name }, now: () => new Date().toISOString() };
}

async function adminContext(r: Runtime): Promise<ServiceContext> {
  return contextOf(r, (await r.store.users.byEmail(ADMIN.email))!);
}

/** The full export without its own timestamp: what must be identical before and after. */
async function fullExport(c: ServiceContext): Promise<unknown> {
  const { exportedAt: _ignored, ...rest } = await exportWorkspace(c);
  return rest;
}

function leaks(buf: Buffer, s: string): boolean {
  const le = Buffer.from(s, 'utf16le');
  return [Buffer.from(s, 'utf8'), le, Buffer.from(le).swap16()].some((m) => buf.includes(m));
}

async function openRestored(dir: string, secret: { passphrase: string } | { recoveryKey: string }): Promise<{ vault: Vault; ctx: ServiceContext }> {
  const v = new Vault(new DataFolder(dir));
  expect(v.state()).toBe('sealed');
  await v.unseal(secret);
  return { vault: v, ctx: await adminContext(v.runtime()) };
}

beforeAll(async () => {
  const dir = tempDir('source');
  folder = new DataFolder(dir);
  vault = new Vault(folder);
  ({ recoveryKey } = await vault.setup({ workspaceName: 'Red de prueba', organisationName: 'Casa', language: 'es', passphrase: PASSPHRASE, admin: ADMIN }));
  rt = vault.runtime();
  ctx = await adminContext(rt);
  await generateDemo(ctx, { incidents: 25, seed: 7 });
  await createIncident(ctx, fullIncident(MARKER) as never);
  before = await fullExport(ctx);
  expect(JSON.stringify(before)).toContain(MARKER);
  backupFile = join(tempDir('out'), 'copia.backup');
  const r = await createBackup(rt, folder, backupFile, { by: ctx.user.id });
  expect(r.bytes).toBe(statSync(backupFile).size);
});

afterAll(async () => {
  await vault?.seal();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one private file with a readable header and no plaintext', async () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 16).equals(BACKUP_MAGIC)).toBe(true);
    expect(readdirSync(dirname(backupFile))).toEqual(['copia.backup']); // the partial file is gone
    expect(leaks(bytes, MARKER)).toBe(false);
    expect(leaks(bytes, MARKER.toLowerCase())).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'latin1'))).toBe(false);
    expect(leaks(bytes, ADMIN.email)).toBe(false);
    const { header } = readPreamble(backupFile);
    expect(header.keyringId).toBe(rt.keyringId);
    expect(header.keyring).toEqual(folder.readKeyring());
    expect(header.stream.chunkSize).toBe(65536);
    expect(JSON.stringify(header)).not.toMatch(/Red de prueba|Casa|admin@/);
    expect(describeBackup(backupFile).databaseBytes).toBe(header.payload.bytes);
    // the snapshot in tmp/ is gone
    expect(readdirSync(folder.tmpPath)).toEqual([]);
  });

  it('writes an audit event with ids and sizes only', async () => {
    const rows = await rt.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'backup.created').execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.user_id).toBe(ctx.user.id);
    expect(row.target_id).toBe(readPreamble(backupFile).header.id);
    const detail = JSON.parse(row.detail!) as Record<string, unknown>;
    expect(Object.keys(detail).sort()).toEqual(['bytes', 'chunks', 'databaseBytes', 'scheduled']);
    expect(row.detail).not.toContain(backupFile);
  });

  it('restores into an absent folder with the passphrase (typed in another Unicode form): same full export, same passphrase', async () => {
    const into = join(tempDir('restore'), 'nuevo');
    const r = await restoreBackup(backupFile, into, { passphrase: PASSPHRASE.normalize('NFD') });
    expect(r.keyringId).toBe(rt.keyringId);
    expect(readdirSync(into).sort()).toEqual(['bitacora.db', 'keyring.json', 'tmp']);
    expect(readdirSync(join(into, 'tmp'))).toEqual([]);
    expect(statSync(into).mode & 0o777).toBe(0o700);
    expect(statSync(join(into, 'bitacora.db')).mode & 0o077).toBe(0);
    const restored = await openRestored(into, { passphrase: PASSPHRASE });
    try {
      expect(await fullExport(restored.ctx)).toEqual(before);
      // and it is a working workspace: it takes new records
      await createIncident(restored.ctx, fullIncident('nuevo') as never);
    } finally {
      await restored.vault.seal();
    }
  });

  it('restores into an existing empty folder with the recovery key', async () => {
    const into = tempDir('restore-rk');
    await restoreBackup(backupFile, into, { recoveryKey: recoveryKey.toLowerCase() });
    const restored = await openRestored(into, { recoveryKey });
    try {
      expect(await fullExport(restored.ctx)).toEqual(before);
    } finally {
      await restored.vault.seal();
    }
  });

  it('a wrong passphrase or recovery key restores nothing at all', async () => {
    const parent = tempDir('wrong');
    const absent = join(parent, 'absent');
    await expect(restoreBackup(backupFile, absent, { passphrase: 'no es la frase de paso' })).rejects.toMatchObject({ code: 'wrong_secret' });
    expect(existsSync(absent)).toBe(false);
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    await expect(restoreBackup(backupFile, empty, { recoveryKey: 'AAAA-BBBB' })).rejects.toMatchObject({ code: 'wrong_secret' });
    await expect(restoreBackup(backupFile, empty, { passphrase: PASSPHRASE.toUpperCase() })).rejects.toMatchObject({ code: 'wrong_secret' });
    expect(readdirSync(empty)).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(['empty']);
  });

  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const into = tempDir('full');
    writeFileSync(join(into, 'notas.txt'), 'mías');
    await expect(restoreBackup(backupFile, into, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'target_not_empty' });
    expect(readdirSync(into)).toEqual(['notas.txt']);
    expect(readFileSync(join(into, 'notas.txt'), 'utf8')).toBe('mías');
  });

  it('a tampered, truncated or extended backup is an integrity error and restores nothing', async () => {
    const original = readFileSync(backupFile);
    const { bytes: preamble } = readPreamble(backupFile);
    const parent = tempDir('tamper');
    const cases: [string, Buffer][] = [];
    const flip = (at: number) => { const b = Buffer.from(original); b[at] = b[at]! ^ 0x01; return b; };
    cases.push(['payload bit', flip(preamble.length + Math.floor((original.length - preamble.length) / 2))]);
    cases.push(['first chunk bit', flip(preamble.length + 3)]);
    cases.push(['last tag bit', flip(original.length - 1)]);
    // a header byte that keeps the JSON valid: a digit of createdAt
    const createdAt = readPreamble(backupFile).header.createdAt;
    const at = preamble.indexOf(Buffer.from(createdAt, 'utf8')) + 3;
    const h = Buffer.from(original);
    h[at] = h[at] === 0x30 ? 0x31 : 0x30;
    cases.push(['header date', h]);
    cases.push(['truncated by a chunk', original.subarray(0, original.length - 65536 - 16)]);
    cases.push(['truncated mid-chunk', original.subarray(0, original.length - 100)]);
    cases.push(['bytes appended', Buffer.concat([original, Buffer.from('más')])]);
    for (const [name, bytes] of cases) {
      const file = join(parent, `${name.replace(/\W/g, '-')}.backup`);
      writeFileSync(file, bytes);
      const into = join(parent, `into-${name.replace(/\W/g, '-')}`);
      await expect(restoreBackup(file, into, { passphrase: PASSPHRASE }), name).rejects.toMatchObject({ code: 'backup_damaged' });
      expect(existsSync(into), name).toBe(false);
    }
    // not a backup at all
    const junk = join(parent, 'junk.backup');
    writeFileSync(junk, 'SQLite format 3\u0000 or anything else');
    await expect(restoreBackup(junk, join(parent, 'into-junk'), { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'not_a_backup' });
    expect(existsSync(join(parent, 'into-junk'))).toBe(false);
    // an existing empty folder stays empty after a failed restore
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    await expect(restoreBackup(join(parent, 'payload-bit.backup'), empty, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'backup_damaged' });
    expect(readdirSync(empty)).toEqual([]);
  });

  it('never overwrites an existing file, and cleans up after a failure', async () => {
    const file = join(tempDir('exists'), 'ya-existe.backup');
    writeFileSync(file, 'no tocar');
    await expect(createBackup(rt, folder, file, { by: null })).rejects.toMatchObject({ code: 'file_exists' });
    expect(readFileSync(file, 'utf8')).toBe('no tocar');
    expect(readdirSync(folder.tmpPath)).toEqual([]);
    expect(readdirSync(dirname(file))).toEqual(['ya-existe.backup']);
  });

  it('removes snapshots a crashed backup left in tmp/ (older than 6 hours), and only those', async () => {
    const old = join(folder.tmpPath, 'backup-Abandonada1.db');
    const fresh = join(folder.tmpPath, 'backup-EnCurso2.db');
    const other = join(folder.tmpPath, 'otra-cosa.db');
    for (const f of [old, fresh, other]) writeFileSync(f, 'x');
    const longAgo = new Date(Date.now() - 7 * 3_600_000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    try {
      await createBackup(rt, folder, join(tempDir('stale'), 'b.backup'), { by: null });
      expect(readdirSync(folder.tmpPath).sort()).toEqual(['backup-EnCurso2.db', 'otra-cosa.db']);
    } finally {
      for (const f of [old, fresh, other]) rmSync(f, { force: true });
    }
  });

  it('a seal during a backup stops it and leaves no file behind', async () => {
    const ac = new AbortController();
    const file = join(tempDir('sealed'), 'a-medias.backup');
    const p = createBackup(rt, folder, file, { by: null, signal: ac.signal, chunkSize: 4096 });
    queueMicrotask(() => ac.abort());
    await expect(p).rejects.toMatchObject({ code: 'sealed' });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dirname(file))).toEqual([]); // no partial file either
    expect(readdirSync(folder.tmpPath)).toEqual([]);
  });

  it('scheduled backups are named by time only, keep the newest N and touch nothing else', async () => {
    const dir = tempDir('scheduled');
    writeFileSync(join(dir, 'otra-cosa.backup'), 'x');
    // what a run that died half-way leaves: pruned once stale, left alone while it may still be running
    const stale = '.bitacora-20261127T000000000Z.backup.Ab12.partial';
    const running = '.bitacora-20261128T000000000Z.backup.Cd34.partial';
    writeFileSync(join(dir, stale), 'x');
    writeFileSync(join(dir, running), 'x');
    const longAgo = new Date(Date.now() - 7 * 3_600_000);
    utimesSync(join(dir, stale), longAgo, longAgo);
    const t0 = Date.parse('2026-11-28T15:26:00.123Z');
    for (let i = 0; i < 3; i++) await runScheduledBackup(rt, folder, dir, { keep: 2, at: new Date(t0 + i * 3_600_000) });
    expect(scheduledBackupName(new Date(t0))).toBe('bitacora-20261128T152600123Z.backup');
    expect(listScheduledBackups(dir)).toEqual(['bitacora-20261128T162600123Z.backup', 'bitacora-20261128T172600123Z.backup']);
    expect(readdirSync(dir).sort()).toEqual([running, 'bitacora-20261128T162600123Z.backup', 'bitacora-20261128T172600123Z.backup', 'otra-cosa.backup']);
    const audit = await rt.store.db.selectFrom('audit_events').select(['user_id', 'detail']).where('action', '=', 'backup.created').execute();
    expect(audit.filter((a) => a.user_id === null && JSON.parse(a.detail!).scheduled === true)).toHaveLength(3);
    // a scheduled backup restores like any other
    const into = join(tempDir('restore-scheduled'), 'w');
    await restoreBackup(join(dir, 'bitacora-20261128T172600123Z.backup'), into, { passphrase: PASSPHRASE });
    expect(existsSync(join(into, 'keyring.json'))).toBe(true);
  });
});
