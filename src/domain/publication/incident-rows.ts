/**
 * incidents.csv: one row per incident, built from an explicit list of columns (INCIDENT_COLUMNS)
 * — codes, their labels, coarse dates and coarse places — never from "the record minus what is
 * identifying". No free text, no id or reference: rows are numbered 1…n after sorting by their
 * published content alone, so the order tells nothing the row does not already say (not the day,
 * not the order of recording).
 */
import type { PublicationFacts } from './facts.js';
import type { OpenDataSettings } from './settings.js';
import { coarsenDate } from './coarse-date.js';
import { coarsenPlace } from './coarse-place.js';
import { word, type Labeller, type Word } from './labels.js';

const uniq = (xs: string[]) => [...new Set(xs)].sort();

/** The row of one incident without its number, in INCIDENT_COLUMNS order after 'row'. */
export function incidentCells(f: PublicationFacts, s: OpenDataSettings, l: Labeller): string[] {
  const d = coarsenDate(f, s);
  const p = coarsenPlace(f.place, s.placeLevel);
  const acts = uniq(f.acts.map((a) => a.kind));
  const perps = uniq(f.perpetrators);
  const context = uniq(f.context);
  const terms = (scheme: string, codes: string[]) => codes.map((c) => l.term(scheme, c)).join('; ');
  return [
    d.start ?? '', d.end ?? '', word(d.precision as Word, l.lang), d.start ? word(d.approximate ? 'yes' : 'no', l.lang) : '',
    p.country ?? '', p.country ? l.country(p.country) : '', p.state ?? '', p.state ? l.state(p.state) : '', p.municipality ?? '', word(p.precision as Word, l.lang),
    acts.join('; '), terms('act', acts), perps.join('; '), terms('perpetrator', perps), context.join('; '), terms('context', context),
    f.status, l.term('incident_status', f.status), f.followUp, l.term('follow_up', f.followUp),
  ];
}

/** Sorts rows by their published cells and numbers them. */
export function numberRows(rows: string[][]): string[][] {
  const keyed = rows.map((r) => ({ r, k: r.join('\u0001') }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x, i) => [String(i + 1), ...x.r]);
}
