import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import type { AdditionalMetric, CustomDimension, TableCalculation } from '../types.js';
import { dimension, metric } from './testing.js';
import { createValueFormatter, formatValue } from './value-formatter.js';
import type { FormattableField } from './value-formatter.js';

type Case = [label: string, field: FormattableField | undefined, raw: unknown, expected: string];

const calculation = (overrides: Partial<TableCalculation> = {}): TableCalculation => ({
  name: 'calc',
  displayName: 'Calc',
  sql: '${orders.total} * 2',
  ...overrides,
});

const additional = (overrides: Partial<AdditionalMetric> = {}): AdditionalMetric => ({
  table: 'orders',
  name: 'custom_total',
  type: 'sum',
  sql: '${TABLE}.amount',
  ...overrides,
});

const bin: CustomDimension = { id: 'amount_bin', name: 'Amount bin', table: 'orders', type: 'bin', dimensionId: 'orders_amount', binType: 'fixed_number', binNumber: 3 };
const sqlDimension = (dimensionType: 'number' | 'date' | 'boolean'): CustomDimension => ({
  id: 'custom',
  name: 'Custom',
  table: 'orders',
  type: 'sql',
  sql: '1',
  dimensionType,
});

describe('formatValue: null and undefined', () => {
  it.each<Case>([
    ['no field', undefined, null, '∅'],
    ['no field', undefined, undefined, '-'],
    ['string', dimension({ type: 'string' }), null, '∅'],
    ['number', metric({ format: 'usd' }), null, '∅'],
    ['timestamp', dimension({ type: 'timestamp' }), undefined, '-'],
    ['boolean', dimension({ type: 'boolean' }), null, '∅'],
  ])('%s: %j → %s', (_label, field, raw, expected) => {
    expect(formatValue(raw, field)).toBe(expected);
  });
});

describe('formatValue: by field type', () => {
  it.each<Case>([
    // strings stay as they are, even when they look like numbers
    ['string', dimension({ type: 'string' }), 'completed', 'completed'],
    ['string', dimension({ type: 'string' }), '1234.5', '1234.5'],
    ['string', dimension({ type: 'string' }), 1234.5, '1234.5'],
    ['string metric', metric({ type: 'string' }), 'a, b', 'a, b'],
    ['name child', dimension({ type: 'string', timeInterval: 'MONTH_NAME' }), 'January', 'January'],
    ['string', dimension({ type: 'string' }), { a: 1 }, '{"a":1}'],
    // booleans: True / False (0.1411 web app), truthy spellings, MySQL 0/1
    ['boolean', dimension({ type: 'boolean' }), true, 'True'],
    ['boolean', dimension({ type: 'boolean' }), false, 'False'],
    ['boolean', dimension({ type: 'boolean' }), 1, 'True'],
    ['boolean', dimension({ type: 'boolean' }), 0, 'False'],
    ['boolean', dimension({ type: 'boolean' }), 'yes', 'True'],
    ['boolean', dimension({ type: 'boolean' }), 'T', 'True'],
    ['boolean', dimension({ type: 'boolean' }), 'f', 'False'],
    ['boolean metric', metric({ type: 'boolean' }), 'true', 'True'],
    // numbers
    ['number', dimension(), 1234.5678, '1,234.568'],
    ['number', dimension(), -0.5, '-0.5'],
    ['number', dimension(), 0, '0'],
    ['number', dimension(), 'abc', 'abc'],
    ['number', dimension(), 'NaN', 'NaN'],
    ['number', dimension(), '0x1F', '0x1F'],
    ['number', dimension(), '', ''],
    ['number', dimension(), '-0.5', '-0.5'],
    ['number', dimension(), 1e21, '1,000,000,000,000,000,000,000'],
    ['number', dimension(), -987654321.98765, '-987,654,321.988'],
    ['number', dimension(), '12345678901234567890', '12,345,678,901,234,567,890'],
    ['number', dimension(), 9007199254740993n, '9,007,199,254,740,993'],
    ['number', dimension(), Number.NaN, 'NaN'],
    ['count', metric({ type: 'count' }), 1500000, '1,500,000'],
    ['average round', metric({ type: 'average', round: 2 }), 3.14159, '3.14'],
    ['median', metric({ type: 'median' }), 2.5, '2.5'],
    // numeric interval children read as labels
    ['YEAR_NUM', dimension({ timeInterval: 'YEAR_NUM' }), 2024, '2024'],
    ['YEAR_NUM', dimension({ timeInterval: 'YEAR_NUM' }), 2024n, '2024'],
    ['DAY_OF_YEAR_NUM', dimension({ timeInterval: 'DAY_OF_YEAR_NUM' }), 366, '366'],
    ['not an interval', dimension(), 2024, '2,024'],
    // dates by interval
    ['date', dimension({ type: 'date' }), '2024-01-31', '2024-01-31'],
    ['date DAY', dimension({ type: 'date', timeInterval: 'DAY' }), new Date('2024-01-31T00:00:00Z'), '2024-01-31'],
    ['date WEEK', dimension({ type: 'date', timeInterval: 'WEEK' }), '2023-12-25', '2023-12-25'],
    ['date MONTH', dimension({ type: 'date', timeInterval: 'MONTH' }), '2023-12-01', '2023-12'],
    ['date QUARTER', dimension({ type: 'date', timeInterval: 'QUARTER' }), new Date('2023-10-01T00:00:00Z'), '2023-Q4'],
    ['date YEAR', dimension({ type: 'date', timeInterval: 'YEAR' }), new Date('2024-01-01T00:00:00Z'), '2024'],
    ['date metric', metric({ type: 'date' }), '2024-02-29', '2024-02-29'],
    ['date', dimension({ type: 'date' }), 'unknown', 'unknown'],
    // timestamps by interval
    ['timestamp', dimension({ type: 'timestamp' }), new Date('2024-01-31T12:34:56.789Z'), '2024-01-31, 12:34:56:789 (+00:00)'],
    ['timestamp RAW', dimension({ type: 'timestamp', timeInterval: 'RAW' }), new Date('2024-01-31T12:34:56.789Z'), '2024-01-31, 12:34:56:789 (+00:00)'],
    ['timestamp HOUR', dimension({ type: 'timestamp', timeInterval: 'HOUR' }), new Date('2024-01-31T12:00:00Z'), '2024-01-31, 12 (+00:00)'],
    ['timestamp MINUTE', dimension({ type: 'timestamp', timeInterval: 'MINUTE' }), new Date('2024-01-31T12:34:00Z'), '2024-01-31, 12:34 (+00:00)'],
    ['timestamp SECOND', dimension({ type: 'timestamp', timeInterval: 'SECOND' }), new Date('2024-01-31T12:34:56Z'), '2024-01-31, 12:34:56 (+00:00)'],
    ['timestamp metric', metric({ type: 'timestamp' }), new Date('2024-01-31T12:34:56Z'), '2024-01-31, 12:34:56:000 (+00:00)'],
    // min / max of dates return Dates: shown as timestamps
    ['max of a date', metric({ type: 'max' }), new Date('2024-01-31T00:00:00Z'), '2024-01-31, 00:00:00:000 (+00:00)'],
    ['min of a number', metric({ type: 'min', format: 'usd' }), 12, '$12.00'],
    // no field: the default
    ['no field', undefined, 1234.5678, '1,234.568'],
    ['no field', undefined, 'abc', 'abc'],
    ['no field', undefined, true, 'true'],
  ])('%s: %s → %s', (_label, field, raw, expected) => {
    expect(formatValue(raw, field)).toBe(expected);
  });
});

