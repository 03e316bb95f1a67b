import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { riskScore, riskLevel } from './score.js';
import { riskAssessmentInputSchema } from './assessment.js';

const f = (level: number) => ({ description: 'x', level, incidents: [] });

describe('riskScore', () => {
  it('takes the highest threat, the mean vulnerability and the mean capacity', () => {
    const r = riskScore({ threats: [f(2), f(5), f(1)], vulnerabilities: [f(3), f(4)], capacities: [f(2), f(3)] });
    expect(r).toEqual({ threat: 5, vulnerability: 3.5, capacity: 2.5, score: 7, level: 'high' });
  });

  it('reads no capacity recorded as the worst case (1)', () => {
    expect(riskScore({ threats: [f(3)], vulnerabilities: [f(3)], capacities: [] })).toEqual({ threat: 3, vulnerability: 3, capacity: 1, score: 9, level: 'critical' });
  });

  it('gives r when every factor is rated r', () => {
    for (const [r, level] of [[1, 'low'], [2, 'medium'], [3, 'medium'], [4, 'high'], [5, 'high']] as const) {
      expect(riskScore({ threats: [f(r)], vulnerabilities: [f(r), f(r)], capacities: [f(r)] })).toMatchObject({ score: r, level });
    }
  });

  it('puts the band edges where the ADR says', () => {
    expect([1.99, 2, 3.99, 4, 7.99, 8, 25].map(riskLevel)).toEqual(['low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('refuses an assessment without a threat or a vulnerability', () => {
    expect(() => riskScore({ threats: [], vulnerabilities: [f(1)], capacities: [] })).toThrow();
    expect(() => riskScore({ threats: [f(1)], vulnerabilities: [], capacities: [] })).toThrow();
  });

  it('stays within 0.2–25, grows with threats and vulnerabilities and falls with capacities', () => {
    const levels = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(levels, levels, fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (t, v, c, k) => {
        const base = riskScore({ threats: t.map(f), vulnerabilities: v.map(f), capacities: c.map(f) });
        expect(base.score).toBeGreaterThanOrEqual(0.2);
        expect(base.score).toBeLessThanOrEqual(25);
        const up = (xs: number[]) => xs.map((x, i) => (i === k % xs.length ? Math.min(5, x + 1) : x));
        expect(riskScore({ threats: up(t).map(f), vulnerabilities: v.map(f), capacities: c.map(f) }).score).toBeGreaterThanOrEqual(base.score);
        expect(riskScore({ threats: t.map(f), vulnerabilities: up(v).map(f), capacities: c.map(f) }).score).toBeGreaterThanOrEqual(base.score);
        if (c.length) expect(riskScore({ threats: t.map(f), vulnerabilities: v.map(f), capacities: up(c).map(f) }).score).toBeLessThanOrEqual(base.score);
      }),
    );
  });
});

describe('riskAssessmentInputSchema', () => {
  it('names the field that is wrong', () => {
    const r = riskAssessmentInputSchema.safeParse({ threats: [{ description: 'x', level: 6 }], vulnerabilities: [], replaces: 0 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['threats.0.level', 'vulnerabilities']));
  });

  it('trims text and defaults capacities and incidents', () => {
    const r = riskAssessmentInputSchema.parse({ threats: [{ description: '  a  ', level: 2 }], vulnerabilities: [{ description: 'b', level: 3 }], replaces: 0 });
    expect(r).toEqual({ threats: [{ description: 'a', level: 2, incidents: [] }], vulnerabilities: [{ description: 'b', level: 3, incidents: [] }], capacities: [], replaces: 0 });
  });
});
