/**
 * Properties every detector must keep on random incident sets: thresholds only remove flags, flags
 * cite real incidents against the right victim, the order of the input does not matter, and repeated
 * targeting agrees with a brute-force count.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { PatternIncident } from './pattern-incident.js';
import { repeatedTargeting } from './repeated-targeting.js';
import { escalation } from './escalation.js';
import { crossBorder } from './cross-border.js';
import { coPerpetrators } from './co-perpetrators.js';
import { perpetratorAtLevel } from './perpetrators.js';
import { compareDayThenId, dayNumber, dayString, withinWindow } from './days.js';

const VICTIMS = ['v1', 'v2', 'v3', 'v4'];
const KINDS = ['surveillance.home', 'threat', 'threat.death', 'harassment', 'shelter_entry', 'detention', 'killing', 'obstruction', 'other', 'border.denial_of_entry'];
const PERPETRATORS = [
  { code: 'state.mx.inm' },
  { code: 'state.mx.gn' },
  { code: 'state.us.cbp' },
  { code: 'state.gt.pnc' },
  { code: 'state.other_country' },
  { code: 'state.other_country', country: 'CO' },
  { code: 'state', country: 'HN' },
  { code: 'non_state.organised_crime' },
  { code: 'non_state' },
];
const FIRST_DAY = dayNumber('2023-01-01')!;

const actArb = fc.record(
  { kind: fc.constantFrom(...KINDS), victimId: fc.constantFrom(...VICTIMS), perpetrators: fc.subarray(PERPETRATORS) },
  { requiredKeys: ['kind', 'perpetrators'] },
);
const incidentArb = fc.record({
  id: fc.integer({ min: 0, max: 999 }).map((n) => `i${n}`),
  day: fc.option(fc.integer({ min: 0, max: 900 }).map((n) => dayString(FIRST_DAY + n)), { nil: null, freq: 5 }),
  victimIds: fc.array(fc.constantFrom(...VICTIMS), { maxLength: 3 }), // may repeat a victim
  acts: fc.array(actArb, { maxLength: 4 }),
});
const incidentsArb = fc.uniqueArray(incidentArb, { selector: (i) => i.id, maxLength: 30 });
const windowArb = fc.integer({ min: 1, max: 400 });

/** Whether the incident is against the victim for act-based detectors: it lists them, or one of its acts names them. */
const actsReach = (i: PatternIncident, victimId: string) => i.victimIds.includes(victimId) || i.acts.some((a) => a.victimId === victimId);

/** Flags cite distinct input incidents, sorted by day then id. */
function expectSortedIds(ids: string[], byId: Map<string, PatternIncident>): void {
  expect(new Set(ids).size).toBe(ids.length);
  const entries = ids.map((id) => byId.get(id)!);
  expect(entries.every(Boolean)).toBe(true);
  expect([...entries].sort(compareDayThenId).map((e) => e.id)).toEqual(ids);
}

