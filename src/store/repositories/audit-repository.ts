/**
 * The audit log: a hash chain of events (ids, actions, field paths and counts — never the values
 * people typed), each written in the caller's transaction (docs/adr/0007-audit-chain.md).
 *
 * Entry n carries seq = n (1, 2, 3 … without gaps), prev_hash = hash of entry n−1 (GENESIS_HASH for
 * the first) and hash = HMAC-SHA256(audit key, prev_hash ‖ canonical(entry)), where canonical()
 * covers seq, at, user, action, target and the stored detail text. The audit key is a sub-key of
 * the master key, so the database alone (a DBA, a dump) cannot recompute the chain after an edit.
 * One head row (audit_chain_head) holds the last seq and hash under its own MAC, so entries cut
 * off the end are noticed as well.
 *
 * Appends are serialised by locking the head row first (a no-op UPDATE … RETURNING: SQLite's
 * write lock, a PostgreSQL row lock), then seq comes from the head, inside the transaction: a
 * rollback leaves no gap. Without the key, add() throws rather than write an unchained entry.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { hmacSha256, macEqual } from '../../crypto/mac.js';

/** prev_hash of entry 1 */
export const GENESIS_HASH = '0'.repeat(64);
/** The entry that records a chain head found altered or missing when appending (see add()). */
export const CHAIN_BREAK_ACTION = 'audit.chain_break';

export interface AuditEvent { at: string; userId: string | null; action: string; targetType?: string; targetId?: string; detail?: Record<string, unknown> }

