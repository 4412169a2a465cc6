import type { LikeEscape } from '../../semantic/compile/sql-dialect.js';
import type { LikePosition } from '../dialect.js';

const SPECIAL: Record<LikeEscape, RegExp> = { bang: /[%_!]/g, backslash: /[%_\\]/g };
const ESCAPE_CHARACTER: Record<LikeEscape, string> = { bang: '!', backslash: '\\' };

/** The LIKE pattern (before string-literal escaping) matching `text` literally at `position`. */
export const likePattern = (text: string, position: LikePosition, escape: LikeEscape): string => {
  const escaped = text.replace(SPECIAL[escape], (c) => ESCAPE_CHARACTER[escape] + c);
  if (position === 'startsWith') return `${escaped}%`;
  if (position === 'endsWith') return `%${escaped}`;
  return `%${escaped}%`;
};

/**
 * `(<expr> [NOT] LIKE <pattern>)` matching `text` literally — the one rendering of LIKE behind
 * `QueryDialect.likeMatch` and the explore compiler's filter dialect. The pattern becomes SQL only
 * through `stringLiteral`; with `bang` it says `ESCAPE '!'` (`!` is plain text to every string
 * lexer, so nothing is escaped twice). `caseInsensitive` compares `UPPER(expr)` with
 * `UPPER(pattern)`: `%`, `_` and the escape characters are case-less, so the escaping survives.
 */
export const likeMatchSql = (
  sql: { escape: LikeEscape; stringLiteral: (value: string) => string },
  expr: string,
  text: string,
  position: LikePosition,
  negate: boolean,
  caseInsensitive: boolean,
): string => {
  const literalPattern = sql.stringLiteral(likePattern(text, position, sql.escape));
  const [left, pattern] = caseInsensitive ? [`UPPER(${expr})`, `UPPER(${literalPattern})`] : [expr, literalPattern];
  const escapeClause = sql.escape === 'bang' ? ` ESCAPE '!'` : '';
  return `(${left} ${negate ? 'NOT LIKE' : 'LIKE'} ${pattern}${escapeClause})`;
};
