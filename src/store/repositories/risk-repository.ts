/**
 * Risk assessments in SQL (migration 0010, ADR 0014): each a new version, never changed after.
 * The body — threats, vulnerabilities, capacities with their evidence, conclusions — is one sealed
 * JSON value under the actor's own data key, bound to its row; level, score and review day stay
 * plain for lists.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, RiskAssessmentTable } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from './sealed-fields.js';
import type { RiskAssessmentBody, RiskAssessmentSummary, RiskLevel } from '../../domain/risk/assessment.js';
import { visibleTo, type Viewer } from './visibility.js';

export interface NewRiskAssessment {
  id: string;
  actorId: string;
  version: number;
  assessedAt: string;
  assessedBy: string;
  level: RiskLevel;
  score: number;
  nextReview: string | undefined;
  body: RiskAssessmentBody;
}

const slot = (actorId: string, rowId: string) => ({ record: recordName('actor', actorId), table: 'risk_assessments', row: rowId, column: 'body' });

type SummaryRow = Pick<Selectable<RiskAssessmentTable>, 'version' | 'assessed_at' | 'assessed_by' | 'level' | 'score_x100' | 'next_review'> & { assessor: string | null };

function summaryOf(r: SummaryRow): RiskAssessmentSummary {
  return {
    version: Number(r.version), assessedAt: r.assessed_at, assessedBy: r.assessor ?? '', level: r.level as RiskLevel, score: Number(r.score_x100) / 100,
    ...(r.next_review ? { nextReview: r.next_review } : {}),
  };
}

export class RiskRepository {
  private readonly sealer: FieldSealer;
  constructor(private readonly db: Kysely<Database>, keys: StoreKeys) {
    this.sealer = new FieldSealer(db, keys);
  }

  async add(a: NewRiskAssessment): Promise<void> {
    const dk = await this.sealer.dataKey(recordName('actor', a.actorId), true);
    await this.db.insertInto('risk_assessments').values({
      id: a.id, actor_id: a.actorId, version: a.version, assessed_at: a.assessedAt, assessed_by: a.assessedBy, level: a.level,
      score_x100: Math.round(a.score * 100), next_review: a.nextReview ?? null, body: this.sealer.seal(dk, slot(a.actorId, a.id), JSON.stringify(a.body))!,
    }).execute();
  }

  /** The latest version number of an actor's assessment (0 when never assessed). */
  async latestVersion(actorId: string): Promise<number> {
    const r = await this.db.selectFrom('risk_assessments').select((eb) => eb.fn.max('version').as('v')).where('actor_id', '=', actorId).executeTakeFirst();
    return Number(r?.v ?? 0);
  }

  /** Every version of one actor's assessment, newest first, without their sealed bodies. */
  async history(actorId: string): Promise<RiskAssessmentSummary[]> {
    const rows = await this.db
      .selectFrom('risk_assessments as r')
      .leftJoin('users as u', 'u.id', 'r.assessed_by')
      .select(['r.version', 'r.assessed_at', 'r.assessed_by', 'r.level', 'r.score_x100', 'r.next_review', 'u.display_name as assessor'])
      .where('r.actor_id', '=', actorId)
      .orderBy('r.version', 'desc')
      .execute();
    return rows.map(summaryOf);
  }

  /** One version (the latest without `version`) with its body opened. */
  async load(actorId: string, version?: number): Promise<(RiskAssessmentSummary & RiskAssessmentBody) | undefined> {
    let q = this.db.selectFrom('risk_assessments as r').leftJoin('users as u', 'u.id', 'r.assessed_by').selectAll('r').select('u.display_name as assessor').where('r.actor_id', '=', actorId);
    q = version === undefined ? q.orderBy('r.version', 'desc').limit(1) : q.where('r.version', '=', version);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    const dk = await this.sealer.dataKey(recordName('actor', actorId), false);
    const body = JSON.parse(this.sealer.open(dk, slot(actorId, row.id), row.body)!) as RiskAssessmentBody;
    return { ...summaryOf(row), ...body };
  }

  /**
   * The latest assessment of every assessed person or organisation, with the incidents against
   * each that the viewer may see and that were recorded after it (kind of act, when recorded), for
   * the list of assessments due. Two statements whatever the number of people: the latest versions,
   * then their later incidents through the victims index.
   */
  async latestWithLaterIncidents(viewer: Viewer): Promise<{ actorId: string; kind: string; pseudonym: string; latest: RiskAssessmentSummary; later: { id: string; createdAt: string; acts: string[] }[] }[]> {
    const isLatest = (alias: 'r' | 'l') => sql<boolean>`${sql.ref(`${alias}.version`)} = (SELECT max(r2.version) FROM risk_assessments r2 WHERE r2.actor_id = ${sql.ref(`${alias}.actor_id`)})`;
    const latest = await this.db
      .selectFrom('risk_assessments as r')
      .innerJoin('actors as a', 'a.id', 'r.actor_id')
      .leftJoin('users as u', 'u.id', 'r.assessed_by')
      .select(['r.actor_id', 'a.kind', 'a.pseudonym', 'r.version', 'r.assessed_at', 'r.assessed_by', 'r.level', 'r.score_x100', 'r.next_review', 'u.display_name as assessor'])
      .where(isLatest('r'))
      .execute();
    const acts = await this.db
      .selectFrom('risk_assessments as l')
      .innerJoin('incident_victims as v', 'v.actor_id', 'l.actor_id')
      .innerJoin('incidents as i', 'i.id', 'v.incident_id')
      .innerJoin('acts as x', (j) => j.onRef('x.incident_id', '=', 'i.id').onRef('x.victim_actor_id', '=', 'v.actor_id'))
      .select(['l.actor_id', 'i.id', 'i.created_at', 'x.kind'])
      .where(isLatest('l'))
      .where('i.deleted_at', 'is', null)
      .whereRef('i.created_at', '>', 'l.assessed_at')
      .where(visibleTo(viewer))
      .execute();
    const later = new Map<string, Map<string, { id: string; createdAt: string; acts: string[] }>>();
    for (const x of acts) {
      const mine = later.get(x.actor_id) ?? new Map<string, { id: string; createdAt: string; acts: string[] }>();
      const entry = mine.get(x.id) ?? { id: x.id, createdAt: x.created_at, acts: [] };
      entry.acts.push(x.kind);
      mine.set(x.id, entry);
      later.set(x.actor_id, mine);
    }
    return latest.map((r) => ({ actorId: r.actor_id, kind: r.kind, pseudonym: r.pseudonym, latest: summaryOf(r), later: [...(later.get(r.actor_id)?.values() ?? [])] }));
  }
}
