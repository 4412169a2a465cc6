import type { SemanticSqlDialect } from '../semantic/compile/sql-dialect.js';

/**
 * A typed value to render as SQL text. Mirrors `@tessera/warehouses`' literal renderer: strings are
 * escaped for the engine's lexer, numbers must be finite, dates are `YYYY-MM-DD`, timestamps are
 * instants (rendered as UTC wall clock). The renderer throws for anything it cannot render exactly.
 */
export type LiteralValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number | bigint }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string }
  | { type: 'timestamp'; value: Date | string }
  | { type: 'null' };

export type LikePosition = 'contains' | 'startsWith' | 'endsWith';

/**
 * Everything the metric-query compiler needs from a warehouse's SQL. Implemented per engine in
 * `@tessera/warehouses` (`queryDialect(name, options)`); the compiler never branches on the
 * engine's name. These are the only ways a user value or identifier becomes SQL text.
 */
export interface QueryDialect {
  readonly name: string;
  quoteIdentifier(name: string): string;
  /** The only way a user value may become SQL text. Throws for values it cannot render exactly. */
  literal(value: LiteralValue): string;
  /** Time frames, aggregates, intervals: the templates the explore compiler also uses. */
  readonly semantic: SemanticSqlDialect;
  /**
   * `<expr> LIKE <pattern>` matching `text` literally (its `%`, `_` and escape character escaped)
   * at the given position; `negate` gives NOT LIKE. `expr` is already parenthesised SQL.
   * `caseInsensitive` compares `UPPER(expr)` with `UPPER(pattern)` (case mapping in SQL, not in JS).
   */
  likeMatch(expr: string, text: string, position: LikePosition, negate: boolean, caseInsensitive?: boolean): string;
  /** String concatenation of SQL expressions. */
  concat(parts: readonly string[]): string;
  /** Cast to the engine's floating type (for ratios). */
  castToFloat(sql: string): string;
  /** Cast to the engine's string type. */
  castToString(sql: string): string;
  /**
   * A timestamp holding UTC wall-clock time, as wall-clock time in the IANA zone `zone` (already
   * validated; render it with \`literal\`). Truncation to days, weeks… then follows the zone's calendar.
   */
  convertTimezone(sql: string, zone: string): string;
  /** Cast to the engine's 64-bit integer type (bin bounds print alike everywhere). */
  castToInteger(sql: string): string;
  /** Trailing row limit clause, e.g. `LIMIT 500`. */
  limit(rows: number): string;
  /** `a` equals `b`, NULL equal to NULL. */
  nullSafeEquals(a: string, b: string): string;
}
