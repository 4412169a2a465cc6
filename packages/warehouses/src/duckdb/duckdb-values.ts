import {
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
