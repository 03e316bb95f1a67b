/**
 * The organisation's accompaniment figures for a period (issue 9 §6): exact inside the
 * organisation (`accompaniment.read`), as the dashboard's counts are; the report uses the published
 * form (below k blank). Places come back as codes, their labels from the places list.
 */
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { parseInput } from '../../validate.js';
import { forbidden, invalid } from '../../errors.js';
import { can } from '../../../domain/user/roles.js';
import { countFigures, type AccompanimentFigures } from '../../../domain/accompaniment/figures.js';
import { accompanimentFacts } from '../../../store/repositories/accompaniment-figure-facts.js';

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
export const figuresQuerySchema = z.object({ from: day, to: day }).strict();
/** a period longer than this is refused (a decade of weekly runs is still small; this bounds a request) */
export const MAX_FIGURE_DAYS = 3_700;

export async function accompanimentFigures(ctx: ServiceContext, raw: unknown): Promise<AccompanimentFigures & { from: string; to: string }> {
  if (!can(ctx.user.role, 'accompaniment.read')) throw forbidden();
  const q = parseInput(figuresQuerySchema, raw);
  if (q.to < q.from) throw invalid([{ path: 'to', message: 'must not be before from', code: 'to_before_from' }]);
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_FIGURE_DAYS) throw invalid([{ path: 'to', message: `the period may be at most ${MAX_FIGURE_DAYS} days`, code: 'period_too_long' }]);
  const facts = await accompanimentFacts(ctx.store.db, ctx.user.orgId, q.from, q.to);
  return { from: q.from, to: q.to, ...countFigures(facts.attendance, facts.rides) };
}
