/**
 * A CSV in Uwazi's import format (Settings → Import CSV, into a template made once — docs/exports.md):
 * the first row names the template's properties by their *name* (ASCII, lower case, underscores, as
 * Uwazi derives them from the labels), `title` first; one row per incident. Dates are a date range
 * `YYYY/MM/DD:YYYY/MM/DD` from the first to the last day a partial date can mean (a month is never
 * turned into a day; the date as recorded is in `date_as_recorded`); select and multi-select values
 * are vocabulary labels in the file's language (made unique within their vocabulary; "|" in a label
 * becomes "/"), several joined with "|"; geolocation is `lat|lon`. Uwazi's reserved `id` column is not
 * used (it would update Uwazi entities): our id is `bitacora_id`. No byte-order mark (Uwazi would read
 * it into the first header). Text cells are guarded against formulas like every CSV we write.
 */
import type { IncidentView } from '../incident/view.js';
import { COUNT_FIELDS } from '../incident/schema.js';
import { earliestDay, latestDay } from '../dates.js';
import { csvLine, list, type Cell } from './cells.js';
import { publicPoint } from './point.js';
import { precisionWord, word, type ExportWords } from './words.js';

export type UwaziType = 'text' | 'markdown' | 'numeric' | 'daterange' | 'select' | 'multiselect' | 'geolocation';
export interface UwaziProperty { name: string; label: string; type: UwaziType; identifying?: true }

/** The template an Uwazi admin creates to receive the file (the label gives the name). */
export const UWAZI_PROPERTIES: readonly UwaziProperty[] = [
  { name: 'title', label: 'Title', type: 'text' },
  { name: 'reference', label: 'Reference', type: 'text' },
  { name: 'bitacora_id', label: 'Bitacora id', type: 'text' },
  { name: 'summary', label: 'Summary', type: 'markdown' },
  { name: 'date', label: 'Date', type: 'daterange' },
  { name: 'date_as_recorded', label: 'Date as recorded', type: 'text' },
  { name: 'country', label: 'Country', type: 'select' },
  { name: 'state', label: 'State', type: 'select' },
  { name: 'locality', label: 'Locality', type: 'text' },
  { name: 'place_precision', label: 'Place precision', type: 'select' },
  { name: 'route_segment', label: 'Route segment', type: 'select' },
  { name: 'crossing', label: 'Crossing', type: 'select' },
  { name: 'geolocation', label: 'Geolocation', type: 'geolocation' },
  { name: 'kinds_of_act', label: 'Kinds of act', type: 'multiselect' },
  { name: 'perpetrators', label: 'Perpetrators', type: 'multiselect' },
  { name: 'context', label: 'Context', type: 'multiselect' },
  { name: 'victims', label: 'Victims', type: 'text' },
  { name: 'victim_count', label: 'Victim count', type: 'numeric' },
  ...COUNT_FIELDS.map((f) => ({ name: f, label: f[0]!.toUpperCase() + f.slice(1), type: 'numeric' as const })),
  { name: 'status', label: 'Status', type: 'select' },
  { name: 'follow_up', label: 'Follow up', type: 'select' },
  { name: 'confidentiality', label: 'Confidentiality', type: 'select' },
  { name: 'victims_real_names', label: 'Victims real names', type: 'text', identifying: true },
  { name: 'victims_contacts', label: 'Victims contacts', type: 'text', identifying: true },
  { name: 'victims_private_addresses', label: 'Victims private addresses', type: 'text', identifying: true },
  { name: 'private_address', label: 'Private address', type: 'text', identifying: true },
  { name: 'private_geolocation', label: 'Private geolocation', type: 'geolocation', identifying: true },
  { name: 'identified_perpetrators', label: 'Identified perpetrators', type: 'text', identifying: true },
  { name: 'testimonies', label: 'Testimonies', type: 'markdown', identifying: true },
];

export function uwaziProperties(identifying: boolean): UwaziProperty[] {
  return UWAZI_PROPERTIES.filter((p) => identifying || !p.identifying);
}

const slash = (d: string) => d.replaceAll('-', '/');

/** "2019-07" → "2019/07/01:2019/07/31"; with an end, from the start's first day to the end's last. */
export function uwaziDateRange(d: { start: string; end?: string } | undefined): string | null {
  return d ? `${slash(earliestDay(d.start))}:${slash(latestDay(d.end ?? d.start))}` : null;
}

