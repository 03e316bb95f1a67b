/** A failed request in place: the app's wording of the error; problems about a field go to that field. */
import { Alert } from '../../components/ui';
import { ApiError } from '../../api';
import { errorText, localiseProblem } from '../../lib/problems';
import { t } from '../../i18n/i18n';

export type FieldErrors = Record<string, string[] | undefined>;

/** The server's problems at the given fields, worded ("to is before from" has no code of its own). */
export function fieldErrors(error: unknown, fields: string[]): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const p of error.problems) {
    if (!fields.includes(p.path)) continue;
    (out[p.path] ??= []).push(localiseProblem(p, p.path === 'to' || p.path === 'until' ? t('problem.endBeforeStart') : undefined));
  }
  return out;
}

export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert kind="error">{errorText(error)}</Alert>;
}
