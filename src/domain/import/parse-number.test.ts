import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseImportNumber, type ImportNumberOptions } from './parse-number.js';

function read(text: string, opts?: ImportNumberOptions) {
  const r = parseImportNumber(text, opts);
  return r.ok ? { value: r.value, warnings: r.warnings.map((w) => w.code) } : { problem: r.problem.code };
}
const plain = (value: number) => ({ value, warnings: [] });

describe('parseImportNumber: what it accepts', () => {
  it('reads plain numbers with a sign and a decimal part', () => {
    expect(read('42')).toEqual(plain(42));
    expect(read(' -7 ')).toEqual(plain(-7));
    expect(read('+3.5')).toEqual(plain(3.5));
    expect(read('−2')).toEqual(plain(-2)); // the minus sign U+2212
    expect(read('.5')).toEqual(plain(0.5));
    expect(read('007')).toEqual(plain(7));
    expect(Object.is(parseImportNumber('-0').ok && (parseImportNumber('-0') as { value: number }).value, 0)).toBe(true);
  });

  it('reads thousands separators of every common kind', () => {
    expect(read('1,022', { decimal: '.' })).toEqual(plain(1022));
    expect(read('1.022', { decimal: ',' })).toEqual(plain(1022));
    expect(read('1 022')).toEqual(plain(1022));
    expect(read('1\u00A0022')).toEqual(plain(1022));
    expect(read('1\u202F022,5')).toEqual(plain(1022.5));
    expect(read("1'022")).toEqual(plain(1022));
    expect(read('1’022.25')).toEqual(plain(1022.25));
    expect(read('1,234,567.89')).toEqual(plain(1234567.89));
    expect(read('1.234.567,89')).toEqual(plain(1234567.89));
    expect(read('1.234.567')).toEqual(plain(1234567));
  });

  it('in auto, takes a single mark before exactly three digits for thousands, and says so', () => {
    expect(parseImportNumber('1,022')).toEqual({ ok: true, value: 1022, warnings: [{ code: 'assumed_thousands', message: '"1,022" was read as 1022: the comma was taken as a thousands separator' }] });
    expect(read('1.022')).toEqual({ value: 1022, warnings: ['assumed_thousands'] });
    expect(read('-999.000')).toEqual({ value: -999000, warnings: ['assumed_thousands'] });
    expect(read('1,022', { integer: true })).toEqual({ value: 1022, warnings: ['assumed_thousands'] });
    // any other single mark is the decimal mark
    expect(read('1,5')).toEqual(plain(1.5));
    expect(read('1.5')).toEqual(plain(1.5));
    expect(read('0,500')).toEqual(plain(0.5));
    expect(read('1234,567')).toEqual(plain(1234.567));
    expect(read('3.14159')).toEqual(plain(3.14159));
    expect(read('1.022', { decimal: '.' })).toEqual(plain(1.022));
    expect(read('1,022', { decimal: ',' })).toEqual(plain(1.022));
  });

  it('reads whole numbers written with a zero fraction as whole', () => {
    expect(read('12.00', { integer: true, decimal: '.' })).toEqual(plain(12));
  });

  it('reads scientific notation and warns that digits may have been cut', () => {
    expect(read('1.5E+06')).toEqual({ value: 1_500_000, warnings: ['scientific_notation'] });
    expect(read('2e-3')).toEqual({ value: 0.002, warnings: ['scientific_notation'] });
  });
});

