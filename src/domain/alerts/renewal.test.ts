import { describe, it, expect } from 'vitest';
import { addDays, compareRegistry, measureInForce, measureRef, renewalDedupeKey, renewalReminderDue, renewalState } from './renewal.js';

const today = '2026-03-10';

describe('protection measure renewals', () => {
  it('counts a measure in force only while granted / active (or a narrower term)', () => {
    expect(measureInForce('granted_active')).toBe(true);
    expect(measureInForce('granted_active.partial')).toBe(true);
    for (const s of ['requested', 'under_review', 'expired', 'revoked', 'denied', 'granted_activex']) expect(measureInForce(s)).toBe(false);
  });

  it('moves days across months and years', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-01-03', -7)).toBe('2025-12-27');
  });

  it('marks a renewal due within the days before expiry, by the earliest day a partial date can mean', () => {
    expect(renewalState({ status: 'granted_active', expires: '2026-04-09' }, today, 30)).toEqual({ renewalDue: true, expired: false });
    expect(renewalState({ status: 'granted_active', expires: '2026-04-10' }, today, 30)).toEqual({ renewalDue: false, expired: false });
    // "April 2026" may mean the 1st: due; "2027" not yet
    expect(renewalState({ status: 'granted_active', expires: '2026-04' }, today, 30).renewalDue).toBe(true);
    expect(renewalState({ status: 'granted_active', expires: '2027' }, today, 30).renewalDue).toBe(false);
    // not in force, or no expiry: never due
    expect(renewalState({ status: 'requested', expires: '2026-03-12' }, today, 30).renewalDue).toBe(false);
    expect(renewalState({ status: 'granted_active' }, today, 30)).toEqual({ renewalDue: false, expired: false });
  });

  it('calls a measure expired once the last day of its expiry passed, or when recorded so', () => {
    expect(renewalState({ status: 'granted_active', expires: '2026-03-09' }, today, 30)).toEqual({ renewalDue: true, expired: true });
    expect(renewalState({ status: 'granted_active', expires: '2026-03' }, today, 30)).toEqual({ renewalDue: true, expired: false });
    expect(renewalState({ status: 'granted_active', expires: '2026-02' }, today, 30).expired).toBe(true);
    expect(renewalState({ status: 'expired', expires: '2027-01-01' }, today, 30)).toEqual({ renewalDue: false, expired: true });
  });

  it('reminds from renewalDays before until a week after the earliest day', () => {
    const due = (expires: string) => renewalReminderDue({ status: 'granted_active', expires }, today, 30);
    expect(due('2026-04-09')).toBe(true);
    expect(due('2026-04-10')).toBe(false);
    expect(due('2026-03-10')).toBe(true);
    expect(due('2026-03-04')).toBe(true);
    expect(due('2026-03-03')).toBe(false);
    expect(renewalReminderDue({ status: 'revoked', expires: '2026-03-20' }, today, 30)).toBe(false);
    expect(renewalReminderDue({ status: 'granted_active' }, today, 30)).toBe(false);
  });

  it('names a reminder by the measure only', () => {
    expect(measureRef('0a1b2c3d-0000-4000-8000-000000000000')).toBe('MED-0a1b2c3d');
    expect(renewalDedupeKey('m1', '2026-04')).toBe('measure-renewal:m1:2026-04');
  });

  it('orders the registry: renewals due first, then by expiry, undated last', () => {
    const rows = [
      { id: '1', pseudonym: 'B', renewalDue: false },
      { id: '2', pseudonym: 'A', renewalDue: false, expires: '2027' },
      { id: '3', pseudonym: 'C', renewalDue: true, expires: '2026-04' },
      { id: '4', pseudonym: 'D', renewalDue: true, expires: '2026-03-20' },
    ];
    expect([...rows].sort(compareRegistry).map((r) => r.id)).toEqual(['4', '3', '2', '1']);
  });
});
