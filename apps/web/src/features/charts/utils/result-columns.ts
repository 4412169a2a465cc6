import type { QueryResults } from '../../../api/types.js';
import type { QueryColumns } from './chart-config.js';

/**
 * Reading a query's results by column: labels (a field's label, a table calculation's display
 * name, a custom dimension's name), raw values as numbers, and the columns by role.
 */
export const columnLabel = (results: QueryResults, id: string): string => {
  const field = results.fields[id] as { label?: string; displayName?: string; name?: string } | undefined;
  return field?.label ?? field?.displayName ?? field?.name ?? id;
};

export const toNumber = (raw: unknown): number | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

/** The result's columns by role, in the query's order (table calculations after the metrics). */
export const queryColumns = (query: QueryResults['metricQuery']): QueryColumns => ({
  dimensions: query.dimensions,
  metrics: query.metrics,
  calculations: query.tableCalculations.map((c) => c.name),
});

/** Every column of the results in table order: dimensions, metrics, then table calculations. */
export const tableColumns = (results: QueryResults): string[] => {
  const { dimensions, metrics, calculations } = queryColumns(results.metricQuery);
  return [...dimensions, ...metrics, ...calculations].filter((id) => results.fields[id] !== undefined || results.rows[0]?.[id] !== undefined);
};
