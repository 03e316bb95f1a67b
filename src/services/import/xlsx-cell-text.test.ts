/** Spreadsheet values as text: plain decimals at 15 significant digits, ISO dates, TRUE/FALSE. */
import { describe, it, expect } from 'vitest';
import { cellText, isoDateText, plainDecimal } from './xlsx-cell-text.js';

describe('plainDecimal', () => {
  it('writes numbers without grouping or exponent', () => {
    expect(plainDecimal(1022)).toBe('1022');
    expect(plainDecimal(-3.25)).toBe('-3.25');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(-2.5e-10)).toBe('-0.00000000025');
    expect(plainDecimal(1.2e21)).toBe('1200000000000000000000');
    expect(plainDecimal(123456789012)).toBe('123456789012');
    expect(plainDecimal(0)).toBe('0');
    expect(plainDecimal(-0)).toBe('0');
  });

  it('rounds to the 15 significant digits Excel shows', () => {
    expect(plainDecimal(0.1 + 0.2)).toBe('0.3');
    expect(plainDecimal(12345678901234567890)).toBe('12345678901234600000');
    expect(plainDecimal(31.650259)).toBe('31.650259');
  });
});

describe('isoDateText', () => {
  it('writes the date, and the time only when there is one', () => {
    expect(isoDateText(new Date('2022-01-02T00:00:00Z'))).toBe('2022-01-02');
    expect(isoDateText(new Date('2022-01-02T12:00:00Z'))).toBe('2022-01-02T12:00');
    expect(isoDateText(new Date('2022-01-02T12:00:05Z'))).toBe('2022-01-02T12:00:05');
    // a day fraction that floating point leaves a millisecond short
    expect(isoDateText(new Date(Date.UTC(2022, 0, 2, 11, 59, 59, 999)))).toBe('2022-01-02T12:00');
    expect(isoDateText(new Date(Number.NaN))).toBe('');
  });
});

describe('cellText', () => {
  it('gives each kind of value as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  Río Bravo ')).toBe('  Río Bravo ');
    expect(cellText('=SUM(A1)')).toBe('=SUM(A1)');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText({ raw: '1.0000000000000001E-3' })).toBe('0.001');
    expect(cellText({ raw: ' 7 ' })).toBe('7');
    expect(cellText(new Date('2014-01-06T00:00:00Z'))).toBe('2014-01-06');
  });
});
