import type { ResultField, ValueFormatter } from '@tessera/core';
import { isoInstantWriter } from './iso-instant.js';
import type { CsvOptions } from './metric-query-schemas.js';

/**
 * CSV text, RFC 4180: fields joined by `,`, lines ended by CRLF; a field holding `"`, `,`, CR, LF
 * or `#` is quoted and its quotes doubled (`#`: readers that take it for a comment mark see a quoted
 * field, and DuckDB's own CSV writer quotes the same fields, so a native export is byte-identical).
 * Values are written as they are (no formula escaping).
 */
const NEEDS_QUOTES = /[",\r\n#]/;

export const csvField = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A raw warehouse value as CSV text: empty for NULL, ISO 8601 for instants, JSON for structures. */
export const rawText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
};

/** Turns one column's values into CSV fields (quoted as needed): the export's per-cell work. */
export type CsvCell = (value: unknown) => string;

/**
 * `csvField(rawText(value))` for one column, faster: instants through an ISO writer that keeps the
 * day between rows, numbers and booleans never quoted (their text has no comma, quote or break).
 */
export const rawCell = (): CsvCell => {
  const iso = isoInstantWriter();
  return (value) => {
    switch (typeof value) {
      case 'string':
        return csvField(value);
      case 'number':
      case 'bigint':
      case 'boolean':
        return String(value);
      default:
        if (value instanceof Date) return iso(value) ?? '';
        return csvField(rawText(value));
    }
  };
};

/** The formatted text of one column's values (`onlyRaw: false`), quoted as needed. */
export const formattedCell =
  (format: ValueFormatter): CsvCell =>
  (value) =>
    csvField(format(value));

export type CsvColumn = { id: string; header: string };

const fieldLabel = (field: ResultField | undefined, id: string, showTableNames: boolean): string => {
  if (!field) return id;
  if ('fieldType' in field && field.fieldType !== undefined) {
    return showTableNames ? `${field.tableLabel} ${field.label}` : field.label;
  }
  if ('displayName' in field) return field.displayName;
  return field.name;
};

/**
 * The file's columns: `columnOrder` first (ids the result does not have are ignored), then the
 * result's other columns in select order, without `hiddenFields`. Headers are the custom label, or
 * "Table Field" with `showTableNames`, or the field label.
 */
export const csvColumns = (
  columns: readonly string[],
  fields: Readonly<Record<string, ResultField>>,
  options: Pick<CsvOptions, 'columnOrder' | 'hiddenFields' | 'customLabels' | 'showTableNames'>,
): CsvColumn[] => {
  const present = new Set(columns);
  const hidden = new Set(options.hiddenFields ?? []);
  const ordered = [...new Set([...options.columnOrder.filter((id) => present.has(id)), ...columns])];
  return ordered
    .filter((id) => !hidden.has(id))
    .map((id) => ({ id, header: options.customLabels?.[id] ?? fieldLabel(fields[id], id, options.showTableNames) }));
};

/** The file's header line (without its line end). */
export const csvHeader = (columns: readonly CsvColumn[]): string => columns.map((c) => csvField(c.header)).join(',');
