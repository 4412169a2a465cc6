import type { ColumnTypeCatalog } from '../types/compile-options.js';
import type { DimensionType } from '../types/explore.js';
import type { ModelRelation } from '../types/model-definition.js';
import { memoize } from '../util/memo.js';

const NUMBER = /^(u?(tiny|small|medium|big|huge)?int(eger)?\d*|int\d+|u?bigint|serial\d*|bigserial|smallserial|numeric|decimal|dec|number|fixed|float\d*|double( precision)?|real|money|long|short|byteint|bignumeric|u?hugeint|u?integer)$/;
const TIMESTAMP = /^(timestamp.*|datetime\d*|time|timetz|time with(out)? time zone)$/;

/**
 * A warehouse type name (YAML `data_type` or a catalog entry) as a dimension type, across
 * engines: `varchar(20)` → string, `NUMBER(38,0)` → number, `TIMESTAMP_NTZ` → timestamp.
 * Anything unrecognised (json, arrays, geography…) is a string, as in the anchor.
 */
export const dimensionTypeOfWarehouseType = memoize((dataType: string): DimensionType => {
  const t = dataType.trim().toLowerCase().replace(/\(.*$/, '').replace(/\s+/g, ' ').trim();
  if (t === 'date') return 'date';
  if (t === 'bool' || t === 'boolean') return 'boolean';
  if (NUMBER.test(t)) return 'number';
  if (TIMESTAMP.test(t)) return 'timestamp';
  return 'string';
});

/** The catalog's type of a column: exact match first, then case-insensitive. */
export const catalogType = (
  catalog: ColumnTypeCatalog | undefined,
  relation: ModelRelation,
  column: string,
): DimensionType | undefined => {
  if (!catalog || relation.kind !== 'table') return undefined;
  const path = [relation.database ?? '', relation.schema ?? '', relation.identifier, column];
  let node: unknown = catalog;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    const rec = node as Record<string, unknown>;
    node = key in rec ? rec[key] : rec[Object.keys(rec).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];
  }
  return typeof node === 'string' ? (node as DimensionType) : undefined;
};
