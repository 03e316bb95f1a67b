/** The protection measures of these people and organisations, as a report counts them: the holder's id, the kind's and status's codes — nothing else. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { MeasureFact } from '../../domain/report/measures.js';

const BATCH = 500;

export async function protectionMeasureFacts(db: Kysely<Database>, actorIds: readonly string[]): Promise<MeasureFact[]> {
  const out: MeasureFact[] = [];
  for (let i = 0; i < actorIds.length; i += BATCH) {
    const rows = await db.selectFrom('protection_measures').select(['actor_id', 'kind', 'status']).where('actor_id', 'in', actorIds.slice(i, i + BATCH)).execute();
    for (const r of rows) out.push({ actorId: r.actor_id, kind: r.kind, status: r.status });
  }
  return out;
}
