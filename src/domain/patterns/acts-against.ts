/**
 * Who each act was against. An act that names a victim is against that victim; an act that names no
 * one is against every victim the incident lists. Only dated incidents are read here, because every
 * detector that looks at acts works in time windows.
 */
import type { PatternAct, PatternIncident } from './pattern-incident.js';
import { dayNumber } from './days.js';

/** One act against one victim, on a dated incident. */
export interface ActAgainst {
  victimId: string;
  incidentId: string;
  day: string;
  /** the day as a day number (see days.ts), for window arithmetic */
  dayNum: number;
  act: PatternAct;
}

/**
 * The acts against each victim on dated incidents, keyed by victim id. A victim listed twice in one
 * incident still gets each act once.
 */
export function datedActsByVictim(incidents: readonly PatternIncident[]): Map<string, ActAgainst[]> {
  const byVictim = new Map<string, ActAgainst[]>();
  for (const incident of incidents) {
    const dayNum = dayNumber(incident.day);
    if (dayNum === null || incident.day === null) continue;
    const everyone = [...new Set(incident.victimIds)];
    for (const act of incident.acts) {
      const targets = act.victimId === undefined ? everyone : [act.victimId];
      for (const victimId of targets) {
        let list = byVictim.get(victimId);
        if (!list) byVictim.set(victimId, (list = []));
        list.push({ victimId, incidentId: incident.id, day: incident.day, dayNum, act });
      }
    }
  }
  return byVictim;
}

/** The top-level act code: 'threat' for 'threat.death'. */
export function topLevelKind(kind: string): string {
  const dot = kind.indexOf('.');
  return dot === -1 ? kind : kind.slice(0, dot);
}
