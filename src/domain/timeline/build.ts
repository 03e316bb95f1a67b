/**
 * Builds a timeline: items in date order (newest first by default), grouped by year with counts,
 * undated items last. A partial date sorts by the first day it can mean ("2019" as 2019-01-01),
 * then by the last day ("2019-01-01" before "2019-01" before "2019"), then incidents before
 * interventions before measures, then by key; items equal in all of that keep their input order.
 * Newest first is exactly the reverse of oldest first (for distinct keys).
 */
import { earliestDay, latestDay } from '../dates.js';
import { ITEM_TYPES, type Timeline, type TimelineItem, type TimelineItemType, type TimelineOrder, type TimelineYear } from './item.js';

const RANK: Record<TimelineItemType, number> = { incident: 0, intervention: 1, measure: 2 };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
  item: TimelineItem;
  from: string;
  to: string;
}

function keyed(item: TimelineItem): Keyed | null {
  if (!item.date) return null;
  return { item, from: earliestDay(item.date.start), to: latestDay(item.date.end ?? item.date.start) };
}

/** Oldest first: first day, last day, type, key. 0 only for items with the same key and dates. */
function compareAscending(a: Keyed, b: Keyed): number {
  return cmp(a.from, b.from) || cmp(a.to, b.to) || RANK[a.item.type] - RANK[b.item.type] || cmp(a.item.key, b.item.key);
}

function compareUndated(a: TimelineItem, b: TimelineItem): number {
  return RANK[a.type] - RANK[b.type] || cmp(a.key, b.key);
}

/** The year an item is filed under: the year its date starts. */
export function yearOf(item: TimelineItem): string | null {
  return item.date ? item.date.start.slice(0, 4) : null;
}

function emptyCounts(): Record<TimelineItemType, number> {
  return Object.fromEntries(ITEM_TYPES.map((t) => [t, 0])) as Record<TimelineItemType, number>;
}

export function buildTimeline(items: readonly TimelineItem[], order: TimelineOrder = 'desc'): Timeline {
  const dated: Keyed[] = [];
  const undated: TimelineItem[] = [];
  for (const item of items) {
    const k = keyed(item);
    if (k) dated.push(k);
    else undated.push(item);
  }
  // Array.prototype.sort is stable: items comparing equal keep their input order in both directions
  dated.sort(order === 'asc' ? compareAscending : (a, b) => compareAscending(b, a));
  undated.sort(compareUndated);
  const years: TimelineYear[] = [];
  for (const { item } of dated) {
    const year = yearOf(item)!;
    let last = years[years.length - 1];
    if (!last || last.year !== year) years.push((last = { year, count: 0, counts: emptyCounts(), items: [] }));
    last.items.push(item);
    last.count++;
    last.counts[item.type]++;
  }
  return { order, total: items.length, years, undated };
}

/** Every item of a timeline, in its order (years, then undated). */
export function flatten(t: Timeline): TimelineItem[] {
  return [...t.years.flatMap((y) => y.items), ...t.undated];
}
