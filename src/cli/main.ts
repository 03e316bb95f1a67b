/** The `bitacora` command line: init, serve, seal, user, export, import, import-table, demo, audit, keys, backup, verify-bundle. */
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { init } from './init.js';
import { serve } from './serve.js';
import { dataFolderFromEnv, controlSocketFromEnv, storeBackendFromEnv, UsageError } from './env.js';
import { sealCluster } from '../services/cluster/seal-cluster.js';
import { Store } from '../store/store.js';
import { sendControlCommand, unsealCommand } from './control-socket.js';
import { readSecret } from './read-secret.js';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { VERSION } from './version.js';
import { registerKeysCommand } from './keys-command.js';
import { createUser, listUsers, resetPassword, updateUser } from '../services/users/manage-users.js';
import { createUserSchema } from '../services/users/user-schemas.js';
import { resetSecondFactor } from '../services/auth/enrolment.js';
import { zodFieldProblems } from '../domain/problems.js';
import { ServiceError } from '../services/errors.js';
import { ROLES } from '../domain/user/roles.js';
import { exportToFile, exportToStream } from '../services/interchange/export-to.js';
import { importWorkspace } from '../services/interchange/import-workspace.js';
import sjson from 'secure-json-parse';
import { generateDemo } from '../services/demo/generate-demo.js';
import { generateDemoBulk } from '../services/demo/generate-demo-bulk.js';

/** `bitacora demo` above this many incidents uses the bulk generator. */
const BULK_DEMO_OVER = 5_000;
import { registerBackupCommands, backupHours, backupKeep } from './backup-command.js';
import { registerAuditCommand } from './audit-command.js';
import { registerVerifyBundleCommand } from './verify-bundle-command.js';
import { registerImportTableCommand } from './import-table-command.js';

// Everything Bitácora writes (database, keyring, exports) is private to this user.
process.umask(0o077);

const program = new Command();
program.name('bitacora').description('Bitácora: incident log for defenders of migrants\' rights').version(VERSION);

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port number');
  return n;
}

program
  .command('init')
  .description('create a workspace (reads BITACORA_DATA_DIR, BITACORA_PASSPHRASE, BITACORA_ADMIN_EMAIL, BITACORA_ADMIN_PASSWORD; optional BITACORA_ADMIN_NAME, BITACORA_WORKSPACE_NAME, BITACORA_ORG_NAME, BITACORA_LANG) and print the recovery key')
  .action(async () => init());

program
  .command('serve')
  .description('run the web app and API (PORT, default 8080; sealed until unsealed, or unsealed at start with BITACORA_PASSPHRASE)')
  .option('--host <host>', 'address to listen on', process.env['HOST'] || '127.0.0.1')
  .option('--port <port>', 'port', port, process.env['PORT'] ? port(process.env['PORT']) : 8080)
  .option('--quiet', 'no request log')
  .option('--backup-dir <dir>', 'write an encrypted backup into this folder on a schedule, while unsealed (file names carry only a timestamp)')
  .option('--backup-every <hours>', 'hours between scheduled backups (default 24; fractions allowed)', backupHours)
  .option('--backup-keep <n>', 'keep only the newest n scheduled backups', backupKeep)
  .action(async (o: { host: string; port: number; quiet?: boolean; backupDir?: string; backupEvery?: number; backupKeep?: number }) => {
    if (!o.backupDir && (o.backupEvery !== undefined || o.backupKeep !== undefined)) throw new UsageError('--backup-every and --backup-keep need --backup-dir');
    return serve(o);
  });

program
  .command('seal')
  .description('seal the running server on this data folder now: end all sessions, drop the keys from memory; with DATABASE_URL, every server on that database (within a second)')
  .action(async () => {
    const folder = dataFolderFromEnv();
    try {
      const answer = await sendControlCommand(controlSocketFromEnv(folder), 'seal');
      if (answer !== 'sealed') throw new Error(answer);
      process.stdout.write('sealed\n');
    } catch (e) {
      if (!process.env['DATABASE_URL']) throw new UsageError(`could not reach a running server on ${folder.root} (${(e as Error).message})`);
      // server mode with no server here: seal them all through the database
      const backend = storeBackendFromEnv(folder);
      try {
        const db = await backend.shared();
        if (!db) throw new UsageError('no server database');
        await sealCluster(new Store(db, async () => undefined));
        process.stdout.write('sealed every server on this database\n');
      } finally {
        await backend.shutdown();
      }
    }
  });

