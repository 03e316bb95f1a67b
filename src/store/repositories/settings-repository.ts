/** Workspace-wide settings kept as JSON in the workspace row: the fields marked identifying, the pattern thresholds, open data, where alerts go. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import { isMarkableField, type MarkableField } from '../../domain/incident/identifying.js';
import { patternSettingsSchema, type PatternSettings } from '../../domain/patterns/settings.js';
import { openDataSettingsSchema, type OpenDataSettings } from '../../domain/publication/settings.js';
import { storedAlertSettingsSchema, type StoredAlertSettings } from '../../domain/alerts/settings.js';

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
    await this.write('identifyingFields', fields);
  }

  /** The pattern thresholds; the defaults where none were saved (or what was saved no longer reads). */
  async patternSettings(): Promise<PatternSettings> {
    const saved = patternSettingsSchema.safeParse((await this.read())?.settings['patterns'] ?? {});
    return saved.success ? saved.data : patternSettingsSchema.parse({});
  }

  async setPatternSettings(settings: PatternSettings): Promise<void> {
    await this.write('patterns', settings);
  }

  /** The open-data export's settings (ADR 0015); the defaults where none were saved (or what was saved no longer reads). */
  async openDataSettings(): Promise<OpenDataSettings> {
    const saved = openDataSettingsSchema.safeParse((await this.read())?.settings['openData'] ?? {});
    return saved.success ? saved.data : openDataSettingsSchema.parse({});
  }

  async setOpenDataSettings(settings: OpenDataSettings): Promise<void> {
    await this.write('openData', settings);
  }

  /** Where alerts go (ADR 0018), secrets still sealed; the defaults where none were saved (or what was saved no longer reads). */
  async alertSettings(): Promise<StoredAlertSettings> {
    const saved = storedAlertSettingsSchema.safeParse((await this.read())?.settings['alerts'] ?? {});
    return saved.success ? saved.data : storedAlertSettingsSchema.parse({});
  }

  async setAlertSettings(settings: StoredAlertSettings): Promise<void> {
    await this.write('alerts', settings);
  }

  private async write(key: string, value: unknown): Promise<void> {
    const row = await this.read();
    if (!row) throw new Error('no workspace row');
    await this.db.updateTable('workspace').set({ settings: JSON.stringify({ ...row.settings, [key]: value }) }).where('id', '=', row.id).execute();
  }
}
