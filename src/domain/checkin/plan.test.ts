import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkinPlanInputSchema, checkInInputSchema, checkinRef, planTimeProblems, setDuressCodeSchema } from './plan.js';
import { zodFieldProblems } from '../problems.js';

const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const ok = { firstDueAt: '2026-05-01T08:05:00-06:00', contacts: [C1] };
const problems = (v: unknown) => {
  const r = checkinPlanInputSchema.safeParse(v);
  return r.success ? [] : zodFieldProblems(r.error).map((p) => [p.path, p.code]);
};

describe('check-in plan input', () => {
  it('keeps instants as UTC ISO, defaults the grace to 30 minutes', () => {
    expect(checkinPlanInputSchema.parse({ ...ok, contacts: [C1, C2], purpose: '  Caravana a Tapachula ' })).toEqual({
      purpose: 'Caravana a Tapachula', firstDueAt: '2026-05-01T14:05:00.000Z', graceMinutes: 30, contacts: [C1, C2],
    });
    expect(checkinPlanInputSchema.parse({ ...ok, everyMinutes: 120, endsAt: '2026-05-02T00:00:00Z', graceMinutes: 0 })).toMatchObject({ everyMinutes: 120, endsAt: '2026-05-02T00:00:00.000Z', graceMinutes: 0 });
  });

  it('names the field of each problem', () => {
    expect(problems({ ...ok, firstDueAt: '2026-05-01 08:05' })).toEqual([['firstDueAt', 'bad_format']]);
    expect(problems({ ...ok, firstDueAt: '2026-02-30T08:05:00Z' })).toEqual([['firstDueAt', 'bad_format']]);
    expect(problems({ ...ok, firstDueAt: '1970-01-01T00:00:00Z' })).toEqual([['firstDueAt', 'date_year_range']]);
    expect(problems({ ...ok, everyMinutes: 10 })).toEqual([['everyMinutes', 'too_small']]);
    expect(problems({ ...ok, everyMinutes: 10_081 })).toEqual([['everyMinutes', 'too_big']]);
    expect(problems({ ...ok, everyMinutes: 30.5 })).toEqual([['everyMinutes', 'wrong_type']]);
    expect(problems({ ...ok, graceMinutes: -1 })).toEqual([['graceMinutes', 'too_small']]);
    expect(problems({ ...ok, graceMinutes: 1441 })).toEqual([['graceMinutes', 'too_big']]);
    expect(problems({ ...ok, contacts: [] })).toEqual([['contacts', 'too_few']]);
    expect(problems({ ...ok, contacts: Array.from({ length: 11 }, () => C1) })).toEqual([['contacts', 'too_many']]);
    expect(problems({ ...ok, contacts: ['nobody'] })).toEqual([['contacts[0]', 'bad_format']]);
    expect(problems({ ...ok, purpose: 'x'.repeat(301) })).toEqual([['purpose', 'too_long']]);
    expect(problems({ ...ok, purpose: 'a\u0000b' })).toEqual([['purpose', 'control_characters']]);
    expect(problems({ ...ok, endsAt: '2026-05-01T14:05:00Z' })).toEqual([['endsAt', 'ends_before_first']]);
    expect(problems({ ...ok, colour: 'red' })).toEqual([['', 'unknown_field']]);
    expect(problems({ contacts: [C1] })).toEqual([['firstDueAt', 'required']]);
  });

  it('refuses a first deadline more than a minute in the past', () => {
    const now = '2026-05-01T14:06:00.000Z';
    expect(planTimeProblems({ firstDueAt: '2026-05-01T14:05:00.000Z' }, now)).toEqual([]);
    expect(planTimeProblems({ firstDueAt: '2026-05-01T14:04:59.999Z' }, now)).toEqual([{ path: 'firstDueAt', message: 'is in the past', code: 'in_the_past' }]);
  });

  it('never throws on anything a client can send', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      checkinPlanInputSchema.safeParse(v);
      checkInInputSchema.safeParse(v);
    }));
  });

  it('takes a duress code of 4 to 32 characters, trimmed and NFC', () => {
    expect(setDuressCodeSchema.parse({ code: '  cafe\u0301  ', password: 'x' })).toEqual({ code: 'café', password: 'x' });
    for (const code of ['abc', '   abc  ', 'x'.repeat(33)]) expect(setDuressCodeSchema.safeParse({ code, password: 'x' }).success).toBe(false);
    expect(setDuressCodeSchema.safeParse({ code: 'abcd' }).success).toBe(false);
  });

  it('numbers references', () => {
    expect(checkinRef(7)).toBe('CHK-0007');
    expect(checkinRef(12345)).toBe('CHK-12345');
  });
});
