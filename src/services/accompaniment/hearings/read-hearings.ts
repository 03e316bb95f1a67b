/**
 * Reading hearings: one hearing; a search by start day at each court's own zone (at most 92 days;
 * the instant range is widened by a day either side, then each hearing's local day decides); the
 * audited look at a hearing's representative and notes (identifying.read).
 */
import type { ServiceContext } from '../../context.js';
import { requirePermission } from '../../context.js';
import { parseInput } from '../../validate.js';
import { invalid, notFound } from '../../errors.js';
import { HEARING_SEARCH_DAYS, hearingSearchSchema, type HearingSummary, type HearingView } from '../../../domain/accompaniment/hearing.js';
import { localDay } from '../../../domain/accompaniment/time.js';
import { ownRecord, requireAccompaniment } from '../org-scope.js';
import { hearingSummaries, hearingView } from './hearing-view.js';

export async function readHearing(ctx: ServiceContext, id: string): Promise<HearingView> {
  requireAccompaniment(ctx, false);
  return hearingView(ctx.store, ownRecord(ctx, await ctx.store.accompaniment.hearing(id), 'hearing'));
}

const DAY_MS = 86_400_000;

export async function searchHearings(ctx: ServiceContext, raw: unknown): Promise<{ items: HearingSummary[] }> {
  requireAccompaniment(ctx, false);
  const input = parseInput(hearingSearchSchema, raw);
  const from = Date.parse(`${input.from}T00:00:00Z`);
  const to = Date.parse(`${input.to}T00:00:00Z`);
  if (to < from) throw invalid([{ path: 'to', message: 'is before from', code: 'range_reversed' }]);
  if ((to - from) / DAY_MS + 1 > HEARING_SEARCH_DAYS) throw invalid([{ path: 'to', message: `a search covers at most ${HEARING_SEARCH_DAYS} days`, code: 'range_too_long', params: { max: HEARING_SEARCH_DAYS } }]);
  const rows = await ctx.store.accompaniment.hearingsBetween(ctx.user.orgId, new Date(from - DAY_MS).toISOString(), new Date(to + 2 * DAY_MS).toISOString(), { status: input.status, personId: input.personId });
  const inRange = rows.filter((h) => {
    const d = localDay(h.startsAt, h.zone);
    return d >= input.from && d <= input.to;
  });
  return { items: await hearingSummaries(ctx.store, inRange) };
}

export async function openHearingSealed(ctx: ServiceContext, id: string): Promise<{ representative: string | null; notes: string | null }> {
  requireAccompaniment(ctx, false);
  requirePermission(ctx, 'identifying.read');
  return ctx.store.transaction(async (tx) => {
    ownRecord(ctx, await tx.accompaniment.hearing(id), 'hearing');
    const opened = await tx.accompaniment.openHearing(id);
    if (!opened) throw notFound('hearing');
    await tx.audit.add({ at: ctx.now(), userId: ctx.user.id, action: 'hearing.sealed_read', targetType: 'hearing', targetId: id });
    return opened;
  });
}
