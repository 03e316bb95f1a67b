/**
 * The merges an incident took part in (ADR 0023). A live incident: those merged into it. A merged
 * one: which incident it was merged into — following later merges to the live one — and its own
 * history, which stays readable. Only for those who may see it (a merged incident's shares still
 * hold) and, for a merged one, who may see where it went: for everyone else it does not exist
 * (404), like a removed incident, so a restricted incident's existence is never confirmed.
 */
import type { ServiceContext } from '../context.js';
import { requirePermission } from '../context.js';
import { notFound } from '../errors.js';
import type { FieldChange } from '../../domain/incident/history.js';
import { incidentRef } from '../../domain/incident/view.js';
import { duplicates } from './duplicate-view.js';

export interface IncidentMerges {
  id: string;
  ref: string;
  title: string;
  /** set when this incident was merged into another: the live incident it is now part of */
  mergedInto: { id: string; ref: string; title: string; at: string } | null;
  /** incidents merged into this one that the reader could see */
  mergedFrom: { id: string; ref: string; at: string }[];
  /** a merged incident's history (a live one's is at /history) */
  revisions?: { version: number; at: string; userId: string; userName: string | null; changes: FieldChange[] }[];
}

/** Merges chained further than this are not followed (a merge never makes a cycle; this only bounds the walk). */
const MAX_HOPS = 20;

export async function incidentMerges(ctx: ServiceContext, id: string): Promise<IncidentMerges> {
  requirePermission(ctx, 'incident.read');
  const viewer = { userId: ctx.user.id };
  const repo = duplicates(ctx.store);
  const live = await repo.row(id, viewer);
  if (live) return { id, ref: incidentRef(Number(live.seq)), title: live.title, mergedInto: null, mergedFrom: await repo.mergedFrom(id, viewer) };
  const info = await repo.mergedInfo(id, viewer);
  if (!info) throw notFound('incident');
  let into = info.mergedInto;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const next = await repo.mergedInto(into);
    if (!next) break;
    into = next;
  }
  const target = await repo.row(into, viewer);
  if (!target) throw notFound('incident');
  return {
    id, ref: info.ref, title: info.title,
    mergedInto: { id: into, ref: incidentRef(Number(target.seq)), title: target.title, at: info.at },
    mergedFrom: await repo.mergedFrom(id, viewer),
    revisions: await ctx.store.incidents.revisions(id),
  };
}
