/**
 * What a client may send about urgent cases and campaigns (issue 6, ADR 0018). Free text — a
 * custom step's label, a step's note, a note, the closing note, a campaign's title and actions —
 * is bounded and checked here and sealed by the store.
 */
import { z } from 'zod';
import { line, text, uuid } from '../text.js';
import { earliestDay, latestDay, partialDateProblem, partialDateSchema } from '../dates.js';
import { MAX_DUE_HOURS, STEP_CODES, URGENT_KINDS, URGENT_OUTCOMES } from './checklist.js';
import { CAMPAIGN_ACTION_KINDS, CAMPAIGN_OUTCOMES, MAX_CAMPAIGN_ACTIONS } from './campaign.js';

export const STEP_LABEL_MAX = 200;
export const STEP_NOTE_MAX = 2000;
export const NOTE_MAX = 5000;
export const MAX_STEPS = 60;

/** A moment with its offset ("2026-05-01T14:05:00Z", "…-06:00"), kept as UTC ISO. */
export const instantSchema = z
  .string()
  .max(40, { message: 'must be a date and time with its offset (ISO 8601)' })
  .pipe(z.iso.datetime({ offset: true, message: 'must be a date and time with its offset (ISO 8601)' }))
  .refine((s) => {
    const y = new Date(s).getUTCFullYear();
    return y >= 2000 && y <= 2199;
  }, { message: 'must be between the years 2000 and 2199', params: { code: 'date_year_range' } })
  .transform((s) => new Date(s).toISOString());

const hours = z
  .number()
  .int({ message: 'must be a whole number of hours' })
  .min(0, { message: 'must be 0 or more hours' })
  .max(MAX_DUE_HOURS, { message: `must be at most ${MAX_DUE_HOURS} hours` });

export const openStepSchema = z
  .object({
    code: z.enum(STEP_CODES),
    /** omitted: the kind's default deadline for this step (none for a step not in the preset); null: no deadline */
    dueInHours: hours.nullable().optional(),
    /** a custom step's own words (sealed); only for 'custom' */
    label: line(STEP_LABEL_MAX, 1).optional(),
  })
  .strict();

export const openUrgentSchema = z
  .object({
    kind: z.enum(URGENT_KINDS),
    /** who answers for the case (default: whoever opens it) */
    ownerId: uuid.optional(),
    /** the checklist (default: the kind's preset) */
    steps: z.array(openStepSchema).max(MAX_STEPS).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.steps?.forEach((s, i) => {
      if (s.code === 'custom' && s.label === undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'label'], message: 'is required', params: { code: 'required' } });
      if (s.code !== 'custom' && s.label !== undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'label'], message: 'only a step of your own has a label', params: { code: 'not_allowed' } });
      if (s.code !== 'custom' && seen.has(s.code)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'code'], message: 'is already in the checklist', params: { code: 'duplicate_step' } });
      seen.add(s.code);
    });
  });
export type OpenUrgentInput = z.input<typeof openUrgentSchema>;
export type OpenUrgentDraft = z.output<typeof openUrgentSchema>;

export const addStepSchema = z
  .object({
    code: z.literal('custom', { message: 'must be "custom"' }),
    label: line(STEP_LABEL_MAX, 1),
    dueAt: instantSchema.nullable().optional(),
  })
  .strict();
export type AddStepInput = z.input<typeof addStepSchema>;

export const updateStepSchema = z
  .object({
    done: z.boolean().optional(),
    /** null or empty: no note */
    note: text(STEP_NOTE_MAX).nullable().optional(),
    /** null: no deadline */
    dueAt: instantSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => v.done !== undefined || v.note !== undefined || v.dueAt !== undefined, { message: 'send done, note or dueAt', params: { code: 'required' } });
export type UpdateStepInput = z.input<typeof updateStepSchema>;

export const addNoteSchema = z.object({ body: text(NOTE_MAX, 1) }).strict();
export type AddNoteInput = z.input<typeof addNoteSchema>;

export const changeOwnerSchema = z.object({ ownerId: uuid }).strict();
export type ChangeOwnerInput = z.input<typeof changeOwnerSchema>;

const version = z.number().int({ message: 'must be a version number' }).min(1, { message: 'must be a version number' }).max(Number.MAX_SAFE_INTEGER, { message: 'must be a version number' });

export const closeUrgentSchema = z
  .object({
    outcome: z.enum(URGENT_OUTCOMES),
    note: text(NOTE_MAX).optional(),
    /** the case's version as the closer saw it: a stale one is refused */
    version,
  })
  .strict();
export type CloseUrgentInput = z.input<typeof closeUrgentSchema>;

export const campaignActionSchema = z
  .object({
    date: partialDateSchema.optional(),
    kind: z.enum(CAMPAIGN_ACTION_KINDS),
    description: text(STEP_NOTE_MAX).optional(),
  })
  .strict();

const campaignFields = {
  title: line(STEP_LABEL_MAX, 1),
  started: partialDateSchema.optional(),
  ended: partialDateSchema.optional(),
  outcome: z.enum(CAMPAIGN_OUTCOMES).optional(),
  actions: z.array(campaignActionSchema).max(MAX_CAMPAIGN_ACTIONS).default([]),
};

function endNotBeforeStart(v: { started?: string | undefined; ended?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.started && v.ended && partialDateProblem(v.started) === null && partialDateProblem(v.ended) === null && latestDay(v.ended) < earliestDay(v.started))
    ctx.addIssue({ code: 'custom', path: ['ended'], message: 'end is before start', params: { code: 'date_end_before_start' } });
}

export const campaignSchema = z.object(campaignFields).strict().superRefine(endNotBeforeStart);
export type CampaignInput = z.input<typeof campaignSchema>;
export type CampaignDraft = z.output<typeof campaignSchema>;

export const campaignUpdateSchema = z.object({ ...campaignFields, version }).strict().superRefine(endNotBeforeStart);
export type CampaignUpdateInput = z.input<typeof campaignUpdateSchema>;
