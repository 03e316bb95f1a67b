/**
 * The protection bodies an urgent appeal can be addressed to (issue 6, ADR 0018), the languages of
 * the letters and the ways a letter is sent or answered. Plain constants with no imports, so the web
 * app can offer the same lists.
 */

export const PROTECTION_BODIES = ['mx_mechanism', 'iachr', 'un_special_procedures', 'consulate', 'national_human_rights_commission', 'other'] as const;
export type ProtectionBody = (typeof PROTECTION_BODIES)[number];

export const APPEAL_LANGS = ['es', 'en'] as const;
export type AppealLang = (typeof APPEAL_LANGS)[number];

/** How a letter left the organisation. */
export const SEND_CHANNELS = ['email', 'post', 'online_form', 'in_person', 'fax', 'other'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

/** How the body answered (a call is a common way for the Mechanism to answer). */
export const ANSWER_CHANNELS = ['email', 'post', 'online_form', 'in_person', 'fax', 'phone', 'other'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** The longest letter kept (characters). */
export const MAX_LETTER = 50_000;
/** The longest note on an answer (characters). */
export const MAX_ANSWER_NOTE = 5_000;

/** The file a letter is downloaded as, by its language: fixed, never a name or a reference. */
export const APPEAL_PDF_NAMES: Record<AppealLang, string> = { es: 'apelacion-urgente.pdf', en: 'urgent-appeal.pdf' };

export function isProtectionBody(x: string): x is ProtectionBody {
  return (PROTECTION_BODIES as readonly string[]).includes(x);
}
