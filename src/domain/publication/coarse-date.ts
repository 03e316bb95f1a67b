/**
 * Dates for publication: the start (and end) of an incident's date cut to a month or a year —
 * the year when the export says so or when one of its acts is of a kind the settings date by year
 * only — and never finer than the date as recorded. Approximate dates stay marked approximate.
 */
import { precisionOf } from '../dates.js';
import type { OpenDataSettings } from './settings.js';
import type { PublicationFacts } from './facts.js';

export interface CoarseDate { start: string | null; end: string | null; precision: 'month' | 'year' | 'unknown'; approximate: boolean }

/** A code matches a rule when it is the rule's code or one of its children. */
export function codeCovers(rule: string, code: string): boolean {
  return code === rule || code.startsWith(`${rule}.`);
}

export function coarsenDate(f: Pick<PublicationFacts, 'date' | 'acts'>, s: Pick<OpenDataSettings, 'dateLevel' | 'yearForActs'>): CoarseDate {
  const { start, end, approximate } = f.date;
  if (!start || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(start)) return { start: null, end: null, precision: 'unknown', approximate: false };
  const byYear = s.dateLevel === 'year' || precisionOf(start) === 'year' || f.acts.some((a) => s.yearForActs.some((r) => codeCovers(r, a.kind)));
  const cut = byYear ? 4 : 7;
  const c = start.slice(0, cut);
  // an end coarser than the start (a year-only end) keeps to the start's precision: never a finer one
  const e = end && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(end) && end.length >= cut ? end.slice(0, cut) : end ? end.slice(0, 4) : null;
  const endOut = e && e !== c && !(cut === 7 && e.length === 4 && c.startsWith(e)) ? e : null;
  return { start: c, end: endOut, precision: byYear ? 'year' : 'month', approximate };
}
