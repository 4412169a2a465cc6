import { createValueFormatter, type ValueFormatter } from '@tessera/core';
import type { ResultRow as WarehouseRow } from '@tessera/warehouses';
import { isoInstantWriter } from './iso-instant.js';
import type { QueryResults } from './query-service.js';

/** Characters after which JSON.stringify would not simply quote a string (quote, backslash, controls, surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const jsonString = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/**
 * `JSON.stringify(jsonSafeRaw(value))` (see `formatRows`); `iso` is the column's instant writer. One
 * function for every column, so the call stays monomorphic in the hot loop.
 */
const rawJson = (value: unknown, iso: (date: Date) => string | undefined): string => {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object': {
      if (value === null) return 'null';
      if (value instanceof Date) {
        const text = iso(value);
        return text === undefined ? 'null' : `"${text}"`;
      }
      return JSON.stringify(value);
    }
    default:
      return 'null';
  }
};

type Column = { key: string; prefix: string; iso: (date: Date) => string | undefined; format: ValueFormatter };

/** Rows per chunk of text: small enough that a chunk's pieces die young, large enough to be cheap to encode. */
const ROWS_PER_CHUNK = 256;

/**
 * Writes the rows as `[{fieldId: {value: {raw, formatted}}}]` into `chunks`: the same text as
 * `JSON.stringify(formatRows(rows, fields, {timezone}))`, written cell by cell. The columns are the
 * first row's keys (every warehouse row has the same ones); a key without a field gets the default
 * formatter, as in formatRows. Two choices make it several times cheaper than building the cells:
 * - a chunk of rows is formatted column by column (one formatter over many values, then the next),
 *   then its text is assembled row by row;
 * - each chunk's text is encoded into a Buffer at once, so the garbage collector never has to trace
 *   one string of millions of pieces.
 */
const writeRows = (chunks: Buffer[], rows: readonly WarehouseRow[], fields: QueryResults['fields'], timezone: string): void => {
  if (rows.length === 0) {
    chunks.push(Buffer.from('[]'));
    return;
  }
  let fallback: ValueFormatter | undefined;
  const columns: Column[] = Object.keys(rows[0]!).map((key, i) => ({
    key,
    prefix: `${i === 0 ? '' : ','}${JSON.stringify(key)}:{"value":{"raw":`,
    iso: isoInstantWriter(),
    format: Object.hasOwn(fields, key) ? createValueFormatter(fields[key], { timezone }) : (fallback ??= createValueFormatter(undefined, { timezone })),
  }));
  const raws = columns.map(() => new Array<string>(ROWS_PER_CHUNK));
  const formatted = columns.map(() => new Array<string>(ROWS_PER_CHUNK));
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const count = Math.min(ROWS_PER_CHUNK, rows.length - start);
    for (let c = 0; c < columns.length; c++) {
      const { key, iso, format } = columns[c]!;
      const raw = raws[c]!;
      const text = formatted[c]!;
      for (let r = 0; r < count; r++) {
        const value = rows[start + r]![key];
        raw[r] = rawJson(value, iso);
        text[r] = jsonString(format(value));
      }
    }
    let text = start === 0 ? '[' : ',';
    for (let r = 0; r < count; r++) {
      text += r === 0 ? '{' : ',{';
      for (let c = 0; c < columns.length; c++) text += `${columns[c]!.prefix}${raws[c]![r]},"formatted":${formatted[c]![r]}}}`;
      text += '}';
    }
    chunks.push(Buffer.from(text));
  }
  chunks.push(Buffer.from(']'));
};

/** The rows as JSON text (see `writeRows`). */
export const rowsJson = (rows: readonly WarehouseRow[], fields: QueryResults['fields'], timezone: string): string => {
  const chunks: Buffer[] = [];
  writeRows(chunks, rows, fields, timezone);
  return Buffer.concat(chunks).toString();
};

/**
 * The RunMetricQuery / postRunUnderlyingDataQuery response `{status: "ok", results}` as UTF-8 JSON
 * in chunks (send them with `sendJsonText`; joining 30 MB costs more than streaming it), written
 * straight from the warehouse rows instead of building two objects per cell and serializing them
 * (with 100,000 rows that cost several times the warehouse query). The same text as the
 * schema-checked serializer gives for the formatted results; `extra` keys (e.g. a dashboard tile's
 * `appliedDashboardFilters`) come after `fields`, before `rows`.
 */
export const runQueryJson = (results: QueryResults, extra: Record<string, unknown> = {}): Buffer[] => {
  const { metricQuery, cacheMetadata, fields, rows, timezone } = results;
  const head = JSON.stringify({ status: 'ok', results: { metricQuery, cacheMetadata, fields, ...extra, rows: [] } });
  // `head` ends with `[]}}`: the empty rows, then the two objects it closes.
  const chunks = [Buffer.from(head.slice(0, -4))];
  writeRows(chunks, rows, fields, timezone);
  chunks.push(Buffer.from('}}'));
  return chunks;
};
