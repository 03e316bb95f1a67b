/**
 * Taps kept while the phone has no signal (tracking on the day): a driver at a port of entry at
 * 4 a.m. keeps tapping; each tap the server did not get waits here, in memory only (never in the
 * browser's storage: a seized phone holds nothing), with the moment it was made, and is sent in
 * the order made once the connection is back. A later tap for the same passenger and leg replaces
 * an unsent one (the latest is what the driver saw). The leg is shown with the unsent marks on it.
 */
import type { LegView, Mark } from './api';

export interface QueuedTap { legId: string; personId: string; ref: string; mark: Mark; at: string }

/** The queue with this tap last, and no earlier unsent tap for the same passenger and leg. */
export function enqueue(queue: readonly QueuedTap[], tap: QueuedTap): QueuedTap[] {
  return [...queue.filter((q) => q.legId !== tap.legId || q.personId !== tap.personId), tap];
}

/** The queue without this tap (sent, or refused by the server). */
export function dequeue(queue: readonly QueuedTap[], tap: QueuedTap): QueuedTap[] {
  return queue.filter((q) => q !== tap);
}

/** Whether a failed send should wait for the connection (no answer, or the server unavailable) rather than be dropped. */
export function waitsForConnection(status: number): boolean {
  return status === 0 || status >= 500;
}

/** Whether this passenger's mark on this leg is still unsent. */
export function isUnsent(queue: readonly QueuedTap[], legId: string, personId: string): boolean {
  return queue.some((q) => q.legId === legId && q.personId === personId);
}

/** The leg as the driver sees it: the server's marks, with the unsent taps on top. */
export function withUnsent(leg: LegView, queue: readonly QueuedTap[]): LegView {
  const mine = queue.filter((q) => q.legId === leg.id);
  if (!mine.length) return leg;
  return {
    ...leg,
    passengers: leg.passengers.map((p) => {
      const q = mine.find((x) => x.personId === p.personId);
      return q ? { ...p, mark: q.mark, markedAt: q.mark === 'pending' ? null : q.at } : p;
    }),
  };
}
