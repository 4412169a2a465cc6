import type { SqlQueryResults } from '../../../api/settings-types.js';

/** The columns of a SQL runner result, in the order the warehouse returned them. */
export const columnsOf = (results: SqlQueryResults): string[] => {
  const fromFields = Object.keys(results.fields);
  return fromFields.length > 0 ? fromFields : Object.keys(results.rows[0] ?? {});
};

const NUMERIC = new Set(['number']);
export const isNumericColumn = (results: SqlQueryResults, column: string): boolean => NUMERIC.has(results.fields[column]?.type ?? '');

/** A raw JSON value as a cell shows it: null as ∅, objects and arrays as JSON. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Ctrl+Enter or Cmd+Enter runs the query (the textarea keeps plain Enter for new lines). */
export const isRunShortcut = (e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);
