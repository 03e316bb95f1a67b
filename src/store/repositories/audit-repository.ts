/** Audit events (ids and actions only, never sensitive values); written in the caller's transaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';

export interface AuditEvent { at: string; userId: string | null; action: string; targetType?: string; targetId?: string; detail?: Record<string, unknown> }

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}
  async add(e: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({ at: e.at, user_id: e.userId, action: e.action, target_type: e.targetType ?? null, target_id: e.targetId ?? null, detail: e.detail ? JSON.stringify(e.detail) : null })
      .execute();
  }
  list(limit: number): Promise<{ id: number; at: string; user_id: string | null; action: string; target_type: string | null; target_id: string | null }[]> {
    return this.db.selectFrom('audit_events').select(['id', 'at', 'user_id', 'action', 'target_type', 'target_id']).orderBy('id', 'desc').limit(limit).execute();
  }
}
