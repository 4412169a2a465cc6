import type { AdditionalMetric, CustomDimension, FilterGroup, MetricQuery, SortField, TableCalculation } from '@tessera/core';
import type { ChartConfig } from '../../../api/charts-types.js';
import { defaultChart } from '../../charts/utils/chart-config.js';
import { emptyGroup, pruned } from './filter-tree.js';

/**
 * What the user is building on the explore page. Client state only: the explore itself and the
 * results are server state (TanStack Query); this becomes a `MetricQuery` when run, and a saved
 * chart's content (with `chart` and `pivotColumns`) when saved.
 */
export type ExploreState = {
  dimensions: string[];
  metrics: string[];
  /** Two trees, as the API keeps them: dimension rules filter rows, metric rules filter groups. */
  filters: { dimensions: FilterGroup; metrics: FilterGroup };
  sorts: SortField[];
  limit: number;
  /** The query's own fields: bin and SQL dimensions (selected by id), custom metrics (`table_name`), table calculations (by name). */
  customDimensions: CustomDimension[];
  additionalMetrics: AdditionalMetric[];
  tableCalculations: TableCalculation[];
  /** The visualisation (the spec's `ChartConfig`) and a cartesian chart's group-by dimension. */
  chart: ChartConfig;
  pivotColumns: string[];
};

export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 5000;

export type ExploreAction =
  | { type: 'toggleField'; fieldId: string; kind: 'dimension' | 'metric' }
  | { type: 'setFilters'; kind: 'dimensions' | 'metrics'; group: FilterGroup }
  | { type: 'setSorts'; sorts: SortField[] }
  /** Header click: ascending, then descending, then off; `add` keeps the other sorts (shift-click). */
  | { type: 'cycleSort'; fieldId: string; add: boolean }
  | { type: 'setLimit'; limit: number }
  /** Adds (or replaces, by id) a custom dimension and selects it. */
  | { type: 'addCustomDimension'; dimension: CustomDimension }
  | { type: 'removeCustomDimension'; id: string }
  /** Adds (or replaces, by field id) a custom metric and selects it. */
  | { type: 'addAdditionalMetric'; metric: AdditionalMetric }
  | { type: 'removeAdditionalMetric'; fieldId: string }
  /** Adds or replaces (by name) a table calculation. */
  | { type: 'addTableCalculation'; calculation: TableCalculation }
  | { type: 'removeTableCalculation'; name: string }
  | { type: 'setChart'; chart: ChartConfig; pivotColumns: string[] };

export const initialExploreState = (): ExploreState => ({
  dimensions: [],
  metrics: [],
  filters: { dimensions: emptyGroup('dimension-filters'), metrics: emptyGroup('metric-filters') },
  sorts: [],
  limit: DEFAULT_LIMIT,
  customDimensions: [],
  additionalMetrics: [],
  tableCalculations: [],
  chart: defaultChart(),
  pivotColumns: [],
});

export const additionalMetricId = (metric: Pick<AdditionalMetric, 'table' | 'name'>): string => `${metric.table}_${metric.name}`;

const toggle = (list: string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
const withId = (list: string[], id: string): string[] => (list.includes(id) ? list : [...list, id]);

const cycleSort = (sorts: SortField[], fieldId: string, add: boolean): SortField[] => {
  const current = sorts.find((s) => s.fieldId === fieldId);
  const others = add ? sorts.filter((s) => s.fieldId !== fieldId) : [];
  if (!current) return [...others, { fieldId, descending: false }];
  if (!current.descending) return add ? sorts.map((s) => (s.fieldId === fieldId ? { fieldId, descending: true } : s)) : [{ fieldId, descending: true }];
  return others;
};

/** Drops what refers to columns no longer in the query: sorts (the server would refuse them) and the group-by. */
const consistent = (state: ExploreState): ExploreState => {
  const columns = new Set([...state.dimensions, ...state.metrics, ...state.tableCalculations.map((c) => c.name)]);
  const sorts = state.sorts.filter((s) => columns.has(s.fieldId));
  const pivotColumns = state.pivotColumns.filter((p) => state.dimensions.includes(p));
  return sorts.length === state.sorts.length && pivotColumns.length === state.pivotColumns.length ? state : { ...state, sorts, pivotColumns };
};

const reduce = (state: ExploreState, action: ExploreAction): ExploreState => {
  switch (action.type) {
    case 'toggleField': {
      const key = action.kind === 'dimension' ? 'dimensions' : 'metrics';
      return { ...state, [key]: toggle(state[key], action.fieldId) };
    }
    case 'setFilters':
      return { ...state, filters: { ...state.filters, [action.kind]: action.group } };
    case 'setSorts':
      return { ...state, sorts: action.sorts };
    case 'cycleSort':
      return { ...state, sorts: cycleSort(state.sorts, action.fieldId, action.add) };
    case 'setLimit':
      return { ...state, limit: Math.min(MAX_LIMIT, Math.max(1, Math.round(action.limit) || 1)) };
    case 'addCustomDimension':
      return {
        ...state,
        customDimensions: [...state.customDimensions.filter((c) => c.id !== action.dimension.id), action.dimension],
        dimensions: withId(state.dimensions, action.dimension.id),
      };
    case 'removeCustomDimension':
      return { ...state, customDimensions: state.customDimensions.filter((c) => c.id !== action.id), dimensions: state.dimensions.filter((d) => d !== action.id) };
    case 'addAdditionalMetric': {
      const id = additionalMetricId(action.metric);
      return {
        ...state,
        additionalMetrics: [...state.additionalMetrics.filter((m) => additionalMetricId(m) !== id), action.metric],
        metrics: withId(state.metrics, id),
      };
    }
    case 'removeAdditionalMetric':
      return {
        ...state,
        additionalMetrics: state.additionalMetrics.filter((m) => additionalMetricId(m) !== action.fieldId),
        metrics: state.metrics.filter((m) => m !== action.fieldId),
      };
    case 'addTableCalculation': {
      const index = state.tableCalculations.findIndex((c) => c.name === action.calculation.name);
      const tableCalculations = index < 0 ? [...state.tableCalculations, action.calculation] : state.tableCalculations.map((c, i) => (i === index ? action.calculation : c));
      return { ...state, tableCalculations };
    }
    case 'removeTableCalculation':
      return { ...state, tableCalculations: state.tableCalculations.filter((c) => c.name !== action.name) };
    case 'setChart':
      return { ...state, chart: action.chart, pivotColumns: action.pivotColumns };
  }
};

export const exploreReducer = (state: ExploreState, action: ExploreAction): ExploreState => consistent(reduce(state, action));

/** The request body of runQuery / compileQuery (`MetricQuery`) for the current state. */
export const toMetricQuery = (exploreName: string, state: ExploreState): MetricQuery => {
  const dimensions = pruned(state.filters.dimensions);
  const metrics = pruned(state.filters.metrics);
  return {
    exploreName,
    dimensions: state.dimensions,
    metrics: state.metrics,
    filters: { ...(dimensions ? { dimensions } : {}), ...(metrics ? { metrics } : {}) },
    sorts: state.sorts,
    limit: state.limit,
    tableCalculations: state.tableCalculations,
    ...(state.additionalMetrics.length > 0 ? { additionalMetrics: state.additionalMetrics } : {}),
    ...(state.customDimensions.length > 0 ? { customDimensions: state.customDimensions } : {}),
  };
};
