import { describe, it, expect } from 'vitest';
import { reassessment, isSeriousAct, SERIOUS_ACTS } from './reassessment.js';
import vocabularies from '../vocabulary/vocabularies.json' with { type: 'json' };

interface Term { code: string; children?: Term[] }
const codes = new Set<string>();
const walk = (ts: Term[]) => ts.forEach((t) => { codes.add(t.code); walk(t.children ?? []); });
walk((vocabularies.schemes.find((s) => s.id === 'act')!.terms) as Term[]);

describe('serious acts', () => {
  it('are all codes of the act vocabulary', () => {
    for (const c of SERIOUS_ACTS) expect(codes.has(c), c).toBe(true);
  });

  it('include the codes below a listed one, and only those', () => {
    expect(isSeriousAct('killing.attempted')).toBe(true);
    expect(isSeriousAct('threat.death')).toBe(true);
    expect(isSeriousAct('threat.phone')).toBe(false);
    expect(isSeriousAct('surveillance')).toBe(false);
    expect(isSeriousAct('killingx')).toBe(false);
  });
});

describe('reassessment', () => {
  const inc = (id: string, createdAt: string, ...acts: string[]) => ({ id, createdAt, acts });
  const today = '2026-06-01';

  it('is due after a serious incident recorded since the last assessment', () => {
    const r = reassessment({ assessedAt: '2026-03-01T10:00:00Z' }, [inc('a', '2026-02-01T00:00:00Z', 'kidnapping'), inc('b', '2026-04-01T00:00:00Z', 'threat.death'), inc('c', '2026-05-01T00:00:00Z', 'threat.phone')], today);
    expect(r).toEqual({ due: true, reasons: ['serious_incident'], incidents: ['b'] });
  });

  it('is not due for incidents recorded before it or not serious', () => {
    expect(reassessment({ assessedAt: '2026-03-01T10:00:00Z' }, [inc('a', '2026-02-01T00:00:00Z', 'kidnapping'), inc('c', '2026-05-01T00:00:00Z', 'defamation')], today)).toEqual({ due: false, reasons: [], incidents: [] });
  });

  it('asks for a first assessment only when something serious happened', () => {
    expect(reassessment(undefined, [inc('a', '2026-02-01T00:00:00Z', 'harassment')], today).due).toBe(false);
    expect(reassessment(undefined, [inc('a', '2026-02-01T00:00:00Z', 'detention.arrest')], today)).toEqual({ due: true, reasons: ['never_assessed'], incidents: ['a'] });
  });

  it('is due on and after its review day', () => {
    expect(reassessment({ assessedAt: '2026-01-01T00:00:00Z', nextReview: '2026-06-01' }, [], today).reasons).toEqual(['review_date']);
    expect(reassessment({ assessedAt: '2026-01-01T00:00:00Z', nextReview: '2026-06-02' }, [], today).due).toBe(false);
  });
});
