/**
 * Checks the audit hash chain (docs/adr/0007-audit-chain.md): walks every entry in seq order, a
 * batch at a time, recomputing each HMAC with the audit key, and stops at the first problem,
 * naming the entry and what happened to it:
 *  - deleted:   a seq is missing (a gap), or the head says there were more entries than there are
 *  - reordered: an entry does not follow the one before it (its prev_hash is another entry's hash):
 *               entries were swapped or moved, or some removed and the rest renumbered
 *  - edited:    an entry is in its place but its content no longer matches its hash
 *  - inserted:  an entry outside the chain (no seq), or beyond the head
 *  - head:      the head record was altered or removed (found now, or recorded earlier by an
 *               'audit.chain_break' entry when the next entry was written)
 * Entries appended while the check runs (after the head it read first) are left for the next run.
 */
import type { Store } from '../../store/store.js';
import { CHAIN_BREAK_ACTION, GENESIS_HASH, entryHash, headMac, tagMatches, AuditKeyMissingError } from '../../store/repositories/audit-repository.js';
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';

export type ChainProblemKind = 'edited' | 'deleted' | 'reordered' | 'inserted' | 'head';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** the entry's place in the chain (null when the problem is not one entry's, e.g. the head) */
  seq: number | null;
  message: string;
}

export interface ChainHeadView {
  seq: number;
  hash: string;
}

export type VerifyResult =
  | { ok: true; count: number; head: ChainHeadView; legacy: number; startedAt: string | null }
  | { ok: false; checked: number; problem: ChainProblem };

export interface VerifyOptions {
  /** entries read per query */
  batch?: number;
  /** a head written down earlier (seq and hash): it must still be in the chain, which catches cutting the end off and putting an old head back */
  anchor?: ChainHeadView;
}

/** What an 'audit.chain_break' entry recorded (its detail is covered by its hash). */
function chainBreakDetail(text: string | null): { reason: string; headSeq: number | null; lastSeq: number } {
  try {
    const d = JSON.parse(text ?? '{}') as { reason?: unknown; headSeq?: unknown; lastSeq?: unknown };
    return { reason: String(d.reason), headSeq: typeof d.headSeq === 'number' ? d.headSeq : null, lastSeq: typeof d.lastSeq === 'number' ? d.lastSeq : 0 };
  } catch {
    return { reason: 'unknown', headSeq: null, lastSeq: 0 };
  }
}

/** The verifier for the `bitacora audit verify` command and the API (which checks the permission first). */
export async function verifyAuditChain(store: Store, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const key = store.keys.auditKey;
  if (!key) throw new AuditKeyMissingError();
  const fail = (checked: number, kind: ChainProblemKind, seq: number | null, message: string): VerifyResult => ({ ok: false, checked, problem: { kind, seq, message } });

  const head = await store.audit.head();
  if (!head) return fail(0, 'head', null, 'the chain head record is missing: entries may have been cut off the end');
  const started = head.startedAt !== null;
  if (started && !tagMatches(head.mac, headMac(key, head))) return fail(0, 'head', null, `the chain head record (entry ${head.seq}) was altered: entries may have been cut off the end`);
  if (!started && (head.seq !== 0 || head.hash !== GENESIS_HASH || head.legacy !== 0 || head.mac !== null)) return fail(0, 'head', null, 'the chain head record was altered');

  let expected = 1;
  let prev = GENESIS_HASH;
  for await (const e of store.audit.chain({ batch: opts.batch ?? 1000, upTo: head.seq })) {
    const checked = expected - 1;
    if (e.seq > expected) {
      const missing = e.seq - expected;
      return fail(checked, 'deleted', expected, missing === 1 ? `entry ${expected} was deleted` : `entries ${expected} to ${e.seq - 1} were deleted`);
    }
    if (e.prevHash !== prev) {
      return fail(checked, 'reordered', e.seq, `entry ${e.seq} does not follow entry ${e.seq - 1}: entries were swapped or moved (or some removed and the rest renumbered)`);
    }
    if (!tagMatches(e.hash, entryHash(key, prev, e))) return fail(checked, 'edited', e.seq, `entry ${e.seq} was edited: its content does not match its hash`);
    if (e.action === CHAIN_BREAK_ACTION) {
      const d = chainBreakDetail(e.detail);
      if (d.reason === 'head_mismatch' && d.headSeq !== null && d.headSeq > d.lastSeq) {
        const from = d.lastSeq + 1;
        return fail(checked, 'deleted', from, `${from === d.headSeq ? `entry ${from} was deleted` : `entries ${from} to ${d.headSeq} were deleted`} from the end (found when entry ${e.seq} was written, which took seq ${e.seq})`);
      }
      return fail(checked, 'head', e.seq, `entry ${e.seq} records that the chain head was found altered or missing when it was written: entries before it may have been cut off the end`);
    }
    prev = e.hash!;
    expected++;
  }
  const count = expected - 1;
  if (count < head.seq) {
    return fail(count, 'deleted', expected, head.seq - count === 1 ? `entry ${expected} (the last) was deleted` : `entries ${expected} to ${head.seq} (the last) were deleted`);
  }
  if (started && prev !== head.hash) return fail(count, 'head', head.seq, `the chain head does not match entry ${head.seq}`);

  // Entries beyond the head: written since we read it, or left over after an old head was put back.
  const max = await store.audit.maxSeq();
  if (max > head.seq) {
    const now = await store.audit.head();
    if (!now || now.seq < max) return fail(count, 'inserted', head.seq + 1, `entry ${head.seq + 1} and later are beyond the chain head (an old head was put back?)`);
  }
  const outside = await store.audit.unchainedIds(1);
  if (outside.length && started) return fail(count, 'inserted', null, `an entry outside the chain (storage id ${outside[0]}) was added to the log`);

  if (opts.anchor) {
    const a = await store.audit.bySeq(opts.anchor.seq);
    if (!a) return fail(count, 'deleted', opts.anchor.seq, `entry ${opts.anchor.seq}, the anchor, is no longer in the chain: entries were cut off the end`);
    if (a.hash !== opts.anchor.hash.toLowerCase()) return fail(count, 'edited', opts.anchor.seq, `entry ${opts.anchor.seq} does not have the anchor's hash: the chain was rewritten from there`);
  }
  return { ok: true, count, head: { seq: head.seq, hash: head.hash }, legacy: head.legacy, startedAt: head.startedAt };
}

/** The same for a signed-in user (audit.verify: admins); the check itself is recorded, with its outcome. */
export async function verifyAuditChainAs(ctx: ServiceContext, opts: VerifyOptions = {}): Promise<VerifyResult> {
  requirePermission(ctx, 'audit.verify');
  const r = await verifyAuditChain(ctx.store, opts);
  await ctx.store.audit.add({
    at: ctx.now(), userId: ctx.user.id, action: 'audit.verified',
    detail: r.ok ? { ok: true, count: r.count } : { ok: false, kind: r.problem.kind, seq: r.problem.seq },
  });
  return r;
}
