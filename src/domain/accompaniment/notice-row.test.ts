/** Dates and times of hearing notices: every way they are written reads back the same, ambiguity is refused, never guessed. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { codeList, noticeColumnOf, parseNoticeDate, parseNoticeTime } from './notice-row.js';

const realDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const pad = (n: number) => String(n).padStart(2, '0');

describe('notice dates', () => {
  it('reads the forms notices use', () => {
    expect(parseNoticeDate('2027-03-14')).toEqual({ ok: true, date: '2027-03-14' });
    expect(parseNoticeDate('2027-03-14T00:00')).toEqual({ ok: true, date: '2027-03-14' });
    expect(parseNoticeDate('03/14/2027')).toEqual({ ok: true, date: '2027-03-14' });
    expect(parseNoticeDate('14/03/2027')).toEqual({ ok: true, date: '2027-03-14' });
    expect(parseNoticeDate('03/04/2027')).toEqual({ ok: false, code: 'ambiguous_date' });
    expect(parseNoticeDate('03/04/2027', 'mdy')).toEqual({ ok: true, date: '2027-03-04' });
    expect(parseNoticeDate('03/04/2027', 'dmy')).toEqual({ ok: true, date: '2027-04-03' });
    expect(parseNoticeDate('04/04/2027')).toEqual({ ok: true, date: '2027-04-04' });
    expect(parseNoticeDate('31/02/2027')).toEqual({ ok: false, code: 'bad_date' });
    expect(parseNoticeDate('14/03/2027', 'mdy')).toEqual({ ok: false, code: 'bad_date' });
    expect(parseNoticeDate('2027-02-29')).toEqual({ ok: false, code: 'bad_date' });
    expect(parseNoticeDate('mañana')).toEqual({ ok: false, code: 'bad_date' });
    expect(parseNoticeDate('3/14/27')).toEqual({ ok: false, code: 'bad_date' });
  });

  it('any real date written ISO, D/M/Y with the order, or M/D/Y with the order reads back', () => {
    fc.assert(fc.property(realDate, fc.constantFrom('/', '-', '.'), fc.boolean(), (iso, sep, zeros) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const f = (n: number) => (zeros ? pad(n) : String(n));
      expect(parseNoticeDate(iso)).toEqual({ ok: true, date: iso });
      expect(parseNoticeDate(`${f(d)}${sep}${f(m)}${sep}${y}`, 'dmy')).toEqual({ ok: true, date: iso });
      expect(parseNoticeDate(`${f(m)}${sep}${f(d)}${sep}${y}`, 'mdy')).toEqual({ ok: true, date: iso });
      // without the order: the right date, or refused as ambiguous when both readings are real and differ
      const guess = parseNoticeDate(`${f(m)}${sep}${f(d)}${sep}${y}`);
      if (d <= 12 && d !== m) expect(guess).toEqual({ ok: false, code: 'ambiguous_date' });
      else expect(guess).toEqual({ ok: true, date: iso });
    }));
  });

  it('never throws and only gives real dates', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(undefined, 'dmy' as const, 'mdy' as const), (s, order) => {
      const r = parseNoticeDate(s, order);
      if (r.ok) expect(new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.date);
    }));
  });
});

describe('notice times', () => {
  it('reads the forms people type', () => {
    expect(parseNoticeTime('8:30 AM')).toEqual({ ok: true, time: '08:30' });
    expect(parseNoticeTime('08:30')).toEqual({ ok: true, time: '08:30' });
    expect(parseNoticeTime('5:00 a. m.')).toEqual({ ok: true, time: '05:00' });
    expect(parseNoticeTime('5:00 p.m.')).toEqual({ ok: true, time: '17:00' });
    expect(parseNoticeTime('12:15 AM')).toEqual({ ok: true, time: '00:15' });
    expect(parseNoticeTime('12:15 pm')).toEqual({ ok: true, time: '12:15' });
    expect(parseNoticeTime('5 PM')).toEqual({ ok: true, time: '17:00' });
    expect(parseNoticeTime('17:00 hrs')).toEqual({ ok: true, time: '17:00' });
    expect(parseNoticeTime('1899-12-30T08:30')).toEqual({ ok: true, time: '08:30' });
    expect(parseNoticeTime('08:30:00')).toEqual({ ok: true, time: '08:30' });
    for (const bad of ['24:00', '13:00 pm', '8', '8:60', 'temprano', '', '0:30 am']) expect(parseNoticeTime(bad)).toEqual({ ok: false, code: 'bad_time' });
  });

  it('any time of day written 24-hour or 12-hour in any spelling reads back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('AM', 'am', 'a.m.', 'a. m.', 'A.M'), fc.boolean(), (h, m, am, space) => {
      const want = `${pad(h)}:${pad(m)}`;
      expect(parseNoticeTime(want)).toEqual({ ok: true, time: want });
      const h12 = h % 12 === 0 ? 12 : h % 12;
      const suffix = h < 12 ? am : am.replace(/a/i, (c) => (c === 'a' ? 'p' : 'P'));
      expect(parseNoticeTime(`${h12}:${pad(m)}${space ? ' ' : ''}${suffix}`)).toEqual({ ok: true, time: want });
    }));
  });

  it('never throws and only gives real times', () => {
    fc.assert(fc.property(fc.string({ maxLength: 16 }), (s) => {
      const r = parseNoticeTime(s);
      if (r.ok) expect(r.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    }));
  });
});

describe('columns and codes', () => {
  it('names columns in English or Spanish, any case', () => {
    expect(noticeColumnOf(' Persona ')).toBe('person');
    expect(noticeColumnOf('Lugar presentación')).toBe('present_place');
    expect(noticeColumnOf('HORA_PRESENTACION')).toBe('present_time');
    expect(noticeColumnOf('Present time')).toBe('present_time');
    expect(noticeColumnOf('notas')).toBeUndefined();
    expect(codeList(' passport; hearing_notice ;;')).toEqual(['passport', 'hearing_notice']);
  });
});
