/** Taps kept without signal: the latest per passenger and leg, sent in order, shown on the leg. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dequeue, enqueue, isUnsent, waitsForConnection, withUnsent, type QueuedTap } from './tap-queue';
import type { LegView, Mark } from './api';

const tap = (legId: string, personId: string, mark: Mark, at = '2027-03-14T11:55:00.000Z'): QueuedTap => ({ legId, personId, ref: `ACP-${personId}`, mark, at });
const leg = (id: string, marks: [string, Mark][]) => ({ id, passengers: marks.map(([personId, mark]) => ({ personId, mark, markedAt: null })) }) as unknown as LegView;

describe('the unsent taps', () => {
  it('keep the latest tap per passenger and leg, in the order made', () => {
    let q = enqueue([], tap('L1', 'a', 'picked_up'));
    q = enqueue(q, tap('L1', 'b', 'picked_up'));
    q = enqueue(q, tap('L2', 'a', 'arrived'));
    q = enqueue(q, tap('L1', 'a', 'missed', '2027-03-14T11:58:00.000Z'));
    expect(q.map((t) => [t.legId, t.personId, t.mark])).toEqual([['L1', 'b', 'picked_up'], ['L2', 'a', 'arrived'], ['L1', 'a', 'missed']]);
    expect(isUnsent(q, 'L1', 'a')).toBe(true);
    expect(isUnsent(q, 'L2', 'b')).toBe(false);
    expect(dequeue(q, q[0]!).map((t) => t.personId)).toEqual(['a', 'a']);
  });

  it('wait for the connection when nothing answered or the server was unavailable, and not when the server refused', () => {
    expect([0, 500, 502, 503].map(waitsForConnection)).toEqual([true, true, true, true]);
    expect([400, 403, 404, 409, 429].map(waitsForConnection)).toEqual([false, false, false, false, false]);
  });

  it('show on the leg with the time they were made; an undo shows no time', () => {
    const shown = withUnsent(leg('L1', [['a', 'pending'], ['b', 'picked_up']]), [tap('L1', 'a', 'picked_up', '2027-03-14T11:50:00.000Z'), tap('L1', 'b', 'pending'), tap('L2', 'a', 'missed')]);
    expect(shown.passengers.map((p) => [p.personId, p.mark, p.markedAt])).toEqual([['a', 'picked_up', '2027-03-14T11:50:00.000Z'], ['b', 'pending', null]]);
  });

  it('hold at most one tap per passenger and leg, the last one made (property)', () => {
    const arb = fc.array(fc.record({ legId: fc.constantFrom('L1', 'L2'), personId: fc.constantFrom('a', 'b', 'c'), mark: fc.constantFrom<Mark>('picked_up', 'arrived', 'missed', 'pending') }), { maxLength: 30 });
    fc.assert(fc.property(arb, (taps) => {
      const q = taps.reduce<QueuedTap[]>((acc, t, i) => enqueue(acc, tap(t.legId, t.personId, t.mark, new Date(Date.UTC(2027, 2, 14, 11, 0, i)).toISOString())), []);
      const keys = q.map((t) => `${t.legId}|${t.personId}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const t of q) {
        const last = taps.map((x, i) => ({ ...x, i })).filter((x) => x.legId === t.legId && x.personId === t.personId).at(-1)!;
        expect(t.mark).toBe(last.mark);
      }
      // in the order their last taps were made
      const order = q.map((t) => t.at);
      expect([...order].sort()).toEqual(order);
    }));
  });
});
