/**
 * Reading the protection and response sections of an export (docs/interchange.md): risk
 * assessments of the people and organisations exported, and the urgent cases (steps, notes,
 * appeals) and campaigns of the incidents exported — sealed values opened.
 */
import type { Store } from '../../store/store.js';
import { riskAssessmentsOf } from '../../store/interchange/risk-rows.js';
import { ResponseRows } from '../../store/interchange/response-rows.js';
import type { InterchangeDocument, InterchangeRiskAssessment, InterchangeUrgentCase, InterchangeCampaign } from './interchange-format.js';
import { set } from './format-common.js';

type Doc = InterchangeDocument;

export async function readRiskAssessments(tx: Store, actorIds: Set<string>): Promise<InterchangeRiskAssessment[]> {
  return (await riskAssessmentsOf(tx.db, tx.keys, actorIds)).map((r) =>
    set({
      id: r.id, actorId: r.actorId, version: r.version, assessedAt: r.assessedAt, assessedBy: r.assessedBy, level: r.level, score: r.scoreX100 / 100,
      nextReview: r.nextReview, threats: r.body.threats, vulnerabilities: r.body.vulnerabilities, capacities: r.body.capacities, summary: r.body.summary,
    }),
  );
}

export async function readUrgentCases(tx: Store, incidentIds: Set<string>): Promise<InterchangeUrgentCase[]> {
  return (await new ResponseRows(tx.db, tx.keys).cases(incidentIds)).map((c) =>
    set({
      id: c.id, incidentId: c.incidentId, kind: c.kind as InterchangeUrgentCase['kind'], ownerId: c.ownerId, status: c.status, openedAt: c.openedAt, openedBy: c.openedBy,
      closedAt: c.closedAt, outcome: c.outcome as InterchangeUrgentCase['outcome'] | null, closingNote: c.closingNote, updatedAt: c.updatedAt, version: c.version,
      steps: c.steps.map((s) => set({ id: s.id, code: s.code as InterchangeUrgentCase['steps'][number]['code'], label: s.label, dueAt: s.dueAt, doneAt: s.doneAt, doneBy: s.doneBy, note: s.note })),
      notes: c.notes.map((n) => ({ id: n.id, at: n.at, userId: n.userId, body: n.body })),
      appeals: c.appeals.map((a) =>
        set({
          id: a.id, body: a.body as Doc['urgentCases'][number]['appeals'][number]['body'], lang: a.lang as 'es' | 'en',
          letter: a.letter.text, included: a.letter.included as Doc['urgentCases'][number]['appeals'][number]['included'], withheld: a.letter.withheld as Doc['urgentCases'][number]['appeals'][number]['withheld'],
          createdAt: a.createdAt, createdBy: a.createdBy, updatedAt: a.updatedAt, version: a.version,
          sentAt: a.sentAt, sentHow: a.sentHow as Doc['urgentCases'][number]['appeals'][number]['sentHow'] | null,
          answeredAt: a.answeredAt, answerHow: a.answerHow as Doc['urgentCases'][number]['appeals'][number]['answerHow'] | null, answerNote: a.answerNote,
        }),
      ),
    }),
  );
}

export async function readCampaigns(tx: Store, incidentIds: Set<string>): Promise<InterchangeCampaign[]> {
  return (await new ResponseRows(tx.db, tx.keys).campaigns(incidentIds)).map((c) =>
    set({
      id: c.id, incidentId: c.incidentId, caseId: c.caseId, title: c.title, started: c.started, ended: c.ended, outcome: c.outcome as InterchangeCampaign['outcome'] | null,
      actions: c.actions.map((a) => set({ date: a.date, kind: a.kind as InterchangeCampaign['actions'][number]['kind'], description: a.description })),
      createdAt: c.createdAt, createdBy: c.createdBy, updatedAt: c.updatedAt, version: c.version,
    }),
  );
}
