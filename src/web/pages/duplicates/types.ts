/** What the duplicates API answers (src/services/duplicates), as the pages read it. */
import type { DuplicateReason } from '../../../domain/duplicates/score';
import type { DuplicateIncident, Moves } from '../../../domain/duplicates/view';
import type { FuzzyDate, IncidentView, Revision } from '../../types';

export type { DuplicateReason, DuplicateIncident, Moves };

export interface Suggestions { dated: boolean; partial: boolean; items: { incident: DuplicateIncident; score: number; reasons: DuplicateReason[] }[] }

export interface PairList {
  total: number;
  page: number;
  pageSize: number;
  compared: number;
  partial: boolean;
  items: { a: DuplicateIncident; b: DuplicateIncident; score: number; reasons: DuplicateReason[] }[];
}

export interface Merges {
  id: string;
  ref: string;
  title: string;
  mergedInto: { id: string; ref: string; title: string; at: string } | null;
  mergedFrom: { id: string; ref: string; at: string }[];
  revisions?: Revision[];
}

export interface MergeAnswer { incident: IncidentView; merged: { id: string; ref: string } }

/** One side of a comparison: this incident or a candidate, in the same shape. */
export interface Side {
  id: string;
  ref: string;
  title: string;
  date?: FuzzyDate | undefined;
  place: DuplicateIncident['place'];
  acts: string[];
  victims?: string[] | undefined;
  sources?: number | undefined;
}

export function sideOfView(v: IncidentView): Side {
  return { id: v.id, ref: v.ref, title: v.title, date: v.date, place: v.place, acts: [...new Set(v.acts.map((a) => a.kind))], victims: v.victims.map((x) => x.actor.pseudonym), sources: v.sources.length };
}

export function sideOf(d: DuplicateIncident): Side {
  return { id: d.id, ref: d.ref, title: d.title, date: d.date, place: d.place, acts: d.acts, victims: d.victims?.map((v) => v.pseudonym), sources: d.moves.sources };
}
