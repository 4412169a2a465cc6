import { describe, expect, it } from 'vitest';
import { dimension } from '../../../testing/explore-fixture.js';
import { binDimension, customColumns, customMetric, fieldReference, metricTypesFor, nameProblem, snakeName, sqlDimension, tableCalculation } from './custom-fields.js';

describe('custom fields', () => {
  const amount = dimension('orders', 'amount', 'number', { label: 'Amount' });

  it('names fields in snake_case from their label', () => {
    expect(snakeName('  Amount (USD) bins ')).toBe('amount_usd_bins');
    expect(nameProblem('Amount bins', ['amount_bins'])).toMatch(/already a field/);
    expect(nameProblem('!!', [])).toMatch(/letters or digits/);
    expect(nameProblem('Twice', ['amount_bins'])).toBeUndefined();
  });

  it('builds bin and SQL dimensions as MetricQuery.customDimensions takes them', () => {
    expect(binDimension(amount, 'Amount bins', { binType: 'fixed_width', binWidth: 50 })).toEqual({
      id: 'amount_bins',
      name: 'Amount bins',
      table: 'orders',
      type: 'bin',
      dimensionId: 'orders_amount',
      binType: 'fixed_width',
      binWidth: 50,
    });
    expect(sqlDimension('orders', 'Is big', '${TABLE}.amount > 100', 'boolean')).toEqual({ id: 'is_big', name: 'Is big', table: 'orders', type: 'sql', sql: '${TABLE}.amount > 100', dimensionType: 'boolean' });
  });

  it('builds a custom metric on a dimension with the aggregations its type allows', () => {
    expect(customMetric(amount, 'sum')).toEqual({ table: 'orders', name: 'amount_sum', label: 'Sum of Amount', type: 'sum', sql: '${TABLE}.amount', baseDimensionName: 'amount' });
    expect(metricTypesFor('string')).toEqual(['count', 'count_distinct']);
    expect(metricTypesFor('date')).toContain('max');
    expect(metricTypesFor('number')).toContain('average');
  });

  it('builds table calculations referring to fields as ${table.name}', () => {
    expect(tableCalculation('Twice the orders', `${fieldReference({ table: 'orders', name: 'order_count' })} * 2`, 'number')).toEqual({
      name: 'twice_the_orders',
      displayName: 'Twice the orders',
      sql: '${orders.order_count} * 2',
      type: 'number',
    });
  });
});

describe('custom columns', () => {
  it('lists custom dimensions, custom metrics and table calculations by their query id and label', () => {
    expect(
      customColumns({
        customDimensions: [{ id: 'amount_bins', name: 'Amount bins' }],
        additionalMetrics: [{ table: 'orders', name: 'amount_sum', label: 'Sum of Amount' }, { table: 'orders', name: 'x' }],
        tableCalculations: [{ name: 'twice', displayName: 'Twice' }],
      }),
    ).toEqual([
      { id: 'amount_bins', label: 'Amount bins' },
      { id: 'orders_amount_sum', label: 'Sum of Amount' },
      { id: 'orders_x', label: 'x' },
      { id: 'twice', label: 'Twice' },
    ]);
  });
});
