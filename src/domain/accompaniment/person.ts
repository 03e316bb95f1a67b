/**
 * An accompanied person (ADR 0024): a pseudonym shown everywhere; their identity — names, case and
 * registration numbers, date of birth, phones and messaging, documents — sealed as one value and
 * shown only to people who may read identifying data (each look audited); nationality, languages,
 * age group, needs and family link plain, because the day and week views count them.
 */
import { z } from 'zod';
import { countryCode, line, text, uuid } from '../text.js';

export const PSEUDONYM_MAX = 80;
export const ACCOMPANIED_REF = 'ACP';
export const FAMILY_REF = 'FAM';

export const NEEDS = ['medical', 'pregnancy', 'disability', 'wheelchair', 'interpreter', 'infant', 'unaccompanied_minor', 'mental_health', 'dietary'] as const;
export type Need = (typeof NEEDS)[number];
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const FAMILY_ROLES = ['head', 'partner', 'child', 'parent', 'sibling', 'relative', 'other'] as const;
/** the languages reminders are written in (the others are listed, and reminded in Spanish unless chosen) */
export const REMINDER_LANGS = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type ReminderLang = (typeof REMINDER_LANGS)[number];
/** ISO 639-1/639-3 codes, lower case: 'es', 'ht', 'quc' (K'iche'), 'mam' … */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, { message: 'must be a language code (ISO 639)' });
export const accompaniedRef = (n: number) => `${ACCOMPANIED_REF}-${String(n).padStart(4, '0')}`;
export const familyRef = (n: number) => `${FAMILY_REF}-${String(n).padStart(4, '0')}`;

/** The sealed part: every field identifies the person. */
export const identitySchema = z
  .object({
    names: line(200).optional(),
    /** A-number, EOIR case number … */
    caseNumbers: z.array(line(60, 1)).max(10).optional(),
    /** registration numbers: CURP, FMM, humanitarian visa, CBP One confirmation … */
    registrationNumbers: z.array(line(60, 1)).max(10).optional(),
    dateOfBirth: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
    phones: z.array(line(40, 1)).max(5).optional(),
    /** WhatsApp, Signal … handles */
    messaging: z.array(line(120, 1)).max(5).optional(),
    /** which documents they hold and where the originals are */
    documents: text(2000).optional(),
  })
  .strict();
export type Identity = z.infer<typeof identitySchema>;

export const accompaniedInputSchema = z
  .object({
    pseudonym: line(PSEUDONYM_MAX, 1),
    /** an existing family, or a new one by its label (a pseudonym for the family) */
    familyId: uuid.nullable().optional(),
    newFamily: line(PSEUDONYM_MAX, 1).optional(),
    familyRole: z.enum(FAMILY_ROLES).nullable().optional(),
    nationality: countryCode.nullable().optional(),
    languages: z.array(languageCode).max(8).default([]),
    ageGroup: z.enum(AGE_GROUPS).default('unknown'),
    needs: z.array(z.enum(NEEDS)).max(NEEDS.length).default([]),
    /** sealed */
    needsNote: text(2000).optional(),
    /** the shelter (an organisation in the people list) where they stay now; shown at its public precision */
    stayingAt: uuid.nullable().optional(),
    reminderLang: z.enum(REMINDER_LANGS).default('es'),
    identity: identitySchema.optional(),
    status: z.enum(['active', 'closed']).default('active'),
  })
  .strict()
  .refine((x) => !(x.familyId && x.newFamily), { path: ['newFamily'], message: 'give a family or a new family, not both', params: { code: 'family_twice' } });
export type AccompaniedInput = z.input<typeof accompaniedInputSchema>;
export type AccompaniedParsed = z.output<typeof accompaniedInputSchema>;

/** What PUT /people/:id takes: a person and the version it was read at. An omitted identity or needs note keeps the stored one. */
export const accompaniedUpdateSchema = accompaniedInputSchema.safeExtend({ version: z.number().int().min(1) });
export const peopleSearchSchema = z
  .object({
    q: line(80).optional(),
    status: z.enum(['active', 'closed']).optional(),
    familyId: uuid.optional(),
  })
  .strict();
/** people a search lists at most */
export const PEOPLE_SEARCH_LIMIT = 200;
export const IDENTITY_FIELDS = ['names', 'caseNumbers', 'registrationNumbers', 'dateOfBirth', 'phones', 'messaging', 'documents'] as const;

/** Which identity fields hold something (never their values). */
export function filledIdentityFields(identity: Identity | null | undefined): string[] {
  if (!identity) return [];
  return IDENTITY_FIELDS.filter((f) => {
    const v = identity[f];
    return Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.trim() !== '';
  });
}

export interface PersonSummary {
  id: string; ref: string; pseudonym: string; familyId: string | null; familyLabel: string | null; familyRole: string | null;
  ageGroup: 'child' | 'adult' | 'unknown'; needs: Need[]; languages: string[]; nationality: string | null; status: 'active' | 'closed';
  nextHearing: { id: string; ref: string; startsAt: string; zone: string; court: string } | null;
}
export interface PersonView<H = unknown> extends PersonSummary {
  reminderLang: ReminderLang;
  stayingAt: { id: string; pseudonym: string; state: string | null; locality: string | null; country: string | null } | null;
  hasIdentity: boolean; identityFields: string[]; hasNeedsNote: boolean; hearings: H[]; version: number; createdAt: string; updatedAt: string;
}
