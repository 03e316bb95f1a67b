/**
 * Cross-border chains: one victim attacked by state agents of two or more countries within a window
 * — e.g. questioned by US border officers, then detained by Mexico's migration institute. Such chains
 * suggest information shared between governments about a defender, which a network may need to raise
 * with both.
 */
import type { PatternIncident } from './pattern-incident.js';
import { datedActsByVictim } from './acts-against.js';
import { compareText, sortedIncidentIds, withinWindow } from './days.js';
import { perpetratorCountry } from './perpetrators.js';
import { DEFAULT_PATTERN_SETTINGS, type CrossBorderSettings } from './settings.js';

export interface CrossBorderFlag {
  kind: 'cross_border';
  victimId: string;
  /** the countries of the state perpetrators in the window, sorted */
  countries: string[];
  /** the incidents in the window with an act against the victim by a state of known country */
  incidentIds: string[];
  /** the days of the first and last of those incidents */
  from: string;
  to: string;
}

interface Sighting {
  incidentId: string;
  day: string;
  dayNum: number;
  country: string;
}

/**
 * One flag per victim against whom acts by state perpetrators of at least two different countries fall
 * within one window of windowDays days (inclusive), on dated incidents. The flag describes the window
 * with the most countries; between windows with as many, the earliest. A state perpetrator whose
 * country is unknown ('state.other_country' without `country`) and non-state perpetrators do not
 * count. Flags are sorted by victim id.
 */
export function crossBorder(incidents: readonly PatternIncident[], options: Partial<CrossBorderSettings> = {}): CrossBorderFlag[] {
  const windowDays = options.windowDays ?? DEFAULT_PATTERN_SETTINGS.crossBorder.windowDays;

  const flags: CrossBorderFlag[] = [];
  for (const [victimId, acts] of datedActsByVictim(incidents)) {
    const sightings: Sighting[] = [];
    for (const a of acts) {
      for (const p of a.act.perpetrators) {
        const country = perpetratorCountry(p);
        if (country !== null) sightings.push({ incidentId: a.incidentId, day: a.day, dayNum: a.dayNum, country });
      }
    }
    sightings.sort((a, b) => a.dayNum - b.dayNum || compareText(a.incidentId, b.incidentId) || compareText(a.country, b.country));

    // Try a window starting at each sighting; keep the one with the most countries (ties: earliest).
    let best: { countries: Set<string>; inWindow: Sighting[] } = { countries: new Set(), inWindow: [] };
    for (let start = 0; start < sightings.length; start++) {
      const inWindow: Sighting[] = [];
      for (let k = start; k < sightings.length && withinWindow(sightings[start]!.dayNum, sightings[k]!.dayNum, windowDays); k++) inWindow.push(sightings[k]!);
      const countries = new Set(inWindow.map((s) => s.country));
      if (countries.size > best.countries.size) best = { countries, inWindow };
    }
    if (best.countries.size < 2) continue;
    flags.push({
      kind: 'cross_border',
      victimId,
      countries: [...best.countries].sort(compareText),
      incidentIds: sortedIncidentIds(best.inWindow.map((s) => ({ id: s.incidentId, day: s.day }))),
      from: best.inWindow[0]!.day,
      to: best.inWindow[best.inWindow.length - 1]!.day,
    });
  }
  return flags.sort((a, b) => compareText(a.victimId, b.victimId));
}
