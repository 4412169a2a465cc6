/**
 * The immutable SQL tree the planner builds and the renderer prints. Expressions are already SQL
 * text (made by the dialect: quoted identifiers, rendered literals); the tree only fixes the
 * structure, so rendering is the one place that decides layout.
 */
export interface SelectItem {
  readonly sql: string;
  /** Output name; quoted by the renderer. */
  readonly alias?: string;
}

export interface JoinClause {
  readonly type: 'INNER' | 'LEFT OUTER' | 'RIGHT OUTER' | 'FULL OUTER' | 'CROSS';
  /** Table SQL, or a CTE / subquery. */
  readonly source: Source;
  readonly alias: string;
  readonly on?: string;
}

export type Source = { readonly kind: 'sql'; readonly sql: string } | { readonly kind: 'query'; readonly query: SelectQuery };

export interface OrderItem {
  readonly sql: string;
  readonly descending: boolean;
}

export interface SelectQuery {
  readonly ctes: readonly { readonly name: string; readonly query: SelectQuery }[];
  readonly distinct?: boolean;
  readonly select: readonly SelectItem[];
  readonly from: { readonly source: Source; readonly alias?: string };
  readonly joins: readonly JoinClause[];
  /** AND-ed conditions, each already a complete predicate. */
  readonly where: readonly string[];
  readonly groupBy: readonly string[];
  readonly orderBy: readonly OrderItem[];
  readonly limit?: number;
}

export const emptySelect = (from: SelectQuery['from']): SelectQuery => ({
  ctes: [],
  select: [],
  from,
  joins: [],
  where: [],
  groupBy: [],
  orderBy: [],
});