program
  .command('unseal')
  .description('unseal the running server on this data folder: the passphrase from BITACORA_PASSPHRASE or typed (hidden); --recovery-key to use the recovery key instead (BITACORA_RECOVERY_KEY or typed)')
  .option('--recovery-key', 'use the recovery key')
  .action(async (o: { recoveryKey?: boolean }) => {
    const folder = dataFolderFromEnv();
    const secret = o.recoveryKey
      ? { recoveryKey: process.env['BITACORA_RECOVERY_KEY'] || (await readSecret('Recovery key: ')) }
      : { passphrase: process.env['BITACORA_PASSPHRASE'] || (await readSecret('Passphrase: ')) };
    let answer: string;
    try {
      answer = await sendControlCommand(controlSocketFromEnv(folder), unsealCommand(secret));
    } catch (e) {
      throw new UsageError(`could not reach a running server on ${folder.root} (${(e as Error).message})`);
    }
    if (answer !== 'unsealed') throw new UsageError(answer === 'wrong secret' ? 'that passphrase or recovery key does not open this workspace' : `the server answered: ${answer}`);
    process.stdout.write('unsealed\n');
  });

const user = program.command('user').description('manage accounts (needs BITACORA_PASSPHRASE)');
user
  .command('list')
  .action(async () => {
    const ws = await openWorkspaceFromEnv();
    try {
      for (const u of await listUsers(ws.ctx)) process.stdout.write(`${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.displayName}\n`);
    } finally { await ws.close(); }
  });
user
  .command('add')
  .requiredOption('--email <email>')
  .requiredOption('--role <role>', ROLES.join(' | '))
  .option('--name <name>', 'display name')
  .description('create an account; the password comes from BITACORA_USER_PASSWORD or is generated and printed (temporary: must be changed at first sign-in)')
  .action(async (o: { email: string; role: string; name?: string }) => {
    const password = process.env['BITACORA_USER_PASSWORD'] || randomBytes(12).toString('base64url');
    const parsed = createUserSchema.safeParse({ email: o.email, role: o.role, displayName: o.name ?? o.email.split('@')[0], password });
    if (!parsed.success) throw new UsageError(zodFieldProblems(parsed.error).map((p) => `${p.path}: ${p.message}`).join('\n'));
    const ws = await openWorkspaceFromEnv();
    try {
      const u = await createUser(ws.ctx, parsed.data);
      process.stdout.write(`created ${u.email} (${u.role})${process.env['BITACORA_USER_PASSWORD'] ? '' : `\ntemporary password: ${password}`}\n`);
    } finally { await ws.close(); }
  });
user
  .command('reset-password')
  .requiredOption('--email <email>')
  .description('set a temporary password (from BITACORA_USER_PASSWORD or generated) and end the user\'s sessions')
  .action(async (o: { email: string }) => {
    const password = process.env['BITACORA_USER_PASSWORD'] || randomBytes(12).toString('base64url');
    const ws = await openWorkspaceFromEnv();
    try {
      const u = await ws.rt.store.users.byEmail(o.email);
      if (!u) throw new UsageError(`no user ${o.email}`);
      await resetPassword(ws.ctx, u.id, password);
      process.stdout.write(`password reset for ${u.email}${process.env['BITACORA_USER_PASSWORD'] ? '' : `\ntemporary password: ${password}`}\n`);
    } finally { await ws.close(); }
  });
user
  .command('reset-2fa')
  .requiredOption('--email <email>')
  .description('remove the user\'s two-step verification (lost phone and recovery codes) and end their sessions; they may set it up again')
  .action(async (o: { email: string }) => {
    const ws = await openWorkspaceFromEnv();
    try {
      const u = await ws.rt.store.users.byEmail(o.email);
      if (!u) throw new UsageError(`no user ${o.email}`);
      await resetSecondFactor(ws.ctx, u.id);
      process.stdout.write(`two-step verification removed for ${u.email}\n`);
    } finally { await ws.close(); }
  });
