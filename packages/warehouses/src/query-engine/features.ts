import type { Explore, MetricQueryRequest, QueryContext, QueryDialect } from '@tessera/core';

/**
 * Test support: one metric query per feature group of the compiler, over the demo explores. The
 * golden SQL test renders each for every dialect; the engine test runs each on every engine and
 * checks the engines agree (and, where given, with hand-checked expectations).
 */
export interface Feature {
  name: string;
  explore: string;
  query: MetricQueryRequest;
  context?: Partial<QueryContext>;
  /** Adjusts the explore for the feature (row-level security, required filters). */
  explore_?: (explore: Explore, dialect: QueryDialect) => Explore;
  /** Compile as totals or underlying data instead of a plain query. */
  kind?: 'query' | 'total' | 'underlying';
}

const base = (q: Partial<MetricQueryRequest>): MetricQueryRequest => ({
  exploreName: 'orders',
  dimensions: [],
  metrics: [],
  filters: {},
  sorts: [],
  limit: 500,
  tableCalculations: [],
  ...q,
});

const rule = (fieldId: string, operator: string, values: unknown[] = [], settings?: object) =>
  ({ id: `${fieldId}-${operator}`, target: { fieldId }, operator, values, ...(settings ? { settings } : {}) }) as never;

/** The orders explore with row-level security on orders' region and a required filter on customers. */
const secured = (explore: Explore, dialect: QueryDialect): Explore => {
  const orders = explore.tables.orders!;
  const customers = explore.tables.customers!;
  return {
    ...explore,
    tables: {
      ...explore.tables,
      orders: { ...orders, sqlWhere: `${dialect.quoteIdentifier('orders')}.region IN (\${lightdash.attributes.region})` },
      customers: { ...customers, sqlWhere: `${dialect.quoteIdentifier('customers')}.email <> \${lightdash.user.email}` },
    },
  };
};

