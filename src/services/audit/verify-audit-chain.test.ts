/**
 * The audit chain against tampering, on a real encrypted workspace: entries are written through
 * the repository (as every use case does), then changed with raw SQL the way someone holding the
 * database but not the keyring could, and the verifier must name the entry and what happened.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { sql } from 'kysely';
import { newWorkspace, type TestWorkspace } from '../../../test/helpers/api.js';
import type { Store } from '../../store/store.js';
import { AuditKeyMissingError, GENESIS_HASH } from '../../store/repositories/audit-repository.js';
import { emptyStoreKeys } from '../../store/store-keys.js';
import { Store as StoreClass } from '../../store/store.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let ws: TestWorkspace;
let store: Store;

/** Raw SQL on the open encrypted database, as a DBA would run it. */
const raw = (q: ReturnType<typeof sql>) => q.execute(store.db);

async function fill(n: number): Promise<number> {
  for (let i = 0; i < n; i++) {
    await store.audit.add({ at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), userId: null, action: i % 2 ? 'identifying.revealed' : 'incident.updated', targetType: 'incident', targetId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, detail: { paths: [`victims[${i}].realName`], version: i } });
  }
  return (await store.audit.head())!.seq;
}

beforeEach(async () => {
  ws = await newWorkspace();
  store = ws.vault.runtime().store;
});
afterEach(async () => {
  await ws.close();
});

