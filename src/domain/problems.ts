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
    let message = i.message;
    if (i.code === 'unrecognized_keys') message = `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (i.code === 'invalid_type') message = /received undefined/.test(i.message) ? 'is required' : `must be ${i.expected === 'object' ? 'an object' : i.expected === 'array' ? 'a list' : `a ${i.expected}`}`;
    else if (i.code === 'invalid_value') message = `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return { path: `${prefix}${formatPath(i.path)}`.replace(/\.$/, ''), message };
  });
}
