import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseImportDate, type ImportDateOptions, type ImportDateResult } from './parse-date.js';
import { partialDateIssue } from '../dates.js';
import { MONTH_NAMES_EN, MONTH_NAMES_ES } from './month-names.js';

function read(text: string, opts?: ImportDateOptions) {
  const r = parseImportDate(text, opts);
  return r.ok ? { ...r.date, warnings: r.warnings.map((w) => w.code) } : { problem: r.problem.code };
}

describe('parseImportDate: what it accepts', () => {
  it('reads ISO dates, date-times, months and years', () => {
    expect(read('2019-01-02')).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('2019-01-02T12:00:00Z')).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('2019-01-02T23:30:00-06:00')).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('2019-01-02 08:15:00')).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('2019/1/2')).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('2019-01')).toEqual({ start: '2019-01', warnings: [] });
    expect(read(' 2019 ')).toEqual({ start: '2019', warnings: [] });
  });

  it('reads day and month by the order asked for, with / - or .', () => {
    expect(read('01/02/2019', { order: 'dmy' })).toEqual({ start: '2019-02-01', warnings: [] });
    expect(read('01-02-2019', { order: 'mdy' })).toEqual({ start: '2019-01-02', warnings: [] });
    expect(read('1.2.2019', { order: 'dmy' })).toEqual({ start: '2019-02-01', warnings: [] });
    expect(read('25/12/2019')).toEqual({ start: '2019-12-25', warnings: [] });
    expect(read('12/25/2019')).toEqual({ start: '2019-12-25', warnings: [] });
    expect(read('05/05/2019')).toEqual({ start: '2019-05-05', warnings: [] });
    expect(read('07/2019')).toEqual({ start: '2019-07', warnings: [] });
  });

  it('reads IOM dates: leading weekday, month/day/year, trailing time ignored', () => {
    expect(read('Sun, 01/02/2022 - 12:00', { order: 'mdy' })).toEqual({ start: '2022-01-02', warnings: [] });
    expect(read('Mon, 01/06/2014 - 12:00', { order: 'mdy' })).toEqual({ start: '2014-01-06', warnings: [] });
    expect(read('1/2/2019 3:15 pm', { order: 'dmy' })).toEqual({ start: '2019-02-01', warnings: [] });
  });

  it('lets the weekday settle the order in auto, and says so', () => {
    const r = parseImportDate('Sun, 01/02/2022 - 12:00');
    expect(r).toMatchObject({ ok: true, date: { start: '2022-01-02' } });
    expect(r.ok && r.warnings).toEqual([{ code: 'order_from_weekday', message: '"Sun, 01/02/2022 - 12:00" was read as 2 January 2022, the only reading that falls on a Sunday' }]);
    expect(read('mar, 01/02/2022')).toEqual({ start: '2022-02-01', warnings: ['order_from_weekday'] }); // martes
  });

  it('keeps the date but warns when the weekday does not match it', () => {
    const r = parseImportDate('Mon, 01/02/2022 - 12:00', { order: 'mdy' });
    expect(r.ok && r.warnings).toEqual([{ code: 'weekday_mismatch', message: '"Mon, 01/02/2022 - 12:00" says Monday, but 2 January 2022 is a Sunday' }]);
    expect(r.ok && r.date).toEqual({ start: '2022-01-02' });
  });

  it('reads Spanish and English month names and abbreviations, any case, with or without accents', () => {
    const cases: [string, string][] = [
      ['2 de enero de 2019', '2019-01-02'], ['enero 2019', '2019-01'], ['julio de 2019', '2019-07'],
      ['ene. 2019', '2019-01'], ['January 2, 2019', '2019-01-02'], ['2 January 2019', '2019-01-02'],
      ['Jan 2019', '2019-01'], ['sept. 2019', '2019-09'], ['setiembre 2019', '2019-09'], ['SEP 2019', '2019-09'],
      ['JULIO DE 2019', '2019-07'], ['1º de enero de 2019', '2019-01-01'], ['1st January 2019', '2019-01-01'],
      ['02-Jan-2019', '2019-01-02'], ['3 de Diciembre del 2020', '2020-12-03'], ['el 3 de dic. de 2020', '2020-12-03'],
      ['2019 ene 4', '2019-01-04'], ['domingo 2 de enero de 2022', '2022-01-02'], ['Sábado, 1 de enero de 2022', '2022-01-01'],
      ['Sunday, January 2, 2022', '2022-01-02'], ['mar 2019', '2019-03'], ['Agosto, 2021', '2021-08'], ['in August 2021', '2021-08'],
    ];
    for (const [text, start] of cases) expect(read(text), text).toEqual({ start, warnings: [] });
  });

  it('limits names to one language when asked', () => {
    expect(read('julio de 2019', { lang: 'en' })).toEqual({ problem: 'unrecognised' });
    expect(read('July 2019', { lang: 'es' })).toEqual({ problem: 'unrecognised' });
    expect(read('julio de 2019', { lang: 'es' })).toEqual({ start: '2019-07', warnings: [] });
    expect(read('May 2019', { lang: 'es' })).toEqual({ start: '2019-05', warnings: [] }); // "may" is Spanish for mayo too
  });

  it('sets the approximate flag for approximate markers, without a warning', () => {
    for (const text of ['aprox. julio 2019', 'aproximadamente julio de 2019', 'circa July 2019', 'c. julio 2019', 'ca. 2019-07', '~2019-07', 'alrededor de julio de 2019', 'about July 2019', 'around July 2019', 'julio de 2019 (aprox.)', 'approx. Jul 2019']) {
      expect(read(text), text).toEqual({ start: '2019-07', approximate: true, warnings: [] });
    }
    expect(read('c. 2019')).toEqual({ start: '2019', approximate: true, warnings: [] });
  });

  it('keeps the month or year of "early / mid / late", approximate, and warns that the part is lost', () => {
    for (const text of ['finales de julio de 2019', 'a finales de julio de 2019', 'late July 2019', 'principios de julio de 2019', 'inicios de julio 2019', 'early July 2019', 'mediados de julio de 2019', 'mid-July 2019', 'mid July 2019']) {
      expect(read(text), text).toEqual({ start: '2019-07', approximate: true, warnings: ['part_of_period'] });
    }
    expect(read('mid-2019')).toEqual({ start: '2019', approximate: true, warnings: ['part_of_period'] });
    const r = parseImportDate('finales de julio de 2019');
    expect(r.ok && r.warnings[0]?.message).toBe('"finales de julio de 2019" was recorded as July 2019, approximate: the part of the month is not kept');
    expect(read('late 2 July 2019')).toEqual({ problem: 'unrecognised' });
  });

  it('warns about dates after today, by the first day they can mean', () => {
    expect(read('2031-01-01', { today: '2026-01-01' })).toEqual({ start: '2031-01-01', warnings: ['future'] });
    expect(read('2026-01', { today: '2026-01-15' })).toEqual({ start: '2026-01', warnings: [] });
    expect(read('2026-01-16', { today: '2026-01-15' })).toEqual({ start: '2026-01-16', warnings: ['future'] });
    expect(() => parseImportDate('2019', { today: '15/01/2026' })).toThrow(RangeError);
  });
});

