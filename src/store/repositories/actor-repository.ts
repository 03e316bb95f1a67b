/** People and organisations (victims) and their protection measures in SQL. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ActorTable, ProtectionMeasureTable } from '../schema-types.js';
import type { ActorInput } from '../../domain/actor/schema.js';
import type { ActorView } from '../../domain/actor/view.js';
import { compact } from './compact.js';
import { newId } from '../../crypto/random.js';

export interface ActorMeta { id: string; orgId: string; userId: string; now: string; version: number; createdAt: string; createdBy: string }

export class ActorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async write(meta: ActorMeta, a: ActorInput, isNew: boolean): Promise<void> {
    const row = {
      id: meta.id, org_id: meta.orgId, kind: a.kind, pseudonym: a.pseudonym, real_name: a.realName ?? null, contact: a.contact ?? null,
      private_address: a.privateAddress ?? null, role: a.role ?? null, gender_identity: a.genderIdentity ?? null, lgbti: a.lgbti ?? null,
      migration_status: a.migrationStatus ?? null, age_group: a.ageGroup ?? null, nationality: a.nationality ?? null, org_type: a.orgType ?? null,
      country: a.country ?? null, state: a.state ?? null, locality: a.locality ?? null, notes: a.notes ?? null,
      created_at: meta.createdAt, created_by: meta.createdBy, updated_at: meta.now, updated_by: meta.userId, version: meta.version,
    };
    if (isNew) await this.db.insertInto('actors').values(row).execute();
    else {
      await this.db.updateTable('actors').set(row).where('id', '=', meta.id).execute();
      await this.db.deleteFrom('protection_measures').where('actor_id', '=', meta.id).execute();
    }
    for (const [i, m] of a.protectionMeasures.entries()) {
      await this.db
        .insertInto('protection_measures')
        .values({
          id: m.id ?? newId(), actor_id: meta.id, ordinal: i, kind: m.kind, status: m.status, reference: m.reference ?? null,
          granted: m.granted ?? null, expires: m.expires ?? null, includes: m.includes ?? null, notes: m.notes ?? null,
        })
        .execute();
    }
  }

  async measureIds(actorId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('protection_measures').select('id').where('actor_id', '=', actorId).execute();
    return new Set(rows.map((r) => r.id));
  }

  async loadMany(ids: string[]): Promise<Map<string, ActorView>> {
    const out = new Map<string, ActorView>();
    if (!ids.length) return out;
    const [rows, measures] = await Promise.all([
      this.db.selectFrom('actors').selectAll().where('id', 'in', ids).execute(),
      this.db.selectFrom('protection_measures').selectAll().where('actor_id', 'in', ids).orderBy('ordinal').execute(),
    ]);
    for (const r of rows) out.set(r.id, toView(r, measures.filter((m) => m.actor_id === r.id)));
    return out;
  }

  async load(id: string): Promise<ActorView | undefined> {
    return (await this.loadMany([id])).get(id);
  }

  /** Lists actors by kind, optionally filtered by a pseudonym prefix/substring (never by identifying fields). */
  async list(opts: { kind?: string | undefined; q?: string | undefined; limit: number; offset: number }): Promise<{ total: number; items: { id: string; kind: string; pseudonym: string; role: string | null; orgType: string | null; country: string | null; incidents: number }[] }> {
    let base = this.db.selectFrom('actors as a');
    if (opts.kind) base = base.where('a.kind', '=', opts.kind);
    if (opts.q) base = base.where('a.pseudonym', 'like', `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const items = await base
      .select((eb) => [
        'a.id', 'a.kind', 'a.pseudonym', 'a.role', 'a.org_type', 'a.country',
        eb.selectFrom('incident_victims as v').innerJoin('incidents as i', 'i.id', 'v.incident_id').whereRef('v.actor_id', '=', 'a.id').where('i.deleted_at', 'is', null).select((e) => e.fn.countAll<number>().as('c')).as('incidents'),
      ])
      .orderBy('a.pseudonym')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return { total, items: items.map((r) => ({ id: r.id, kind: r.kind, pseudonym: r.pseudonym, role: r.role, orgType: r.org_type, country: r.country, incidents: Number(r.incidents ?? 0) })) };
  }
}

function toView(r: Selectable<ActorTable>, ms: Selectable<ProtectionMeasureTable>[]): ActorView {
  return compact({
    id: r.id, version: r.version, orgId: r.org_id, kind: r.kind as ActorView['kind'], pseudonym: r.pseudonym,
    realName: r.real_name ?? undefined, contact: r.contact ?? undefined, privateAddress: r.private_address ?? undefined,
    role: r.role ?? undefined, genderIdentity: r.gender_identity ?? undefined, lgbti: r.lgbti ?? undefined, migrationStatus: r.migration_status ?? undefined,
    ageGroup: r.age_group ?? undefined, nationality: r.nationality ?? undefined, orgType: r.org_type ?? undefined, country: r.country ?? undefined,
    state: r.state ?? undefined, locality: r.locality ?? undefined, notes: r.notes ?? undefined,
    protectionMeasures: ms.map((m) => compact({ id: m.id, kind: m.kind, status: m.status, reference: m.reference ?? undefined, granted: m.granted ?? undefined, expires: m.expires ?? undefined, includes: m.includes ?? undefined, notes: m.notes ?? undefined })),
    createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by,
  }) as ActorView;
}
