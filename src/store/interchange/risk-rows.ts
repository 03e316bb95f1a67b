/**
 * Every risk assessment (migration 0010, ADR 0014) read whole for the interchange format: each
 * version as stored, its sealed body opened under the person's or organisation's data key, bound
 * to the row as RiskRepository seals it. Writing goes through RiskRepository.add, which keeps
 * everything it is given.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema-types.js';
import type { StoreKeys } from '../store-keys.js';
import { FieldSealer, recordName } from '../repositories/sealed-fields.js';
import type { RiskAssessmentBody, RiskLevel } from '../../domain/risk/assessment.js';

export interface RiskAssessmentRecord {
  id: string;
  actorId: string;
  version: number;
  assessedAt: string;
  assessedBy: string;
  level: RiskLevel;
  /** the score as stored, in hundredths */
  scoreX100: number;
  nextReview: string | null;
  body: RiskAssessmentBody;
}

/** The assessments of the given people and organisations, by person (id) and version. */
export async function riskAssessmentsOf(db: Kysely<Database>, keys: StoreKeys, actorIds: Set<string>): Promise<RiskAssessmentRecord[]> {
  const rows = (await db.selectFrom('risk_assessments').selectAll().orderBy('actor_id').orderBy('version').execute()).filter((r) => actorIds.has(r.actor_id));
  if (!rows.length) return [];
  const sealer = new FieldSealer(db, keys);
  const dks = await sealer.dataKeys([...new Set(rows.map((r) => recordName('actor', r.actor_id)))]);
  return rows.map((r) => ({
    id: r.id, actorId: r.actor_id, version: Number(r.version), assessedAt: r.assessed_at, assessedBy: r.assessed_by, level: r.level as RiskLevel,
    scoreX100: Number(r.score_x100), nextReview: r.next_review,
    body: JSON.parse(sealer.open(dks.get(recordName('actor', r.actor_id)), { record: recordName('actor', r.actor_id), table: 'risk_assessments', row: r.id, column: 'body' }, r.body)!) as RiskAssessmentBody,
  }));
}
