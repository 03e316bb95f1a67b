/**
 * `bitacora keys rotate`: a new key-encryption key for sealed fields, every record's data key
 * re-wrapped under it, the old one removed once unused. With a server running on the data folder
 * the server does it itself (over the control socket) while it keeps serving; otherwise the
 * command unseals the workspace with BITACORA_PASSPHRASE and does it here.
 */
import type { Command } from 'commander';
import { dataFolderFromEnv, controlSocketFromEnv, UsageError } from './env.js';
import { sendControlCommand, isServerRunning } from './control-socket.js';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { rotateFieldKeys } from '../services/keys/rotate-field-keys.js';

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage the keys that seal identifying fields');
  keys
    .command('rotate')
    .description('re-wrap every record\'s data key under a new key-encryption key (no downtime; data stays readable throughout)')
    .action(async () => {
      const folder = dataFolderFromEnv();
      if (await isServerRunning(controlSocketFromEnv(folder))) {
        const answer = await sendControlCommand(controlSocketFromEnv(folder), 'rotate-keys', 30 * 60_000);
        if (!answer.startsWith('rotated ')) throw new UsageError(answer === 'sealed' ? 'the server is sealed; unseal it first' : `the server answered: ${answer}`);
        process.stdout.write(`${answer}\n`);
        return;
      }
      const ws = await openWorkspaceFromEnv();
      try {
        const r = await rotateFieldKeys(ws.rt.store, { now: ws.ctx.now, userId: ws.ctx.user.id, onProgress: (n) => process.stderr.write(`\rre-wrapped ${n} record keys`) });
        process.stderr.write('\n');
        process.stdout.write(`${rotationLine(r)}\n`);
      } finally {
        await ws.close();
      }
    });
}

export function rotationLine(r: { kekId: string; rewrapped: number; retired: string[] }): string {
  return `rotated ${r.rewrapped} record keys to field key ${r.kekId}; retired ${r.retired.length ? r.retired.join(', ') : 'none'}`;
}