describe('formatValue: legacy format, round, compact, separator', () => {
  it.each<Case>([
    ['usd', metric({ format: 'usd' }), 1234.5, '$1,234.50'],
    ['usd negative', metric({ format: 'usd' }), -1234.5, '-$1,234.50'],
    ['gbp round 0', metric({ format: 'gbp', round: 0 }), 1234.5, '£1,235'],
    ['eur', metric({ format: 'eur' }), 0, '€0.00'],
    ['jpy (formatExpression)', metric({ formatExpression: 'jpy' }), 1234.5, '¥1,235'],
    ['km', dimension({ format: 'km' }), 1234.5, '1,234.5 km'],
    ['mi round 1', dimension({ format: 'mi', round: 1 }), 12.34, '12.3 mi'],
    ['percent', metric({ format: 'percent' }), 0.5, '50%'],
    ['percent round 1', metric({ format: 'percent', round: 1 }), 0.12345, '12.3%'],
    ['percent round 0', metric({ format: 'percent', round: 0 }), -0.125, '-13%'],
    ['percent big', metric({ format: 'percent' }), 1999000, '199,900,000%'],
    ['id', dimension({ format: 'id' }), 1234567, '1234567'],
    ['round 2', metric({ round: 2 }), 1234, '1,234.00'],
    ['round 0', metric({ round: 0 }), 0.5, '1'],
    ['round -3', metric({ round: -3 }), 1_234_567, '1,235,000'],
    ['compact K', metric({ compact: 'K' }), 1500, '1.5K'],
    ['compact thousands round 2', metric({ compact: 'thousands', round: 2 }), 1500, '1.50K'],
    ['compact M usd', metric({ compact: 'M', format: 'usd' }), 1_234_567, '$1.23M'],
    ['compact B km', metric({ compact: 'billion', format: 'km' }), 2.5e9, '2.5B km'],
    ['compact T negative', metric({ compact: 'T', round: 1 }), -4.56e12, '-4.6T'],
    ['separator periodComma', metric({ separator: 'periodComma', round: 2 }), 1234567.891, '1.234.567,89'],
    ['separator spacePeriod usd', metric({ separator: 'spacePeriod', format: 'usd' }), 1234567.5, '$1 234 567.50'],
    ['separator noSeparatorPeriod', metric({ separator: 'noSeparatorPeriod' }), 1234567.5, '1234567.5'],
    ['separator apostrophePeriod compact', metric({ separator: 'apostrophePeriod', compact: 'K' }), 1_234_567, "1'234.567K"],
    ['separator default', metric({ separator: 'default' }), 1234567.5, '1,234,567.5'],
  ])('%s: %s → %s', (_label, field, raw, expected) => {
    expect(formatValue(raw, field)).toBe(expected);
  });
});

