/** Use cases parse their own input (the CLI, imports and the demo call them without HTTP in front). */
import type { ZodType } from 'zod';
import { zodFieldProblems } from '../domain/problems.js';
import { invalid } from './errors.js';

export function parseInput<T>(schema: ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(zodFieldProblems(r.error));
  return r.data;
}
