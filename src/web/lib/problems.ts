/**
 * Field problems from the server ({path, message}, e.g. "acts[0].kind") shown next to their
 * field, in the reader's language where we recognise the message; general errors in words.
 */
import { t } from '../i18n/i18n';
import { ApiError, type Problem } from '../api';

export type Problems = Map<string, string[]>;

export function localiseProblem(message: string): string {
  let m: RegExpMatchArray | null;
  if (message === 'is required') return t('problem.required');
  if ((m = message.match(/^must have at most (\d+) characters$/))) return t('problem.tooLong', { max: Number(m[1]) });
  if ((m = message.match(/^must have at least (\d+) characters$/))) return t('problem.tooShort', { min: Number(m[1]) });
  if (message === 'must be an e-mail address') return t('problem.email');
  if (message === 'must be a single line') return t('problem.singleLine');
  if (message === 'contains control characters') return t('problem.control');
  if (message === 'use YYYY, YYYY-MM or YYYY-MM-DD' || /has no month|is not a real date/.test(message)) return t('problem.date');
  if (message === 'year must be between 1900 and 2100') return t('problem.year');
  if (message === 'end is before start' || message === 'is before from') return t('problem.endBeforeStart');
  if (/is retired in vocabulary/.test(message)) return t('problem.retired');
  if (/^unknown (code|country|state|crossing)/.test(message) || / is not in [A-Z]{2}$/.test(message)) return t('problem.unknownCode');
  if (message === 'an account with this e-mail already exists') return t('problem.emailTaken');
  if (message === 'the current password is not right') return t('problem.currentPassword');
  if (message === 'choose a new password') return t('problem.samePassword');
  if (message === 'cannot change between person and organisation') return t('problem.kindChange');
  return message;
}

export function problemMap(list: Problem[]): Problems {
  const map: Problems = new Map();
  for (const p of list) {
    const msgs = map.get(p.path) ?? [];
    msgs.push(localiseProblem(p.message));
    map.set(p.path, msgs);
  }
  return map;
}

/** A sentence for an error that is not about one field. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return t('error.unexpected');
  switch (e.code) {
    case 'network': return t('error.network');
    case 'sealed': return t('error.sealed');
    case 'forbidden': return t('error.forbidden');
    case 'conflict': return t('error.conflict');
    case 'rate_limited': return t('error.rateLimited');
    case 'not_found': return t('error.notFound');
    case 'csrf': return t('error.csrf');
    case 'too_large': return t('error.tooLarge');
    case 'bad_credentials': return t('error.badCredentials');
    case 'wrong_secret': return t('error.wrongSecret');
    case 'invalid': return t('error.invalid');
    case 'unauthorised': return t('error.signedOut');
    case 'password_change_required': return t('error.passwordChange');
    default: return e.status >= 500 ? t('error.server') : e.message || t('error.unexpected');
  }
}

/** Form field ids from problem paths: "acts[0].kind" → "f-acts-0-kind". */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}
