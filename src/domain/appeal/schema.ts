/** What a client sends to draft, edit, and record the sending and answer of an urgent appeal (ADR 0018). */
import { z } from 'zod';
import { text } from '../text.js';
import { partialDateIssue } from '../dates.js';
import { ANSWER_CHANNELS, APPEAL_LANGS, MAX_ANSWER_NOTE, MAX_LETTER, PROTECTION_BODIES, SEND_CHANNELS } from './bodies.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A day ("2026-03-05") or a moment with its offset ("2026-03-05T14:30:00-06:00", kept as UTC). */
export const dayOrMoment = z.string().max(40).transform((v, ctx) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const issue = partialDateIssue(v);
    if (!issue) return v;
    ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code } });
    return z.NEVER;
  }
  const m = DATE_TIME.exec(v);
  const t = m ? Date.parse(v) : NaN;
  if (!m || partialDateIssue(m[1]!) || Number.isNaN(t)) {
    ctx.addIssue({ code: 'custom', message: 'use a date (YYYY-MM-DD) or a date and time with its offset', params: { code: 'date_format' } });
    return z.NEVER;
  }
  return new Date(t).toISOString();
});

export const appealDraftSchema = z
  .object({
    body: z.enum(PROTECTION_BODIES),
    lang: z.enum(APPEAL_LANGS),
  })
  .strict();
export type AppealDraftInput = z.infer<typeof appealDraftSchema>;

export const appealLetterSchema = z
  .object({
    letter: text(MAX_LETTER, 1),
    version: z.number().int().min(1).max(1_000_000),
  })
  .strict();
export type AppealLetterInput = z.infer<typeof appealLetterSchema>;

export const appealSentSchema = z
  .object({
    sentAt: dayOrMoment,
    sentHow: z.enum(SEND_CHANNELS),
    /** the version read; a newer one is refused (409) */
    version: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type AppealSentInput = z.input<typeof appealSentSchema>;

export const appealAnswerSchema = z
  .object({
    answeredAt: dayOrMoment,
    answerHow: z.enum(ANSWER_CHANNELS),
    note: text(MAX_ANSWER_NOTE).optional(),
    version: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type AppealAnswerInput = z.input<typeof appealAnswerSchema>;

/** The day a recorded day or moment falls on (UTC), for comparing with other days. */
export function dayOf(v: string): string {
  return v.slice(0, 10);
}
