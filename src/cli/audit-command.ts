/**
 * `bitacora audit verify`: checks the audit log's hash chain (docs/adr/0007-audit-chain.md) with
 * the key from BITACORA_PASSPHRASE. Exit 0 and "audit log intact: N entries", or exit 1 naming the
 * first entry that was edited, deleted or reordered. It prints the head as an anchor: written down
 * (on paper, elsewhere), a later `--anchor` run proves no entry up to it was cut off the end.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { openWorkspaceFromEnv } from './open-workspace.js';
import { verifyAuditChainAs, type ChainHeadView } from '../services/audit/verify-audit-chain.js';

function anchor(v: string): ChainHeadView {
  const m = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError('must be <seq>:<hash> as printed by an earlier "audit verify"');
  return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log (needs BITACORA_PASSPHRASE)');
  audit
    .command('verify')
    .description('check the audit log\'s hash chain: exit 0 if intact, 1 naming the first entry that was edited, deleted or reordered')
    .option('--anchor <seq:hash>', 'a head printed by an earlier run: fail if it is no longer in the chain (catches entries cut off the end)', anchor)
    .action(async (o: { anchor?: ChainHeadView }) => {
      const ws = await openWorkspaceFromEnv();
      try {
        const r = await verifyAuditChainAs(ws.ctx, o.anchor ? { anchor: o.anchor } : {});
        if (r.ok) {
          process.stdout.write(`audit log intact: ${r.count} entries\n`);
          if (r.legacy) process.stdout.write(`entries 1 to ${r.legacy} were written before the chain existed and chained when it started (${r.startedAt})\n`);
          process.stdout.write(`anchor: ${r.head.seq}:${r.head.hash}\n`);
        } else {
          const where = r.problem.seq !== null ? `entry ${r.problem.seq}` : 'the chain head';
          process.stdout.write(`audit log damaged at ${where}: ${r.problem.kind}\n${r.problem.message}\n${r.checked} entries before it are intact\n`);
          process.exitCode = 1;
        }
      } finally {
        await ws.close();
      }
    });
}