describe('audit chain verification', () => {
  it('accepts an untouched chain, read in batches, and reports its length and head', async () => {
    const last = await fill(12);
    expect(last).toBeGreaterThan(12); // setup's own events come first
    const r = await verifyAuditChain(store, { batch: 5 });
    expect(r).toEqual({ ok: true, count: last, head: { seq: last, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, legacy: 0, startedAt: expect.any(String) });
    // seq is contiguous from 1 and each entry links to the one before it
    const rows = await store.db.selectFrom('audit_events').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((x) => x.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((x, i) => expect(x.prev_hash).toBe(rows[i]!.hash));
  });

  it('finds an edited entry and names it', async () => {
    await fill(10);
    await raw(sql`UPDATE audit_events SET detail = ${JSON.stringify({ paths: ['victims[0].contact'], version: 3 })} WHERE seq = 6`);
    const r = await verifyAuditChain(store, { batch: 4 });
    expect(r).toMatchObject({ ok: false, checked: 5, problem: { kind: 'edited', seq: 6 } });
    expect(r.ok || r.problem.message).toMatch(/entry 6 was edited/);
  });

  it('finds an edit of who acted or when, and a replaced hash', async () => {
    await fill(6);
    await raw(sql`UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 4 } });
    await raw(sql`UPDATE audit_events SET at = (SELECT at FROM audit_events WHERE seq = 5) WHERE seq = 4`);
    await raw(sql`UPDATE audit_events SET user_id = '00000000-0000-4000-8000-000000000000' WHERE seq = 3`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 3 } });
  });

  it('finds a deleted entry in the middle and names its seq', async () => {
    await fill(10);
    await raw(sql`DELETE FROM audit_events WHERE seq = 7`);
    const r = await verifyAuditChain(store, { batch: 3 });
    expect(r).toMatchObject({ ok: false, checked: 6, problem: { kind: 'deleted', seq: 7 } });
    expect(r.ok || r.problem.message).toMatch(/entry 7 was deleted/);
  });

  it('finds two swapped entries and names the first place that no longer follows', async () => {
    await fill(10);
    const cols = ['at', 'user_id', 'action', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash'] as const;
    const a = (await store.db.selectFrom('audit_events').select(cols).where('seq', '=', 5).executeTakeFirstOrThrow());
    const b = (await store.db.selectFrom('audit_events').select(cols).where('seq', '=', 9).executeTakeFirstOrThrow());
    // swap the two rows' contents, leaving each seq (its place) where it was
    await raw(sql`UPDATE audit_events SET at = ${b.at}, user_id = ${b.user_id}, action = ${b.action}, target_type = ${b.target_type}, target_id = ${b.target_id}, detail = ${b.detail}, prev_hash = ${b.prev_hash}, hash = ${b.hash} WHERE seq = 5`);
    await raw(sql`UPDATE audit_events SET at = ${a.at}, user_id = ${a.user_id}, action = ${a.action}, target_type = ${a.target_type}, target_id = ${a.target_id}, detail = ${a.detail}, prev_hash = ${a.prev_hash}, hash = ${a.hash} WHERE seq = 9`);
    const r = await verifyAuditChain(store, { batch: 4 });
    expect(r).toMatchObject({ ok: false, checked: 4, problem: { kind: 'reordered', seq: 5 } });
    expect(r.ok || r.problem.message).toMatch(/entry 5 does not follow entry 4/);
  });

  it('finds two neighbours swapped by renumbering them', async () => {
    await fill(6);
    await raw(sql`UPDATE audit_events SET seq = -1 WHERE seq = 3`);
    await raw(sql`UPDATE audit_events SET seq = 3 WHERE seq = 4`);
    await raw(sql`UPDATE audit_events SET seq = 4 WHERE seq = -1`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: 3 } });
  });

  it('finds entries cut off the end, and a head rewritten to hide it', async () => {
    const last = await fill(8);
    await raw(sql`DELETE FROM audit_events WHERE seq > ${last - 2}`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: last - 1, message: expect.stringMatching(/the last/) } });

    // rewriting the head to the new last entry needs the key for its MAC
    const tail = (await store.audit.bySeq(last - 2))!;
    await raw(sql`UPDATE audit_chain_head SET seq = ${tail.seq}, hash = ${tail.hash}`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'head', seq: null } });

    // the next write does not launder it: the chain records the break, and the verifier keeps reporting it
    await store.audit.add({ at: new Date().toISOString(), userId: null, action: 'auth.login' });
    const r = await verifyAuditChain(store);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'head', seq: last - 1 } });
    expect((await store.audit.bySeq(last - 1))!.action).toBe('audit.chain_break');
    expect((await store.audit.bySeq(last))!.action).toBe('auth.login');
  });

  it('records entries cut off the end when the next write finds the head ahead of the last entry', async () => {
    const last = await fill(8);
    await raw(sql`DELETE FROM audit_events WHERE seq > ${last - 3}`);
    await store.audit.add({ at: new Date().toISOString(), userId: null, action: 'auth.login' });
    const r = await verifyAuditChain(store);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: last - 2 } });
    expect(r.ok || r.problem.message).toMatch(new RegExp(`entries ${last - 2} to ${last} were deleted`));
  });

  it('cannot see an old head put back after cutting the end off, unless given an anchor written down earlier', async () => {
    const mid = await fill(5);
    const anchorRow = (await store.audit.bySeq(mid))!;
    const oldHead = (await store.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow());
    const last = await fill(5);
    const anchor = { seq: last, hash: (await store.audit.bySeq(last))!.hash! };
    await raw(sql`DELETE FROM audit_events WHERE seq > ${mid}`);
    await raw(sql`UPDATE audit_chain_head SET seq = ${oldHead.seq}, hash = ${oldHead.hash}, legacy = ${oldHead.legacy}, started_at = ${oldHead.started_at}, mac = ${oldHead.mac}`);
    // the limit (docs/adr/0007-audit-chain.md): a consistent older state is a valid chain
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: mid });
    expect(await verifyAuditChain(store, { anchor: { seq: mid, hash: anchorRow.hash! } })).toMatchObject({ ok: true });
    // … which a head written down earlier catches
    expect(await verifyAuditChain(store, { anchor })).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: last } });
  });

  it('reports an entry slipped in outside the chain', async () => {
    await fill(3);
    await raw(sql`INSERT INTO audit_events (at, user_id, action) VALUES ('2026-01-01T00:00:00.000Z', NULL, 'auth.login')`);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, problem: { kind: 'inserted' } });
  });

  it('assigns seq in the writing transaction: a rolled-back write leaves no gap', async () => {
    const before = await fill(2);
    await expect(store.transaction(async (tx) => {
      await tx.audit.add({ at: new Date().toISOString(), userId: null, action: 'user.created' });
      throw new Error('the change fails after its audit entry');
    })).rejects.toThrow(/fails/);
    expect((await store.audit.head())!.seq).toBe(before);
    expect(await store.audit.add({ at: new Date().toISOString(), userId: null, action: 'user.created' })).toBe(before + 1);
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: before + 1 });
  });

  it('refuses to write an entry without the audit key', async () => {
    const bare = new StoreClass(store.db, undefined, emptyStoreKeys());
    const before = (await store.audit.head())!.seq;
    await expect(bare.audit.add({ at: new Date().toISOString(), userId: null, action: 'auth.login' })).rejects.toBeInstanceOf(AuditKeyMissingError);
    await expect(verifyAuditChain(bare)).rejects.toBeInstanceOf(AuditKeyMissingError);
    expect(await store.audit.maxSeq()).toBe(before);
  });

  it('a different key does not verify the chain (the database alone cannot recompute it)', async () => {
    await fill(2);
    const other = new StoreClass(store.db, undefined, { ...emptyStoreKeys(), auditKey: Buffer.alloc(32, 9) });
    expect(await verifyAuditChain(other)).toMatchObject({ ok: false, problem: { kind: 'head' } });
  });
});
