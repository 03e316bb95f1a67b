/** A tap's answer updates the leg and the run's status (and, for the organisation's view, its version): no stale 'Planeado'. */
import { describe, it, expect } from 'vitest';
import { withLeg } from './with-leg';
import type { LegView, RunView, TripView } from './api';

const leg = (id: string, mark: string) => ({ id, passengers: [{ personId: 'p', mark }] }) as unknown as LegView;

describe('a tap\'s answer', () => {
  it('replaces the leg and moves the run on', () => {
    const run = { id: 'r', status: 'planned', version: 3, legs: [leg('a', 'pending'), leg('b', 'pending')] } as unknown as RunView;
    const next = withLeg(run, leg('a', 'picked_up'), { status: 'underway', version: 4 });
    expect(next.status).toBe('underway');
    expect(next.version).toBe(4);
    expect(next.legs.map((l) => l.passengers[0]!.mark)).toEqual(['picked_up', 'pending']);
    expect(run.status).toBe('planned');
  });

  it('gives a trip (no version) only the status', () => {
    const trip = { id: 'r', status: 'planned', access: 'partner', legs: [leg('a', 'pending')] } as unknown as TripView;
    const next = withLeg(trip, leg('a', 'arrived'), { status: 'underway', version: 9 });
    expect(next.status).toBe('underway');
    expect('version' in next).toBe(false);
  });
});
