/**
 * Fixed-window counters shared by every app process (server mode): one upsert per hit, so two
 * processes never both grant the tenth attempt. Keys arrive already digested (see
 * http/shared-rate-limit-store.ts); expired windows are swept now and then.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

export class RateLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts one hit; a window older than `windowMs` starts again at 1. */
  async hit(key: string, nowMs: number, windowMs: number): Promise<{ hits: number; windowStart: number }> {
    const expired = sql<boolean>`rate_limits.window_start <= ${nowMs - windowMs}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, hits: 1, window_start: nowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql`CASE WHEN ${expired} THEN 1 ELSE rate_limits.hits + 1 END`,
          window_start: sql`CASE WHEN ${expired} THEN ${nowMs} ELSE rate_limits.window_start END`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), windowStart: Number(row.window_start) };
  }

  async peek(key: string): Promise<{ hits: number; windowStart: number } | undefined> {
    const row = await this.db.selectFrom('rate_limits').select(['hits', 'window_start']).where('key', '=', key).executeTakeFirst();
    return row ? { hits: Number(row.hits), windowStart: Number(row.window_start) } : undefined;
  }

  async sweep(olderThanMs: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', olderThanMs).execute();
  }
}
