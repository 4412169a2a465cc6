import { describe, expect, it } from 'vitest';
import type { CustomFormat } from '../types.js';
import { createCustomFormatter, fromLegacy } from './custom-format.js';

describe('fromLegacy', () => {
  it.each<[Parameters<typeof fromLegacy>[0], CustomFormat]>([
    [{}, { type: 'number' }],
    [{ round: 2, compact: 'K' }, { type: 'number', round: 2, compact: 'K' }],
    [{ format: 'usd', round: 0 }, { type: 'currency', currency: 'USD', round: 0 }],
    [{ format: 'jpy' }, { type: 'currency', currency: 'JPY' }],
    [{ format: 'km', compact: 'thousands' }, { type: 'number', suffix: ' km', compact: 'thousands' }],
    [{ format: 'percent', round: 1 }, { type: 'percent', round: 1 }],
    [{ format: 'id', round: 2 }, { type: 'id' }],
    [{ format: 'unknown-name' }, { type: 'number' }],
  ])('%j → %j', (legacy, expected) => {
    expect(fromLegacy(legacy)).toEqual(expected);
  });
});

describe('createCustomFormatter', () => {
  it.each<[CustomFormat | undefined, unknown, string]>([
    // no format / default: up to 3 decimals, thousands commas
    [undefined, 1234.5678, '1,234.568'],
    [{ type: 'default' }, -1234.5678, '-1,234.568'],
    [{ type: 'default' }, 'text', 'text'],
    [{ type: 'default' }, true, 'true'],
    [{ type: 'default' }, new Date('2024-01-02T03:04:05Z'), '2024-01-02, 03:04:05:000 (+00:00)'],
    // number: round, separator, compact, prefix and suffix
    [{ type: 'number' }, 0, '0'],
    [{ type: 'number', round: 2 }, 0, '0.00'],
    [{ type: 'number', round: 2 }, '1234.5', '1,234.50'],
    [{ type: 'number', round: 0, separator: 'periodComma' }, 1234567.5, '1.234.568'],
    [{ type: 'number', compact: 'thousands' }, 1500, '1.5K'],
    [{ type: 'number', compact: 'K', round: 2 }, 1500, '1.50K'],
    [{ type: 'number', compact: 'million', round: 1 }, -2_345_678, '-2.3M'],
    [{ type: 'number', compact: 'B' }, 7_250_000_000, '7.25B'],
    [{ type: 'number', compact: 'trillions', round: 0 }, 3.4e12, '3T'],
    [{ type: 'number', compact: 'millions' }, 0, '0M'],
    [{ type: 'number', compact: 'millions', round: 2, separator: 'periodComma' }, 1_234_567, '1,23M'],
    [{ type: 'number', prefix: '~', suffix: ' units', round: 1 }, 12.34, '~12.3 units'],
    [{ type: 'number', prefix: '#', compact: 'K', suffix: '!' }, 2000, '#2K!'],
    [{ type: 'number' }, 'n/a', 'n/a'],
    [{ type: 'number' }, '', ''],
    // percent: ×100, separators, round
    [{ type: 'percent' }, 0.12345, '12.345%'],
    [{ type: 'percent', round: 0 }, 0.12345, '12%'],
    [{ type: 'percent', round: 2 }, 0.5, '50.00%'],
    [{ type: 'percent', round: 1 }, -0.0678, '-6.8%'],
    [{ type: 'percent' }, 1999, '199,900%'],
    [{ type: 'percent', round: 1, separator: 'periodComma' }, 12.3456, '1.234,6%'],
    [{ type: 'percent', compact: 'K', prefix: 'x' }, 0.5, '50%'],
    [{ type: 'percent' }, 'abc', 'abc'],
    // currency: ISO code, its own decimals, compact after the symbol
    [{ type: 'currency', currency: 'USD' }, 1234.5, '$1,234.50'],
    [{ type: 'currency', currency: 'eur', round: 0 }, 1234.5, '€1,235'],
    [{ type: 'currency', currency: 'GBP', compact: 'K' }, 1234.5, '£1.23K'],
    [{ type: 'currency', currency: 'USD', compact: 'millions', round: 1 }, -2_500_000, '-$2.5M'],
    [{ type: 'currency', currency: 'JPY' }, 1234.5, '¥1,235'],
    [{ type: 'currency', currency: 'CHF' }, 1234.5, 'CHF 1,234.50'],
    [{ type: 'currency', currency: 'USD', separator: 'periodComma' }, 1234.5, '1.234,50 $'],
    [{ type: 'currency', currency: 'USD', separator: 'spacePeriod' }, 1234567, '$1 234 567.00'],
    [{ type: 'currency', currency: 'not money' }, 1234.5, '1,234.5'],
    [{ type: 'currency' }, 1234.5, '1,234.5'],
    [{ type: 'currency', currency: 'USD' }, Number.NaN, 'NaN'],
    // id: the value as written
    [{ type: 'id' }, 1234567, '1234567'],
    [{ type: 'id' }, '00123', '00123'],
    [{ type: 'id' }, 12345678901234567890n, '12345678901234567890'],
    // date / timestamp with their interval
    [{ type: 'date' }, '2024-05-06', '2024-05-06'],
    [{ type: 'date', timeInterval: 'MONTH' }, new Date('2024-05-06T00:00:00Z'), '2024-05'],
    [{ type: 'timestamp', timeInterval: 'HOUR' }, new Date('2024-05-06T07:08:09Z'), '2024-05-06, 07 (+00:00)'],
    [{ type: 'number', round: 1 }, new Date('2024-05-06T07:08:09Z'), '2024-05-06, 07:08:09:000 (+00:00)'],
    // a type from a newer client is shown with the default format, not an error
    [{ type: 'bytes_si' } as unknown as CustomFormat, 1234.5678, '1,234.568'],
  ])('%j formats %s as %s', (format, raw, expected) => {
    expect(createCustomFormatter(format, undefined)(raw)).toBe(expected);
  });

  it('shows Dates in the display zone', () => {
    expect(createCustomFormatter({ type: 'timestamp', timeInterval: 'MINUTE' }, 'Asia/Tokyo')(new Date('2024-12-31T15:30:00Z'))).toBe(
      '2025-01-01, 00:30 (+09:00)',
    );
  });
});
