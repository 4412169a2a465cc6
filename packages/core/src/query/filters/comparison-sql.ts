/**
 * Equality and ordering shared by numbers, dates, timestamps and booleans. `d` is the
 * parenthesised field SQL, `literals` already-rendered literals. Negations keep NULL rows.
 */
export const equalsSql = (d: string, literals: readonly string[]): string =>
  literals.length === 1 ? `${d} = ${literals[0]}` : `${d} IN (${literals.join(', ')})`;

export const notEqualsSql = (d: string, literals: readonly string[], nullable: string = d): string =>
  literals.length === 1 ? `(${d} <> ${literals[0]} OR ${nullable} IS NULL)` : `(${d} NOT IN (${literals.join(', ')}) OR ${nullable} IS NULL)`;

export const ORDERING_SQL = {
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
} as const;

export type OrderingOperator = keyof typeof ORDERING_SQL;

export const orderingSql = (d: string, operator: OrderingOperator, literal: string): string => `${d} ${ORDERING_SQL[operator]} ${literal}`;

/** Inclusive at both ends. */
export const betweenSql = (d: string, low: string, high: string, highInclusive = true): string =>
  `(${d} >= ${low} AND ${d} ${highInclusive ? '<=' : '<'} ${high})`;