export const FEATURES: Feature[] = [
  {
    name: 'basic',
    explore: 'orders',
    query: base({ dimensions: ['orders_status'], metrics: ['orders_order_count', 'orders_total_revenue'], sorts: [{ fieldId: 'orders_total_revenue', descending: true }] }),
  },
  {
    name: 'joins',
    explore: 'orders',
    query: base({ dimensions: ['customers_segment', 'orders_channel'], metrics: ['orders_order_count', 'customers_customer_count'], sorts: [{ fieldId: 'customers_segment', descending: false }, { fieldId: 'orders_channel', descending: false }] }),
  },
  {
    name: 'time-frames',
    explore: 'orders',
    query: base({
      dimensions: ['orders_ordered_at_month', 'orders_ordered_at_day_of_week_name', 'orders_ordered_at_month_name'],
      metrics: ['orders_order_count'],
      sorts: [{ fieldId: 'orders_ordered_at_month', descending: false }, { fieldId: 'orders_ordered_at_day_of_week_name', descending: false }],
      limit: 5000,
    }),
    context: { weekStart: 6 },
  },
  {
    name: 'timezone',
    explore: 'orders',
    query: {
      ...base({
        dimensions: ['orders_ordered_at_day', 'orders_ordered_at_hour'],
        metrics: ['orders_order_count'],
        sorts: [{ fieldId: 'orders_ordered_at_day', descending: false }, { fieldId: 'orders_ordered_at_hour', descending: false }],
        filters: { dimensions: { id: 'd', and: [rule('orders_ordered_at_day', 'inBetween', ['2022-03-12', '2022-03-14'])] } },
      }),
      timezone: 'America/New_York',
    },
    context: { timezone: 'America/New_York' },
  },
  {
    name: 'date-zoom',
    explore: 'orders',
    query: { ...base({ dimensions: ['orders_ordered_at_day'], metrics: ['orders_total_revenue'], sorts: [{ fieldId: 'orders_ordered_at_day', descending: false }] }), granularity: 'Quarter' },
  },
  {
    name: 'dimension-filters',
    explore: 'orders',
    query: base({
      dimensions: ['orders_region'],
      metrics: ['orders_order_count'],
      sorts: [{ fieldId: 'orders_region', descending: false }],
      filters: {
        dimensions: {
          id: 'root',
          and: [
            rule('orders_status', 'notEquals', ['cancelled']),
            { id: 'any', or: [rule('orders_channel', 'startsWith', ['we']), rule('orders_total_usd', 'greaterThan', [200])] },
            rule('orders_order_date', 'inBetween', ['2023-01-01', '2024-12-31']),
            rule('orders_ordered_at', 'inThePast', [2, 'x'].slice(0, 1), { unitOfTime: 'years', completed: true }),
            rule('customers_segment', 'include', ['ess']),
            rule('orders_is_first_order', 'equals', [true]),
          ],
        },
      },
    }),
    context: { now: new Date('2025-03-10T10:00:00Z') },
  },
  {
    name: 'metric-filters',
    explore: 'orders',
    query: base({
      dimensions: ['orders_country_code'],
      metrics: ['orders_order_count'],
      sorts: [{ fieldId: 'orders_country_code', descending: false }],
      filters: { metrics: { id: 'm', and: [rule('orders_total_revenue', 'greaterThan', [1000]), rule('orders_order_count', 'lessThan', [1000])] } },
    }),
  },
  {
    name: 'table-calculations',
    explore: 'orders',
    query: base({
      dimensions: ['orders_region'],
      metrics: ['orders_total_revenue'],
      sorts: [{ fieldId: 'orders_region', descending: false }],
      tableCalculations: [
        { name: 'revenue_share', displayName: 'Share', sql: '${orders.total_revenue} / SUM(${orders.total_revenue}) OVER ()', format: { type: 'percent', round: 1 } },
        { name: 'revenue_rank', displayName: 'Rank', sql: 'RANK() OVER (ORDER BY ${orders.total_revenue} DESC)', type: 'number' },
        { name: 'share_pct', displayName: 'Share %', sql: '${revenue_share} * 100', type: 'number' },
      ],
      filters: { tableCalculations: { id: 't', and: [rule('revenue_rank', 'lessThanOrEqual', [3])] } },
    }),
  },
  {
    name: 'custom-dimensions',
    explore: 'orders',
    query: base({
      dimensions: ['width_bin', 'range_bin', 'size_band'],
      metrics: ['orders_order_count'],
      sorts: [{ fieldId: 'width_bin', descending: false }, { fieldId: 'range_bin', descending: false }, { fieldId: 'size_band', descending: false }],
      customDimensions: [
        { id: 'width_bin', name: 'Items (by 2)', table: 'orders', type: 'bin', dimensionId: 'orders_item_count', binType: 'fixed_width', binWidth: 2 },
        { id: 'range_bin', name: 'Total band', table: 'orders', type: 'bin', dimensionId: 'orders_total_usd', binType: 'custom_range', customRange: [{ to: 50 }, { from: 50, to: 200 }, { from: 200 }] },
        { id: 'size_band', name: 'Size band', table: 'orders', type: 'sql', sql: "CASE WHEN ${orders.units} > 3 THEN 'bulk' ELSE 'single' END", dimensionType: 'string' },
      ],
    }),
  },
  {
    name: 'fixed-number-bins',
    explore: 'orders',
    query: base({
      dimensions: ['total_bin'],
      metrics: ['orders_order_count'],
      sorts: [{ fieldId: 'total_bin', descending: false }],
      customDimensions: [{ id: 'total_bin', name: 'Total (5 bins)', table: 'orders', type: 'bin', dimensionId: 'orders_total_usd', binType: 'fixed_number', binNumber: 5 }],
    }),
  },
  {
    name: 'additional-metrics',
    explore: 'orders',
    query: base({
      dimensions: ['orders_channel'],
      metrics: ['orders_web_revenue', 'orders_max_units'],
      sorts: [{ fieldId: 'orders_channel', descending: false }],
      additionalMetrics: [
        { table: 'orders', name: 'web_revenue', type: 'sum', sql: '${TABLE}.total_usd', label: 'Revenue (shipped)', filters: [{ id: 'f', target: { fieldRef: 'status' }, operator: 'equals', values: ['shipped'] }] },
        { table: 'orders', name: 'max_units', type: 'max', sql: '${orders.units}' },
      ],
    }),
  },
  {
    name: 'percentiles',
    explore: 'orders',
    query: base({ dimensions: ['orders_region'], metrics: ['orders_median_order_value', 'orders_p90_order_value'], sorts: [{ fieldId: 'orders_region', descending: false }] }),
  },
  {
    name: 'fan-out',
    explore: 'orders',
    query: base({
      dimensions: ['customers_segment'],
      metrics: ['orders_total_revenue', 'orders_average_order_value', 'orders_revenue_per_customer', 'order_items_units_sold'],
      sorts: [{ fieldId: 'customers_segment', descending: false }],
    }),
  },
  {
    name: 'row-level-security',
    explore: 'orders',
    explore_: secured,
    query: base({ dimensions: ['orders_region', 'customers_segment'], metrics: ['orders_order_count'], sorts: [{ fieldId: 'orders_region', descending: false }, { fieldId: 'customers_segment', descending: false }] }),
    context: { userAttributes: { region: ['EMEA', "O'Brien"] }, email: 'ana@example.com' },
  },
  {
    name: 'totals',
    kind: 'total',
    explore: 'orders',
    query: base({
      dimensions: ['orders_status'],
      metrics: ['orders_order_count', 'orders_total_revenue', 'order_items_units_sold'],
      filters: { dimensions: { id: 'd', and: [rule('orders_region', 'equals', ['EMEA', 'NA'])] } },
    }),
  },
  {
    name: 'underlying-data',
    kind: 'underlying',
    explore: 'orders',
    query: base({
      dimensions: ['orders_status'],
      metrics: ['orders_order_count'],
      limit: 5000,
      filters: { dimensions: { id: 'd', and: [rule('orders_status', 'equals', ['returned'])] } },
    }),
  },
];

export const FEATURE_CONTEXT: QueryContext = { userAttributes: {}, now: new Date('2026-06-15T12:00:00Z'), timezone: 'UTC' };
