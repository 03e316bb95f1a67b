/**
 * Thresholds for the pattern detectors, with their defaults and the zod schema a workspace's saved
 * settings are checked against. Every detector also accepts these as options, so tests and callers
 * can override one value and keep the rest.
 */
import { z } from 'zod';

const windowDays = z.number().int().min(1).max(3650);
const minIncidents = z.number().int().min(2).max(100);
/** a top-level act code ('threat', 'shelter_entry'): stages are matched on the first segment only */
const topLevelCode = z.string().regex(/^[a-z0-9_]+$/, { message: 'must be a top-level act code (no dots)' });

export const escalationStageSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    codes: z.array(topLevelCode).min(1).max(40),
  })
  .strict();
export type EscalationStage = z.output<typeof escalationStageSchema>;

/** Stage 1 watching, 2 threatening, 3 attacking: the usual course of an escalating campaign. */
export const DEFAULT_ESCALATION_STAGES: readonly EscalationStage[] = [
  { name: 'watching', codes: ['surveillance'] },
  { name: 'threatening', codes: ['threat', 'harassment', 'defamation', 'gendered_abuse', 'criminal_pressure'] },
  {
    name: 'attacking',
    codes: ['shelter_entry', 'physical_assault', 'shooting', 'killing', 'kidnapping', 'disappearance', 'sexual_violence', 'detention', 'criminalisation'],
  },
];

const escalationSettingsSchema = z
  .object({
    windowDays: windowDays.default(365),
    minSteps: z.number().int().min(2).max(3).default(3),
    // a fresh copy each time, so nobody can change the shared defaults through a parsed result
    stages: z
      .array(escalationStageSchema)
      .min(2)
      .max(10)
      .default(() => DEFAULT_ESCALATION_STAGES.map((s) => ({ name: s.name, codes: [...s.codes] }))),
  })
  .strict()
  .superRefine((v, ctx) => {
    // an act's stage must be unambiguous, and a chain of minSteps stages must be possible at all
    const seen = new Set<string>();
    v.stages.forEach((stage, i) =>
      stage.codes.forEach((code, j) => {
        if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'codes', j], message: `${code} is in more than one stage` });
        seen.add(code);
      }),
    );
    if (v.stages.length < v.minSteps) ctx.addIssue({ code: 'custom', path: ['minSteps'], message: `needs at least ${v.minSteps} stages` });
  });

export const patternSettingsSchema = z
  .object({
    repeatedTargeting: z.object({ minIncidents: minIncidents.default(3), windowDays: windowDays.default(365) }).strict().prefault({}),
    escalation: escalationSettingsSchema.prefault({}),
    crossBorder: z.object({ windowDays: windowDays.default(365) }).strict().prefault({}),
    coPerpetrators: z
      .object({ minIncidents: minIncidents.default(3), level: z.enum(['institution', 'country']).default('institution') })
      .strict()
      .prefault({}),
  })
  .strict();
export type PatternSettings = z.output<typeof patternSettingsSchema>;

export type RepeatedTargetingSettings = PatternSettings['repeatedTargeting'];
export type EscalationSettings = Omit<PatternSettings['escalation'], 'stages'> & { stages: readonly EscalationStage[] };
export type CrossBorderSettings = PatternSettings['crossBorder'];
export type CoPerpetratorsSettings = PatternSettings['coPerpetrators'];

/** The defaults, written out (settings.test.ts checks the schema gives the same for `{}`). */
export const DEFAULT_PATTERN_SETTINGS: {
  repeatedTargeting: RepeatedTargetingSettings;
  escalation: EscalationSettings;
  crossBorder: CrossBorderSettings;
  coPerpetrators: CoPerpetratorsSettings;
} = {
  repeatedTargeting: { minIncidents: 3, windowDays: 365 },
  escalation: { windowDays: 365, minSteps: 3, stages: DEFAULT_ESCALATION_STAGES },
  crossBorder: { windowDays: 365 },
  coPerpetrators: { minIncidents: 3, level: 'institution' },
};
