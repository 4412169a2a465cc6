import mysql from 'mysql2/promise';
import { toColumnType } from '../column-types.js';
import type { ColumnType } from '../warehouse-client.js';

/** Protocol type names (mysql2's `Types`) as the SQL type names `toColumnType` knows. */
const SQL_TYPE_NAMES: Record<string, string> = {
  TINY: 'tinyint',
  SHORT: 'smallint',
  INT24: 'mediumint',
  LONG: 'int',
  LONGLONG: 'bigint',
  YEAR: 'smallint',
  FLOAT: 'float',
  DOUBLE: 'double',
  DECIMAL: 'decimal',
  NEWDECIMAL: 'decimal',
  DATE: 'date',
  NEWDATE: 'date',
  DATETIME: 'datetime',
  DATETIME2: 'datetime',
  TIMESTAMP: 'timestamp',
  TIMESTAMP2: 'timestamp',
};

const protocolTypeName = (code: number | undefined): string | undefined =>
  code === undefined ? undefined : (mysql.Types as unknown as Record<number, string | undefined>)[code];

/**
 * Column type of a result field. A result set does not say `boolean`: `tinyint(1)`, `true` and
 * `1 = 1` all arrive as integers, so they are numbers here (the catalog, which reads the declared
 * `column_type`, still calls a `tinyint(1)` column boolean). Only `bit(1)` is a boolean.
 */
export const columnTypeOf = (field: mysql.FieldPacket): ColumnType => {
  const name = protocolTypeName(field.columnType ?? field.type);
  if (name === 'BIT') return field.columnLength === 1 ? 'boolean' : 'string';
  return toColumnType(SQL_TYPE_NAMES[name ?? ''] ?? 'varchar');
};

/** `bit(1)` as a boolean; every other type as the pool's options make it. */
export const typeCast = (field: mysql.TypeCastField, next: () => unknown): unknown => {
  if (field.type !== 'BIT' || field.length !== 1) return next();
  const bytes = field.buffer();
  return bytes === null ? null : bytes[0] === 1;
};
