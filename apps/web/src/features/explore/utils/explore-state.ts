import type { FilterGroup, MetricQuery, SortField } from '@tessera/core';
import { emptyGroup, pruned } from './filter-tree.js';

/**
 * What the user is building on the explore page. Client state only: the explore itself and the
 * results are server state (TanStack Query); this becomes a `MetricQuery` when run.
 */
export type ExploreState = {
  dimensions: string[];
  metrics: string[];
  /** Two trees, as the API keeps them: dimension rules filter rows, metric rules filter groups. */
  filters: { dimensions: FilterGroup; metrics: FilterGroup };
  sorts: SortField[];
  limit: number;
};

export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 5000;

export type ExploreAction =
  | { type: 'toggleField'; fieldId: string; kind: 'dimension' | 'metric' }
  | { type: 'setFilters'; kind: 'dimensions' | 'metrics'; group: FilterGroup }
  | { type: 'setSorts'; sorts: SortField[] }
  /** Header click: ascending, then descending, then off; `add` keeps the other sorts (shift-click). */
  | { type: 'cycleSort'; fieldId: string; add: boolean }
  | { type: 'setLimit'; limit: number };

export const initialExploreState = (): ExploreState => ({
  dimensions: [],
  metrics: [],
  filters: { dimensions: emptyGroup('dimension-filters'), metrics: emptyGroup('metric-filters') },
  sorts: [],
  limit: DEFAULT_LIMIT,
});

const toggle = (list: string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

const cycleSort = (sorts: SortField[], fieldId: string, add: boolean): SortField[] => {
  const current = sorts.find((s) => s.fieldId === fieldId);
  const others = add ? sorts.filter((s) => s.fieldId !== fieldId) : [];
  if (!current) return [...others, { fieldId, descending: false }];
  if (!current.descending) return add ? sorts.map((s) => (s.fieldId === fieldId ? { fieldId, descending: true } : s)) : [{ fieldId, descending: true }];
  return others;
};

export const exploreReducer = (state: ExploreState, action: ExploreAction): ExploreState => {
  switch (action.type) {
    case 'toggleField': {
      const key = action.kind === 'dimension' ? 'dimensions' : 'metrics';
      const next = { ...state, [key]: toggle(state[key], action.fieldId) };
      // A sort on a field no longer selected would be refused by the server.
      const selected = new Set([...next.dimensions, ...next.metrics]);
      return { ...next, sorts: next.sorts.filter((s) => selected.has(s.fieldId)) };
    }
    case 'setFilters':
      return { ...state, filters: { ...state.filters, [action.kind]: action.group } };
    case 'setSorts':
      return { ...state, sorts: action.sorts };
    case 'cycleSort':
      return { ...state, sorts: cycleSort(state.sorts, action.fieldId, action.add) };
    case 'setLimit':
      return { ...state, limit: Math.min(MAX_LIMIT, Math.max(1, Math.round(action.limit) || 1)) };
  }
};

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
    tableCalculations: [],
  };
};
