import { describe, expect, it } from 'vitest';
import { createNumberFormatter, formatDefaultNumber, toNumeric, validCurrency } from './number-format.js';
import type { NumberStyle, Numeric } from './number-format.js';

describe('toNumeric', () => {
  it.each([
    [12, 12],
    [-0.5, -0.5],
    [12n, 12n],
    ['42', '42'],
    [' -1.50 ', '-1.50'],
    ['.5', '.5'],
    ['1e3', '1e3'],
    ['12345678901234567890', '12345678901234567890'],
  ])('%s is the number %s', (raw, expected) => {
    expect(toNumeric(raw)).toEqual(expected);
  });

  it.each([['abc'], [Number.NaN], [''], ['   '], ['0x10'], ['Infinity'], ['1,000'], ['NaN'], [true], [new Date(0)], [{}], [null]])(
    '%j is not a number',
    (raw) => {
      expect(toNumeric(raw)).toBeUndefined();
    },
  );
});

describe('formatDefaultNumber', () => {
  it.each<[Numeric, string]>([
    [0, '0'],
    [-0, '-0'],
    [1234.5678, '1,234.568'],
    [-1234.5678, '-1,234.568'],
    [0.0001, '0'],
    [1e21, '1,000,000,000,000,000,000,000'],
    ['12345678901234567890', '12,345,678,901,234,567,890'],
    ['-98765432109876543210.125', '-98,765,432,109,876,543,210.125'],
    [12345678901234567890n, '12,345,678,901,234,567,890'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s → %s', (value, expected) => {
    expect(formatDefaultNumber(value)).toBe(expected);
  });
});

describe('createNumberFormatter', () => {
  it.each<[NumberStyle, Numeric, string]>([
    [{ round: 2 }, 1234.5, '1,234.50'],
    [{ round: 0 }, 1234.5, '1,235'],
    [{ round: 0 }, -1234.5, '-1,235'],
    [{ round: 3 }, 0, '0.000'],
    [{ round: 25 }, 1, `1.${'0'.repeat(20)}`],
    [{ round: 1.7 }, 1.25, '1.3'],
    [{ round: -1 }, 1234, '1,230'],
    [{ round: -2 }, 123456, '123,500'],
    [{ round: -2 }, -123456, '-123,500'],
    [{ round: -5 }, 123, '100'],
    [{ currency: 'USD' }, 1234.5, '$1,234.50'],
    [{ currency: 'USD' }, -1234.5, '-$1,234.50'],
    [{ currency: 'JPY' }, 1234.5, '¥1,235'],
    [{ currency: 'CHF' }, 1234.5, 'CHF 1,234.50'],
    [{ currency: 'USD', round: 0 }, 1234.5, '$1,235'],
    [{ separator: 'commaPeriod', round: 2 }, 1234567.891, '1,234,567.89'],
    [{ separator: 'default' }, 1234567.891, '1,234,567.891'],
    [{ separator: 'periodComma', round: 2 }, 1234567.891, '1.234.567,89'],
    [{ separator: 'periodComma', currency: 'EUR' }, 1234.5, '1.234,50 €'],
    [{ separator: 'spacePeriod' }, 1234567.891, '1 234 567.891'],
    [{ separator: 'spacePeriod', currency: 'USD' }, 1234567, '$1 234 567.00'],
    [{ separator: 'apostrophePeriod' }, 1234567.5, "1'234'567.5"],
    [{ separator: 'noSeparatorPeriod' }, 1234567.5, '1234567.5'],
    [{ separator: 'noSeparatorPeriod', round: 2 }, -1234567, '-1234567.00'],
    [{ round: 2 }, '12345678901234567890.125', '12,345,678,901,234,567,890.13'],
  ])('%j formats %j as %s', (style, value, expected) => {
    expect(createNumberFormatter(style)(value)).toBe(expected);
  });
});

describe('validCurrency', () => {
  it.each([
    ['usd', 'USD'],
    ['EUR', 'EUR'],
    [undefined, undefined],
    ['', undefined],
    ['dollars', undefined],
    ['$', undefined],
  ])('%j → %j', (code, expected) => {
    expect(validCurrency(code)).toBe(expected);
  });
});
