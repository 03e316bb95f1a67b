import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { candidateWindow, periodWindow } from './window.js';
import { scorePair } from './score.js';
import { dayNumber, dayString } from '../patterns/days.js';

describe('date windows for candidates', () => {
  it('reaches from a month and the window before the start to the window after the end', () => {
    expect(candidateWindow({ from: '2026-03-10', to: '2026-03-10' }, 7)).toEqual({ firstFrom: '2026-02-01', lastFrom: '2026-03-17', minTo: '2026-03-03' });
    expect(candidateWindow({ from: '2026-01-01', to: '2026-12-31' }, 7)).toBeNull();
    expect(candidateWindow(undefined, 7)).toBeNull();
    expect(periodWindow('2026-03', '2026-03', 0)).toEqual({ firstFrom: '2026-01-30', lastFrom: '2026-03-31', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
  });

  it('holds every incident whose date can match', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => dayString(dayNumber('2026-01-01')! + n));
    const span = fc.tuple(day, fc.integer({ min: 0, max: 40 })).map(([d, len]) => ({ from: d, to: dayString(dayNumber(d)! + len) }));
    fc.assert(
      fc.property(span, span, fc.integer({ min: 0, max: 31 }), (a, b, w) => {
        const s = scorePair({ id: 'a', span: a, place: {}, title: '', acts: [], perpetrators: [] }, { id: 'b', span: b, place: {}, title: '', acts: [], perpetrators: [] }, w);
        const matches = s.reasons.some((r) => r.kind === 'date');
        const win = candidateWindow(a, w);
        if (matches) {
          expect(win).not.toBeNull();
          expect(b.from >= win!.firstFrom && b.from <= win!.lastFrom && b.to >= win!.minTo).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
