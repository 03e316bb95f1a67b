/**
 * Co-perpetrators: pairs of perpetrators that keep turning up in the same incidents — e.g. municipal
 * police and an organised-crime group at the same shelter raids. Repeated pairings can point to
 * collusion that no single incident proves.
 */
import type { PatternIncident } from './pattern-incident.js';
import { compareDayThenId, compareText } from './days.js';
import { perpetratorAtLevel } from './perpetrators.js';
import { DEFAULT_PATTERN_SETTINGS, type CoPerpetratorsSettings } from './settings.js';

export interface CoPerpetratorsFlag {
  kind: 'co_perpetrators';
  /** the two perpetrator codes, a < b */
  a: string;
  b: string;
  /** the number of distinct incidents in which both appear */
  count: number;
  /** those incidents, sorted by day (undated last) then id */
  incidentIds: string[];
}

/**
 * Flags every pair of distinct perpetrator codes that appear together (in any acts) in at least
 * minIncidents incidents. A pair counts once per incident however many acts repeat it. At level
 * 'institution' codes are taken as given; at 'country' they are cut to two segments ('state.mx.inm'
 * → 'state.mx'), so two institutions of one country are one perpetrator and do not pair with each
 * other. Undated incidents count: there is no window. Flags are sorted by count (most first), then a, b.
 */
export function coPerpetrators(incidents: readonly PatternIncident[], options: Partial<CoPerpetratorsSettings> = {}): CoPerpetratorsFlag[] {
  const minIncidents = options.minIncidents ?? DEFAULT_PATTERN_SETTINGS.coPerpetrators.minIncidents;
  const level = options.level ?? DEFAULT_PATTERN_SETTINGS.coPerpetrators.level;

  // Merge by incident id first, so an incident is one incident even if the input repeats its id.
  const merged = new Map<string, { id: string; day: string | null; codes: Set<string> }>();
  for (const incident of incidents) {
    let entry = merged.get(incident.id);
    if (!entry) merged.set(incident.id, (entry = { id: incident.id, day: incident.day, codes: new Set() }));
    if (incident.day !== null && (entry.day === null || incident.day < entry.day)) entry.day = incident.day;
    for (const act of incident.acts) for (const p of act.perpetrators) if (p.code !== '') entry.codes.add(perpetratorAtLevel(p.code, level));
  }

  const pairs = new Map<string, { a: string; b: string; incidents: { id: string; day: string | null }[] }>();
  for (const entry of merged.values()) {
    const codes = [...entry.codes].sort(compareText);
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const key = `${codes[i]}\u0000${codes[j]}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { a: codes[i]!, b: codes[j]!, incidents: [] }));
        pair.incidents.push({ id: entry.id, day: entry.day });
      }
    }
  }

  const flags: CoPerpetratorsFlag[] = [];
  for (const { a, b, incidents: seen } of pairs.values()) {
    if (seen.length < minIncidents) continue;
    flags.push({ kind: 'co_perpetrators', a, b, count: seen.length, incidentIds: seen.sort(compareDayThenId).map((e) => e.id) });
  }
  return flags.sort((x, y) => y.count - x.count || compareText(x.a, y.a) || compareText(x.b, y.b));
}
