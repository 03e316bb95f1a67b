import { describe, it, expect } from 'vitest';
import { DEFAULT_PATTERN_SETTINGS, patternSettingsSchema } from './settings.js';

describe('pattern settings', () => {
  it('fills every default, the same as DEFAULT_PATTERN_SETTINGS', () => {
    expect(patternSettingsSchema.parse({})).toEqual(DEFAULT_PATTERN_SETTINGS);
    expect(DEFAULT_PATTERN_SETTINGS.escalation.stages.map((s) => s.name)).toEqual(['watching', 'threatening', 'attacking']);
  });

  it('keeps the defaults beside a value that is given', () => {
    const s = patternSettingsSchema.parse({ repeatedTargeting: { windowDays: 90 }, coPerpetrators: { level: 'country' } });
    expect(s.repeatedTargeting).toEqual({ minIncidents: 3, windowDays: 90 });
    expect(s.coPerpetrators).toEqual({ minIncidents: 3, level: 'country' });
    expect(s.escalation.minSteps).toBe(3);
  });

  it('parsing gives a copy of the default stages, never the shared array', () => {
    const s = patternSettingsSchema.parse({});
    s.escalation.stages[0]!.codes.push('threat');
    expect(DEFAULT_PATTERN_SETTINGS.escalation.stages[0]!.codes).toEqual(['surveillance']);
  });

  it('refuses thresholds out of bounds, fractions and unknown keys', () => {
    const bad: unknown[] = [
      { repeatedTargeting: { windowDays: 0 } },
      { crossBorder: { windowDays: 3651 } },
      { crossBorder: { windowDays: 30.5 } },
      { repeatedTargeting: { minIncidents: 1 } },
      { coPerpetrators: { minIncidents: 101 } },
      { coPerpetrators: { level: 'region' } },
      { escalation: { minSteps: 4 } },
      { escalation: { minSteps: 1 } },
      { escalation: { windowDays: 365, extra: true } },
      { other: 1 },
    ];
    for (const b of bad) expect(patternSettingsSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(patternSettingsSchema.safeParse({ crossBorder: { windowDays: 3650 }, repeatedTargeting: { minIncidents: 100, windowDays: 1 } }).success).toBe(true);
  });

  it('refuses stages that share a code, codes with dots, or fewer stages than minSteps', () => {
    const twice = patternSettingsSchema.safeParse({ escalation: { stages: [{ name: 'a', codes: ['threat'] }, { name: 'b', codes: ['shooting', 'threat'] }] } });
    expect(twice.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['escalation.stages.1.codes.1', 'threat is in more than one stage'],
      ['escalation.minSteps', 'needs at least 3 stages'],
    ]);
    expect(patternSettingsSchema.safeParse({ escalation: { minSteps: 2, stages: [{ name: 'a', codes: ['threat.death'] }, { name: 'b', codes: ['shooting'] }] } }).success).toBe(false);
    expect(patternSettingsSchema.safeParse({ escalation: { minSteps: 2, stages: [{ name: 'a', codes: ['threat'] }, { name: 'b', codes: ['shooting'] }] } }).success).toBe(true);
  });
});
