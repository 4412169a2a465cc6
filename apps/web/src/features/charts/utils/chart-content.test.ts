import { describe, expect, it } from 'vitest';
import { exploreReducer, initialExploreState, type ExploreAction } from '../../explore/utils/explore-state.js';
import { cartesianConfig } from './chart-config.js';
import { savedChartDrawing, stateOfChart, toChartContent } from './chart-content.js';

const apply = (...actions: ExploreAction[]) => actions.reduce(exploreReducer, initialExploreState());

describe('saved chart content', () => {
  const state = apply(
    { type: 'toggleField', fieldId: 'orders_status', kind: 'dimension' },
    { type: 'toggleField', fieldId: 'orders_region', kind: 'dimension' },
    { type: 'toggleField', fieldId: 'orders_order_count', kind: 'metric' },
    { type: 'addTableCalculation', calculation: { name: 'double', displayName: 'Double', sql: '${orders.order_count} * 2', type: 'number' } },
    { type: 'addCustomDimension', dimension: { id: 'amount_bins', name: 'Amount bins', table: 'orders', type: 'bin', dimensionId: 'orders_amount', binType: 'fixed_number', binNumber: 5 } },
    { type: 'setChart', chart: cartesianConfig({ kind: 'bar', xField: undefined, yFields: ['double'], stacked: true, xAxisName: '', yAxisName: 'Twice' }), pivotColumns: ['orders_region'] },
  );

  it('saves the query, the chart as drawn (blanks filled), the column order and the group-by', () => {
    const content = toChartContent('orders', state);
    expect(content.tableName).toBe('orders');
    expect(content.metricQuery).toMatchObject({
      dimensions: ['orders_status', 'orders_region', 'amount_bins'],
      metrics: ['orders_order_count'],
      tableCalculations: [{ name: 'double' }],
      customDimensions: [{ id: 'amount_bins' }],
    });
    expect(content.chartConfig).toMatchObject({ type: 'cartesian', config: { layout: { xField: 'orders_status', yField: ['double'] } } });
    expect(content.tableConfig).toEqual({ columnOrder: ['orders_status', 'orders_region', 'amount_bins', 'orders_order_count', 'double'] });
    expect(content.pivotConfig).toEqual({ columns: ['orders_region'] });
    expect(toChartContent('orders', exploreReducer(state, { type: 'setChart', chart: { type: 'pie' }, pivotColumns: ['orders_region'] }))).not.toHaveProperty('pivotConfig');
  });

  it('opens a saved chart as the state it was built from', () => {
    const content = toChartContent('orders', state);
    const reopened = stateOfChart(content);
    expect(toChartContent('orders', reopened)).toEqual(content);
    expect(reopened.pivotColumns).toEqual(['orders_region']);
    expect(stateOfChart({ ...content, chartConfig: { type: 'custom' } as never }).chart.type).toBe('cartesian');
  });
});

describe('drawing a saved chart', () => {
  it('resolves the saved config against the results query and keeps a group-by still in it', () => {
    const query = { exploreName: 'orders', dimensions: ['orders_status', 'orders_region'], metrics: ['orders_order_count'], filters: {}, sorts: [], limit: 10, tableCalculations: [] };
    const drawn = savedChartDrawing({ chartConfig: { type: 'cartesian' }, pivotConfig: { columns: ['orders_region'] } }, query);
    expect(drawn.pivot).toBe('orders_region');
    expect(drawn.chart).toMatchObject({ config: { layout: { xField: 'orders_status', yField: ['orders_order_count'] } } });
    expect(savedChartDrawing({ chartConfig: { type: 'pie' }, pivotConfig: { columns: ['orders_region'] } }, query).pivot).toBeUndefined();
    expect(savedChartDrawing({ chartConfig: { type: 'gauge' } as never }, query).chart).toEqual({ type: 'table' });
  });
});
