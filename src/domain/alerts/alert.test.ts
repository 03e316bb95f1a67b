import { describe, it, expect } from 'vitest';
import { ALERT_KINDS, alertLink, alertSubject, alertText, nextAttemptAt, MAX_ATTEMPTS } from './alert.js';

describe('alert messages', () => {
  it('hold the kind, the reference and the link, in both languages, for every kind', () => {
    for (const kind of ALERT_KINDS)
      for (const lang of ['es', 'en'] as const) {
        const text = alertText({ kind, ref: 'URG-0042', link: 'https://b.example/urgent/x' }, lang);
        expect(text).toContain('URG-0042');
        expect(text.endsWith('https://b.example/urgent/x')).toBe(true);
        expect(text).not.toContain('{ref}');
      }
    expect(alertSubject({ kind: 'checkin_duress', ref: 'CHK-0003', link: '/x' })).toBe('Bitácora: CHK-0003');
  });

  it('make the link absolute when the workspace has an address', () => {
    expect(alertLink('https://b.example/', '/urgent/1')).toBe('https://b.example/urgent/1');
    expect(alertLink(undefined, '/urgent/1')).toBe('/urgent/1');
  });

  it('back off between attempts and stop after the last', () => {
    const now = '2026-01-01T00:00:00.000Z';
    expect(nextAttemptAt(now, 1)).toBe('2026-01-01T00:00:30.000Z');
    expect(nextAttemptAt(now, MAX_ATTEMPTS - 1)).toBe('2026-01-01T01:00:00.000Z');
    expect(nextAttemptAt(now, MAX_ATTEMPTS)).toBeUndefined();
  });
});