user
  .command('disable')
  .requiredOption('--email <email>')
  .action(async (o: { email: string }) => {
    const ws = await openWorkspaceFromEnv();
    try {
      const u = await ws.rt.store.users.byEmail(o.email);
      if (!u) throw new UsageError(`no user ${o.email}`);
      await updateUser(ws.ctx, u.id, { disabled: true });
      process.stdout.write(`disabled ${u.email}\n`);
    } finally { await ws.close(); }
  });

program
  .command('export')
  .description('write the whole workspace as the JSON interchange format (docs/interchange.md) to stdout, or to a new file with --out; the output holds identities: encrypt it (e.g. pipe to age or gpg)')
  .option('--out <file>', 'write to this new file (created 0600; refuses to overwrite)')
  .option('--without-evidence', 'leave evidence items and their files out (beyond the 256 MB one document carries; a backup moves everything)')
  .action(async (o: { out?: string; withoutEvidence?: boolean }) => {
    const ws = await openWorkspaceFromEnv();
    try {
      // written piece by piece, one evidence file chunk at a time: memory stays flat
      const opts = { withoutEvidence: o.withoutEvidence === true };
      if (o.out) {
        await exportToFile(ws.ctx, o.out, opts);
        process.stderr.write(`exported to ${o.out}\n`);
      } else await exportToStream(ws.ctx, process.stdout, opts);
    } finally { await ws.close(); }
  });

program
  .command('import [file]')
  .description('read a JSON interchange document from a file or stdin into this workspace, all or nothing')
  .action(async (file: string | undefined) => {
    const raw = file ? readFileSync(file) : await readStdin();
    let doc: unknown;
    try {
      doc = sjson.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw), undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (e) {
      throw new UsageError(`the input is not valid UTF-8 JSON (${(e as Error).message.slice(0, 120)})`);
    }
    const ws = await openWorkspaceFromEnv();
    try {
      const r = await importWorkspace(ws.ctx, doc, { reloadVocabulary: () => ws.rt.reloadVocabulary(), onProgress: (p) => process.stderr.write(`\r${p.phase}: ${p.done}/${p.total}   `) });
      process.stderr.write('\n');
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } finally { await ws.close(); }
  });

function count(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

program
  .command('demo')
  .description('fill the workspace with a realistic synthetic dataset: incidents along the real routes, fictitious people, Spanish and English narratives (needs BITACORA_PASSPHRASE)')
  .option('--incidents <n>', 'how many incidents', count, 2000)
  .option('--seed <n>', 'random seed (same seed, same data)', count, 2026)
  .action(async (o: { incidents: number; seed: number }) => {
    const ws = await openWorkspaceFromEnv();
    try {
      const started = Date.now();
      // beyond a few thousand: the bulk generator (batches of 1,000 in one transaction each, flat
      // memory, up to millions) with a large page cache for the load
      const bulk = o.incidents > BULK_DEMO_OVER;
      if (bulk) await ws.ctx.store.widenCacheForBulkLoad();
      const r = await (bulk ? generateDemoBulk : generateDemo)(ws.ctx, {
        incidents: o.incidents,
        seed: o.seed,
        onProgress: (done, total) => { if (bulk || done % 100 === 0 || done === total) process.stderr.write(`\r${done}/${total} incidents`); },
      });
      process.stderr.write('\n');
      process.stdout.write(`added ${r.incidents} incidents, ${r.people} people and ${r.organisations} organisations in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } finally { await ws.close(); }
  });

registerAuditCommand(program);
registerVerifyBundleCommand(program);
registerImportTableCommand(program);
registerKeysCommand(program);

registerBackupCommands(program);

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export { program };

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof UsageError) process.stderr.write(`bitacora: ${e.message}\n`);
  else if (e instanceof ServiceError) {
    process.stderr.write(`bitacora: ${e.problems?.length ? 'the input has problems:' : e.message}\n`);
    for (const p of e.problems ?? []) process.stderr.write(`  ${p.path || '(document)'}: ${p.message}\n`);
  }
  else process.stderr.write(`bitacora: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
