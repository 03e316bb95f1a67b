/** What the API returns for an item: the summary for everyone who may see it, sealed parts only with identifying access. */
import type { StoredEvidence } from '../../store/repositories/evidence-repository.js';
import type { EvidenceDetail, EvidenceSummary } from '../../domain/evidence/evidence.js';

export function evidenceSummary(item: StoredEvidence): EvidenceSummary {
  return {
    id: item.id, ref: item.ref, kind: item.kind, mediaType: item.mediaType, size: item.size, sha256: item.sha256,
    incidentId: item.incidentId, actorId: item.actorId, sourceId: item.sourceId, parentId: item.parentId,
    receivedAt: item.receivedAt, receivedBy: item.receivedBy, consent: item.consent, hasViewCopy: item.hasViewCopy, version: item.version,
  };
}

export function evidenceDetail(item: StoredEvidence, mayReadIdentifying: boolean): EvidenceDetail {
  if (!mayReadIdentifying) return { ...evidenceSummary(item), restricted: true };
  return {
    ...evidenceSummary(item),
    restricted: false,
    ...(item.originalName !== undefined ? { originalName: item.originalName } : {}),
    ...(item.description !== undefined ? { description: item.description } : {}),
    ...(item.metadata !== undefined ? { metadata: item.metadata } : {}),
    ...(item.capture !== undefined ? { capture: item.capture } : {}),
  };
}
