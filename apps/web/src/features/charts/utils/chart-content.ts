import type { FilterGroup } from '@tessera/core';
import type { ChartConfig, ChartContent, SavedChart } from '../../../api/charts-types.js';
import type { QueryResults } from '../../../api/types.js';
import { initialExploreState, toMetricQuery, type ExploreState } from '../../explore/utils/explore-state.js';
import { defaultChart, resolveChart } from './chart-config.js';
import { queryColumns } from './result-columns.js';

const KNOWN_TYPES = new Set<string>(['cartesian', 'pie', 'table', 'big_number', 'funnel']);

/**
 * The explore page's state ↔ a saved chart's content. Saving stores the chart as it is drawn (the
 * config with its blanks filled from the query); opening a saved chart gives back the state it was
 * built from.
 */
export const toChartContent = (exploreName: string, state: ExploreState): ChartContent => {
  const metricQuery = toMetricQuery(exploreName, state);
  const calculations = state.tableCalculations.map((c) => c.name);
  const pivot = state.chart.type === 'cartesian' ? state.pivotColumns[0] : undefined;
  return {
    tableName: exploreName,
    metricQuery,
    chartConfig: resolveChart(state.chart, { dimensions: state.dimensions, metrics: state.metrics, calculations }, pivot),
    tableConfig: { columnOrder: [...state.dimensions, ...state.metrics, ...calculations] },
    ...(pivot ? { pivotConfig: { columns: [pivot] } } : {}),
  };
};

const group = (saved: FilterGroup | undefined, fallback: FilterGroup): FilterGroup => saved ?? fallback;

export const stateOfChart = (chart: Pick<SavedChart, 'metricQuery' | 'chartConfig' | 'pivotConfig'>): ExploreState => {
  const initial = initialExploreState();
  const query = chart.metricQuery;
  return {
    ...initial,
    dimensions: query.dimensions,
    metrics: query.metrics,
    filters: { dimensions: group(query.filters.dimensions, initial.filters.dimensions), metrics: group(query.filters.metrics, initial.filters.metrics) },
    sorts: query.sorts,
    limit: query.limit,
    customDimensions: query.customDimensions ?? [],
    additionalMetrics: query.additionalMetrics ?? [],
    tableCalculations: query.tableCalculations,
    // A chart type this app does not build (a newer client's) opens as the default bar chart.
    chart: KNOWN_TYPES.has(chart.chartConfig.type) ? chart.chartConfig : defaultChart(),
    pivotColumns: (chart.pivotConfig?.columns ?? []).filter((c) => query.dimensions.includes(c)),
  };
};

/** How a saved chart (or one of its versions) is drawn over its results: the config resolved against the results' query, and its group-by. */
export const savedChartDrawing = (
  chart: Pick<SavedChart, 'chartConfig' | 'pivotConfig'>,
  query: QueryResults['metricQuery'],
): { chart: ChartConfig; pivot: string | undefined } => {
  const columns = queryColumns(query);
  const pivot = chart.chartConfig.type === 'cartesian' ? chart.pivotConfig?.columns.find((c) => columns.dimensions.includes(c)) : undefined;
  const known = KNOWN_TYPES.has(chart.chartConfig.type);
  return { chart: resolveChart(known ? chart.chartConfig : { type: 'table' }, columns, pivot), pivot };
};
