/**
 * Need-to-know for evidence: an item is visible exactly when the incident it belongs to is (else,
 * for an item of a person, when that person is); "not found" otherwise, never "forbidden". Its
 * sealed parts — description, original name, metadata, capture, the files themselves and the chain
 * of custody — need identifying access: the role's `identifying.read`, or a share of the incident
 * that grants identifying values.
 */
import type { ServiceContext } from '../context.js';
import type { Store } from '../../store/store.js';
import type { StoredEvidence } from '../../store/repositories/evidence-repository.js';
import { can } from '../../domain/user/roles.js';
import { notFound, forbidden } from '../errors.js';

export interface EvidenceOwner { incidentId: string | null; actorId: string | null }

/** Whether the viewer may see this owner (incident or person) at all, and its identifying data. */
export async function ownerAccess(ctx: ServiceContext, owner: EvidenceOwner, store: Store = ctx.store): Promise<{ visible: boolean; mayReadIdentifying: boolean }> {
  if (owner.incidentId) {
    const a = await store.shares.access(owner.incidentId, { userId: ctx.user.id });
    return { visible: a.visible, mayReadIdentifying: a.visible && (can(ctx.user.role, 'identifying.read') || a.identifyingGrant) };
  }
  if (owner.actorId) {
    const visible = await store.actors.isVisible(owner.actorId, { userId: ctx.user.id });
    return { visible, mayReadIdentifying: visible && can(ctx.user.role, 'identifying.read') };
  }
  return { visible: false, mayReadIdentifying: false };
}

/** The owner must exist and be visible (404 otherwise): for listing and attaching. */
export async function requireOwner(ctx: ServiceContext, owner: EvidenceOwner, store: Store = ctx.store): Promise<{ mayReadIdentifying: boolean }> {
  if (owner.incidentId) {
    const exists = await store.db.selectFrom('incidents').select('id').where('id', '=', owner.incidentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!exists) throw notFound('incident');
  }
  const a = await ownerAccess(ctx, owner, store);
  if (!a.visible) throw notFound(owner.incidentId ? 'incident' : 'person or organisation');
  return { mayReadIdentifying: a.mayReadIdentifying };
}

export interface EvidenceAccess { item: StoredEvidence; mayReadIdentifying: boolean }

/** An item the viewer may see (sealed parts opened only when they may read them). */
export async function visibleEvidence(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<EvidenceAccess> {
  const head = await store.evidence.get(id, { open: false });
  if (!head) throw notFound('evidence');
  const a = await ownerAccess(ctx, head, store);
  if (!a.visible) throw notFound('evidence');
  const item = a.mayReadIdentifying ? (await store.evidence.get(id, { open: true }))! : head;
  return { item, mayReadIdentifying: a.mayReadIdentifying };
}

/** As visibleEvidence, and the viewer must hold identifying access (403 otherwise: they know it exists). */
export async function identifyingEvidence(ctx: ServiceContext, id: string, store: Store = ctx.store): Promise<StoredEvidence> {
  const a = await visibleEvidence(ctx, id, store);
  if (!a.mayReadIdentifying) throw forbidden('you may not open this evidence');
  return a.item;
}