describe('parseImportNumber: what it refuses', () => {
  it('refuses empty cells', () => {
    expect(read('')).toEqual({ problem: 'empty' });
    expect(read('  ')).toEqual({ problem: 'empty' });
  });

  it('refuses words, NaN, Infinity and decorated numbers', () => {
    for (const text of ['doce', 'NaN', 'Infinity', '-Infinity', '$12', '12%', '5.', '1,', '- 5', '(5)', '0x1F', '1_000', 'unknown', '12 muertos', '١٢']) {
      expect(read(text), text).toEqual({ problem: 'not_a_number' });
    }
    expect(parseImportNumber('NaN')).toEqual({ ok: false, problem: { code: 'not_a_number', message: '"NaN" is not a number' } });
  });

  it('refuses digits grouped other than in threes, or grouped two ways', () => {
    for (const text of ['1,02,2', '1,02,22,333', '1 2', '1,234 567', "1'234,567.5,5", '1.2.3', '0,500,000', '1,234.5.6', '1.234,567.5']) {
      expect(read(text, {}), text).toEqual({ problem: 'bad_grouping' });
    }
    expect(read('12,34', { decimal: '.' })).toEqual({ problem: 'bad_grouping' });
    expect(read('1,234.5', { decimal: ',' })).toEqual({ problem: 'bad_grouping' });
  });

  it('refuses fractions, huge values and negatives when asked', () => {
    expect(read('2.5', { integer: true })).toEqual({ problem: 'not_integer' });
    expect(read('1,5', { integer: true })).toEqual({ problem: 'not_integer' });
    expect(read('9007199254740993', { integer: true })).toEqual({ problem: 'too_large' });
    expect(read(`1${'0'.repeat(400)}`)).toEqual({ problem: 'too_large' });
    expect(read('-1', { nonNegative: true })).toEqual({ problem: 'negative' });
    expect(read('-0', { nonNegative: true, integer: true })).toEqual(plain(0));
  });
});

const LOCALES: { locale: string; decimal: '.' | ',' }[] = [
  { locale: 'en-US', decimal: '.' },
  { locale: 'es-MX', decimal: '.' },
  { locale: 'es-ES', decimal: ',' },
  { locale: 'de-CH', decimal: '.' },
  { locale: 'fr-FR', decimal: ',' },
];

describe('parseImportNumber: properties', () => {
  it('every safe integer written with en or es grouping reads back exactly, in auto too', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...LOCALES), (n, { locale, decimal }) => {
        const written = new Intl.NumberFormat(locale).format(n);
        expect(parseImportNumber(written, { decimal, integer: true })).toEqual({ ok: true, value: n === 0 ? 0 : n, warnings: [] });
        const auto = parseImportNumber(written);
        expect(auto.ok && auto.value).toBe(n === 0 ? 0 : n);
        expect(auto.ok && auto.warnings.every((w) => w.code === 'assumed_thousands')).toBe(true);
      }),
    );
  });

  it('every finite double written in full with en or es grouping reads back exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...LOCALES), (x, { locale, decimal }) => {
        // 21 significant digits: more than the 17 any double needs to round-trip
        const written = new Intl.NumberFormat(locale, { maximumSignificantDigits: 21 }).format(x);
        expect(parseImportNumber(written, { decimal })).toEqual({ ok: true, value: x === 0 ? 0 : x, warnings: [] });
      }),
    );
  });

  it('in auto a decimal is read as itself or, said in a warning, as thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(...LOCALES), (whole, thousandths, { locale }) => {
        const x = Number(`${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(thousandths).padStart(3, '0')}`);
        const written = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(x);
        const r = parseImportNumber(written);
        if (!r.ok) throw new Error(`${written}: ${r.problem.message}`);
        if (r.warnings.length === 0) expect(r.value).toBe(x);
        else expect(r.warnings.map((w) => w.code)).toEqual(['assumed_thousands']);
      }),
    );
  });

  it('never throws, and answers either a number or a problem, on any text', () => {
    const numberLike = fc.array(fc.constantFrom('1', '0', '022', '9', ',', '.', ' ', "'", '-', '+', 'e', 'E+', '\u202F', 'NaN', '%'), { maxLength: 12 }).map((p) => p.join(''));
    const opts = fc.record({ decimal: fc.constantFrom('.', ',', 'auto'), integer: fc.boolean(), nonNegative: fc.boolean() }) as fc.Arbitrary<ImportNumberOptions>;
    for (const text of [fc.string(), fc.string({ unit: 'binary' }), numberLike]) {
      fc.assert(
        fc.property(text, opts, (s, o) => {
          const r = parseImportNumber(s, o);
          if (r.ok) {
            expect(Object.keys(r).sort()).toEqual(['ok', 'value', 'warnings']);
            expect(Number.isFinite(r.value)).toBe(true);
            if (o.integer) expect(Number.isSafeInteger(r.value)).toBe(true);
            if (o.nonNegative) expect(r.value).toBeGreaterThanOrEqual(0);
          } else {
            expect(Object.keys(r).sort()).toEqual(['ok', 'problem']);
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
