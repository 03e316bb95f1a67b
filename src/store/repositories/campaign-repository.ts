/**
 * Campaigns for a detained or threatened defender and their actions (migration 0011, ADR 0018).
 * Dates, kinds and the outcome stay plain; the title and each action's description are sealed
 * under the incident's data key, bound to their table, row and column. A change rewrites the
 * actions (they are a list edited as a whole); a stale version is refused by the update itself.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { DataKey } from '../../crypto/envelope.js';
import type { CampaignActionKind, CampaignOutcome } from '../../domain/urgent/campaign.js';
import type { CampaignView } from '../../domain/urgent/view.js';
import { newId } from '../../crypto/random.js';

export interface CampaignContent {
  title: string;
  started?: string | undefined;
  ended?: string | undefined;
  outcome?: CampaignOutcome | undefined;
  actions: { date?: string | undefined; kind: CampaignActionKind; description?: string | undefined }[];
}

export interface CampaignHead { id: string; incidentId: string; caseId: string | null; version: number }

const record = (incidentId: string) => recordName('incident', incidentId);

export class CampaignRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  async add(c: { id: string; incidentId: string; caseId: string; at: string; by: string }, content: CampaignContent): Promise<void> {
    const dk = await this.sealer.dataKey(record(c.incidentId), true);
    await this.db.insertInto('campaigns').values({
      id: c.id, incident_id: c.incidentId, case_id: c.caseId,
      title: this.sealer.seal(dk, { record: record(c.incidentId), table: 'campaigns', row: c.id, column: 'title' }, content.title)!,
      started: content.started ?? null, ended: content.ended ?? null, outcome: content.outcome ?? null,
      created_at: c.at, created_by: c.by, updated_at: c.at, version: 1,
    }).execute();
    await this.writeActions(dk, c.incidentId, c.id, content.actions);
  }

  async head(id: string): Promise<CampaignHead | undefined> {
    const r = await this.db.selectFrom('campaigns').select(['id', 'incident_id', 'case_id', 'version']).where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, incidentId: r.incident_id, caseId: r.case_id, version: Number(r.version) } : undefined;
  }

  /** Replaces a campaign's content at the version the editor saw; false when it changed meanwhile. */
  async update(id: string, incidentId: string, expectedVersion: number, at: string, content: CampaignContent): Promise<boolean> {
    const dk = await this.sealer.dataKey(record(incidentId), true);
    const r = await this.db.updateTable('campaigns')
      .set((eb) => ({
        title: this.sealer.seal(dk, { record: record(incidentId), table: 'campaigns', row: id, column: 'title' }, content.title)!,
        started: content.started ?? null, ended: content.ended ?? null, outcome: content.outcome ?? null, updated_at: at, version: eb('version', '+', 1),
      }))
      .where('id', '=', id).where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await this.db.deleteFrom('campaign_actions').where('campaign_id', '=', id).execute();
    await this.writeActions(dk, incidentId, id, content.actions);
    return true;
  }

  private async writeActions(dk: DataKey, incidentId: string, campaignId: string, actions: CampaignContent['actions']): Promise<void> {
    if (!actions.length) return;
    await this.db.insertInto('campaign_actions').values(actions.map((a, i) => {
      const id = newId();
      return {
        id, campaign_id: campaignId, ordinal: i, date: a.date ?? null, kind: a.kind,
        description: this.sealer.seal(dk, { record: record(incidentId), table: 'campaign_actions', row: id, column: 'description' }, a.description ?? null),
      };
    })).execute();
  }

  /** The campaigns of a case, oldest first, opened. */
  async ofCase(caseId: string, incidentId: string): Promise<CampaignView[]> {
    const rows = await this.db.selectFrom('campaigns').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
    if (!rows.length) return [];
    const dk = await this.sealer.dataKey(record(incidentId), false);
    const actions = await this.db.selectFrom('campaign_actions').selectAll().where('campaign_id', 'in', rows.map((r) => r.id)).orderBy('campaign_id').orderBy('ordinal').execute();
    return rows.map((r) => ({
      id: r.id, caseId: r.case_id,
      title: this.sealer.open(dk, { record: record(incidentId), table: 'campaigns', row: r.id, column: 'title' }, r.title)!,
      ...(r.started ? { started: r.started } : {}), ...(r.ended ? { ended: r.ended } : {}), ...(r.outcome ? { outcome: r.outcome as CampaignOutcome } : {}),
      actions: actions.filter((a) => a.campaign_id === r.id).map((a) => {
        const description = this.sealer.open(dk, { record: record(incidentId), table: 'campaign_actions', row: a.id, column: 'description' }, a.description);
        return { ...(a.date ? { date: a.date } : {}), kind: a.kind as CampaignActionKind, ...(description !== undefined ? { description } : {}) };
      }),
      createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
    }));
  }
}
