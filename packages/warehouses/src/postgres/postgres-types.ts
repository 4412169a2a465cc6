import pg from 'pg';
import { toColumnType } from '../column-types.js';
import { exactInteger } from '../execution/exact-integer.js';
import type { ColumnType } from '../warehouse-client.js';

const { builtins } = pg.types;

/** `2024-01-02 03:04:05.678912` (PostgreSQL's zone-less text form) read as UTC, to the millisecond. */
const ZONELESS_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d{1,3})?\d*$/;

/** A zone-less timestamp as a UTC instant; `infinity`, BC and years past 9999 stay as PostgreSQL wrote them. */
const parseUtcTimestamp = (text: string): Date | string => {
  const match = ZONELESS_TIMESTAMP.exec(text);
  return match ? new Date(`${match[1]}T${match[2]}${match[3] ?? ''}Z`) : text;
};

const PARSERS: Record<number, (text: string) => unknown> = {
  [builtins.INT8]: exactInteger,
  [builtins.NUMERIC]: Number,
  [builtins.DATE]: (text) => text,
  [builtins.TIMESTAMP]: parseUtcTimestamp,
};

/**
 * The client's own type parsers, so pg's process-wide defaults (used by the metadata store) stay
 * untouched: int8 → number (digits past 2^53), numeric → number, date → 'YYYY-MM-DD', timestamp
 * without time zone → Date read as UTC. timestamptz, booleans and the other numbers keep pg's parsers.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

const TYPE_NAMES = new Map<number, string>(Object.entries(builtins).map(([name, oid]) => [oid, name.toLowerCase()]));

/** Column type from a result field's type OID; types outside pg's built-ins (enums, domains…) are strings. */
export const columnTypeOf = (dataTypeID: number): ColumnType => toColumnType(TYPE_NAMES.get(dataTypeID) ?? 'text');
