/** Reading the record of imports for an export (docs/interchange.md): saved mappings and committed import runs. */
import type { Store } from '../../store/store.js';
import { importMappings, importRuns } from '../../store/interchange/import-rows.js';
import type { InterchangeImportMapping, InterchangeImportRun } from './interchange-format.js';
import { set } from './format-common.js';

export async function readImportMappings(tx: Store): Promise<InterchangeImportMapping[]> {
  return (await importMappings(tx.db)).map((m) => ({
    id: m.id, orgId: m.org_id, name: m.name, mapping: JSON.parse(m.body) as InterchangeImportMapping['mapping'],
    createdAt: m.created_at, createdBy: m.created_by, updatedAt: m.updated_at, updatedBy: m.updated_by, version: m.version,
  }));
}

export async function readImportRuns(tx: Store): Promise<InterchangeImportRun[]> {
  return (await importRuns(tx.db)).map((r) =>
    set({ id: r.id, orgId: r.org_id, at: r.at, userId: r.user_id, format: r.format, rows: r.rows, incidents: r.incidents, warnings: r.warnings, mappingId: r.mapping_id }),
  );
}