/** A chained entry as stored: `detail` is the stored JSON text (what the hash covers). */
export interface AuditEntry {
  seq: number;
  at: string;
  userId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: string | null;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainHead {
  /** seq of the last entry (0: none) */
  seq: number;
  hash: string;
  /** entries written before the chain existed (migration 0003), chained when it started: seq 1…legacy */
  legacy: number;
  startedAt: string | null;
  mac: string | null;
}

export interface AuditFilters {
  /** an exact action ("auth.login"), or a prefix: "auth" / "auth." / "auth.*" match every auth.… action */
  action?: string;
  userId?: string;
  targetType?: string;
  targetId?: string;
  /** ISO instants or dates; `at` ≥ from and `at` < to (a date `to` includes that whole day, UTC) */
  from?: string;
  to?: string;
}

export interface AuditListRow {
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  detail: string | null;
}

export interface AuditPage {
  entries: AuditListRow[];
  /** pass as `before` for the next (older) page; null when this was the last */
  next: number | null;
}

export class AuditKeyMissingError extends Error {
  constructor() {
    super('the audit key is not loaded (sealed?): refusing to write an unchained audit entry');
    this.name = 'AuditKeyMissingError';
  }
}

type EntryContent = Pick<AuditEntry, 'seq' | 'at' | 'userId' | 'action' | 'targetType' | 'targetId' | 'detail'>;

/** The bytes an entry's hash covers after prev_hash: a JSON array, so every field is delimited. */
export function canonicalEntry(e: EntryContent): string {
  return JSON.stringify(['bitacora/audit/v1', e.seq, e.at, e.userId, e.action, e.targetType, e.targetId, e.detail]);
}

/** hash = HMAC(key, prev_hash ‖ canonical(entry)), hex */
export function entryHash(key: Uint8Array, prevHash: string, e: EntryContent): string {
  return hmacSha256(key, prevHash, canonicalEntry(e)).toString('hex');
}

export function headMac(key: Uint8Array, h: Pick<ChainHead, 'seq' | 'hash' | 'legacy' | 'startedAt'>): string {
  return hmacSha256(key, JSON.stringify(['bitacora/audit-head/v1', h.seq, h.hash, h.legacy, h.startedAt])).toString('hex');
}

/** Whether a stored hex tag equals the expected one (constant time). */
export function tagMatches(stored: string | null, expected: string): boolean {
  if (stored === null || !/^[0-9a-f]{64}$/.test(stored)) return false;
  return macEqual(Buffer.from(stored, 'hex'), Buffer.from(expected, 'hex'));
}

const num = (v: unknown): number => Number(v); // PostgreSQL bigint arrives as a string

function toEntry(r: { seq: unknown; at: string; user_id: string | null; action: string; target_type: string | null; target_id: string | null; detail: string | null; prev_hash: string | null; hash: string | null }): AuditEntry {
  return { seq: num(r.seq), at: r.at, userId: r.user_id, action: r.action, targetType: r.target_type, targetId: r.target_id, detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

/** A date-only `to` means the end of that day. */
function upperBound(to: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return to;
  const d = new Date(`${to}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}

  /** Appends one event to the chain, in the caller's transaction (or its own). Returns its seq. */
  async add(e: AuditEvent): Promise<number> {
    return this.addMany([e]);
  }

  /**
   * Appends events in order, under one lock of the head (bulk loads: one statement per few hundred
   * entries instead of three per entry). Same chain as that many `add` calls. Returns the last seq.
   */
  async addMany(events: AuditEvent[]): Promise<number> {
    const key = this.keys.auditKey;
    if (!key) throw new AuditKeyMissingError();
    const first = events[0];
    if (!first) throw new Error('audit: no events to add');
    if (!this.db.isTransaction) return this.db.transaction().execute((trx) => new AuditRepository(trx, this.keys).addMany(events));

    // Lock the head first; everything below happens under that lock.
    const locked = await this.db.updateTable('audit_chain_head').set({ seq: sql`seq` }).where('id', '=', 1).returning(['seq', 'hash', 'legacy', 'started_at', 'mac']).executeTakeFirst();
    const head: ChainHead | undefined = locked && { seq: num(locked.seq), hash: locked.hash, legacy: num(locked.legacy), startedAt: locked.started_at, mac: locked.mac };
    const lastRow = await this.db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const last = lastRow ? { seq: num(lastRow.seq), hash: lastRow.hash ?? '' } : { seq: 0, hash: GENESIS_HASH };

    let seq = last.seq;
    let prev = last.hash;
    let legacy = head?.legacy ?? 0;
    let startedAt = head?.startedAt ?? null;
    // new entries are collected and inserted together at the end, in seq order
    const pending: { at: string; user_id: string | null; action: string; target_type: string | null; target_id: string | null; detail: string | null; seq: number; prev_hash: string; hash: string }[] = [];
    const append = async (c: Omit<EntryContent, 'seq'>, id?: number) => {
      seq += 1;
      const hash = entryHash(key, prev, { ...c, seq });
      if (id !== undefined) await this.db.updateTable('audit_events').set({ seq, prev_hash: prev, hash }).where('id', '=', id).execute();
      else pending.push({ at: c.at, user_id: c.userId, action: c.action, target_type: c.targetType, target_id: c.targetId, detail: c.detail, seq, prev_hash: prev, hash });
      prev = hash;
    };

    const fresh = head && head.seq === 0 && head.hash === GENESIS_HASH && head.legacy === 0 && head.startedAt === null && head.mac === null && !lastRow;
    if (fresh) {
      // The chain starts now: first the entries written before it existed, oldest first.
      const before = await this.db.selectFrom('audit_events').selectAll().where('seq', 'is', null).orderBy('id').execute();
      for (const r of before) await append({ at: r.at, userId: r.user_id, action: r.action, targetType: r.target_type, targetId: r.target_id, detail: r.detail }, r.id);
      legacy = before.length;
      startedAt = first.at;
    } else {
      const intact = head && head.startedAt !== null && tagMatches(head.mac, headMac(key, head)) && head.seq === last.seq && head.hash === last.hash;
      if (!intact) {
        // The head was removed, altered, or no longer matches the last entry (entries cut off the end
        // and the head rewritten, an old head put back …). Say so in the chain itself, then go on from
        // the last entry: the verifier reports this entry, and nothing is laundered into a clean chain.
        const reason = !head ? 'head_missing' : head.startedAt === null || !tagMatches(head.mac, headMac(key, head)) ? 'head_altered' : 'head_mismatch';
        await append({ at: first.at, userId: null, action: CHAIN_BREAK_ACTION, targetType: null, targetId: null, detail: JSON.stringify({ reason, headSeq: head?.seq ?? null, lastSeq: last.seq }) });
        startedAt ??= first.at;
      }
    }

    for (const e of events) await append({ at: e.at, userId: e.userId, action: e.action, targetType: e.targetType ?? null, targetId: e.targetId ?? null, detail: e.detail ? JSON.stringify(e.detail) : null });
    // 9 columns: 500 rows stay well under either database's bound-parameter limit
    for (let i = 0; i < pending.length; i += 500) await this.db.insertInto('audit_events').values(pending.slice(i, i + 500)).execute();

    const next = { seq, hash: prev, legacy, startedAt };
    const mac = headMac(key, next);
    if (head) await this.db.updateTable('audit_chain_head').set({ seq, hash: prev, legacy, started_at: startedAt, mac }).where('id', '=', 1).execute();
    else await this.db.insertInto('audit_chain_head').values({ id: 1, seq, hash: prev, legacy, started_at: startedAt, mac }).execute();
    return seq;
  }

  /** The newest `limit` entries (newest first). */
  list(limit: number): Promise<{ seq: number; at: string; user_id: string | null; action: string; target_type: string | null; target_id: string | null }[]>;
  /** One page of entries matching `filters`, newest first, older than seq `before`. */
  list(filters: AuditFilters, page?: { before?: number; limit?: number }): Promise<AuditPage>;
  async list(filtersOrLimit: AuditFilters | number, page: { before?: number; limit?: number } = {}): Promise<unknown> {
    if (typeof filtersOrLimit === 'number') {
      const rows = await this.db.selectFrom('audit_events').select(['seq', 'at', 'user_id', 'action', 'target_type', 'target_id']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(filtersOrLimit).execute();
      return rows.map((r) => ({ ...r, seq: num(r.seq) }));
    }
    const f = filtersOrLimit;
    const limit = Math.max(1, Math.min(page.limit ?? 50, 500));
    let q = this.db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('users as t', (j) => j.onRef('t.id', '=', 'a.target_id').on('a.target_type', '=', 'user'))
      .select(['a.seq', 'a.at', 'a.user_id', 'u.display_name as user_name', 'a.action', 'a.target_type', 'a.target_id', 't.display_name as target_name', 'a.detail'])
      .where('a.seq', 'is not', null);
    if (f.action) {
      const a = f.action.endsWith('.*') ? f.action.slice(0, -1) : !f.action.includes('.') ? `${f.action}.` : f.action;
      q = a.endsWith('.') ? q.where(sql<string>`substr(a.action, 1, ${a.length})`, '=', a) : q.where('a.action', '=', a);
    }
    if (f.userId) q = q.where('a.user_id', '=', f.userId);
    if (f.targetType) q = q.where('a.target_type', '=', f.targetType);
    if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
    if (f.from) q = q.where('a.at', '>=', f.from);
    if (f.to) q = q.where('a.at', '<', upperBound(f.to));
    if (page.before !== undefined) q = q.where('a.seq', '<', page.before);
    const rows = await q.orderBy('a.seq', 'desc').limit(limit + 1).execute();
    const entries = rows.slice(0, limit).map((r) => ({
      seq: num(r.seq), at: r.at, userId: r.user_id, userName: r.user_name, action: r.action, targetType: r.target_type, targetId: r.target_id, targetName: r.target_name, detail: r.detail,
    }));
    return { entries, next: rows.length > limit ? entries[entries.length - 1]!.seq : null };
  }

  async head(): Promise<ChainHead | undefined> {
    const r = await this.db.selectFrom('audit_chain_head').select(['seq', 'hash', 'legacy', 'started_at', 'mac']).where('id', '=', 1).executeTakeFirst();
    return r && { seq: num(r.seq), hash: r.hash, legacy: num(r.legacy), startedAt: r.started_at, mac: r.mac };
  }

  /** Chained entries with seq > `after`, in seq order. */
  async chainBatch(after: number, limit: number, upTo?: number): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_events').select(['seq', 'at', 'user_id', 'action', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash']).where('seq', '>', after);
    if (upTo !== undefined) q = q.where('seq', '<=', upTo);
    return (await q.orderBy('seq').limit(limit).execute()).map(toEntry);
  }

  /** Every chained entry (up to seq `upTo`), in seq order, read `batch` at a time. */
  async *chain(opts: { batch?: number; upTo?: number } = {}): AsyncGenerator<AuditEntry> {
    const batch = opts.batch ?? 1000;
    let after = 0;
    for (;;) {
      const rows = await this.chainBatch(after, batch, opts.upTo);
      for (const r of rows) yield r;
      if (rows.length < batch) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** The entry at `seq`, if any. */
  async bySeq(seq: number): Promise<AuditEntry | undefined> {
    const r = await this.db.selectFrom('audit_events').select(['seq', 'at', 'user_id', 'action', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash']).where('seq', '=', seq).executeTakeFirst();
    return r && toEntry(r);
  }

  /** The highest seq stored (0: none). */
  async maxSeq(): Promise<number> {
    const r = await this.db.selectFrom('audit_events').select('seq').where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return r ? num(r.seq) : 0;
  }

  /** Storage ids of entries outside the chain (seq NULL), oldest first. */
  async unchainedIds(limit = 10): Promise<number[]> {
    return (await this.db.selectFrom('audit_events').select('id').where('seq', 'is', null).orderBy('id').limit(limit).execute()).map((r) => num(r.id));
  }
}
