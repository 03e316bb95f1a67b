/**
 * Writing the sections version 2 added, inside the import's transaction (docs/interchange.md):
 * the record of imports, risk assessments, urgent cases with their steps, notes and appeals,
 * campaigns, and evidence items — each as it was (ids, versions, dates, authors), sealed again
 * under this workspace's keys. Every evidence item gets one custody entry saying it was imported.
 * References (URG-…, EV-…) are numbered here, in the file's order.
 */
import type { Store } from '../../store/store.js';
import { ResponseRows, type CaseRecord } from '../../store/interchange/response-rows.js';
import { restoreEvidenceState } from '../../store/interchange/evidence-rows.js';
import { insertImportMapping, insertImportRun } from '../../store/interchange/import-rows.js';
import { EVIDENCE_TARGET } from '../evidence/custody.js';
import type { InterchangeDocument, InterchangeUrgentCase } from './interchange-format.js';
import type { WrittenFiles } from './import-evidence-files.js';

/** The audit action of an evidence item's custody entry on import (its chain of custody before is the exporting workspace's). */
export const EVIDENCE_IMPORTED = 'evidence.import';

export type Who = (ref: string) => string;
type Step = (done: number, total: number) => void;

export async function writeImportRecord(tx: Store, doc: InterchangeDocument, who: Who, progress: { mappings: Step; runs: Step }): Promise<void> {
  for (const [n, m] of doc.importMappings.entries()) {
    await insertImportMapping(tx.db, {
      id: m.id, org_id: m.orgId, name: m.name, body: JSON.stringify(m.mapping),
      created_at: m.createdAt, created_by: who(m.createdBy), updated_at: m.updatedAt, updated_by: who(m.updatedBy), version: m.version,
    });
    progress.mappings(n + 1, doc.importMappings.length);
  }
  for (const [n, r] of doc.importRuns.entries()) {
    await insertImportRun(tx.db, {
      id: r.id, org_id: r.orgId, at: r.at, user_id: who(r.userId), format: r.format, rows: r.rows, incidents: r.incidents, warnings: r.warnings, mapping_id: r.mappingId ?? null,
    });
    progress.runs(n + 1, doc.importRuns.length);
  }
}

export async function writeRiskAssessments(tx: Store, doc: InterchangeDocument, who: Who, progress: Step): Promise<void> {
  for (const [n, r] of doc.riskAssessments.entries()) {
    await tx.risk.add({
      id: r.id, actorId: r.actorId, version: r.version, assessedAt: r.assessedAt, assessedBy: who(r.assessedBy), level: r.level, score: r.score, nextReview: r.nextReview,
      body: { threats: r.threats, vulnerabilities: r.vulnerabilities, capacities: r.capacities, ...(r.summary !== undefined ? { summary: r.summary } : {}) },
    });
    progress(n + 1, doc.riskAssessments.length);
  }
}

function caseRecord(c: InterchangeUrgentCase, who: Who): CaseRecord {
  return {
    id: c.id, incidentId: c.incidentId, kind: c.kind, ownerId: who(c.ownerId), status: c.status, openedAt: c.openedAt, openedBy: who(c.openedBy),
    closedAt: c.closedAt ?? null, outcome: c.outcome ?? null, closingNote: c.closingNote ?? null, updatedAt: c.updatedAt, version: c.version,
    steps: c.steps.map((s) => ({ id: s.id, code: s.code, label: s.label ?? null, dueAt: s.dueAt ?? null, doneAt: s.doneAt ?? null, doneBy: s.doneBy === undefined ? null : who(s.doneBy), note: s.note ?? null })),
    notes: c.notes.map((x) => ({ id: x.id, at: x.at, userId: who(x.userId), body: x.body })),
    appeals: c.appeals.map((a) => ({
      id: a.id, body: a.body, lang: a.lang, letter: { text: a.letter, included: a.included, withheld: a.withheld },
      createdAt: a.createdAt, createdBy: who(a.createdBy), updatedAt: a.updatedAt, version: a.version,
      sentAt: a.sentAt ?? null, sentHow: a.sentHow ?? null, answeredAt: a.answeredAt ?? null, answerHow: a.answerHow ?? null, answerNote: a.answerNote ?? null,
    })),
  };
}

export async function writeResponse(tx: Store, doc: InterchangeDocument, who: Who, progress: { cases: Step; campaigns: Step }): Promise<void> {
  const rows = new ResponseRows(tx.db, tx.keys);
  for (const [n, c] of doc.urgentCases.entries()) {
    await rows.writeCase(caseRecord(c, who), await tx.urgent.nextRef());
    progress.cases(n + 1, doc.urgentCases.length);
  }
  for (const [n, c] of doc.campaigns.entries()) {
    await rows.writeCampaign({
      id: c.id, incidentId: c.incidentId, caseId: c.caseId ?? null, title: c.title, started: c.started ?? null, ended: c.ended ?? null, outcome: c.outcome ?? null,
      actions: c.actions.map((a) => ({ date: a.date ?? null, kind: a.kind, description: a.description ?? null })),
      createdAt: c.createdAt, createdBy: who(c.createdBy), updatedAt: c.updatedAt, version: c.version,
    });
    progress.campaigns(n + 1, doc.campaigns.length);
  }
}

/** The items, their files (written before the transaction) marked stored, and one custody entry each. */
export async function writeEvidence(tx: Store, doc: InterchangeDocument, files: WrittenFiles, who: Who, by: { userId: string; now: string }, progress: Step): Promise<void> {
  for (const [n, e] of doc.evidence.entries()) {
    const f = files.ids[n]!;
    await tx.files.markStored(f.original, by.now);
    if (f.view) await tx.files.markStored(f.view, by.now);
    await tx.evidence.insert({
      id: e.id, ref: await tx.evidence.nextRef(), incidentId: e.incidentId ?? null, actorId: e.actorId ?? null, sourceId: e.sourceId ?? null, parentId: e.parentId ?? null,
      kind: e.kind, mediaType: e.mediaType, fileId: f.original, size: e.original.size, sha256: e.original.sha256, viewFileId: f.view,
      originalName: e.originalName, description: e.description, metadata: e.metadata, capture: e.capture, consent: e.consent,
      receivedAt: e.receivedAt, receivedBy: who(e.receivedBy),
    });
    await restoreEvidenceState(tx.db, e.id, { updatedAt: e.updatedAt, version: e.version });
    // its chain of custody so far is the exporting workspace's audit log: here it starts with the import
    await tx.audit.add({ at: by.now, userId: by.userId, action: EVIDENCE_IMPORTED, targetType: EVIDENCE_TARGET, targetId: e.id, detail: { sha256: e.original.sha256 } });
    progress(n + 1, doc.evidence.length);
  }
}
