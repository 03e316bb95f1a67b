/**
 * Check-in plans, check-ins and duress-code digests in SQL (migration 0011, ADR 0018).
 *
 * The purpose of a trip is sealed under the plan's own data key ('checkin/<plan id>'), bound to
 * its row; everything else — deadlines, contacts (account ids), the reference — stays plain for the
 * scheduler, which never opens a purpose. Changes to a plan are conditional (on its version, or on
 * the deadline being escalated), so a check-in and an escalation racing on two processes, or two
 * escalations, change a plan once. A duress code is only its keyed digest (src/crypto/duress.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CheckinPlanTable, Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { CheckinStatus } from '../../domain/checkin/plan.js';

export interface CheckinPlanRecord {
  id: string;
  userId: string;
  ref: string;
  purpose?: string;
  firstDueAt: string;
  everyMinutes: number | null;
  endsAt: string | null;
  graceMinutes: number;
  nextDueAt: string | null;
  escalatedDueAt: string | null;
  status: CheckinStatus;
  contacts: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What the scheduler reads: never the purpose. */
export type DuePlan = Omit<CheckinPlanRecord, 'purpose' | 'createdAt' | 'updatedAt'> & { nextDueAt: string };

export interface NewCheckinPlan {
  id: string;
  userId: string;
  ref: string;
  purpose?: string | undefined;
  firstDueAt: string;
  everyMinutes?: number | undefined;
  endsAt?: string | undefined;
  graceMinutes: number;
  contacts: string[];
  at: string;
}

const slot = (planId: string) => ({ record: recordName('checkin', planId), table: 'checkin_plans', row: planId, column: 'purpose' });

type Row = Selectable<CheckinPlanTable>;

