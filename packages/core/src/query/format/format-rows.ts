import type { ValueFormatter } from './custom-format.js';
import { createValueFormatter } from './value-formatter.js';
import type { FormatOptions, FormattableField } from './value-formatter.js';

/** `ResultValue` of the 0.1411 contract. */
export interface ResultValue {
  raw: unknown;
  formatted: string;
}

/** A result row: column id → `{value: {raw, formatted}}`. */
export type ResultRow = Record<string, { value: ResultValue }>;

/**
 * `raw` as it can go into JSON: a Date → its ISO string (invalid → null), a bigint → its digits,
 * NaN/±Infinity and undefined → null (JSON has no such values, and the spec requires `raw`).
 * Everything else unchanged.
 */
export const jsonSafeRaw = (raw: unknown): unknown => {
  switch (typeof raw) {
    case 'object':
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
      return raw;
    case 'bigint':
      return raw.toString();
    case 'number':
      return Number.isFinite(raw) ? raw : null;
    case 'undefined':
      return null;
    default:
      return raw;
  }
};

/**
 * Rows as the API returns them. One formatter per column is built before the first row; a column
 * missing from `fields` gets the default formatter. Keys are copied as they come from the
 * warehouse (a column named `__proto__` becomes an own property, never the prototype).
 */
export const formatRows = (
  rows: readonly Record<string, unknown>[],
  fields: Readonly<Record<string, FormattableField>>,
  options: FormatOptions = {},
): ResultRow[] => {
  const formatters: Record<string, ValueFormatter> = Object.create(null);
  for (const id of Object.keys(fields)) formatters[id] = createValueFormatter(fields[id], options);
  let fallback: ValueFormatter | undefined;

  const out = new Array<ResultRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const result: ResultRow = {};
    for (const key of Object.keys(row)) {
      const raw = row[key];
      const format = formatters[key] ?? (fallback ??= createValueFormatter(undefined, options));
      const cell = { value: { raw: jsonSafeRaw(raw), formatted: format(raw) } };
      if (key === '__proto__') Object.defineProperty(result, key, { value: cell, enumerable: true, writable: true, configurable: true });
      else result[key] = cell;
    }
    out[i] = result;
  }
  return out;
};
