import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { reminderText } from './reminder-text.js';
import { REMINDER_LANGS } from './person.js';

describe('reminder text', () => {
  it('says the day, the time and the place in each language', () => {
    expect(reminderText('es', { local: '2027-03-14T04:00', place: 'Garita de San Ysidro (El Chaparral)' })).toBe(
      'Recordatorio: esté listo/a el domingo 14 de marzo a las 04:00 en Garita de San Ysidro (El Chaparral). Traiga sus papeles. Si no puede llegar, avísenos.');
    expect(reminderText('en', { local: '2027-03-14T04:00', place: null })).toContain('on Sunday, March 14 at 04:00.');
    expect(reminderText('ht', { local: '2027-03-14T04:00', place: 'X' })).toContain('14/03/2027 a 04:00 nan X');
    for (const lang of REMINDER_LANGS) expect(reminderText(lang, { local: '2027-11-07T05:30', place: 'P' })).toContain('05:30');
  });
  it('holds nothing but its template, the day, the time and the place', () => {
    fc.assert(fc.property(fc.constantFrom(...REMINDER_LANGS), fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), (lang, d) => {
      const local = d.toISOString().slice(0, 16);
      const t = reminderText(lang, { local, place: null });
      expect(t).toContain(local.slice(11, 16));
      expect(t).not.toMatch(/court|corte|cour|tribunal|A-?\d{3}/i);
    }));
  });
});
