/** Key-encryption keys of sealed fields and the wrapped data keys of records (SQL only; no key material in clear). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { WrappedKek, WrappedDataKey } from '../../crypto/envelope.js';

const CURRENT = 'field_kek_current';

export class FieldKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<WrappedKek[]> {
    const rows = await this.db.selectFrom('field_keys').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, wrapped: Buffer.from(r.wrapped, 'base64') }));
  }

  async currentId(): Promise<string | undefined> {
    return (await this.db.selectFrom('meta').select('value').where('key', '=', CURRENT).executeTakeFirst())?.value;
  }

  /** Stores a new KEK and makes it the one that wraps new data keys. */
  async addCurrent(k: WrappedKek, at: string): Promise<void> {
    await this.db.insertInto('field_keys').values({ id: k.id, wrapped: k.wrapped.toString('base64'), created_at: at }).execute();
    const had = await this.currentId();
    if (had === undefined) await this.db.insertInto('meta').values({ key: CURRENT, value: k.id }).execute();
    else await this.db.updateTable('meta').set({ value: k.id }).where('key', '=', CURRENT).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('field_keys').where('id', '=', id).execute();
  }

  /** Data keys still wrapped under another KEK than `kekId`, a batch at a time. */
  async dataKeysNotUnder(kekId: string, limit: number): Promise<WrappedDataKey[]> {
    const rows = await this.db.selectFrom('record_keys').selectAll().where('kek_id', '!=', kekId).orderBy('record').limit(limit).execute();
    return rows.map((r) => ({ record: r.record, keyId: r.key_id, kekId: r.kek_id, wrapped: Buffer.from(r.wrapped, 'base64') }));
  }

  /** Replaces a data key's wrapping, only if it is still the one read (a concurrent rotation loses). */
  async rewrapDataKey(before: WrappedDataKey, after: WrappedDataKey): Promise<void> {
    await this.db
      .updateTable('record_keys')
      .set({ kek_id: after.kekId, wrapped: after.wrapped.toString('base64') })
      .where('record', '=', before.record)
      .where('kek_id', '=', before.kekId)
      .where('key_id', '=', before.keyId)
      .execute();
  }

  async countByKek(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('record_keys').select((eb) => ['kek_id', eb.fn.countAll<number>().as('n')]).groupBy('kek_id').execute();
    return new Map(rows.map((r) => [r.kek_id, Number(r.n)]));
  }
}
