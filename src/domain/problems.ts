/** Turns zod issues into field problems whose paths read like "acts[0].kind". */
import type { ZodError } from 'zod';
import type { FieldProblem } from './incident/check-codes.js';

export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

export function zodFieldProblems(err: ZodError, prefix = ''): FieldProblem[] {
  return err.issues.map((i) => {
    const path = `${prefix}${formatPath(i.path)}`.replace(/\.$/, '');
    switch (i.code) {
      case 'unrecognized_keys':
        return { path, message: `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`, code: 'unknown_field', params: { keys: i.keys.join(', ') } };
      case 'invalid_type':
        if (/received undefined/.test(i.message)) return { path, message: 'is required', code: 'required' };
        return { path, message: `must be ${i.expected === 'object' ? 'an object' : i.expected === 'array' ? 'a list' : `a ${i.expected}`}`, code: 'wrong_type', params: { expected: i.expected } };
      case 'invalid_value':
        return { path, message: `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`, code: 'not_allowed', params: { values: i.values.map(String).join(', ') } };
      case 'too_small':
        if (i.origin === 'string' && Number(i.minimum) <= 1) return { path, message: 'is required', code: 'required' };
        return { path, message: i.message, code: i.origin === 'string' ? 'too_short' : i.origin === 'array' ? 'too_few' : 'too_small', params: { min: Number(i.minimum) } };
      case 'too_big':
        return { path, message: i.message, code: i.origin === 'string' ? 'too_long' : i.origin === 'array' ? 'too_many' : 'too_big', params: { max: Number(i.maximum) } };
      case 'invalid_format':
        return { path, message: i.message, code: 'bad_format', params: { format: i.format } };
      case 'custom': {
        const params = (i.params ?? {}) as Record<string, string | number>;
        const { code, ...rest } = params;
        return { path, message: i.message, code: typeof code === 'string' ? code : 'invalid', ...(Object.keys(rest).length ? { params: rest } : {}) };
      }
      default:
        return { path, message: i.message, code: 'invalid' };
    }
  });
}
