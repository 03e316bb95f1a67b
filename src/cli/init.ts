/** `bitacora init`: creates the workspace non-interactively from the environment and prints the recovery key. */
import { Vault } from '../services/vault.js';
import { setupSchema } from '../services/workspace/initialise-workspace.js';
import { dataFolderFromEnv, requireEnv, storeBackendFromEnv, UsageError } from './env.js';
import { zodFieldProblems } from '../domain/problems.js';

export async function init(): Promise<void> {
  const folder = dataFolderFromEnv();
  if (folder.isInitialised()) throw new UsageError(`${folder.root} already holds a workspace`);
  const parsed = setupSchema.safeParse({
    workspaceName: process.env['BITACORA_WORKSPACE_NAME'] || 'Bitácora',
    organisationName: process.env['BITACORA_ORG_NAME'] || process.env['BITACORA_WORKSPACE_NAME'] || 'Bitácora',
    language: process.env['BITACORA_LANG'] || 'es',
    passphrase: requireEnv('BITACORA_PASSPHRASE', 'the custodian passphrase that will unseal this workspace'),
    admin: {
      email: requireEnv('BITACORA_ADMIN_EMAIL', 'the first admin\'s e-mail'),
      displayName: process.env['BITACORA_ADMIN_NAME'] || 'Admin',
      password: requireEnv('BITACORA_ADMIN_PASSWORD', 'the first admin\'s password'),
    },
  });
  if (!parsed.success) throw new UsageError(zodFieldProblems(parsed.error).map((p) => `${p.path}: ${p.message}`).join('\n'));
  process.env['SQLITE_TMPDIR'] = folder.tmpPath;
  const vault = new Vault(folder, { backend: storeBackendFromEnv(folder) });
  const { recoveryKey } = await vault.setup(parsed.data);
  await vault.shutdown();
  process.stdout.write(
    `Workspace created in ${folder.root}\n\nRECOVERY KEY (shown only now; write it on paper and keep it apart from this computer):\n\n  ${recoveryKey}\n\n`,
  );
}
