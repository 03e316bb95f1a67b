/**
 * Seals and opens identifying values for the repositories, so no write path can forget it:
 * each record ('incident/<id>', 'actor/<id>', 'draft/<id>') gets its own data key, stored wrapped
 * in record_keys; each value is bound to its record, table, row and column (src/crypto/envelope.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { sealValue, openValue, isSealedValue, SealedValueError, type DataKey, type FieldKeyring, type FieldSlot } from '../../crypto/envelope.js';

export type RecordKind = 'incident' | 'actor' | 'draft' | 'checkin' | 'settings' | 'accompanied' | 'hearing' | 'run';
export const recordName = (kind: RecordKind, id: string) => `${kind}/${id}`;

export class FieldSealer {
  constructor(private readonly db: Kysely<Database>, private readonly keys: StoreKeys) {}

  private ring(): FieldKeyring {
    if (!this.keys.fields) throw new Error('identifying fields cannot be sealed or opened: the field keys are not loaded');
    return this.keys.fields;
  }

  /** The record's data key; with `create`, makes and stores one if the record has none yet. */
  async dataKey(record: string, create: true): Promise<DataKey>;
  async dataKey(record: string, create: false): Promise<DataKey | undefined>;
  async dataKey(record: string, create: boolean): Promise<DataKey | undefined> {
    const ring = this.ring();
    const row = await this.db.selectFrom('record_keys').selectAll().where('record', '=', record).executeTakeFirst();
    if (row) return ring.openDataKey({ record, keyId: row.key_id, kekId: row.kek_id, wrapped: Buffer.from(row.wrapped, 'base64') });
    if (!create) return undefined;
    const { dk, stored } = ring.newDataKey(record);
    await this.db
      .insertInto('record_keys')
      .values({ record, key_id: stored.keyId, kek_id: stored.kekId, wrapped: stored.wrapped.toString('base64'), created_at: new Date().toISOString() })
      .execute();
    return dk;
  }

  /** New data keys for many new records at once (bulk loads), stored a few hundred rows per statement. */
  async newDataKeys(records: string[]): Promise<Map<string, DataKey>> {
    const ring = this.ring();
    const out = new Map<string, DataKey>();
    const rows: { record: string; key_id: string; kek_id: string; wrapped: string; created_at: string }[] = [];
    const at = new Date().toISOString();
    for (const record of records) {
      const { dk, stored } = ring.newDataKey(record);
      out.set(record, dk);
      rows.push({ record, key_id: stored.keyId, kek_id: stored.kekId, wrapped: stored.wrapped.toString('base64'), created_at: at });
    }
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('record_keys').values(rows.slice(i, i + 500)).execute();
    return out;
  }

  /** Data keys of many records at once (for lists and scans); records without a key are absent. */
  async dataKeys(records: string[]): Promise<Map<string, DataKey>> {
    const out = new Map<string, DataKey>();
    if (!records.length) return out;
    const ring = this.ring();
    for (let i = 0; i < records.length; i += 500) {
      const rows = await this.db.selectFrom('record_keys').selectAll().where('record', 'in', records.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.record, ring.openDataKey({ record: r.record, keyId: r.key_id, kekId: r.kek_id, wrapped: Buffer.from(r.wrapped, 'base64') }));
    }
    return out;
  }

  /** Removes a record's data key: whatever was sealed under it can never be opened again. */
  async shred(record: string): Promise<void> {
    await this.db.deleteFrom('record_keys').where('record', '=', record).execute();
    this.keys.fields?.forget(record);
  }

  seal(dk: DataKey, slot: FieldSlot, value: string | null | undefined): string | null {
    return value === undefined || value === null ? null : sealValue(dk, slot, value);
  }

  /**
   * For a free-text field an admin may mark identifying: sealed when marked — and also when the
   * text itself happens to look like a sealed value, so reading is never ambiguous.
   */
  sealIf(marked: boolean, dk: DataKey, slot: FieldSlot, value: string | null | undefined): string | null {
    if (value === undefined || value === null) return null;
    return marked || isSealedValue(value) ? sealValue(dk, slot, value) : value;
  }

  /** Reads a field that may be sealed (marked identifying) or plain (not marked when written). */
  openIfSealed(dk: DataKey | undefined, slot: FieldSlot, value: string | null): string | null {
    if (value === null || !isSealedValue(value)) return value;
    return this.open(dk, slot, value)!;
  }

  open(dk: DataKey | undefined, slot: FieldSlot, value: string | null): string | undefined {
    if (value === null) return undefined;
    if (!dk) throw new SealedValueError(`${slot.table}/${slot.row}/${slot.column} of record ${slot.record}`, 'the record has no data key');
    return openValue(dk, slot, value);
  }
}
