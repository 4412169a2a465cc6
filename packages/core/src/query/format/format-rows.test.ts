import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ResultField } from '../types.js';
import { formatRows, jsonSafeRaw } from './format-rows.js';
import { dimension, metric } from './testing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SPEC_PATH = path.resolve(here, '../../../../../../shared/spec/lightdash-openapi-0.1411.0.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Record<string, object> } };
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'spec', components: spec.components });
const validateResultValue = ajv.compile({ $ref: 'spec#/components/schemas/ResultValue' });

const fields: Record<string, ResultField> = {
  orders_status: dimension({ name: 'status', type: 'string' }),
  orders_created_month: dimension({ name: 'created_month', type: 'date', timeInterval: 'MONTH' }),
  orders_created_at: dimension({ name: 'created_at', type: 'timestamp' }),
  orders_total_revenue: metric({ name: 'total_revenue', format: 'usd' }),
  orders_order_count: metric({ name: 'order_count', type: 'count' }),
  revenue_share: { name: 'revenue_share', displayName: 'Share', sql: '1', format: { type: 'percent', round: 1 } },
};

const rows: Record<string, unknown>[] = [
  {
    orders_status: 'completed',
    orders_created_month: '2024-01-01',
    orders_created_at: new Date('2024-01-15T10:00:00.000Z'),
    orders_total_revenue: 1234.5,
    orders_order_count: 12345678901234567890n,
    revenue_share: 0.4567,
  },
  {
    orders_status: null,
    orders_created_month: null,
    orders_created_at: new Date(Number.NaN),
    orders_total_revenue: Number.NaN,
    orders_order_count: '42',
    revenue_share: undefined,
  },
];

describe('formatRows', () => {
  const result = formatRows(rows, fields);

  it('gives each column {value: {raw, formatted}} with the field formats', () => {
    expect(result).toEqual([
      {
        orders_status: { value: { raw: 'completed', formatted: 'completed' } },
        orders_created_month: { value: { raw: '2024-01-01', formatted: '2024-01' } },
        orders_created_at: { value: { raw: '2024-01-15T10:00:00.000Z', formatted: '2024-01-15, 10:00:00:000 (+00:00)' } },
        orders_total_revenue: { value: { raw: 1234.5, formatted: '$1,234.50' } },
        orders_order_count: { value: { raw: '12345678901234567890', formatted: '12,345,678,901,234,567,890' } },
        revenue_share: { value: { raw: 0.4567, formatted: '45.7%' } },
      },
      {
        orders_status: { value: { raw: null, formatted: '∅' } },
        orders_created_month: { value: { raw: null, formatted: '∅' } },
        orders_created_at: { value: { raw: null, formatted: 'NaT' } },
        orders_total_revenue: { value: { raw: null, formatted: 'NaN' } },
        orders_order_count: { value: { raw: '42', formatted: '42' } },
        revenue_share: { value: { raw: null, formatted: '-' } },
      },
    ]);
  });

  it('produces cells that validate as the spec ResultValue and survive JSON unchanged', () => {
    const json = JSON.parse(JSON.stringify(result)) as unknown;
    expect(json).toEqual(JSON.parse(JSON.stringify(result)));
    for (const row of json as Record<string, { value: unknown }>[]) {
      for (const [column, cell] of Object.entries(row)) {
        expect(Object.keys(cell), column).toEqual(['value']);
        if (!validateResultValue(cell.value)) expect.fail(`${column}: ${ajv.errorsText(validateResultValue.errors)}`);
      }
    }
  });

  it('keeps the columns of each row, in order, and formats unknown columns with the default', () => {
    const [row] = formatRows([{ b: 1234.5678, a: 'x', orders_status: 'done' }], fields);
    expect(Object.keys(row!)).toEqual(['b', 'a', 'orders_status']);
    expect(row!.b).toEqual({ value: { raw: 1234.5678, formatted: '1,234.568' } });
    expect(row!.a).toEqual({ value: { raw: 'x', formatted: 'x' } });
  });

  it('keeps a column named __proto__ as an own property', () => {
    const [row] = formatRows([JSON.parse('{"__proto__": 5, "x": 1}') as Record<string, unknown>], {});
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row!)).toEqual(['__proto__', 'x']);
    expect(JSON.stringify(row)).toBe('{"__proto__":{"value":{"raw":5,"formatted":"5"}},"x":{"value":{"raw":1,"formatted":"1"}}}');
  });

  it('shows timestamps in the display zone', () => {
    const [row] = formatRows([{ orders_created_at: new Date('2024-01-15T10:00:00Z') }], fields, { timezone: 'Europe/Paris' });
    expect(row!.orders_created_at!.value.formatted).toBe('2024-01-15, 11:00:00:000 (+01:00)');
  });

  it('returns an empty list for no rows', () => {
    expect(formatRows([], fields)).toEqual([]);
  });
});

describe('jsonSafeRaw', () => {
  it.each<[string, unknown, unknown]>([
    ['Date', new Date('2024-01-02T03:04:05.006Z'), '2024-01-02T03:04:05.006Z'],
    ['invalid Date', new Date(Number.NaN), null],
    ['bigint', -12345678901234567890n, '-12345678901234567890'],
    ['NaN', Number.NaN, null],
    ['Infinity', Number.NEGATIVE_INFINITY, null],
    ['number', 1.5, 1.5],
    ['string', 'x', 'x'],
    ['boolean', false, false],
    ['null', null, null],
    ['undefined', undefined, null],
    ['object', { a: [1] }, { a: [1] }],
  ])('%s', (_label, raw, expected) => {
    expect(jsonSafeRaw(raw)).toEqual(expected);
  });
});
