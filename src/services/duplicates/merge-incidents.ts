/**
 * Merges incident B into incident A (ADR 0023), all or nothing in one transaction: both visible to
 * and editable by the person (incident.edit_any; a restricted one only when shared with them, else
 * 404), at the versions they saw (else 409). A keeps its fields and gains B's victims, acts with
 * their perpetrators, sources (testimonies and consent as they were), interventions, context codes,
 * the larger of each count, and what it lacked (date, summary, place details) — every part keeping
 * its id, every sealed value sealed again under A's data key by the repository that writes A. B's
 * evidence items (and their files), urgent cases and campaigns move to A, re-sealed likewise. B is
 * marked merged into A and removed from lists and search; its row, shares and history stay. Both get
 * a history entry (values of identifying fields never recorded) and one `incident.merged` audit event.
 *
 * Refused: a merge that would let B's contents — or its identifying values — reach someone who
 * cannot reach them in B (409 merge_would_widen); two open urgent cases (409 merge_urgent_open);
 * more parts than an incident may hold (400 on `other`).
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { parseInput } from '../validate.js';
import { conflict, invalid, ServiceError } from '../errors.js';
import { can, isRole } from '../../domain/user/roles.js';
import { mergeSchema, type MergeRequest } from '../../domain/duplicates/schema.js';
import { mergeIncidentViews, mergeLimitProblems, type MergeSummary } from '../../domain/duplicates/merge.js';
import { mergeWidensFor, sharesToCopy, type Audience, type Person } from '../../domain/duplicates/merge-safety.js';
import { diffIncident, type FieldChange } from '../../domain/incident/history.js';
import type { IncidentView } from '../../domain/incident/view.js';
import { incidentSearchText } from '../../domain/incident/search-text.js';
import { indexIncident, unindexIncident } from '../../store/search/incident-search.js';
import type { Store } from '../../store/store.js';
import { visibleIncident } from '../incidents/incident-access.js';
import { canEditIncident, loadIncident } from '../incidents/save-incident.js';
import { duplicates } from './duplicate-view.js';

export interface MergeResult {
  incident: IncidentView & { mayReadIdentifying: boolean };
  merged: { id: string; ref: string };
  moved: MergeSummary & { evidence: number; urgent: number; campaigns: number; shares: number };
}

async function audiences(tx: Store, a: IncidentView, b: IncidentView): Promise<{ a: Audience; b: Audience; people: Person[]; groupsOf: (u: string) => ReadonlySet<string> }> {
  const [sharesA, sharesB, users, members] = await Promise.all([tx.shares.sharesOf(a.id), tx.shares.sharesOf(b.id), duplicates(tx).people(), tx.shares.allMembers()]);
  const groups = new Map<string, Set<string>>();
  for (const [group, list] of members) for (const u of list) groups.set(u, (groups.get(u) ?? new Set()).add(group));
  const none = new Set<string>();
  return {
    a: { restricted: a.confidentiality === 'restricted', shares: sharesA },
    b: { restricted: b.confidentiality === 'restricted', shares: sharesB },
    people: users.map((u) => ({ id: u.id, identifyingByRole: isRole(u.role) && can(u.role, 'identifying.read') })),
    groupsOf: (u) => groups.get(u) ?? none,
  };
}

export async function mergeIncidents(ctx: ServiceContext, keepId: string, raw: MergeRequest): Promise<MergeResult> {
  requirePermission(ctx, 'incident.edit_any');
  const req = parseInput(mergeSchema, raw);
  if (req.other === keepId) throw invalid([{ path: 'other', message: 'is the incident itself', code: 'same_incident' }]);
  const now = ctx.now();
  const userId = ctx.user.id;
  return ctx.store.transaction(async (tx) => {
    const txCtx = { ...ctx, store: tx };
    const { inc: a, mayReadIdentifying } = await visibleIncident(txCtx, keepId, tx);
    const { inc: b } = await visibleIncident(txCtx, req.other, tx);
    if (!canEditIncident(ctx, a) || !canEditIncident(ctx, b)) throw new ServiceError(403, 'forbidden', 'you may not change these incidents');
    if (a.version !== req.version) throw conflict(`version: this incident was changed by someone else (now version ${a.version}); reload it before merging`);
    if (b.version !== req.otherVersion) throw conflict(`otherVersion: the other incident was changed by someone else (now version ${b.version}); reload it before merging`);

    const aud = await audiences(tx, a, b);
    const widened = mergeWidensFor(aud.a, aud.b, aud.people, aud.groupsOf);
    if (widened.length) {
      throw new ServiceError(409, 'merge_would_widen',
        `other: ${b.ref} would be seen through ${a.ref} by ${widened.length} ${widened.length === 1 ? 'person' : 'people'} it is not shared with (or who may not read its identifying values); ` +
        `share ${a.ref} and ${b.ref} with the same people first, or merge the other way round`);
    }
    const repo = duplicates(tx);
    const [openA, openB] = await Promise.all([repo.openUrgentCases(a.id), repo.openUrgentCases(b.id)]);
    if (openA.length && openB.length) {
      throw new ServiceError(409, 'merge_urgent_open', `other: both incidents have an open urgent case (${[...openA, ...openB].join(', ')}); close one first`);
    }
    const { merged, summary } = mergeIncidentViews(a, b);
    const tooLarge = mergeLimitProblems(merged);
    if (tooLarge.length) throw invalid(tooLarge);

    // B's parts leave B first: they keep their ids in A (evidence points at B's sources by id)
    await repo.removeParts(b.id);
    const version = a.version + 1;
    const seq = await tx.incidents.write(
      { id: a.id, orgId: a.orgId, userId, now, version, createdAt: a.createdAt, createdBy: a.createdBy },
      merged,
      new Map(merged.victims.map((v) => [v.key, v.actorId])),
      false,
    );
    const attached = await repo.moveAttached(b.id, a.id);
    const copied = sharesToCopy(aud.a, aud.b, aud.people, aud.groupsOf);
    for (const s of copied) await tx.shares.addShare(a.id, s, userId, now);
    const seqB = (await tx.incidents.seqOf(b.id))!;
    if (!(await repo.markMerged(b.id, a.id, now, userId, b.version))) throw conflict(`otherVersion: the other incident was changed by someone else; reload it before merging`);
    await unindexIncident(tx.db, seqB);

    const after = (await loadIncident(tx, a.id))!;
    const { title, body } = incidentSearchText(after, ctx.vocab, tx.policy.marked);
    await indexIncident(tx.db, seq, title, body);
    const intoA: FieldChange[] = [{ path: 'mergedFrom', after: b.ref }, ...diffIncident(a, after, tx.policy.marked)];
    await tx.incidents.addRevision(a.id, version, now, userId, intoA);
    const emptied: IncidentView = { ...b, victims: [], acts: [], sources: [], interventions: [], context: [] };
    await tx.incidents.addRevision(b.id, b.version + 1, now, userId, [{ path: 'mergedInto', after: a.ref }, ...diffIncident(b, emptied, tx.policy.marked)]);
    const moved = { ...summary, ...attached, shares: copied.length };
    await tx.audit.add({
      at: now, userId, action: 'incident.merged', targetType: 'incident', targetId: a.id,
      detail: {
        from: b.id, version, otherVersion: b.version + 1,
        moved: { victims: moved.victims, acts: moved.acts, sources: moved.sources, interventions: moved.interventions, evidence: moved.evidence, urgent: moved.urgent, campaigns: moved.campaigns },
        sharesAdded: copied.map((s) => `${s.type}:${s.id}${s.identifying ? ':identifying' : ''}`),
      },
    });
    return { incident: { ...after, mayReadIdentifying }, merged: { id: b.id, ref: b.ref }, moved };
  });
}
