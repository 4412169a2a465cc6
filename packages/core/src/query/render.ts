import type { QueryDialect } from './dialect.js';
import type { SelectQuery, Source } from './sql-tree.js';

const indent = (text: string, by = '  '): string => text.replace(/\n/g, `\n${by}`);

const source = (s: Source, dialect: QueryDialect): string =>
  s.kind === 'sql' ? s.sql : `(\n  ${indent(renderSelect(s.query, dialect))}\n)`;

/** Prints the tree: one clause per line, CTEs first; the only place that decides layout. */
export const renderSelect = (query: SelectQuery, dialect: QueryDialect): string => {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const lines: string[] = [];
  if (query.ctes.length) {
    const ctes = query.ctes.map((cte) => `${q(cte.name)} AS (\n  ${indent(renderSelect(cte.query, dialect))}\n)`);
    lines.push(`WITH ${ctes.join(',\n')}`);
  }
  const items = query.select.length ? query.select.map((i) => (i.alias === undefined ? i.sql : `${i.sql} AS ${q(i.alias)}`)) : ['*'];
  lines.push(`SELECT${query.distinct ? ' DISTINCT' : ''}\n  ${items.join(',\n  ')}`);
  lines.push(`FROM ${source(query.from.source, dialect)}${query.from.alias ? ` AS ${q(query.from.alias)}` : ''}`);
  for (const join of query.joins) {
    const on = join.type === 'CROSS' ? '' : `\n  ON ${join.on ?? 'TRUE'}`;
    lines.push(`${join.type} JOIN ${source(join.source, dialect)} AS ${q(join.alias)}${on}`);
  }
  if (query.where.length) lines.push(`WHERE ${query.where.map((w) => `(${w})`).join('\n  AND ')}`);
  if (query.groupBy.length) lines.push(`GROUP BY ${query.groupBy.join(', ')}`);
  if (query.orderBy.length) lines.push(`ORDER BY ${query.orderBy.map((o) => `${o.sql}${o.descending ? ' DESC' : ''}`).join(', ')}`);
  if (query.limit !== undefined) lines.push(dialect.limit(query.limit));
  return lines.join('\n');
};
