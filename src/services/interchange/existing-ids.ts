/** Which of some ids a table already holds, queried a few hundred at a time. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema-types.js';

/** Of `ids`, those present in `table`.`column`. */
export async function existing(db: Kysely<Database>, table: string, column: string, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const found = new Set<string>();
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    const r = await sql<{ v: string }>`SELECT ${sql.ref(column)} AS v FROM ${sql.table(table)} WHERE ${sql.ref(column)} IN (${sql.join(chunk)})`.execute(db);
    for (const row of r.rows) found.add(row.v);
  }
  return found;
}