/** A select value: "|" separates values and "::" groups in Uwazi, so neither may appear in one. */
export function uwaziValue(label: string): string {
  return label.replaceAll('|', '/').replaceAll('::', ':').trim();
}

const multi = (labels: string[]) => list([...new Set(labels.map(uwaziValue))], '|');
/** a coordinate without exponent notation ("1e-7" would not read as a number in every tool) */
const coord = (n: number) => n.toFixed(6).replace(/\.?0+$/, '').replace(/^-0$/, '0');
const geo = (lat: number, lon: number) => `${coord(lat)}|${coord(lon)}`;

export function uwaziRow(v: IncidentView, w: ExportWords): Record<string, Cell> {
  const p = v.place;
  const point = publicPoint(p);
  const priv = p.private;
  const counts = v.counts ?? {};
  const row: Record<string, Cell> = {
    title: v.title,
    reference: v.ref,
    bitacora_id: v.id,
    summary: v.summary ?? null,
    date: uwaziDateRange(v.date),
    date_as_recorded: v.date ? `${v.date.start}${v.date.end ? ` – ${v.date.end}` : ''}${v.date.approximate ? ` (${word('approximate', w.lang)})` : ''}` : null,
    country: p.country ? uwaziValue(w.country(p.country)) : null,
    state: p.state ? uwaziValue(w.state(p.state)) : null,
    locality: p.locality ?? null,
    place_precision: uwaziValue(precisionWord(p.precision, w.lang)),
    route_segment: p.routeSegment ? uwaziValue(w.uniqueTerm('route_segment', p.routeSegment)) : null,
    crossing: p.crossing ? uwaziValue(w.crossing(p.crossing)) : null,
    geolocation: point ? geo(point.lat, point.lon) : null,
    kinds_of_act: multi(v.acts.map((a) => w.uniqueTerm('act', a.kind))),
    perpetrators: multi(v.acts.flatMap((a) => a.perpetrators.map((x) => w.uniqueTerm('perpetrator', x.perpetrator)))),
    context: multi(v.context.map((c) => w.uniqueTerm('context', c))),
    victims: list(v.victims.map((x) => x.actor.pseudonym)),
    victim_count: v.victims.length,
    status: uwaziValue(w.uniqueTerm('incident_status', v.status)),
    follow_up: uwaziValue(w.uniqueTerm('follow_up', v.followUp)),
    confidentiality: uwaziValue(w.uniqueTerm('confidentiality', v.confidentiality)),
    victims_real_names: list(v.victims.map((x) => (x.actor.realName !== undefined ? `${x.actor.pseudonym}: ${x.actor.realName}` : undefined))),
    victims_contacts: list(v.victims.map((x) => (x.actor.contact !== undefined ? `${x.actor.pseudonym}: ${x.actor.contact}` : undefined))),
    victims_private_addresses: list(v.victims.map((x) => (x.actor.privateAddress !== undefined ? `${x.actor.pseudonym}: ${x.actor.privateAddress}` : undefined))),
    private_address: priv?.address ?? null,
    private_geolocation: priv && priv.lat !== undefined && priv.lon !== undefined ? geo(priv.lat, priv.lon) : null,
    identified_perpetrators: list(v.acts.flatMap((a) => a.perpetrators.map((x) => (x.identifiedIndividuals !== undefined ? `${w.term('perpetrator', x.perpetrator)}: ${x.identifiedIndividuals}` : undefined)))),
    testimonies: list(v.sources.map((s, i) => (s.testimony !== undefined ? `${s.pseudonym ?? `#${i + 1}`}: ${s.testimony}` : undefined)), '\n\n'),
  };
  for (const f of COUNT_FIELDS) row[f] = counts[f] ?? null;
  return row;
}

export class UwaziCsv {
  private readonly properties: UwaziProperty[];
  private readonly lines: string[];
  rows = 0;
  constructor(private readonly words: ExportWords, identifying: boolean) {
    this.properties = uwaziProperties(identifying);
    this.lines = [csvLine(this.properties.map((p) => p.name))];
  }
  add(v: IncidentView): void {
    const row = uwaziRow(v, this.words);
    this.lines.push(csvLine(this.properties.map((p) => row[p.name] ?? null)));
    this.rows++;
  }
  finish(): string[] {
    return this.lines;
  }
}
