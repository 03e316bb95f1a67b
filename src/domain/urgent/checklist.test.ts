import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PRESETS, STEP_CODES, URGENT_KINDS, MAX_DUE_HOURS, checklistOrder, deadlineSummary, dueAfter, isOverdue } from './checklist.js';

describe('checklist presets', () => {
  it('exist for every kind, start by alerting the network, name each step once and never a custom one', () => {
    for (const kind of URGENT_KINDS) {
      const p = PRESETS[kind];
      expect(p.length, kind).toBeGreaterThan(3);
      expect(p[0]).toEqual({ code: 'alert_network', dueInHours: 1 });
      expect(new Set(p.map((s) => s.code)).size, kind).toBe(p.length);
      for (const s of p) {
        expect(STEP_CODES).toContain(s.code);
        expect(s.code).not.toBe('custom');
        expect(Number.isInteger(s.dueInHours) && s.dueInHours > 0 && s.dueInHours <= MAX_DUE_HOURS, `${kind} ${s.code}`).toBe(true);
      }
    }
  });

  it('ask for protection from the Mechanism and the Commission in every kind, and a habeas corpus for a detention', () => {
    for (const kind of URGENT_KINDS) expect(PRESETS[kind].map((s) => s.code)).toEqual(expect.arrayContaining(['mechanism_protection', 'iachr_precautionary', 'un_special_procedures', 'legal_accompaniment']));
    expect(PRESETS.detention.map((s) => s.code)).toContain('habeas_corpus');
    expect(PRESETS.disappearance.map((s) => s.code)).toContain('search_report');
  });
});

describe('deadlines', () => {
  it('are counted in hours from opening', () => {
    expect(dueAfter('2026-03-01T22:30:00.000Z', 4)).toBe('2026-03-02T02:30:00.000Z');
    expect(dueAfter('2026-03-01T22:30:00.000Z', 0)).toBe('2026-03-01T22:30:00.000Z');
  });

  it('make a step overdue from the deadline itself, never when done or without one', () => {
    const now = '2026-03-02T10:00:00.000Z';
    expect(isOverdue({ dueAt: '2026-03-02T10:00:00.000Z' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-03-02T09:59:59.999Z' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-03-02T10:00:00.001Z' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-03-01T00:00:00.000Z', doneAt: '2026-03-02T00:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ dueAt: null }, now)).toBe(false);
    expect(isOverdue({}, now)).toBe(false);
  });

  it('sum up as the overdue count and the next deadline ahead', () => {
    const now = '2026-03-02T10:00:00.000Z';
    expect(deadlineSummary([
      { dueAt: '2026-03-02T08:00:00.000Z' }, { dueAt: '2026-03-01T08:00:00.000Z' }, { dueAt: '2026-03-01T08:00:00.000Z', doneAt: now },
      { dueAt: '2026-03-04T08:00:00.000Z' }, { dueAt: '2026-03-03T08:00:00.000Z' }, {},
    ], now)).toEqual({ overdue: 2, nextDueAt: '2026-03-03T08:00:00.000Z' });
    expect(deadlineSummary([], now)).toEqual({ overdue: 0, nextDueAt: undefined });
  });
});

describe('checklist order', () => {
  const now = '2026-03-02T10:00:00.000Z';
  it('puts overdue steps first (longest overdue first), then pending by deadline, then those without, then done', () => {
    const steps = [
      { ordinal: 0, code: 'done', dueAt: '2026-03-01T00:00:00.000Z', doneAt: '2026-03-01T01:00:00.000Z' },
      { ordinal: 1, code: 'later', dueAt: '2026-03-05T00:00:00.000Z' },
      { ordinal: 2, code: 'none' },
      { ordinal: 3, code: 'late', dueAt: '2026-03-02T09:00:00.000Z' },
      { ordinal: 4, code: 'latest', dueAt: '2026-03-01T09:00:00.000Z' },
      { ordinal: 5, code: 'soon', dueAt: '2026-03-02T11:00:00.000Z' },
      { ordinal: 6, code: 'none2' },
    ];
    expect(checklistOrder(steps, now).map((s) => s.code)).toEqual(['latest', 'late', 'soon', 'later', 'none', 'none2', 'done']);
  });

  const stepArb = fc.record({
    dueAt: fc.option(fc.integer({ min: -72, max: 72 }).map((h) => dueAfter(now, h)), { nil: undefined }),
    doneAt: fc.option(fc.constant('2026-03-02T09:00:00.000Z'), { nil: undefined }),
  });

  it('is a permutation that keeps every overdue step before every other, whatever the steps', () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 30 }), (raw) => {
      const steps = raw.map((s, ordinal) => ({ ...s, ordinal }));
      const out = checklistOrder(steps, now);
      expect(out.map((s) => s.ordinal).sort((a, b) => a - b)).toEqual(steps.map((s) => s.ordinal));
      const firstNotOverdue = out.findIndex((s) => !isOverdue(s, now));
      if (firstNotOverdue >= 0) expect(out.slice(firstNotOverdue).some((s) => isOverdue(s, now))).toBe(false);
      const firstDone = out.findIndex((s) => s.doneAt);
      if (firstDone >= 0) expect(out.slice(firstDone).every((s) => s.doneAt)).toBe(true);
      expect(out.filter((s) => isOverdue(s, now)).length).toBe(deadlineSummary(steps, now).overdue);
    }));
  });

  it('does not depend on the order the steps come in', () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 20 }).chain((raw) => fc.tuple(fc.constant(raw.map((s, ordinal) => ({ ...s, ordinal }))), fc.shuffledSubarray(raw.map((_, i) => i), { minLength: raw.length, maxLength: raw.length }))), ([steps, perm]) => {
      const shuffled = perm.map((i) => steps[i]!);
      expect(checklistOrder(shuffled, now).map((s) => s.ordinal)).toEqual(checklistOrder(steps, now).map((s) => s.ordinal));
    }));
  });
});
