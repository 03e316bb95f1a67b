/**
 * Several app processes on one database (ADR 0012): the keyring binding, the seal epoch every
 * process watches, and the heartbeats of unsealed processes. Works on both dialects; the embedded
 * store uses only the keyring binding (one process).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

export class ClusterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async state(): Promise<{ keyringId: string | null; sealEpoch: number }> {
    const row = await this.db.selectFrom('cluster_state').select(['keyring_id', 'seal_epoch']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { keyringId: row.keyring_id, sealEpoch: Number(row.seal_epoch) };
  }

  /** Binds an unbound database; false when another keyring got there first. */
  async bindKeyring(keyringId: string): Promise<boolean> {
    const r = await this.db.updateTable('cluster_state').set({ keyring_id: keyringId }).where('id', '=', 1).where('keyring_id', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Seals every process: they compare this with the epoch they unsealed at. Returns the new epoch. */
  async bumpSealEpoch(): Promise<number> {
    const row = await this.db.updateTable('cluster_state').set({ seal_epoch: sql`seal_epoch + 1` }).where('id', '=', 1).returning('seal_epoch').executeTakeFirstOrThrow();
    return Number(row.seal_epoch);
  }

  async sealEpoch(): Promise<number> {
    return (await this.state()).sealEpoch;
  }

  async heartbeat(member: string, sealEpoch: number, nowMs: number): Promise<void> {
    await this.db
      .insertInto('cluster_members')
      .values({ id: member, seal_epoch: sealEpoch, seen_at: nowMs })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seal_epoch: sealEpoch, seen_at: nowMs }))
      .execute();
  }

  /** Other processes unsealed at this epoch and seen since `sinceMs`. Stale rows are removed on the way. */
  async liveOthers(member: string, sealEpoch: number, sinceMs: number): Promise<number> {
    await this.db.deleteFrom('cluster_members').where('seen_at', '<', sinceMs).execute();
    const row = await this.db
      .selectFrom('cluster_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '!=', member)
      .where('seal_epoch', '=', sealEpoch)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async leave(member: string): Promise<void> {
    await this.db.deleteFrom('cluster_members').where('id', '=', member).execute();
  }
}
