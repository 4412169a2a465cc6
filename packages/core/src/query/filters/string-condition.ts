import type { LikePosition } from '../dialect.js';
import type { FilterRule } from '../types.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import { equalsSql, notEqualsSql } from './comparison-sql.js';
import type { FilterDialect, FilterTarget } from './filter-types.js';
import { filterText } from './filter-values.js';
import type { StringOperator } from './operators.js';

/**
 * String rules. Case-insensitive comparisons upper-case both sides in SQL (never in JS: engines
 * and JS fold Unicode differently, and the engine's folding is the one the data sees). LIKE goes
 * through the dialect so `%` and `_` in values match literally. Empty values are ignored by the
 * LIKE operators (they would match everything); no values at all make the rule a no-op.
 */
export const stringCondition = (
  rule: FilterRule,
  operator: Exclude<StringOperator, 'isNull' | 'notNull'>,
  values: readonly unknown[],
  target: FilterTarget,
  dialect: FilterDialect,
): string | undefined => {
  const d = `(${target.sql})`;
  const texts = values.map((value) => filterText(target, rule, value));
  const caseSensitive = rule.caseSensitive ?? target.caseSensitive;
  const field = caseSensitive ? d : `UPPER${d}`;
  const literal = (text: string): string => {
    const sql = dialect.literal({ type: 'string', value: text });
    return caseSensitive ? sql : `UPPER(${sql})`;
  };
  const likes = (position: LikePosition, negate: boolean): string[] =>
    texts.filter((text) => text !== '').map((text) => dialect.likeMatch(d, text, position, negate, !caseSensitive));
  const anyOf = (parts: string[]): string | undefined => (parts.length <= 1 ? parts[0] : `(${parts.join(' OR ')})`);

  switch (operator) {
    case 'equals':
      return texts.length > 0 ? equalsSql(field, texts.map(literal)) : undefined;
    case 'notEquals':
      return texts.length > 0 ? notEqualsSql(field, texts.map(literal), d) : undefined;
    case 'include':
      return anyOf(likes('contains', false));
    case 'startsWith':
      return anyOf(likes('startsWith', false));
    case 'endsWith':
      return anyOf(likes('endsWith', false));
    case 'doesNotInclude': {
      const parts = likes('contains', true);
      if (parts.length === 0) return undefined;
      return `(${parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`} OR ${d} IS NULL)`;
    }
    default:
      return assertNever(operator);
  }
};
