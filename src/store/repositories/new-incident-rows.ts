/**
 * The share that keeps a restricted incident visible to whoever recorded it, written for many new
 * incidents at once (recordIncidents): one statement per few hundred incidents instead of one per
 * incident — on PostgreSQL each statement is a round trip. (Their full-text rows: indexIncidents.)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

/** 6 parameters a row: far under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_STATEMENT = 500;

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) yield rows.slice(i, i + ROWS_PER_STATEMENT);
}

/**
 * Shares incidents with one user (not their identifying values), as `ShareRepository.addShare`
 * does for each: a share already there is left as it is.
 */
export async function shareNewIncidentsWithUser(db: Kysely<Database>, incidentIds: string[], userId: string, by: string, at: string): Promise<void> {
  const rows = incidentIds.map((incident_id) => ({ incident_id, principal_type: 'user' as const, principal_id: userId, identifying: 0, granted_by: by, granted_at: at }));
  for (const chunk of chunks(rows)) {
    await db.insertInto('incident_shares').values(chunk).onConflict((oc) => oc.columns(['incident_id', 'principal_type', 'principal_id']).doNothing()).execute();
  }
}
