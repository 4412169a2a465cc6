/**
 * A warehouse value as JSON can carry it: integers beyond 2^53 as decimal text (a JSON number would
 * silently round them), other bigints as numbers, instants as ISO 8601, invalid dates as null.
 */
export const jsonValue = (value: unknown): unknown => {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return value ?? null;
};
