/** Server problems about people and hearings, worded and put on the form field they are about. */
import { t } from '../../../i18n/i18n';
import { localiseProblem, type Problems } from '../../../lib/problems';
import type { Problem } from '../../../api';
import { accProblemKey, fieldPath } from './words';

/** A problem the accompaniment server gives, in words; the rest as every form words them. */
export function accProblemText(p: Problem): string {
  const key = accProblemKey(p.code);
  return key ? t(key) : localiseProblem(p);
}

/** Server problems by form field, worded (one message once per field). */
export function accProblemMap(list: Problem[]): Problems {
  const map: Problems = new Map();
  for (const p of list) {
    const path = fieldPath(p.path);
    const msgs = map.get(path) ?? [];
    const text = accProblemText(p);
    if (!msgs.includes(text)) msgs.push(text);
    map.set(path, msgs);
  }
  return map;
}
