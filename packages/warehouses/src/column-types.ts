import type { ColumnType } from './warehouse-client.js';

/**
 * Maps a warehouse's type name to a semantic-layer type. Shared by every engine: type names are
 * close enough across SQL engines that one ordered rule list, matched on the normalised name, covers
 * them; anything unknown is a string (the anchor's fallback).
 */
const RULES: [RegExp, ColumnType][] = [
  [/^(bool|boolean|bit)$/, 'boolean'],
  // MySQL/MariaDB have no boolean type: `boolean` is stored as `tinyint(1)`, so that width (and
  // `bit(1)`) counts as boolean. Needs the full column type (`column_type`); other widths are numbers.
  [/^(tinyint\(1\)|bit\(1\))(\s|$)/, 'boolean'],
  [/^date$/, 'date'],
  [/^(timestamp|datetime|timestamptz|timestamp with(out)? time zone|timestamp_[nlt]tz|timestamp_ns|timestamp_ms|timestamp_s)/, 'timestamp'],
  [
    /^(tinyint|smallint|mediumint|int|integer|bigint|hugeint|uhugeint|utinyint|usmallint|uinteger|ubigint|int[248]|float[48]?|double|double precision|real|decimal|numeric|number|money|serial|bigserial)(\(|\s|$)/,
    'number',
  ],
];

export const toColumnType = (warehouseType: string): ColumnType => {
  const normalised = warehouseType.trim().toLowerCase();
  for (const [pattern, type] of RULES) if (pattern.test(normalised)) return type;
  return 'string';
};