function contactsOf(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function recordOf(r: Row, purpose: string | undefined): CheckinPlanRecord {
  return {
    id: r.id, userId: r.user_id, ref: r.ref, ...(purpose !== undefined ? { purpose } : {}), firstDueAt: r.first_due_at,
    everyMinutes: r.every_minutes === null ? null : Number(r.every_minutes), endsAt: r.ends_at, graceMinutes: Number(r.grace_minutes),
    nextDueAt: r.next_due_at, escalatedDueAt: r.escalated_due_at, status: r.status, contacts: contactsOf(r.contacts),
    createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

export class CheckinRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  /** The number the next reference takes (one more than the highest so far). */
  async nextSequence(): Promise<number> {
    const r = await sql<{ n: number | string | null }>`SELECT max(CAST(substr(ref, 5) AS INTEGER)) AS n FROM checkin_plans`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0) + 1;
  }

  async insert(p: NewCheckinPlan): Promise<void> {
    const purpose = p.purpose ? this.sealer.seal(await this.sealer.dataKey(recordName('checkin', p.id), true), slot(p.id), p.purpose) : null;
    await this.db.insertInto('checkin_plans').values({
      id: p.id, user_id: p.userId, ref: p.ref, purpose, first_due_at: p.firstDueAt, every_minutes: p.everyMinutes ?? null, ends_at: p.endsAt ?? null,
      grace_minutes: p.graceMinutes, next_due_at: p.firstDueAt, escalated_due_at: null, status: 'active', contacts: JSON.stringify(p.contacts),
      created_at: p.at, updated_at: p.at, version: 1,
    }).execute();
  }

  /** One plan with its purpose opened. */
  async byId(id: string): Promise<CheckinPlanRecord | undefined> {
    const r = await this.db.selectFrom('checkin_plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const dk = r.purpose === null ? undefined : await this.sealer.dataKey(recordName('checkin', r.id), false);
    return recordOf(r, this.sealer.open(dk, slot(r.id), r.purpose));
  }

  /** A person's plans, the active first, then by their next deadline, the newest first; purposes opened. */
  async listOwn(userId: string): Promise<CheckinPlanRecord[]> {
    const rows = await this.db.selectFrom('checkin_plans').selectAll().where('user_id', '=', userId).execute();
    const keys = await this.sealer.dataKeys(rows.filter((r) => r.purpose !== null).map((r) => recordName('checkin', r.id)));
    // sorted here: the two backends order NULLs differently
    const rank = (r: Row) => `${r.status === 'active' ? 0 : 1}${r.next_due_at ?? '~'}`;
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const seq = (r: Row) => Number(r.ref.slice(4)) || 0;
    rows.sort((a, b) => cmp(rank(a), rank(b)) || cmp(b.created_at, a.created_at) || seq(b) - seq(a));
    return rows.map((r) => recordOf(r, this.sealer.open(keys.get(recordName('checkin', r.id)), slot(r.id), r.purpose)));
  }

  /**
   * Moves a plan on (a check-in, its end) only if nobody changed it since it was read at
   * `version`; false when someone did (read it again).
   */
  async update(id: string, version: number, patch: { nextDueAt: string | null; status: CheckinStatus }, at: string): Promise<boolean> {
    const r = await this.db.updateTable('checkin_plans')
      .set({ next_due_at: patch.nextDueAt, status: patch.status, updated_at: at, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async addEvent(e: { id: string; planId: string; at: string; dueAt: string | null; duress: boolean }): Promise<void> {
    await this.db.insertInto('checkin_events').values({ id: e.id, plan_id: e.planId, at: e.at, due_at: e.dueAt, duress: e.duress ? 1 : 0 }).execute();
  }

  /** The latest check-ins of a plan, newest first: when only. */
  async recentCheckIns(planId: string, limit: number): Promise<{ at: string }[]> {
    const rows = await this.db.selectFrom('checkin_events').select('at').where('plan_id', '=', planId).orderBy('at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ at: r.at }));
  }

  /**
   * Active plans whose running deadline has come (at or before `now`) and was not escalated yet —
   * a range on the (status, next_due_at) index; the caller checks each one's grace.
   */
  async dueForEscalation(now: string, limit: number): Promise<DuePlan[]> {
    const rows = await this.db.selectFrom('checkin_plans').selectAll()
      .where('status', '=', 'active')
      .where('next_due_at', 'is not', null)
      .where('next_due_at', '<=', now)
      .where((eb) => eb.or([eb('escalated_due_at', 'is', null), eb('escalated_due_at', '<>', eb.ref('next_due_at'))]))
      .orderBy('next_due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const { purpose: _sealed, createdAt: _c, updatedAt: _u, ...rest } = recordOf({ ...r, purpose: null }, undefined);
      return { ...rest, nextDueAt: r.next_due_at! };
    });
  }

  /**
   * Marks the running deadline `dueAt` of an active plan escalated; false when it no longer is the
   * running deadline (a check-in came first) or was escalated already (by another process).
   */
  async markEscalated(id: string, dueAt: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('checkin_plans')
      .set((eb) => ({ escalated_due_at: dueAt, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('next_due_at', '=', dueAt)
      .where((eb) => eb.or([eb('escalated_due_at', 'is', null), eb('escalated_due_at', '<>', dueAt)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Ends the active plans whose end has passed and whose running deadline no longer waits (none
   * left, escalated, or beyond the end): the number ended.
   */
  async endFinished(now: string): Promise<number> {
    const r = await this.db.updateTable('checkin_plans')
      .set((eb) => ({ status: 'ended' as const, updated_at: now, version: eb('version', '+', 1) }))
      .where('status', '=', 'active')
      .where('ends_at', 'is not', null)
      .where('ends_at', '<=', now)
      .where((eb) => eb.or([eb('next_due_at', 'is', null), eb('escalated_due_at', '=', eb.ref('next_due_at')), eb('next_due_at', '>', eb.ref('ends_at'))]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Display names of accounts (contacts), by id; unknown ids are absent. */
  async accountNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  // ——— duress codes ———

  async duressDigest(userId: string): Promise<string | null> {
    const r = await this.db.selectFrom('checkin_codes').select('duress_digest').where('user_id', '=', userId).executeTakeFirst();
    return r?.duress_digest ?? null;
  }

  async setDuressDigest(userId: string, digest: string, at: string): Promise<void> {
    await this.db.insertInto('checkin_codes').values({ user_id: userId, duress_digest: digest, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ duress_digest: digest, updated_at: at })).execute();
  }

  /** false when there was none */
  async removeDuressDigest(userId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('checkin_codes').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
