import { createSemanticDialect, ParameterError, type LikePosition, type QueryDialect } from '@tessera/core';
import { DIALECTS, type DialectName } from './dialects.js';
import { QUERY_FLAGS, type QueryFlags } from './query-flags.js';

const LIKE_SPECIAL: Record<QueryFlags['likeEscape'], RegExp> = { bang: /[%_!]/g, backslash: /[%_\\]/g };
const LIKE_ESCAPE: Record<QueryFlags['likeEscape'], string> = { bang: '!', backslash: '\\' };

/** The LIKE pattern (before string-literal escaping) matching `text` literally at `position`. */
export const likePattern = (text: string, position: LikePosition, escape: QueryFlags['likeEscape']): string => {
  const escaped = text.replace(LIKE_SPECIAL[escape], (c) => LIKE_ESCAPE[escape] + c);
  if (position === 'startsWith') return `${escaped}%`;
  if (position === 'endsWith') return `%${escaped}`;
  return `%${escaped}%`;
};

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
    semantic: createSemanticDialect(flags.target, options.startOfWeek, { stringLiteral }),
    likeMatch(expr, text, position, negate, caseInsensitive = false) {
      const literalPattern = stringLiteral(likePattern(text, position, flags.likeEscape));
      // `%`, `_` and the escape characters are case-less, so UPPER() leaves the escaping intact.
      const [left, pattern] = caseInsensitive ? [`UPPER(${expr})`, `UPPER(${literalPattern})`] : [expr, literalPattern];
      const escape = flags.likeEscape === 'bang' ? ` ESCAPE '!'` : '';
      return `(${left} ${negate ? 'NOT LIKE' : 'LIKE'} ${pattern}${escape})`;
    },
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
