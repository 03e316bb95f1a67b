/**
 * Field problems from the server ({path, message, code, params}, e.g. "acts[0].kind") shown next
 * to their field, worded in the reader's language from their `code`; the server's English
 * `message` is the last resort. General errors in words.
 */
import { t } from '../i18n/i18n';
import { ApiError, type Problem } from '../api';
import { getState } from '../state';
import { countryName } from './format';

export type Problems = Map<string, string[]>;

/**
 * One problem in words. `fallback` is what the form knows a problem without a code at that path
 * means (e.g. the change-password form's "current" field).
 */
export function localiseProblem(p: Problem, fallback?: string): string {
  const n = (k: string) => Number(p.params?.[k] ?? 0);
  const country = () => countryName(getState().places, String(p.params?.['country'] ?? ''));
  switch (p.code) {
    case 'required': return t('problem.required');
    case 'wrong_type': return t('problem.wrongType');
    case 'not_allowed': return p.params?.['values'] !== undefined ? t('problem.notAllowedValue') : t('problem.notAllowed');
    case 'too_short': return t('problem.tooShort', { min: n('min') });
    case 'too_long': return t('problem.tooLong', { max: n('max') });
    case 'too_few': return t('problem.tooFew', { min: n('min') });
    case 'too_many': return t('problem.tooMany', { max: n('max') });
    case 'too_small': return t('problem.tooSmall', { min: n('min') });
    case 'too_big': return t('problem.tooBig', { max: n('max') });
    case 'bad_format': return /(^|\.)email$/.test(p.path) || p.params?.['format'] === 'email' ? t('problem.email') : t('problem.badFormat');
    case 'unknown_field': return t('problem.unknownField', { keys: String(p.params?.['keys'] ?? '') });
    case 'control_characters': return t('problem.control');
    case 'single_line': return t('problem.singleLine');
    case 'date_format': return t('problem.dateFormat');
    case 'date_year_range': return t('problem.year');
    case 'date_not_real': return t('problem.date');
    case 'date_end_before_start': return t('problem.endBeforeStart');
    case 'lat_lon_pair': return t('problem.latLonPair');
    case 'address_or_point': return t('problem.addressOrPoint');
    case 'actor_or_actor_id': return t('problem.actorOrActorId');
    case 'unknown_code':
    case 'unknown_country':
    case 'unknown_state':
    case 'unknown_crossing': return t('problem.unknownCode');
    case 'retired_code': return t('problem.retired');
    case 'state_not_in_country': return t('problem.stateNotInCountry', { country: country() });
    case 'crossing_not_in_country': return t('problem.crossingNotInCountry', { country: country() });
    case 'duplicate_key': return t('problem.duplicateVictim');
    case 'unknown_victim': return t('problem.unknownVictim');
    case 'not_part_of_record': return t('problem.notPartOfRecord');
    case 'no_such_actor': return t('problem.noSuchActor');
    case 'kind_fixed': return t('problem.kindChange');
    case 'not_identifying': return t('problem.notIdentifying');
    // account forms (codes asked of the server; until then the forms' fallbacks word them)
    case 'wrong_password': return t('problem.currentPassword');
    case 'same_password': return t('problem.samePassword');
    case 'email_taken': return t('problem.emailTaken');
    case 'wrong_code': return t('security.wrongCode');
    case 'code_required': return t('problem.required');
    case 'invalid': return fallback ?? t('problem.invalid');
    default: return fallback ?? p.message;
  }
}

/** Problems by path, worded; `fallbacks` word code-less problems at known paths of this form. */
export function problemMap(list: Problem[], fallbacks: Record<string, string> = {}): Problems {
  const map: Problems = new Map();
  for (const p of list) {
    const msgs = map.get(p.path) ?? [];
    msgs.push(localiseProblem(p, fallbacks[p.path]));
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
    case 'second_factor_required': return t('error.secondFactorRequired');
    case 'reauth_required': return t('error.reauthRequired');
    case 'bad_code': return t('security.wrongCode');
    default: return e.status >= 500 ? t('error.server') : e.message || t('error.unexpected');
  }
}

/** Form field ids from problem paths: "acts[0].kind" → "f-acts-0-kind". */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}
