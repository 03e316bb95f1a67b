/**
 * 0007 on both engines: the one cluster_state row (unbound, epoch 0), the members and the shared
 * rate-limit counters, used through their repositories.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { closeDatabases, postgresDatabase, sqliteDatabase } from '../../../test/helpers/databases.js';
import { ClusterRepository } from '../repositories/cluster-repository.js';
import { RateLimitRepository } from '../repositories/rate-limit-repository.js';

afterAll(closeDatabases);

describe.each([['sqlite', () => sqliteDatabase()], ['postgres', () => postgresDatabase()]] as const)('migration 0007_cluster on %s', (_name, open) => {
  it('starts unbound at epoch 0; binds a keyring once; counts seals', async () => {
    const db = await open();
    const c = new ClusterRepository(db);
    expect(await c.state()).toEqual({ keyringId: null, sealEpoch: 0 });
    expect(await c.bindKeyring('k1')).toBe(true);
    expect(await c.bindKeyring('k2')).toBe(false);
    expect(await c.bumpSealEpoch()).toBe(1);
    expect(await c.state()).toEqual({ keyringId: 'k1', sealEpoch: 1 });
    await expect(sql`INSERT INTO cluster_state (id, seal_epoch) VALUES (2, 0)`.execute(db)).rejects.toThrow();
  });

  it('knows the live members at an epoch and forgets stale ones', async () => {
    const c = new ClusterRepository(await open());
    await c.heartbeat('a', 0, 10_000);
    await c.heartbeat('b', 0, 10_000);
    await c.heartbeat('old', 0, 1_000);
    await c.heartbeat('before-seal', 1, 10_000);
    expect(await c.liveOthers('a', 0, 5_000)).toBe(1);
    await c.leave('b');
    expect(await c.liveOthers('a', 0, 5_000)).toBe(0);
  });

  it('counts hits per window and starts a new window when the old one is over', async () => {
    const r = new RateLimitRepository(await open());
    expect(await r.hit('k', 1_000, 60_000)).toEqual({ hits: 1, windowStart: 1_000 });
    expect(await r.hit('k', 2_000, 60_000)).toEqual({ hits: 2, windowStart: 1_000 });
    expect(await r.hit('other', 2_000, 60_000)).toEqual({ hits: 1, windowStart: 2_000 });
    expect(await r.hit('k', 61_000, 60_000)).toEqual({ hits: 1, windowStart: 61_000 });
    expect(await r.peek('k')).toEqual({ hits: 1, windowStart: 61_000 });
    await r.sweep(10_000);
    expect(await r.peek('other')).toBeUndefined();
  });
});
