/** Groups of users and the shares of incidents (need-to-know), in SQL. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import { sharedWith, type Viewer } from './visibility.js';

export interface Share { type: 'user' | 'group'; id: string; identifying: boolean }
export interface Access { exists: boolean; visible: boolean; identifyingGrant: boolean }

export class ShareRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Whether the viewer may see a live incident, and whether a share grants them its identifying values. */
  async access(incidentId: string, viewer: Viewer): Promise<Access> {
    const row = await this.db.selectFrom('incidents').select('confidentiality').where('id', '=', incidentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) return { exists: false, visible: false, identifyingGrant: false };
    const mine = await this.db
      .selectFrom('incident_shares')
      .select('identifying')
      .where('incident_id', '=', incidentId)
      .where((eb) => eb.or([
        eb.and([eb('principal_type', '=', 'user'), eb('principal_id', '=', viewer.userId)]),
        eb.and([eb('principal_type', '=', 'group'), eb('principal_id', 'in', eb.selectFrom('group_members').select('group_id').where('user_id', '=', viewer.userId))]),
      ]))
      .execute();
    return { exists: true, visible: row.confidentiality !== 'restricted' || mine.length > 0, identifyingGrant: mine.some((m) => m.identifying === 1) };
  }

  /** Ids of incidents among `ids` shared with the viewer (directly or through a group). */
  async sharedAmong(ids: string[], viewer: Viewer): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await sql<{ incident_id: string }>`SELECT incident_id FROM incident_shares WHERE incident_id IN (${sql.join(ids)}) AND incident_id IN (${sharedWith(viewer)})`.execute(this.db);
    return new Set(rows.rows.map((r) => r.incident_id));
  }

  async sharesOf(incidentId: string): Promise<Share[]> {
    const rows = await this.db.selectFrom('incident_shares').selectAll().where('incident_id', '=', incidentId).orderBy('principal_type').orderBy('principal_id').execute();
    return rows.map((r) => ({ type: r.principal_type, id: r.principal_id, identifying: r.identifying === 1 }));
  }

  async replaceShares(incidentId: string, shares: Share[], by: string, at: string): Promise<void> {
    await this.db.deleteFrom('incident_shares').where('incident_id', '=', incidentId).execute();
    if (shares.length) {
      await this.db
        .insertInto('incident_shares')
        .values(shares.map((s) => ({ incident_id: incidentId, principal_type: s.type, principal_id: s.id, identifying: s.identifying ? 1 : 0, granted_by: by, granted_at: at })))
        .execute();
    }
  }

  async addShare(incidentId: string, share: Share, by: string, at: string): Promise<void> {
    const has = await this.db.selectFrom('incident_shares').select('incident_id').where('incident_id', '=', incidentId).where('principal_type', '=', share.type).where('principal_id', '=', share.id).executeTakeFirst();
    if (!has) await this.db.insertInto('incident_shares').values({ incident_id: incidentId, principal_type: share.type, principal_id: share.id, identifying: share.identifying ? 1 : 0, granted_by: by, granted_at: at }).execute();
  }

  // groups
  listGroups(): Promise<{ id: string; name: string; created_at: string }[]> {
    return this.db.selectFrom('user_groups').select(['id', 'name', 'created_at']).orderBy('name').execute();
  }
  async members(groupId: string): Promise<string[]> {
    return (await this.db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).execute()).map((r) => r.user_id);
  }
  async allMembers(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom('group_members').select(['group_id', 'user_id']).execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r.user_id]);
    return out;
  }
  groupById(id: string) {
    return this.db.selectFrom('user_groups').selectAll().where('id', '=', id).executeTakeFirst();
  }
  groupByName(name: string) {
    return this.db.selectFrom('user_groups').selectAll().where('name', '=', name).executeTakeFirst();
  }
  async createGroup(g: { id: string; name: string; created_at: string; created_by: string }): Promise<void> {
    await this.db.insertInto('user_groups').values(g).execute();
  }
  async renameGroup(id: string, name: string): Promise<void> {
    await this.db.updateTable('user_groups').set({ name }).where('id', '=', id).execute();
  }
  async setMembers(groupId: string, userIds: string[]): Promise<void> {
    await this.db.deleteFrom('group_members').where('group_id', '=', groupId).execute();
    if (userIds.length) await this.db.insertInto('group_members').values(userIds.map((user_id) => ({ group_id: groupId, user_id }))).execute();
  }
  async deleteGroup(id: string): Promise<void> {
    await this.db.deleteFrom('incident_shares').where('principal_type', '=', 'group').where('principal_id', '=', id).execute();
    await this.db.deleteFrom('user_groups').where('id', '=', id).execute();
  }
  /** Restricted incidents that would be left shared with nobody if this group went away. */
  async incidentsOnlySharedWithGroup(groupId: string): Promise<number> {
    const rows = await this.db
      .selectFrom('incident_shares as s')
      .innerJoin('incidents as i', 'i.id', 's.incident_id')
      .select('s.incident_id')
      .where('s.principal_type', '=', 'group')
      .where('s.principal_id', '=', groupId)
      .where('i.confidentiality', '=', 'restricted')
      .where('i.deleted_at', 'is', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('incident_shares as o').select('o.incident_id').whereRef('o.incident_id', '=', 's.incident_id').where((e) => e.or([e('o.principal_type', '!=', 'group'), e('o.principal_id', '!=', groupId)])))))
      .execute();
    return rows.length;
  }
}
