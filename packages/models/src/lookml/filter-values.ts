/**
 * A Looker filter expression (as written in a measure's `filters:`) → the Tessera YAML filter
 * grammar value, for the simple forms: `x`, `-x`, `a,b`, `%x%`, `-%x%`, `>5`, `<=5`, `NULL`,
 * `-NULL`, `EMPTY`, `-EMPTY`, `yes`/`no`. Anything else (date ranges, intervals, `NOT` lists) →
 * undefined, and the caller refuses the measure rather than changing its meaning.
 */
export const filterValueOf = (expression: string): string | string[] | boolean | undefined => {
  const e = expression.trim();
  if (e === '') return undefined;
  const upper = e.toUpperCase();
  if (upper === 'NULL') return 'null';
  if (upper === '-NULL') return '!null';
  if (upper === 'EMPTY') return 'empty';
  if (upper === '-EMPTY') return '!empty';
  if (e === 'yes' || e === 'Yes') return true;
  if (e === 'no' || e === 'No') return false;
  const comparison = /^(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(e);
  if (comparison) return `${comparison[1]} ${comparison[2]}`;
  if (/[[\]()^"]/.test(e)) return undefined;
  if (e.includes(',')) {
    const parts = e.split(',').map((p) => p.trim());
    if (parts.some((p) => p === '' || p.startsWith('-') || p.includes('%'))) return undefined;
    return parts;
  }
  if (e.startsWith('-')) return /^-\d/.test(e) ? e : `!${e.slice(1)}`;
  return e;
};
