/**
 * Saved import mappings and committed import runs (migration 0013, ADR 0020). A mapping's body is
 * the JSON of an ImportMapping (headers and category values, never rows); names are unique within
 * an organisation; a change names the version it replaces.
 */
import type { Kysely } from 'kysely';
import type { Database, ImportRunTable } from '../schema-types.js';

export interface StoredMapping {
  id: string;
  orgId: string;
  name: string;
  body: unknown;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface ImportRun {
  id: string;
  orgId: string;
  at: string;
  userId: string;
  format: ImportRunTable['format'];
  rows: number;
  incidents: number;
  warnings: number;
  mappingId: string | null;
}

/** A run as the list of past imports shows it: who (their display name) and with which saved mapping. */
export interface ImportRunListed extends ImportRun {
  userName: string | null;
  mappingName: string | null;
}

type MappingRow = { id: string; org_id: string; name: string; body: string; created_at: string; created_by: string; updated_at: string; updated_by: string; version: number };
const mappingOf = (r: MappingRow): StoredMapping => ({
  id: r.id, orgId: r.org_id, name: r.name, body: JSON.parse(r.body) as unknown, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by, version: r.version,
});

export class ImportRepository {
  constructor(readonly db: Kysely<Database>) {}

  async mappings(orgId: string): Promise<StoredMapping[]> {
    const rows = await this.db.selectFrom('import_mappings').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
    return rows.map(mappingOf);
  }

  async mapping(orgId: string, id: string): Promise<StoredMapping | undefined> {
    const r = await this.db.selectFrom('import_mappings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return r ? mappingOf(r) : undefined;
  }

  async nameTaken(orgId: string, name: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('import_mappings').select('id').where('org_id', '=', orgId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async addMapping(m: { id: string; orgId: string; name: string; body: unknown; at: string; userId: string }): Promise<void> {
    await this.db.insertInto('import_mappings').values({
      id: m.id, org_id: m.orgId, name: m.name, body: JSON.stringify(m.body), created_at: m.at, created_by: m.userId, updated_at: m.at, updated_by: m.userId, version: 1,
    }).execute();
  }

  /** true when the row was at `version` and is now at version + 1 */
  async changeMapping(m: { id: string; orgId: string; name: string; body: unknown; at: string; userId: string; version: number }): Promise<boolean> {
    const r = await this.db.updateTable('import_mappings')
      .set({ name: m.name, body: JSON.stringify(m.body), updated_at: m.at, updated_by: m.userId, version: m.version + 1 })
      .where('org_id', '=', m.orgId).where('id', '=', m.id).where('version', '=', m.version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async removeMapping(orgId: string, id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('import_mappings').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async addRun(run: ImportRun): Promise<void> {
    await this.db.insertInto('import_runs').values({
      id: run.id, org_id: run.orgId, at: run.at, user_id: run.userId, format: run.format, rows: run.rows, incidents: run.incidents, warnings: run.warnings, mapping_id: run.mappingId,
    }).execute();
  }

  async runs(orgId: string, limit = 100): Promise<ImportRunListed[]> {
    const rows = await this.db.selectFrom('import_runs as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('import_mappings as m', 'm.id', 'r.mapping_id')
      .selectAll('r').select(['u.display_name as user_name', 'm.name as mapping_name'])
      .where('r.org_id', '=', orgId).orderBy('r.at', 'desc').orderBy('r.id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id, orgId: r.org_id, at: r.at, userId: r.user_id, format: r.format, rows: r.rows, incidents: r.incidents, warnings: r.warnings, mappingId: r.mapping_id,
      userName: r.user_name ?? null, mappingName: r.mapping_name ?? null,
    }));
  }
}