describe('parseImportDate: what it refuses', () => {
  it('refuses empty cells with code empty', () => {
    for (const text of ['', '   ', '\t']) expect(read(text)).toEqual({ problem: 'empty' });
  });

  it('refuses impossible dates', () => {
    for (const [text, opts] of [['31/02/2019', {}], ['2019-02-29', {}], ['2019-13', {}], ['13/13/2019', {}], ['01/13/2019', { order: 'dmy' }], ['30 de febrero de 2019', {}], ['0/5/2019', {}]] as const) {
      expect(read(text, opts), text).toEqual({ problem: 'impossible_date' });
    }
    expect(parseImportDate('01/13/2019', { order: 'dmy' })).toEqual({ ok: false, problem: { code: 'impossible_date', message: '"01/13/2019" is not a real date (read as day/month/year)' } });
  });

  it('refuses two-digit years and dates without a year', () => {
    for (const text of ['02.01.19', '2/1/19', '01/19', 'Jan 19', "Jan '19", '2 ene 19', 'January 2, 19']) expect(read(text), text).toEqual({ problem: 'two_digit_year' });
    for (const text of ['Jan 5', '5 de enero', 'January 5th']) expect(read(text), text).toEqual({ problem: 'missing_year' });
  });

  it('refuses years outside 1900–2100, as the rest of Bitácora does', () => {
    expect(read('1850')).toEqual({ problem: 'year_out_of_range' });
    expect(read('3 de enero de 2150')).toEqual({ problem: 'year_out_of_range' });
  });

  it('refuses an ambiguous day/month order in auto, naming both readings', () => {
    expect(parseImportDate('01/02/2019')).toEqual({ ok: false, problem: { code: 'ambiguous_order', message: '"01/02/2019" could be 1 February 2019 or 2 January 2019: choose day/month order' } });
    expect(read('1/2/2019 3:15 pm')).toEqual({ problem: 'ambiguous_order' });
    expect(read('Wed, 01/02/2022')).toEqual({ problem: 'ambiguous_order' }); // neither reading is a Wednesday
  });

  it('refuses anything else as unrecognised', () => {
    for (const text of ['hello', '12:00', '43466', '2019-01-02/2019-01-05', 'Sun', 'domingo enero 2022', '1.2.3.4', `${'2019 '.repeat(30)}`, 'mañana']) {
      expect(read(text), text).toEqual({ problem: 'unrecognised' });
    }
  });
});

const dayArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => ({
  iso: d.toISOString().slice(0, 10),
  y: d.getUTCFullYear(),
  m: d.getUTCMonth() + 1,
  d: d.getUTCDate(),
}));
const caseArb = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase());
const pad = (n: number) => String(n).padStart(2, '0');

describe('parseImportDate: properties', () => {
  it('every real day written in five common ways reads back as itself', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom('/', '-', '.'), fc.boolean(), caseArb, fc.boolean(), (day, sep, padded, setCase, abbreviated) => {
        const n = (v: number) => (padded ? pad(v) : String(v));
        const mes = MONTH_NAMES_ES[day.m - 1]!;
        const month = MONTH_NAMES_EN[day.m - 1]!;
        const written: [string, ImportDateOptions][] = [
          [day.iso, {}],
          [`${n(day.d)}${sep}${n(day.m)}${sep}${day.y}`, { order: 'dmy' }],
          [`${n(day.m)}${sep}${n(day.d)}${sep}${day.y}`, { order: 'mdy' }],
          [setCase(`${day.d} de ${abbreviated ? `${mes.slice(0, 3)}.` : mes} de ${day.y}`), {}],
          [setCase(`${abbreviated ? month.slice(0, 3) : month} ${day.d}, ${day.y}`), {}],
        ];
        for (const [text, opts] of written) expect(parseImportDate(text, opts), text).toEqual({ ok: true, date: { start: day.iso }, warnings: [] });
      }),
    );
  });

  it('in auto order a day/month/year is read as itself or refused as ambiguous, never as another day', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const r = parseImportDate(`${pad(day.d)}/${pad(day.m)}/${day.y}`);
        if (r.ok) expect(r.date.start).toBe(day.iso);
        else expect([r.problem.code, day.d !== day.m && day.d <= 12]).toEqual(['ambiguous_order', true]);
      }),
    );
  });

  const isOneOrTheOther = (r: ImportDateResult) => {
    if (r.ok) {
      expect(Object.keys(r).sort()).toEqual(['date', 'ok', 'warnings']);
      expect(partialDateIssue(r.date.start)).toBeNull(); // always a valid partial date for the rest of Bitácora
    } else {
      expect(Object.keys(r).sort()).toEqual(['ok', 'problem']);
      expect(r.problem.code).toMatch(/^[a-z_]+$/);
      expect(r.problem.message.length).toBeGreaterThan(0);
    }
  };

  it('never throws, and answers either a date or a problem, on any text', () => {
    const opts = fc.record({ order: fc.constantFrom('dmy', 'mdy', 'auto'), lang: fc.constantFrom('es', 'en', 'auto') }) as fc.Arbitrary<ImportDateOptions>;
    // fragments real cells are made of, in any order: reaches the deeper branches random text does not
    const fragment = fc.constantFrom('Sun,', 'domingo', 'de', 'del', 'Enero', 'sept.', 'Jan', '1º', '2nd', '01', '13', '31', '2019', '19', "'19", '0', '/', '-', '.', ',', ' ', ' - 12:00', 'T12:00:00Z', 'aprox.', '~', 'c.', 'finales de', 'mid-', 'late', '(approx.)');
    const dateLike = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
    for (const text of [fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), dateLike]) {
      fc.assert(fc.property(text, opts, (s, o) => isOneOrTheOther(parseImportDate(s, o))), { numRuns: 300 });
    }
  });
});