describe('formatValue: spreadsheet expressions', () => {
  it.each<Case>([
    ['currency expression', metric({ formatExpression: '[$£]#,##0.00' }), 1234.5, '£1,234.50'],
    ['wins over legacy keys', metric({ formatExpression: '0.00%', format: 'usd', round: 0 }), 0.256, '25.60%'],
    ['text expression', dimension({ type: 'string', formatExpression: '"Delivered in "@' }), '3 days', 'Delivered in 3 days'],
    ['not numeric: type-based', metric({ formatExpression: '#,##0' }), 'n/a', 'n/a'],
    ['date value: type-based', dimension({ type: 'date', formatExpression: '#,##0' }), '2024-01-02', '2024-01-02'],
    ['boolean value: type-based', dimension({ type: 'boolean', formatExpression: '0.0' }), true, 'True'],
    ['unsupported: legacy keys', metric({ formatExpression: 'm/d/yyyy', format: 'usd' }), 12, '$12.00'],
    ['unsupported: default', metric({ formatExpression: '[>100]0' }), 1234.5678, '1,234.568'],
  ])('%s: %s → %s', (_label, field, raw, expected) => {
    expect(formatValue(raw, field)).toBe(expected);
  });
});

describe('formatValue: table calculations, custom metrics, custom dimensions', () => {
  it.each<Case>([
    ['calc without format', calculation(), 1234.5678, '1,234.568'],
    ['calc without type, text', calculation(), 'abc', 'abc'],
    ['calc percent', calculation({ format: { type: 'percent', round: 1 } }), 0.1234, '12.3%'],
    ['calc currency compact', calculation({ format: { type: 'currency', currency: 'EUR', compact: 'K' } }), 12345, '€12.35K'],
    ['calc number prefix/suffix', calculation({ format: { type: 'number', prefix: '≈', suffix: ' pts', round: 0 } }), 12.5, '≈13 pts'],
    ['calc id', calculation({ format: { type: 'id' } }), 1234567, '1234567'],
    ['calc separator', calculation({ format: { type: 'number', round: 2, separator: 'periodComma' } }), 1234.5, '1.234,50'],
    ['calc type string', calculation({ type: 'string', format: { type: 'percent' } }), '0.5', '0.5'],
    ['calc type boolean', calculation({ type: 'boolean' }), false, 'False'],
    ['calc type date', calculation({ type: 'date' }), '2024-06-30', '2024-06-30'],
    ['calc type date, format interval', calculation({ type: 'date', format: { type: 'date', timeInterval: 'QUARTER' } }), '2024-06-30', '2024-Q2'],
    ['calc type timestamp', calculation({ type: 'timestamp', format: { type: 'timestamp', timeInterval: 'MINUTE' } }), new Date('2024-06-30T10:20:30Z'), '2024-06-30, 10:20 (+00:00)'],
    ['custom metric legacy', additional({ format: 'usd', round: 0 }), 99.5, '$100'],
    ['custom metric formatOptions', additional({ format: 'usd', formatOptions: { type: 'percent', round: 0 } }), 0.5, '50%'],
    ['compiled custom metric formatOptions', metric({ format: 'usd', formatOptions: { type: 'number', compact: 'K' } }), 2500, '2.5K'],
    ['custom metric string', additional({ type: 'string' }), '1234', '1234'],
    ['bin', bin, '0-10', '0-10'],
    ['sql number', sqlDimension('number'), 1234.5, '1,234.5'],
    ['sql date', sqlDimension('date'), '2024-01-01', '2024-01-01'],
    ['sql boolean', sqlDimension('boolean'), 'true', 'True'],
    ['calc type outside the contract', calculation({ type: 'money' as never }), 1234.5678, '1,234.568'],
    ['dimension type outside the contract', dimension({ type: 'json' as never }), 'x', 'x'],
  ])('%s: %s → %s', (_label, field, raw, expected) => {
    expect(formatValue(raw, field)).toBe(expected);
  });
});

describe('formatValue: display time zone', () => {
  it('shows timestamps in the zone and leaves dates alone', () => {
    const options = { timezone: 'America/Los_Angeles' };
    expect(formatValue(new Date('2024-01-01T05:00:00Z'), dimension({ type: 'timestamp' }), options)).toBe('2023-12-31, 21:00:00:000 (-08:00)');
    expect(formatValue(new Date('2024-07-01T05:00:00Z'), dimension({ type: 'timestamp', timeInterval: 'HOUR' }), options)).toBe('2024-06-30, 22 (-07:00)');
    expect(formatValue(new Date('2024-01-01T00:00:00Z'), dimension({ type: 'date', timeInterval: 'YEAR' }), options)).toBe('2024');
    expect(formatValue('2024-01-01', dimension({ type: 'date' }), options)).toBe('2024-01-01');
  });

  it('rejects an unknown zone before any value', () => {
    expect(() => createValueFormatter(dimension(), { timezone: 'Not/AZone' })).toThrow(ParameterError);
  });
});
