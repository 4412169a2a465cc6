import {
  DuckDBDecimalType,
  DuckDBDecimalValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  dateFromTimestampMillisecondsValue,
  dateFromTimestampNanosecondsValue,
  dateFromTimestampSecondsValue,
  dateFromTimestampTZValue,
  dateFromTimestampValue,
  doubleFromDecimalValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { exactInteger } from '../execution/exact-integer.js';

const TIMESTAMPS: Partial<Record<DuckDBTypeId, (value: DuckDBValue) => Date>> = {
  [DuckDBTypeId.TIMESTAMP]: dateFromTimestampValue,
  [DuckDBTypeId.TIMESTAMP_S]: dateFromTimestampSecondsValue,
  [DuckDBTypeId.TIMESTAMP_MS]: dateFromTimestampMillisecondsValue,
  [DuckDBTypeId.TIMESTAMP_NS]: dateFromTimestampNanosecondsValue,
  [DuckDBTypeId.TIMESTAMP_TZ]: dateFromTimestampTZValue,
};

/** Types whose values already are in normal form (or null): no conversion at all. */
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.VARCHAR,
]);

/**
 * A TIMESTAMP or TIMESTAMPTZ (microseconds since the epoch) as a Date, without BigInt arithmetic
 * while the microseconds are a safe integer (years 1685–2255): truncated to milliseconds toward
 * zero, as @duckdb/node-api's converters do. Undefined outside that range.
 */
const dateFromMicros = (micros: bigint): Date | undefined => {
  const n = Number(micros);
  return Number.isSafeInteger(n) ? new Date((n - (n % 1000)) / 1000) : undefined;
};

/**
 * `fromDuckDb` for every value of a column of `type`, chosen once per column: the cursor's hot loop
 * calls it for each cell, so the common types skip the type dispatch and the slow generic
 * conversions (a native call per DECIMAL, BigInt division per TIMESTAMP) where a plain
 * floating-point operation gives the same result. Same results as fromDuckDb, value for value.
 */
export const duckDbConverter = (type: DuckDBType): ((value: DuckDBValue) => unknown) => {
  if (AS_IS.has(type.typeId)) return (value) => value;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
      return (value) => (typeof value === 'bigint' ? exactInteger(value) : fromDuckDb(value, type));
    case DuckDBTypeId.DECIMAL: {
      // A scaled value that is a safe integer divided by an exact power of ten: the correctly rounded
      // quotient, which is what DuckDB's decimal_to_double gives for it (checked on random values).
      const scale = type instanceof DuckDBDecimalType ? type.scale : Number.NaN;
      if (!(scale >= 0 && scale <= 18)) break;
      const divisor = 10 ** scale;
      return (value) => {
        if (value instanceof DuckDBDecimalValue) {
          const scaled = Number(value.value);
          if (Number.isSafeInteger(scaled)) return scaled / divisor;
        }
        return fromDuckDb(value, type);
      };
    }
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return (value) => {
        const date = value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue ? dateFromMicros(value.micros) : undefined;
        return date ?? fromDuckDb(value, type);
      };
  }
  return (value) => fromDuckDb(value, type);
};

/**
 * A DuckDB value in the package's normal form. Timestamps count from the UTC epoch, so a zone-less
 * TIMESTAMP reads as UTC; one outside JS Date's range, and every type the semantic layer has no name
 * for (TIME, INTERVAL, LIST, STRUCT, UUID, BLOB…), comes as DuckDB's text form.
 */
export const fromDuckDb = (value: DuckDBValue, type: DuckDBType): unknown => {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return exactInteger(value);
  if (type.typeId === DuckDBTypeId.DECIMAL) return doubleFromDecimalValue(value);
  const timestamp = TIMESTAMPS[type.typeId];
  if (timestamp) {
    try {
      return timestamp(value);
    } catch {
      return String(value);
    }
  }
  // DATE's text form is YYYY-MM-DD.
  return String(value);
};
