import type { CompiledDimension } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import {
  describeRule,
  effectiveFilters,
  filterFieldsOf,
  newDashboardRule,
  removeRule,
  upsertDimensionRule,
  withDashboardOperator,
  type FilterField,
} from './dashboard-filter-rules.js';

const dim = (table: string, name: string, type: CompiledDimension['type'], hidden = false) =>
  ({ fieldType: 'dimension', table, name, label: name[0]?.toUpperCase() + name.slice(1), tableLabel: table[0]?.toUpperCase() + table.slice(1), type, hidden, sql: '', compiledSql: '' }) as CompiledDimension;

const status: FilterField = { id: 'orders_status', label: 'Status', tableLabel: 'Orders', table: 'orders', type: 'string' };
const ids = () => {
  let n = 0;
  return () => `r${++n}`;
};
const empty = { dimensions: [], metrics: [], tableCalculations: [] };

describe('dashboard filter rules', () => {
  it('offers each dimension of the tiles once, hidden ones left out', () => {
    const fields = filterFieldsOf([
      [dim('orders', 'status', 'string'), dim('orders', 'secret', 'string', true), dim('customers', 'region', 'string')],
      [dim('orders', 'status', 'string'), dim('orders', 'created', 'date')],
    ]);
    expect(fields.map((f) => f.id)).toEqual(['customers_region', 'orders_created', 'orders_status']);
    expect(fields[1]).toEqual({ id: 'orders_created', label: 'Created', tableLabel: 'Orders', table: 'orders', type: 'date' });
  });

  it('makes rules that target the field and its table', () => {
    const rule = newDashboardRule(status, ids());
    expect(rule).toEqual({ id: 'r1', target: { fieldId: 'orders_status', tableName: 'orders' }, operator: 'equals', values: [] });
    const date = newDashboardRule({ ...status, id: 'orders_created', type: 'date' }, ids());
    expect(date).toMatchObject({ operator: 'inThePast', values: [14], settings: { unitOfTime: 'days' } });
  });

  it('changes operators with the builder’s value rules, keeping the target', () => {
    const rule = { ...newDashboardRule(status, ids()), values: ['completed', 'shipped'] };
    expect(withDashboardOperator(rule, 'notEquals', 'string')).toMatchObject({ operator: 'notEquals', values: ['completed', 'shipped'], target: { tableName: 'orders' } });
    expect(withDashboardOperator(rule, 'isNull', 'string').values).toEqual([]);
  });

  it('adds, replaces and removes rules', () => {
    const rule = { ...newDashboardRule(status, ids()), values: ['completed'] };
    let filters = upsertDimensionRule(empty, rule);
    filters = upsertDimensionRule(filters, { ...rule, values: ['shipped'] });
    expect(filters.dimensions).toHaveLength(1);
    expect(filters.dimensions[0]?.values).toEqual(['shipped']);
    expect(removeRule(filters, 'r1').dimensions).toEqual([]);
  });

  it('describes rules in words', () => {
    const rule = { ...newDashboardRule(status, ids()), values: ['completed', 'shipped'] };
    expect(describeRule(rule, status)).toBe('Status is completed, shipped');
    expect(describeRule({ ...rule, values: [] }, status)).toBe('Status is …');
    expect(describeRule({ ...rule, operator: 'isNull', values: [] }, status)).toBe('Status is empty');
    const created = { ...status, id: 'orders_created', label: 'Created', type: 'date' as const };
    expect(describeRule(newDashboardRule(created, ids()), created)).toBe('Created in the last 14 days');
  });

  it('sends only rules that restrict something', () => {
    const done = { ...newDashboardRule(status, ids()), values: ['completed'] };
    const open = { ...newDashboardRule(status, () => 'r2') };
    const off = { ...done, id: 'r3', disabled: true };
    expect(effectiveFilters({ ...empty, dimensions: [done, open, off] }, [status]).dimensions.map((r) => r.id)).toEqual(['r1']);
  });
});
