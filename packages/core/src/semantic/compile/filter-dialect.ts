import type { LiteralValue } from '../../query/dialect.js';
import type { FilterDialect } from '../../query/filters/filter-types.js';
import { likeMatchSql } from '../../query/filters/like-match.js';
import { assertNever } from '../util/assert-never.js';
import type { SemanticSqlDialect } from './sql-dialect.js';

/**
 * The explore compiler's `FilterDialect`, built from the templates it compiles with, so YAML metric
 * filters render through the query filters' operator code. Strings and LIKE patterns go through
 * `stringLiteral` (the warehouse's own renderer when the server compiles); the other values are
 * checked by the filters before they get here and are written in forms every target reads: plain
 * numbers (negatives parenthesised), `TRUE`/`FALSE`, dates cast from `'YYYY-MM-DD'`, timestamps cast
 * from their UTC wall clock (what timestamp fields hold).
 */
export const exploreFilterDialect = (semantic: SemanticSqlDialect): FilterDialect => ({
  semantic,
  literal: (value) => literalSql(value, semantic),
  likeMatch: (expr, text, position, negate, caseInsensitive = false) =>
    likeMatchSql({ escape: semantic.likeEscape, stringLiteral: semantic.stringLiteral }, expr, text, position, negate, caseInsensitive),
});

const literalSql = (value: LiteralValue, semantic: SemanticSqlDialect): string => {
  switch (value.type) {
    case 'string':
      return semantic.stringLiteral(value.value);
    case 'number': {
      if (typeof value.value === 'number' && !Number.isFinite(value.value)) throw new Error(`cannot render the number ${value.value} as SQL`);
      const text = String(value.value);
      return text.startsWith('-') ? `(${text})` : text;
    }
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'date':
      return semantic.castToDate(semantic.stringLiteral(value.value));
    case 'timestamp': {
      const instant = new Date(value.value);
      if (Number.isNaN(instant.getTime())) throw new Error(`cannot render the timestamp ${String(value.value)} as SQL`);
      return `CAST(${semantic.stringLiteral(instant.toISOString().replace('T', ' ').replace('Z', ''))} AS TIMESTAMP)`;
    }
    case 'null':
      return 'NULL';
    default:
      return assertNever(value);
  }
};