describe('pattern properties', () => {
  it('raising a threshold only removes flags, never adds or changes one', () => {
    fc.assert(
      fc.property(incidentsArb, windowArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), (incidents, windowDays, m, more) => {
        const low = repeatedTargeting(incidents, { minIncidents: m, windowDays });
        expect(repeatedTargeting(incidents, { minIncidents: m + more, windowDays })).toEqual(low.filter((f) => f.count >= m + more));
        const lowPairs = coPerpetrators(incidents, { minIncidents: m });
        expect(coPerpetrators(incidents, { minIncidents: m + more })).toEqual(lowPairs.filter((f) => f.count >= m + more));
        const twoSteps = escalation(incidents, { minSteps: 2, windowDays });
        expect(escalation(incidents, { minSteps: 3, windowDays })).toEqual(twoSteps.filter((f) => f.stages.length >= 3));
      }),
    );
  });

  it('every flag cites dated input incidents against its victim, within the window', () => {
    fc.assert(
      fc.property(incidentsArb, windowArb, (incidents, windowDays) => {
        const byId = new Map(incidents.map((i) => [i.id, i]));
        const inWindow = (from: string, to: string) => from <= to && withinWindow(dayNumber(from)!, dayNumber(to)!, windowDays);
        for (const f of repeatedTargeting(incidents, { minIncidents: 2, windowDays })) {
          expectSortedIds(f.incidentIds, byId);
          expect(f.incidentIds.every((id) => byId.get(id)!.day !== null && byId.get(id)!.victimIds.includes(f.victimId))).toBe(true);
          expect([f.count, f.from, f.to]).toEqual([f.incidentIds.length, byId.get(f.incidentIds[0]!)!.day, byId.get(f.incidentIds.at(-1)!)!.day]);
          expect(inWindow(f.from, f.to)).toBe(true);
        }
        for (const f of [...escalation(incidents, { minSteps: 2, windowDays }), ...crossBorder(incidents, { windowDays })]) {
          expectSortedIds(f.incidentIds, byId);
          expect(f.incidentIds.every((id) => byId.get(id)!.day !== null && actsReach(byId.get(id)!, f.victimId))).toBe(true);
          expect(inWindow(f.from, f.to)).toBe(true);
        }
        for (const f of escalation(incidents, { minSteps: 2, windowDays })) {
          expect(f.stages.every((s, k) => k === 0 || s > f.stages[k - 1]!)).toBe(true);
          expect(f.steps.every((s, k) => k === 0 || s.day >= f.steps[k - 1]!.day)).toBe(true);
        }
        for (const f of crossBorder(incidents, { windowDays })) expect(f.countries.length).toBeGreaterThanOrEqual(2);
        for (const level of ['institution', 'country'] as const) {
          for (const f of coPerpetrators(incidents, { minIncidents: 2, level })) {
            expectSortedIds(f.incidentIds, byId);
            const codes = (id: string) => byId.get(id)!.acts.flatMap((a) => a.perpetrators.map((p) => perpetratorAtLevel(p.code, level)));
            expect(f.a < f.b && f.count === f.incidentIds.length).toBe(true);
            expect(f.incidentIds.every((id) => codes(id).includes(f.a) && codes(id).includes(f.b))).toBe(true);
          }
        }
      }),
    );
  });

  it('repeated targeting finds the busiest window a brute-force count finds', () => {
    fc.assert(
      fc.property(incidentsArb, windowArb, fc.integer({ min: 2, max: 4 }), (incidents, windowDays, minIncidents) => {
        const flags = new Map(repeatedTargeting(incidents, { minIncidents, windowDays }).map((f) => [f.victimId, f]));
        for (const v of VICTIMS) {
          const days = incidents.filter((i) => i.day !== null && i.victimIds.includes(v)).map((i) => dayNumber(i.day)!);
          // every window worth trying starts on the day of an incident
          const most = Math.max(0, ...days.map((d) => days.filter((e) => e >= d && e <= d + windowDays - 1).length));
          expect(flags.get(v)?.count ?? 0).toBe(most >= minIncidents ? most : 0);
        }
      }),
    );
  });

  it('results do not depend on the order of incidents, victims or acts', () => {
    const shuffled = incidentsArb.chain((incidents) =>
      fc.tuple(fc.constant(incidents), fc.shuffledSubarray(incidents, { minLength: incidents.length, maxLength: incidents.length })),
    );
    fc.assert(
      fc.property(shuffled, windowArb, ([incidents, reordered], windowDays) => {
        const flipped = reordered.map((i) => ({ ...i, victimIds: [...i.victimIds].reverse(), acts: [...i.acts].reverse() }));
        expect(repeatedTargeting(flipped, { minIncidents: 2, windowDays })).toEqual(repeatedTargeting(incidents, { minIncidents: 2, windowDays }));
        expect(escalation(flipped, { minSteps: 2, windowDays })).toEqual(escalation(incidents, { minSteps: 2, windowDays }));
        expect(crossBorder(flipped, { windowDays })).toEqual(crossBorder(incidents, { windowDays }));
        expect(coPerpetrators(flipped, { minIncidents: 2, level: 'country' })).toEqual(coPerpetrators(incidents, { minIncidents: 2, level: 'country' }));
        expect(coPerpetrators(flipped, { minIncidents: 2 })).toEqual(coPerpetrators(incidents, { minIncidents: 2 }));
      }),
    );
  });
});
