/** People and organisations (victims) and their protection measures in SQL. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ActorTable, ProtectionMeasureTable } from '../schema-types.js';
import type { ActorInput } from '../../domain/actor/schema.js';
import type { ActorView } from '../../domain/actor/view.js';
import { compact } from './compact.js';
import { newId } from '../../crypto/random.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import { ACTOR_SEALED_COLUMNS } from './sealed-columns.js';
import { isSealedValue, type DataKey } from '../../crypto/envelope.js';
import { actorVisibleTo, visibleTo, type Viewer } from './visibility.js';
import { dialectOf } from '../migrations/dialect.js';
import type { StorePolicy } from '../store-policy.js';

export interface ActorMeta { id: string; orgId: string; userId: string; now: string; version: number; createdAt: string; createdBy: string }

export class ActorRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys, private readonly policy: StorePolicy) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The actor row as stored (identifying values sealed under `dk`), shared by `write` and `writeManyNew`. */
  private rowOf(meta: ActorMeta, a: ActorInput, dk: DataKey): Selectable<ActorTable> {
    const record = recordName('actor', meta.id);
    const seal = (column: string, v: string | undefined) => this.sealer.seal(dk, { record, table: 'actors', row: meta.id, column }, v);
    return {
      id: meta.id, org_id: meta.orgId, kind: a.kind, pseudonym: a.pseudonym, real_name: seal('real_name', a.realName), contact: seal('contact', a.contact),
      private_address: seal('private_address', a.privateAddress), role: a.role ?? null, gender_identity: a.genderIdentity ?? null, lgbti: a.lgbti ?? null,
      migration_status: a.migrationStatus ?? null, age_group: a.ageGroup ?? null, nationality: a.nationality ?? null, org_type: a.orgType ?? null,
      country: a.country ?? null, state: a.state ?? null, locality: a.locality ?? null,
      notes: this.sealer.sealIf(this.policy.marked.has('actor.notes'), dk, { record, table: 'actors', row: meta.id, column: 'notes' }, a.notes),
      created_at: meta.createdAt, created_by: meta.createdBy, updated_at: meta.now, updated_by: meta.userId, version: meta.version,
    };
  }

  private static measureRows(actorId: string, a: ActorInput): Selectable<ProtectionMeasureTable>[] {
    return a.protectionMeasures.map((m, i) => ({
      id: m.id ?? newId(), actor_id: actorId, ordinal: i, kind: m.kind, status: m.status, reference: m.reference ?? null,
      granted: m.granted ?? null, expires: m.expires ?? null, includes: m.includes ?? null, notes: m.notes ?? null,
    }));
  }

  async write(meta: ActorMeta, a: ActorInput, isNew: boolean): Promise<void> {
    const dk = await this.sealer.dataKey(recordName('actor', meta.id), true);
    const row = this.rowOf(meta, a, dk);
    if (isNew) await this.db.insertInto('actors').values(row).execute();
    else {
      await this.db.updateTable('actors').set(row).where('id', '=', meta.id).execute();
      await this.db.deleteFrom('protection_measures').where('actor_id', '=', meta.id).execute();
    }
    for (const m of ActorRepository.measureRows(meta.id, a)) await this.db.insertInto('protection_measures').values(m).execute();
  }

  /**
   * Writes many new actors at once (bulk loads): the same rows as `write(…, true)`, one data key
   * each, a few hundred rows per statement. Returns what `loadMany` would return for them, built
   * from the input rather than read back and opened.
   */
  async writeManyNew(items: { meta: ActorMeta; input: ActorInput }[]): Promise<Map<string, ActorView>> {
    const out = new Map<string, ActorView>();
    if (!items.length) return out;
    const keys = await this.sealer.newDataKeys(items.map((it) => recordName('actor', it.meta.id)));
    const rows = items.map((it) => this.rowOf(it.meta, it.input, keys.get(recordName('actor', it.meta.id))!));
    const measures = items.map((it) => ActorRepository.measureRows(it.meta.id, it.input));
    // 23 columns: 500 rows stay well under either database's bound-parameter limit
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('actors').values(rows.slice(i, i + 500)).execute();
    const allMeasures = measures.flat();
    for (let i = 0; i < allMeasures.length; i += 500) await this.db.insertInto('protection_measures').values(allMeasures.slice(i, i + 500)).execute();
    items.forEach(({ meta, input }, k) => {
      const plain = { ...rows[k]!, real_name: input.realName ?? null, contact: input.contact ?? null, private_address: input.privateAddress ?? null, notes: input.notes ?? null };
      out.set(meta.id, toView(plain, measures[k]!));
    });
    return out;
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
    for (const r of await this.openSealed(rows)) out.set(r.id, toView(r, measures.filter((m) => m.actor_id === r.id)));
    return out;
  }

  /** Opens the sealed identifying columns of actor rows read directly (exports, scans). */
  async openSealed<R extends Pick<Selectable<ActorTable>, 'id' | (typeof ACTOR_SEALED_COLUMNS)[number]> & { notes?: string | null }>(rows: R[]): Promise<R[]> {
    const keys = await this.sealer.dataKeys(rows.filter((r) => ACTOR_SEALED_COLUMNS.some((c) => r[c] !== null) || (typeof r.notes === 'string' && isSealedValue(r.notes))).map((r) => recordName('actor', r.id)));
    return rows.map((r) => {
      const record = recordName('actor', r.id);
      const dk = keys.get(record);
      const open = (column: (typeof ACTOR_SEALED_COLUMNS)[number]) => this.sealer.open(dk, { record, table: 'actors', row: r.id, column }, r[column]) ?? null;
      return {
        ...r, real_name: open('real_name'), contact: open('contact'), private_address: open('private_address'),
        ...(r.notes !== undefined ? { notes: this.sealer.openIfSealed(dk, { record, table: 'actors', row: r.id, column: 'notes' }, r.notes) } : {}),
      };
    });
  }

  /** The opened identifying values of some actors (for the decrypt-and-scan search). */
  async identifyingOf(ids: string[]): Promise<Map<string, { field: string; text: string }[]>> {
    const out = new Map<string, { field: string; text: string }[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('actors').select(['id', ...ACTOR_SEALED_COLUMNS]).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of await this.openSealed(rows)) {
        const values: { field: string; text: string }[] = [];
        if (r.real_name !== null) values.push({ field: 'victims.realName', text: r.real_name });
        if (r.contact !== null) values.push({ field: 'victims.contact', text: r.contact });
        if (r.private_address !== null) values.push({ field: 'victims.privateAddress', text: r.private_address });
        out.set(r.id, values);
      }
    }
    return out;
  }

  async load(id: string): Promise<ActorView | undefined> {
    return (await this.loadMany([id])).get(id);
  }

  /** Lists actors by kind, optionally filtered by a pseudonym prefix/substring (never by identifying fields). */
  /** Actor ids after `afterId` in id order, a batch at a time, for workspace-wide rewrites. */
  async idsAfter(afterId: string, limit: number): Promise<string[]> {
    return (await this.db.selectFrom('actors').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute()).map((r) => r.id);
  }

  /** Whether the viewer may see this person or organisation (need-to-know; see visibility.ts). */
  /**
   * Which of `ids` exist and the viewer may see (bulk loads check a batch's victims at once). The
   * same rule as `actorVisibleTo` — hidden when the actor appears in live incidents and none of
   * them is visible — evaluated over the victim rows of just these ids: the correlated form made
   * PostgreSQL hash every incident and victim row on each call (0.5 s a batch at 20,000 incidents,
   * growing with the workspace).
   */
  async visibleIds(ids: string[], viewer: Viewer): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const existing = await this.db.selectFrom('actors').select('id').where('id', 'in', chunk).execute();
      const live = await this.db
        .selectFrom('incident_victims as vv')
        .innerJoin('incidents as vi', 'vi.id', 'vv.incident_id')
        .select(['vv.actor_id', sql<number>`CASE WHEN ${visibleTo(viewer, 'vi')} THEN 1 ELSE 0 END`.as('visible')])
        .where('vv.actor_id', 'in', chunk)
        .where('vi.deleted_at', 'is', null)
        .distinct()
        .execute();
      const inLive = new Set(live.map((r) => r.actor_id));
      const inVisible = new Set(live.filter((r) => Number(r.visible) === 1).map((r) => r.actor_id));
      for (const { id } of existing) if (!inLive.has(id) || inVisible.has(id)) out.add(id);
    }
    return out;
  }

  /** Kind and pseudonym (an organisation's public name) of some actors, for labels. */
  async labels(ids: string[]): Promise<Map<string, { kind: string; pseudonym: string }>> {
    const out = new Map<string, { kind: string; pseudonym: string }>();
    for (let k = 0; k < ids.length; k += 500) {
      const rows = await this.db.selectFrom('actors').select(['id', 'kind', 'pseudonym']).where('id', 'in', ids.slice(k, k + 500)).execute();
      for (const r of rows) out.set(r.id, { kind: r.kind, pseudonym: r.pseudonym });
    }
    return out;
  }

  async isVisible(id: string, viewer: Viewer): Promise<boolean> {
    return !!(await this.db.selectFrom('actors as a').select('a.id').where('a.id', '=', id).where(actorVisibleTo(viewer)).executeTakeFirst());
  }

  async list(opts: { kind?: string | undefined; q?: string | undefined; limit: number; offset: number; viewer: Viewer }): Promise<{ total: number; items: { id: string; kind: string; pseudonym: string; role: string | null; orgType: string | null; country: string | null; incidents: number }[] }> {
    let base = this.db.selectFrom('actors as a').where(actorVisibleTo(opts.viewer));
    if (opts.kind) base = base.where('a.kind', '=', opts.kind);
    // case-insensitive on both: SQLite's LIKE folds ASCII case by itself, PostgreSQL's needs ILIKE
    if (opts.q) base = base.where('a.pseudonym', dialectOf(this.db) === 'postgres' ? 'ilike' : 'like', `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
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
