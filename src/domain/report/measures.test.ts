import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { measuresInForce, type MeasureFact } from './measures.js';

const m = (actorId: string, kind: string, status = 'granted_active'): MeasureFact => ({ actorId, kind, status });

describe('protection measures in a report', () => {
  it('counts distinct affected victims per kind, in force only, and drops kinds under k', () => {
    const victims = new Set(['a', 'b', 'c', 'd']);
    const rows = measuresInForce(victims, [
      m('a', 'iachr_precautionary'), m('a', 'iachr_precautionary'), m('b', 'iachr_precautionary'), m('c', 'iachr_precautionary'),
      m('d', 'federal_mechanism'), m('e', 'federal_mechanism'), m('a', 'federal_mechanism', 'expired'), m('b', 'federal_mechanism', 'requested'),
    ], 3);
    expect(rows).toEqual([{ kind: 'iachr_precautionary', victims: 3 }]);
    expect(measuresInForce(victims, [m('d', 'federal_mechanism'), m('c', 'federal_mechanism')], 2)).toEqual([{ kind: 'federal_mechanism', victims: 2 }]);
  });

  it('never shows a count under k nor one larger than the victims', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ actorId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), kind: fc.constantFrom('x', 'y'), status: fc.constantFrom('granted_active', 'expired') })),
      fc.integer({ min: 1, max: 5 }),
      (facts, k) => {
        const victims = new Set(['a', 'b', 'c']);
        for (const r of measuresInForce(victims, facts, k)) expect(r.victims >= k && r.victims <= victims.size).toBe(true);
      },
    ));
  });
});
