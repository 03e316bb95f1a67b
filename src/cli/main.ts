/** The `bitacora` command line: init, serve, seal, user, export, import, demo. */
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { init } from './init.js';
import { serve } from './serve.js';
import { dataFolderFromEnv, UsageError } from './env.js';
import { sendControlCommand } from './control-socket.js';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { VERSION } from './version.js';
import { createUser, listUsers, resetPassword, updateUser } from '../services/users/manage-users.js';
import { createUserSchema } from '../services/users/user-schemas.js';
import { zodProblems } from '../http/problems.js';
import { ServiceError } from '../services/errors.js';
import { ROLES } from '../domain/user/roles.js';

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
  .action(async (o: { host: string; port: number; quiet?: boolean }) => serve(o));

program
  .command('seal')
  .description('seal the running server on this data folder now: end all sessions, drop the keys from memory')
  .action(async () => {
    const folder = dataFolderFromEnv();
    try {
      const answer = await sendControlCommand(folder.controlSocketPath, 'seal');
      if (answer !== 'sealed') throw new Error(answer);
      process.stdout.write('sealed\n');
    } catch (e) {
      throw new UsageError(`could not reach a running server on ${folder.root} (${(e as Error).message})`);
    }
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
    if (!parsed.success) throw new UsageError(zodProblems(parsed.error).map((p) => `${p.path}: ${p.message}`).join('\n'));
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

export { program };

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof UsageError) process.stderr.write(`bitacora: ${e.message}\n`);
  else if (e instanceof ServiceError) process.stderr.write(`bitacora: ${e.message}\n`);
  else process.stderr.write(`bitacora: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
void readFileSync;
void writeFileSync;
