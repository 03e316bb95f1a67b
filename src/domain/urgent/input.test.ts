import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addStepSchema, campaignSchema, closeUrgentSchema, openUrgentSchema, updateStepSchema } from './input.js';
import { zodFieldProblems } from '../problems.js';
import { CAMPAIGN_ACTION_KINDS } from './campaign.js';

const problems = (r: { success: boolean; error?: unknown }) => (r.success ? [] : zodFieldProblems(r.error as never).map((p) => [p.path, p.code]));

describe('opening input', () => {
  it('takes a kind alone (the preset follows), or a checklist of its own', () => {
    expect(openUrgentSchema.parse({ kind: 'detention' })).toEqual({ kind: 'detention' });
    expect(openUrgentSchema.parse({ kind: 'kidnapping', steps: [{ code: 'alert_network', dueInHours: 0 }, { code: 'custom', label: '  Llamar a la parroquia ' }, { code: 'press_statement', dueInHours: null }] }).steps)
      .toEqual([{ code: 'alert_network', dueInHours: 0 }, { code: 'custom', label: 'Llamar a la parroquia' }, { code: 'press_statement', dueInHours: null }]);
  });

  it('refuses unknown kinds and steps, a step twice, a custom step without words and words on a fixed step, naming the field', () => {
    expect(problems(openUrgentSchema.safeParse({ kind: 'robbery' }))).toEqual([['kind', 'not_allowed']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'pray' }] }))).toEqual([['steps[0].code', 'not_allowed']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'alert_network' }, { code: 'alert_network' }] }))).toEqual([['steps[1].code', 'duplicate_step']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'custom' }, { code: 'custom', label: 'a' }, { code: 'custom', label: 'b' }] }))).toEqual([['steps[0].label', 'required']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'family_contact', label: 'x' }] }))).toEqual([['steps[0].label', 'not_allowed']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'family_contact', dueInHours: 1.5 }] }))[0]?.[0]).toBe('steps[0].dueInHours');
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', steps: [{ code: 'family_contact', dueInHours: 9000 }] }))[0]).toEqual(['steps[0].dueInHours', 'too_big']);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', ownerId: 'me' }))).toEqual([['ownerId', 'bad_format']]);
    expect(problems(openUrgentSchema.safeParse({ kind: 'attack', extra: 1 }))).toEqual([['', 'unknown_field']]);
  });
});

describe('step changes', () => {
  it('take a deadline with its offset, kept as UTC', () => {
    expect(updateStepSchema.parse({ dueAt: '2026-03-02T08:00:00-06:00' })).toEqual({ dueAt: '2026-03-02T14:00:00.000Z' });
    expect(updateStepSchema.parse({ done: true, note: ' hecho ' })).toEqual({ done: true, note: 'hecho' });
    expect(updateStepSchema.parse({ dueAt: null })).toEqual({ dueAt: null });
  });

  it('refuse an empty change, a deadline without offset or out of range, and a non-custom new step', () => {
    expect(updateStepSchema.safeParse({}).success).toBe(false);
    expect(problems(updateStepSchema.safeParse({ dueAt: '2026-03-02T08:00' }))).toEqual([['dueAt', 'bad_format']]);
    expect(problems(updateStepSchema.safeParse({ dueAt: '1999-03-02T08:00:00Z' }))).toEqual([['dueAt', 'date_year_range']]);
    expect(problems(addStepSchema.safeParse({ code: 'alert_network', label: 'x' }))[0]?.[0]).toBe('code');
    expect(problems(addStepSchema.safeParse({ code: 'custom', label: 'dos\nlíneas' }))).toEqual([['label', 'single_line']]);
  });

  it('never throw on generated input', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      for (const s of [updateStepSchema, addStepSchema, openUrgentSchema, closeUrgentSchema, campaignSchema]) expect(() => s.safeParse(v)).not.toThrow();
    }));
  });
});

describe('closing and campaigns', () => {
  it('close with a known outcome and the version seen', () => {
    expect(closeUrgentSchema.parse({ outcome: 'released', version: 3 })).toEqual({ outcome: 'released', version: 3 });
    expect(problems(closeUrgentSchema.safeParse({ outcome: 'released' }))).toEqual([['version', 'required']]);
    expect(problems(closeUrgentSchema.safeParse({ outcome: 'won', version: 1 }))).toEqual([['outcome', 'not_allowed']]);
  });

  it('take partial dates, and refuse an end before the start or a date that is not real', () => {
    expect(campaignSchema.parse({ title: 'Libertad para R.', started: '2026-03', ended: '2026-03-20', actions: [{ kind: 'petition', date: '2026-03-05' }] }))
      .toEqual({ title: 'Libertad para R.', started: '2026-03', ended: '2026-03-20', actions: [{ kind: 'petition', date: '2026-03-05' }] });
    expect(campaignSchema.parse({ title: 'x' }).actions).toEqual([]);
    expect(problems(campaignSchema.safeParse({ title: 'x', started: '2026-04-02', ended: '2026-03' }))).toEqual([['ended', 'date_end_before_start']]);
    expect(problems(campaignSchema.safeParse({ title: 'x', actions: [{ kind: 'petition', date: '2026-02-30' }] }))).toEqual([['actions[0].date', 'date_not_real']]);
    expect(problems(campaignSchema.safeParse({ title: ' ', actions: [] }))).toEqual([['title', 'required']]);
    expect(CAMPAIGN_ACTION_KINDS).toContain('other');
  });
});
