/**
 * The protection measures registry in SQL (ADR 0018): every measure with its person's or
 * organisation's kind and pseudonym, only of those the viewer may see (the actor list's rule,
 * visibility.ts); and, for the scheduler, the measures in force that have an expiry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { Store } from '../store.js';
import { actorVisibleTo, type Viewer } from './visibility.js';

export interface RegistryRow {
  id: string;
  actorId: string;
  actorKind: 'person' | 'organisation';
  pseudonym: string;
  kind: string;
  status: string;
  reference: string | null;
  granted: string | null;
  expires: string | null;
  includes: string | null;
}

export class MeasureRegistry {
  constructor(private readonly db: Kysely<Database>) {}

  /** The measures of the people and organisations `viewer` may see (at most `limit`, soonest expiry first). */
  async visible(viewer: Viewer, limit: number): Promise<RegistryRow[]> {
    const rows = await this.db
      .selectFrom('protection_measures as m')
      .innerJoin('actors as a', 'a.id', 'm.actor_id')
      .select(['m.id', 'm.actor_id', 'a.kind as actor_kind', 'a.pseudonym', 'm.kind', 'm.status', 'm.reference', 'm.granted', 'm.expires', 'm.includes'])
      .where(actorVisibleTo(viewer, 'a'))
      .orderBy('m.expires')
      .orderBy('m.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, actorId: r.actor_id, actorKind: r.actor_kind === 'organisation' ? 'organisation' : 'person', pseudonym: r.pseudonym, kind: r.kind, status: r.status, reference: r.reference, granted: r.granted, expires: r.expires, includes: r.includes }));
  }

  /** Every measure whose status is `inForce` or under it (a superset: the caller checks the code) and that has an expiry: ids and dates only. */
  async inForceWithExpiry(inForce: string): Promise<{ id: string; status: string; expires: string }[]> {
    const rows = await this.db
      .selectFrom('protection_measures')
      .select(['id', 'status', 'expires'])
      .where('status', 'like', `${inForce}%`)
      .where('expires', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, status: r.status, expires: r.expires! }));
  }
}

export function measureRegistryOf(store: Store): MeasureRegistry {
  return new MeasureRegistry(store.db);
}
