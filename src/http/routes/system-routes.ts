/** Status, setup, unseal and seal: the routes that answer while the workspace is sealed. */
import { z } from 'zod';
import { defineRoute, SESSION_COOKIE } from '../route.js';
import { authenticate } from '../../services/auth/authenticate.js';
import { setupSchema } from '../../services/workspace/initialise-workspace.js';
import { ServiceError } from '../../services/errors.js';
import { Store } from '../../store/store.js';

const unsealSchema = z.union([
  z.object({ passphrase: z.string().min(1, { message: 'is required' }).max(1024) }).strict(),
  z.object({ recoveryKey: z.string().min(1, { message: 'is required' }).max(200) }).strict(),
]);

export interface SystemOptions {
  /** web setup is only offered when the server listens on loopback */
  allowWebSetup: boolean;
  version: string;
}

export function systemRoutes(opts: SystemOptions) {
  return [
    defineRoute({
      method: 'GET', url: '/api/v1/health/live', tag: 'system', summary: 'Liveness: the process answers (sealed or not)',
      policy: { access: 'always' },
      handler: async () => ({ status: 'live' }),
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/health/ready', tag: 'system', summary: 'Readiness: unsealed and the database answers (503 otherwise, with which of the two is missing)',
      policy: { access: 'always' },
      handler: async ({ vault, reply }) => {
        const state = vault.state();
        let database: 'ok' | 'unreachable' | 'closed' = 'closed';
        try {
          if (state === 'unsealed') {
            await vault.runtime().store.ping();
            database = 'ok';
          } else if (vault.backend.kind === 'postgres') {
            const db = await vault.backend.shared();
            if (db) await new Store(db, async () => undefined).ping();
            database = 'ok';
          }
        } catch {
          database = 'unreachable';
        }
        const ready = state === 'unsealed' && database === 'ok';
        // sent here: the pipeline would otherwise answer 200 for any returned body
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', state, database, backend: vault.backend.kind });
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/v1/status', tag: 'system', summary: 'Whether the workspace is set up, sealed or unsealed',
      policy: { access: 'always' },
      handler: async ({ vault, request }) => {
        const state = vault.state();
        const rt = state === 'unsealed' ? vault.runtime() : undefined;
        const ws = rt ? await rt.store.users.workspace() : undefined;
        const token = request.cookies[SESSION_COOKIE];
        const signedIn = rt && token ? (await authenticate(rt.store, token, new Date().toISOString(), { touch: false })) !== null : false;
        return { state, version: opts.version, webSetup: state === 'uninitialised' && opts.allowWebSetup, signedIn, ...(ws ? { workspace: { name: ws.name, defaultLang: ws.default_lang } } : {}) };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/setup', tag: 'system', summary: 'Create the workspace, its keys and the first admin; returns the recovery key once',
      policy: { access: 'always' }, body: setupSchema, rateLimit: 5, status: 201,
      handler: async ({ vault, body }) => {
        if (!opts.allowWebSetup && vault.state() === 'uninitialised') throw new ServiceError(403, 'forbidden', 'set this server up with "bitacora init" on the machine itself');
        const { recoveryKey } = await vault.setup(body);
        return { recoveryKey };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/unseal', tag: 'system', summary: 'Unseal with a custodian passphrase or the recovery key',
      policy: { access: 'always' }, body: unsealSchema, rateLimit: 10,
      handler: async ({ vault, body }) => {
        await vault.unseal(body);
        return { state: vault.state() };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/v1/seal', tag: 'system', summary: 'Seal now: end all sessions and drop the keys from memory',
      policy: { access: 'user', permission: 'seal', allowWithTemporaryPassword: true },
      handler: async ({ vault, svc }) => {
        await svc.store.audit.add({ at: svc.now(), userId: svc.user.id, action: 'workspace.sealed', targetType: 'user', targetId: svc.user.id }).catch(() => undefined);
        await vault.seal();
        return { state: vault.state() };
      },
    }),
  ];
}
