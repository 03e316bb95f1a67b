/**
 * Seals identifying values written in plaintext before migration 0005 (workspaces made by the
 * first version). Runs at every unseal, in one transaction; after the first it finds nothing.
 * A value counts as legacy when it is not in the sealed format.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { ACTOR_SEALED_COLUMNS } from './sealed-columns.js';

const notSealed = (col: string) => sql<boolean>`(${sql.ref(col)} IS NOT NULL AND ${sql.ref(col)} NOT LIKE 'f1.%')`;

export async function sealLegacyPlaintext(db: Kysely<Database>, keys: StoreKeys): Promise<number> {
  const sealer = new FieldSealer(db, keys);
  let n = 0;
  const actors = await db.selectFrom('actors').select(['id', ...ACTOR_SEALED_COLUMNS]).where((eb) => eb.or(ACTOR_SEALED_COLUMNS.map((c) => notSealed(c)))).execute();
  for (const a of actors) {
    const record = recordName('actor', a.id);
    const dk = await sealer.dataKey(record, true);
    const set: Record<string, string | null> = {};
    for (const c of ACTOR_SEALED_COLUMNS) {
      const v = a[c];
      if (v !== null && !v.startsWith('f1.')) set[c] = sealer.seal(dk, { record, table: 'actors', row: a.id, column: c }, v);
    }
    await db.updateTable('actors').set(set).where('id', '=', a.id).execute();
    n++;
  }
  const incidents = await db
    .selectFrom('incidents')
    .select(['id', 'private_lat', 'private_lon', 'private_address'])
    .where((eb) => eb.or([eb('private_lat', 'is not', null), eb('private_lon', 'is not', null), eb('private_address', 'is not', null)]))
    .execute();
  for (const i of incidents) {
    const record = recordName('incident', i.id);
    const dk = await sealer.dataKey(record, true);
    const point = JSON.stringify({ ...(i.private_lat !== null ? { lat: i.private_lat, lon: i.private_lon } : {}), ...(i.private_address !== null ? { address: i.private_address } : {}) });
    await db
      .updateTable('incidents')
      .set({ private_sealed: sealer.seal(dk, { record, table: 'incidents', row: i.id, column: 'private' }, point), private_lat: null, private_lon: null, private_address: null })
      .where('id', '=', i.id)
      .execute();
    n++;
  }
  for (const [table, column] of [['involvements', 'identified_individuals'], ['sources', 'testimony']] as const) {
    const rows = await db.selectFrom(table).select(['id', 'incident_id', column]).where(notSealed(column)).execute();
    for (const r of rows) {
      const record = recordName('incident', r.incident_id);
      const dk = await sealer.dataKey(record, true);
      const v = (r as Record<string, string | null>)[column]!;
      await db.updateTable(table).set({ [column]: sealer.seal(dk, { record, table, row: r.id, column }, v) }).where('id', '=', r.id).execute();
      n++;
    }
  }
  const drafts = await db.selectFrom('drafts').select(['id', 'data']).where(notSealed('data')).execute();
  for (const d of drafts) {
    const record = recordName('draft', d.id);
    const dk = await sealer.dataKey(record, true);
    await db.updateTable('drafts').set({ data: sealer.seal(dk, { record, table: 'drafts', row: d.id, column: 'data' }, d.data)! }).where('id', '=', d.id).execute();
    n++;
  }
  return n;
}
