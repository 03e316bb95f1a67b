/**
 * Repeated targeting: a person or organisation named as a victim in several incidents within a
 * window. One attack can be chance; three in a year against the same shelter is a pattern a network
 * should act on.
 */
import type { PatternIncident } from './pattern-incident.js';
import { compareText, dayNumber, dayString, withinWindow } from './days.js';
import { DEFAULT_PATTERN_SETTINGS, type RepeatedTargetingSettings } from './settings.js';

export interface RepeatedTargetingFlag {
  kind: 'repeated_targeting';
  victimId: string;
  /** the incidents in the busiest window, sorted by day then id */
  incidentIds: string[];
  /** the days of the first and last of those incidents */
  from: string;
  to: string;
  count: number;
}

/**
 * One flag per victim with at least minIncidents distinct dated incidents inside some window of
 * windowDays days (inclusive). The flag describes the window holding the most incidents; between
 * equally busy windows, the earliest. An incident is against a victim when it lists the victim among
 * its victimIds. Flags are sorted by victim id.
 */
export function repeatedTargeting(incidents: readonly PatternIncident[], options: Partial<RepeatedTargetingSettings> = {}): RepeatedTargetingFlag[] {
  const minIncidents = options.minIncidents ?? DEFAULT_PATTERN_SETTINGS.repeatedTargeting.minIncidents;
  const windowDays = options.windowDays ?? DEFAULT_PATTERN_SETTINGS.repeatedTargeting.windowDays;

  // victim → incident id → day number (an id repeated in the input keeps its earliest day)
  const byVictim = new Map<string, Map<string, number>>();
  for (const incident of incidents) {
    const dayNum = dayNumber(incident.day);
    if (dayNum === null) continue;
    for (const victimId of incident.victimIds) {
      let days = byVictim.get(victimId);
      if (!days) byVictim.set(victimId, (days = new Map()));
      const known = days.get(incident.id);
      if (known === undefined || dayNum < known) days.set(incident.id, dayNum);
    }
  }

  const flags: RepeatedTargetingFlag[] = [];
  for (const [victimId, days] of byVictim) {
    const sorted = [...days]
      .map(([id, dayNum]) => ({ id, dayNum }))
      .sort((a, b) => a.dayNum - b.dayNum || compareText(a.id, b.id));
    // Slide a window starting at each incident; `end` is one past the last incident inside it.
    let best = { start: 0, end: 0 };
    let end = 0;
    for (let start = 0; start < sorted.length; start++) {
      if (end < start) end = start;
      while (end < sorted.length && withinWindow(sorted[start]!.dayNum, sorted[end]!.dayNum, windowDays)) end++;
      if (end - start > best.end - best.start) best = { start, end }; // strictly more: ties keep the earliest
    }
    const count = best.end - best.start;
    if (count < minIncidents) continue;
    const inWindow = sorted.slice(best.start, best.end);
    flags.push({
      kind: 'repeated_targeting',
      victimId,
      incidentIds: inWindow.map((e) => e.id),
      from: dayString(inWindow[0]!.dayNum),
      to: dayString(inWindow[count - 1]!.dayNum),
      count,
    });
  }
  return flags.sort((a, b) => compareText(a.victimId, b.victimId));
}
