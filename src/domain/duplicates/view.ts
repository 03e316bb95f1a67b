/**
 * What the duplicates API shows of an incident (nothing identifying: the public place, the title
 * and the summary when not sealed, codes, pseudonyms, counts) — shared by the use cases and the
 * web pages.
 */
import type { FuzzyDate } from '../dates.js';

export interface DuplicatePlace { precision: string; country?: string; state?: string; locality?: string; crossing?: string; routeSegment?: string }

/** What a merge of an incident into another would move. */
export interface Moves { victims: number; acts: number; sources: number; interventions: number; evidence: number; urgent: number }

export interface DuplicateIncident {
  id: string;
  ref: string;
  title: string;
  /** its first 300 characters, when not sealed */
  summary?: string;
  date?: FuzzyDate;
  place: DuplicatePlace;
  status: string;
  confidentiality: string;
  version: number;
  acts: string[];
  perpetrators: string[];
  /** pseudonyms, when the reader may see victims */
  victims?: { actorId: string; pseudonym: string }[];
  moves: Moves;
}
