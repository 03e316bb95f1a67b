/**
 * The chain of custody of an evidence item is its entries in the audit log (target type
 * 'evidence'): who, when, what (receive, capture, view, view_metadata, download, export, change,
 * consent, remove) and why (a purpose code). They are written in the same transaction as what they
 * record, and the audit log's hash chain protects them: `bitacora audit verify` names an entry
 * edited, deleted or reordered. The details hold codes, ids and hashes only — never typed text.
 */
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import type { AuditEvent } from '../../store/repositories/audit-repository.js';
import { CUSTODY_ACTIONS, type ConsentValue, type CustodyAction, type CustodyEntry, type CustodyPurpose, type EvidenceUse } from '../../domain/evidence/evidence.js';
import { identifyingEvidence } from './evidence-access.js';

export const EVIDENCE_TARGET = 'evidence';

export interface CustodyDetail {
  purpose?: CustodyPurpose;
  bundleId?: string;
  use?: EvidenceUse;
  value?: ConsentValue;
  /** on receive/capture: the SHA-256 taken on arrival, so the hash chain timestamps it */
  sha256?: string;
  /** on change: which fields changed (names, not values) */
  fields?: string[];
}

export function custodyEvent(at: string, userId: string, action: CustodyAction, itemId: string, detail?: CustodyDetail): AuditEvent {
  return { at, userId, action, targetType: EVIDENCE_TARGET, targetId: itemId, ...(detail && Object.keys(detail).length ? { detail: detail as Record<string, unknown> } : {}) };
}

/** Writes one custody entry in `store`'s transaction. */
export async function recordCustody(store: Store, at: string, userId: string, action: CustodyAction, itemId: string, detail?: CustodyDetail): Promise<void> {
  await store.audit.add(custodyEvent(at, userId, action, itemId, detail));
}

const ACTIONS = new Set<string>(CUSTODY_ACTIONS);

/** Every custody entry of an item, oldest first. */
export async function custodyOf(store: Store, itemId: string): Promise<CustodyEntry[]> {
  const out: CustodyEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await store.audit.list({ targetType: EVIDENCE_TARGET, targetId: itemId }, { limit: 500, ...(before !== undefined ? { before } : {}) });
    for (const e of page.entries) {
      if (!ACTIONS.has(e.action)) continue;
      const d = (e.detail ? JSON.parse(e.detail) : {}) as CustodyDetail;
      out.push({
        seq: e.seq, at: e.at, action: e.action as CustodyAction, user: e.userId ? { id: e.userId, name: e.userName ?? '' } : null,
        ...(d.purpose ? { purpose: d.purpose } : {}), ...(d.bundleId ? { bundleId: d.bundleId } : {}),
        ...(d.use ? { use: d.use } : {}), ...(d.value ? { value: d.value } : {}),
      });
    }
    if (page.next === null) break;
    before = page.next;
  }
  return out.reverse();
}

/** The custody timeline for someone who may open the item. */
export async function readCustody(ctx: ServiceContext, itemId: string): Promise<{ entries: CustodyEntry[] }> {
  await identifyingEvidence(ctx, itemId);
  return { entries: await custodyOf(ctx.store, itemId) };
}
