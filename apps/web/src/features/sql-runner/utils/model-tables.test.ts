import type { Explore } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { modelTables, selectStarSql } from './model-tables.js';

const dimension = (name: string, sql: string, extra: Record<string, unknown> = {}) => ({ name, sql, ...extra });

describe('model tables for the SQL runner', () => {
  it('lists each table with the plain columns its dimensions read', () => {
    const explore = {
      tables: {
        orders: {
          name: 'orders',
          label: 'Orders',
          sqlTable: '"demo"."orders"',
          dimensions: {
            status: dimension('status', '${TABLE}.status'),
            quoted: dimension('quoted', '${TABLE}."Region"'),
            computed: dimension('computed', 'UPPER(${TABLE}.status)'),
            created_day: dimension('created_day', '${TABLE}.created_at', { timeIntervalBaseDimensionName: 'created' }),
          },
        },
      },
    } as unknown as Explore;
    const [orders] = modelTables(explore);
    expect(orders).toEqual({ name: 'orders', label: 'Orders', sqlTable: '"demo"."orders"', columns: ['status', 'Region'] });
    expect(selectStarSql(orders!)).toBe('SELECT *\nFROM "demo"."orders"\nLIMIT 100');
  });
});
