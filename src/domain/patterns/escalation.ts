/**
 * Escalation: acts against one victim that climb the stages — watched, then threatened, then
 * attacked — within a window. Protection manuals treat this course as the warning sign that comes
 * before the worst attacks, so it is worth a flag even when each incident alone looks minor.
 */
import type { PatternIncident } from './pattern-incident.js';
import { datedActsByVictim, topLevelKind } from './acts-against.js';
import { compareText, sortedIncidentIds, withinWindow } from './days.js';
import { DEFAULT_PATTERN_SETTINGS, type EscalationSettings } from './settings.js';

/** One step of the chain: the act's stage and the incident it belongs to. */
export interface EscalationStep {
  stage: number;
  incidentId: string;
  day: string;
}

export interface EscalationFlag {
  kind: 'escalation';
  victimId: string;
  /** the stage of each step, strictly increasing (1-based, in the order of the settings' stages) */
  stages: number[];
  /** each step with its incident, in chain order (one incident can hold more than one step) */
  steps: EscalationStep[];
  /** the distinct incidents of the chain, sorted by day then id */
  incidentIds: string[];
  /** the days of the first and last step */
  from: string;
  to: string;
}

interface Candidate extends EscalationStep {
  dayNum: number;
}

/** Chains compare step by step on (day, incident id, stage): the smaller is the earlier chain. */
function compareSteps(a: Candidate, b: Candidate): number {
  return a.dayNum - b.dayNum || compareText(a.incidentId, b.incidentId) || a.stage - b.stage;
}
function compareChains(a: Candidate[], b: Candidate[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareSteps(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * The longest chain starting at steps[start] whose steps all fall within windowDays of it, and among
 * those the earliest. `steps` is sorted by (day, stage), so any step that may follow another comes
 * after it in the array.
 */
function longestChainFrom(steps: Candidate[], start: number, windowDays: number): Candidate[] {
  let end = start;
  while (end < steps.length && withinWindow(steps[start]!.dayNum, steps[end]!.dayNum, windowDays)) end++;
  // length[i]: the longest chain starting at steps[i] that stays inside the window
  const length = new Map<number, number>();
  for (let i = end - 1; i >= start; i--) {
    let longest = 0;
    for (let k = i + 1; k < end; k++) if (steps[k]!.stage > steps[i]!.stage) longest = Math.max(longest, length.get(k)!);
    length.set(i, longest + 1);
  }
  // Walk forward taking, at each step, the earliest next step that still allows the full length.
  const chain = [steps[start]!];
  let at = start;
  for (let need = length.get(start)! - 1; need > 0; need--) {
    let next = -1;
    for (let k = at + 1; k < end; k++) {
      if (steps[k]!.stage <= steps[at]!.stage || length.get(k) !== need) continue;
      if (next === -1 || compareSteps(steps[k]!, steps[next]!) < 0) next = k;
    }
    chain.push(steps[next]!);
    at = next;
  }
  return chain;
}

/**
 * One flag per victim whose acts, on dated incidents, form a chain of at least minSteps steps with
 * strictly increasing stage and non-decreasing day, the first and last step within windowDays
 * (inclusive). The flag shows the longest such chain, and between equally long ones the earliest.
 * An act's stage is that of its top-level code; codes in no stage are ignored. Several steps may come
 * from one incident (e.g. a raid that began with photographing staff and ended in detentions).
 * Flags are sorted by victim id.
 */
export function escalation(incidents: readonly PatternIncident[], options: Partial<EscalationSettings> = {}): EscalationFlag[] {
  const windowDays = options.windowDays ?? DEFAULT_PATTERN_SETTINGS.escalation.windowDays;
  const minSteps = options.minSteps ?? DEFAULT_PATTERN_SETTINGS.escalation.minSteps;
  const stages = options.stages ?? DEFAULT_PATTERN_SETTINGS.escalation.stages;
  const stageOf = new Map<string, number>();
  stages.forEach((s, i) => {
    for (const code of s.codes) if (!stageOf.has(code)) stageOf.set(code, i + 1); // a code listed twice keeps its first stage
  });

  const flags: EscalationFlag[] = [];
  for (const [victimId, acts] of datedActsByVictim(incidents)) {
    // one candidate per (incident, stage): two threats in one incident are one possible step
    const byKey = new Map<string, Candidate>();
    for (const a of acts) {
      const stage = stageOf.get(topLevelKind(a.act.kind));
      if (stage === undefined) continue;
      const key = `${stage}\u0000${a.incidentId}`;
      const known = byKey.get(key); // an id repeated in the input keeps its earliest day
      if (!known || a.dayNum < known.dayNum) byKey.set(key, { stage, incidentId: a.incidentId, day: a.day, dayNum: a.dayNum });
    }
    const steps = [...byKey.values()].sort((a, b) => a.dayNum - b.dayNum || a.stage - b.stage || compareText(a.incidentId, b.incidentId));
    let best: Candidate[] = [];
    for (let start = 0; start < steps.length; start++) {
      const chain = longestChainFrom(steps, start, windowDays);
      if (chain.length > best.length || (chain.length === best.length && compareChains(chain, best) < 0)) best = chain;
    }
    if (best.length < minSteps || best.length === 0) continue;
    flags.push({
      kind: 'escalation',
      victimId,
      stages: best.map((s) => s.stage),
      steps: best.map(({ stage, incidentId, day }) => ({ stage, incidentId, day })),
      incidentIds: sortedIncidentIds(best.map((s) => ({ id: s.incidentId, day: s.day }))),
      from: best[0]!.day,
      to: best[best.length - 1]!.day,
    });
  }
  return flags.sort((a, b) => compareText(a.victimId, b.victimId));
}
