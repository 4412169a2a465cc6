import { createSemanticDialect, likeMatchSql, ParameterError, type QueryDialect } from '@tessera/core';
import { DIALECTS, type DialectName } from './dialects.js';
import { QUERY_FLAGS } from './query-flags.js';

/** The LIKE pattern (before string-literal escaping) matching `text` literally at `position`; core renders LIKE for explores too. */
export { likePattern } from '@tessera/core';

const assertWeekStart = (startOfWeek: number | undefined): void => {
  if (startOfWeek !== undefined && !(Number.isInteger(startOfWeek) && startOfWeek >= 0 && startOfWeek <= 6)) {
    throw new ParameterError(`startOfWeek must be an integer from 0 (Monday) to 6 (Sunday), got ${String(startOfWeek)}`);
  }
};

/**
 * Everything the query compiler needs from one engine: the warehouse dialect's identifier quoting
 * and literals, the explore compiler's templates (whose string literals go through the same
 * renderer, so there is one escaping rule), and the query-building hooks of `QUERY_FLAGS`.
 */
export const queryDialect = (name: DialectName, options: { startOfWeek?: number | undefined } = {}): QueryDialect => {
  const dialect = DIALECTS[name];
  const flags = QUERY_FLAGS[name];
  assertWeekStart(options.startOfWeek);
  const literal: QueryDialect['literal'] = (value) => dialect.literal(value);
  const stringLiteral = (value: string) => literal({ type: 'string', value });
  return {
    name,
    quoteIdentifier: (identifier) => dialect.quoteIdentifier(identifier),
    literal,
    // The explore compiler renders YAML filters' LIKE from `semantic`: the same escaping as here.
    semantic: createSemanticDialect(flags.target, options.startOfWeek, { stringLiteral, likeEscape: flags.likeEscape }),
    likeMatch: (expr, text, position, negate, caseInsensitive = false) =>
      likeMatchSql({ escape: flags.likeEscape, stringLiteral }, expr, text, position, negate, caseInsensitive),
    concat(parts) {
      if (parts.length === 0) return stringLiteral('');
      if (parts.length === 1) return parts[0]!;
      return flags.concat === 'operator' ? `(${parts.join(' || ')})` : `CONCAT(${parts.join(', ')})`;
    },
    castToFloat: (sql) => `CAST(${sql} AS ${flags.floatType})`,
    castToString: (sql) => `CAST(${sql} AS ${flags.stringType})`,
    castToInteger: (sql) => `CAST(${sql} AS ${flags.integerType})`,
    convertTimezone: (sql, zone) => flags.convertTimezone(sql, stringLiteral(zone)),
    limit(rows) {
      if (!Number.isSafeInteger(rows) || rows < 0) {
        throw new ParameterError(`The row limit must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${String(rows)}`);
      }
      return `LIMIT ${rows}`;
    },
    nullSafeEquals(a, b) {
      if (flags.nullSafeEquals === 'distinct') return `(${a} IS NOT DISTINCT FROM ${b})`;
      if (flags.nullSafeEquals === 'spaceship') return `(${a} <=> ${b})`;
      // Two-valued like the others: never NULL, so NOT (…) behaves.
      return `((${a} = ${b} AND ${a} IS NOT NULL AND ${b} IS NOT NULL) OR (${a} IS NULL AND ${b} IS NULL))`;
    },
  };
};
