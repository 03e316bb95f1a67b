/**
 * For CLI commands that work on the data directly (user, import, export, demo): unseal with
 * BITACORA_PASSPHRASE and act as a named admin (BITACORA_AS, default the first admin), so every
 * change is attributed and audited like one made in the web app.
 */
import { Vault, type Runtime } from '../services/vault.js';
import type { ServiceContext } from '../services/context.js';
import { isRole } from '../domain/user/roles.js';
import { dataFolderFromEnv, requireEnv, storeBackendFromEnv, UsageError } from './env.js';

export interface OpenWorkspace {
  vault: Vault;
  rt: Runtime;
  ctx: ServiceContext;
  close(): Promise<void>;
}

export async function openWorkspaceFromEnv(): Promise<OpenWorkspace> {
  const folder = dataFolderFromEnv();
  if (!folder.isInitialised()) throw new UsageError(`no workspace in ${folder.root}; run "bitacora init" first`);
  process.env['SQLITE_TMPDIR'] = folder.tmpPath;
  // a server may be serving this data: the command must not end its sessions nor seal it
  const vault = new Vault(folder, { backend: storeBackendFromEnv(folder), commandLine: true });
  await vault.unseal({ passphrase: requireEnv('BITACORA_PASSPHRASE', 'needed to unseal the workspace') });
  const rt = vault.runtime();
  const as = process.env['BITACORA_AS'];
  const users = await rt.store.users.list();
  const user = as ? users.find((u) => u.email === as.toLowerCase()) : users.filter((u) => u.role === 'admin' && !u.disabled).sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  if (!user || !isRole(user.role)) {
    await vault.shutdown();
    throw new UsageError(as ? `no user ${as}` : 'no active admin in this workspace');
  }
  const ctx: ServiceContext = { store: rt.store, vocab: rt.vocab, user: { id: user.id, role: user.role, orgId: user.org_id, displayName: user.display_name }, now: () => new Date().toISOString() };
  // shutdown, not seal: a seal would seal the running server(s) and end every session
  return { vault, rt, ctx, close: () => vault.shutdown() };
}
