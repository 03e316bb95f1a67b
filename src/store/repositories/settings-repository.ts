/** Workspace-wide settings kept as JSON in the workspace row (today: the fields marked identifying). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import { isMarkableField, type MarkableField } from '../../domain/incident/identifying.js';

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async read(): Promise<{ id: string; settings: Record<string, unknown> } | undefined> {
    const row = await this.db.selectFrom('workspace').select(['id', 'settings']).executeTakeFirst();
    if (!row) return undefined;
    let settings: Record<string, unknown> = {};
    try {
      const v = JSON.parse(row.settings) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) settings = v as Record<string, unknown>;
    } catch { /* a damaged settings value reads as none */ }
    return { id: row.id, settings };
  }

  async identifyingFields(): Promise<MarkableField[]> {
    const v = (await this.read())?.settings['identifyingFields'];
    return Array.isArray(v) ? v.filter((x): x is MarkableField => typeof x === 'string' && isMarkableField(x)) : [];
  }

  async setIdentifyingFields(fields: MarkableField[]): Promise<void> {
    const row = await this.read();
    if (!row) throw new Error('no workspace row');
    await this.db.updateTable('workspace').set({ settings: JSON.stringify({ ...row.settings, identifyingFields: fields }) }).where('id', '=', row.id).execute();
  }
}
