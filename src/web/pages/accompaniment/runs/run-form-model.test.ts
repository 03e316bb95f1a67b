/**
 * The run form's model: a saved run comes back into the form as it was planned (the arrive-by time
 * as typed, a fixed departure, durations, waits and grace from the server) and goes out again as the
 * same RunInput; a passenger riding some legs keeps them; numbers typed wrong are sent for the
 * server to name the field.
 */
import { describe, it, expect } from 'vitest';
import { fromView, previewable, toInput } from './run-form-model';
import type { LegView, RunView } from './api';

const leg = (over: Partial<LegView>): LegView => ({
  id: 'l', ordinal: 1, from: 'mx-mexicali', fromZone: 'America/Tijuana', to: 'mx-tijuana', toZone: 'America/Tijuana', mode: 'bus',
  departAt: '2027-03-14T06:30:00.000Z', arriveAt: '2027-03-14T09:10:00.000Z', departLocal: '2027-03-13T22:30', arriveLocal: '2027-03-14T01:10',
  markBy: '2027-03-14T09:50:00.000Z', seats: 5, escort: { id: 'e', displayName: 'E' }, handoffOrg: null, hasMeetingPoint: true, passengers: [],
  ...over,
} as LegView);

const run = {
  id: 'r', ref: 'RUN-0001', day: '2027-03-14', label: 'Madrugada', status: 'planned', coordinator: { id: 'c', displayName: 'C' },
  arriveBy: { place: 'poe-san-ysidro', zone: 'America/Los_Angeles', at: '2027-03-14T11:15:00.000Z', local: '2027-03-14T04:15' }, marginMinutes: 45,
  legs: [
    leg({ fixedDepartLocal: '2027-03-13T22:30', durationMinutes: 160, transferMinutes: 15, markGraceMinutes: 40 }),
    leg({ id: 'l2', ordinal: 2, from: 'mx-tijuana', to: 'poe-san-ysidro', toZone: 'America/Los_Angeles', mode: 'car', departAt: '2027-03-14T09:25:00.000Z', arriveAt: '2027-03-14T09:50:00.000Z', markBy: '2027-03-14T10:10:00.000Z', seats: null, escort: null, handoffOrg: { id: 'p', name: 'P' }, hasMeetingPoint: false, fixedDepartLocal: null, durationMinutes: 25, transferMinutes: 0, markGraceMinutes: 20 }),
  ],
  passengers: [
    { personId: 'a', ref: 'ACP-0001', pseudonym: 'A', familyLabel: null, ageGroup: 'adult', needs: [], languages: [], hearing: null, legs: [1, 2] },
    { personId: 'b', ref: 'ACP-0002', pseudonym: 'B', familyLabel: null, ageGroup: 'child', needs: [], languages: [], hearing: null, legs: [2] },
  ],
  flags: [], version: 3, createdAt: '', updatedAt: '',
} as unknown as RunView;

describe('the run form model', () => {
  it('brings a saved run back as it was planned and sends the same plan again', () => {
    const f = fromView(run);
    expect([f.place, f.local, f.margin, f.label]).toEqual(['poe-san-ysidro', '2027-03-14T04:15', '45', 'Madrugada']);
    expect(f.legs.map((l) => [l.departLocal, l.duration, l.transfer, l.grace, l.seats, l.escortId, l.handoffOrgId, l.hadMeetingPoint])).toEqual([
      ['2027-03-13T22:30', '160', '15', '40', '5', 'e', '', true],
      ['', '25', '0', '20', '', '', 'p', false],
    ]);
    const input = toInput(f) as unknown as { arriveBy: unknown; marginMinutes: number; legs: Record<string, unknown>[]; passengers: unknown[] };
    expect(input.arriveBy).toEqual({ place: 'poe-san-ysidro', local: '2027-03-14T04:15' });
    expect(input.marginMinutes).toBe(45);
    expect(input.legs[0]).toMatchObject({ departLocal: '2027-03-13T22:30', durationMinutes: 160, transferMinutes: 15, markGraceMinutes: 40, seats: 5, escortId: 'e', handoffOrgId: null });
    expect(input.legs[1]).not.toHaveProperty('departLocal');
    // a meeting point not typed again is not sent: the server keeps the sealed one
    expect(input.legs[0]).not.toHaveProperty('meetingPoint');
    expect(input.passengers).toEqual([{ personId: 'a', hearingId: null }, { personId: 'b', hearingId: null, legs: [2] }]);
    expect(previewable(f)).toBe(true);
  });

  it('sends a number typed wrong as NaN (the server names the field) and is not previewable without a duration', () => {
    const f = fromView(run);
    f.legs[1]!.duration = 'veinte';
    expect(Number.isNaN((toInput(f) as unknown as { legs: { durationMinutes: number }[] }).legs[1]!.durationMinutes)).toBe(true);
    expect(previewable(f)).toBe(false);
  });
});
