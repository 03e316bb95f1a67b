/**
 * 0010: risk assessments of people and organisations (ADR 0014). Append-only by design: each
 * assessment is a new numbered version of its actor's, so the history is every row. What describes
 * the person's situation (threats, vulnerabilities, capacities, evidence, conclusions) is one sealed
 * JSON value in `body`, under the actor's own data key; the level, the score (in hundredths, an
 * integer on both engines) and the review day stay readable so the lists can sort and flag them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('score_x100', 'integer', (c) => c.notNull())
    .addColumn('next_review', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('risk_assessments_actor_version', ['actor_id', 'version'])
    .execute();
}

