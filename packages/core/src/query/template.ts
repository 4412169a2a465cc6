import { ParameterError } from '../errors/index.js';

/** A field reached from a `${…}` reference: its SQL and the tables it needs. */
export interface Fragment {
  sql: string;
  tables: readonly string[];
}

const REFERENCE = /\$\{\s*([^}]*?)\s*\}/g;
const USER_PLACEHOLDER = /^(lightdash|ld)\./;

/**
 * Renders request-supplied SQL (custom SQL dimensions, additional metrics): `${TABLE}` is the
 * table's quoted alias, `${table.field}` / `${field}` a dimension's compiled SQL in parentheses;
 * `${lightdash.…}` placeholders are left for user-value substitution. Unknown references refuse
 * the query, naming them.
 */
export const renderTemplate = (
  sql: string,
  table: string,
  quotedTable: string,
  lookup: (table: string, name: string) => Fragment | undefined,
  what: string,
): Fragment => {
  const tables = new Set<string>([table]);
  const out = sql.replace(REFERENCE, (whole, ref: string) => {
    if (ref === 'TABLE') return quotedTable;
    if (USER_PLACEHOLDER.test(ref)) return whole;
    const dot = ref.indexOf('.');
    const [t, name] = dot === -1 ? [table, ref] : [ref.slice(0, dot), ref.slice(dot + 1)];
    const found = lookup(t, name);
    if (!found) throw new ParameterError(`${what}: \${${ref}} matches no dimension of this explore`);
    for (const x of found.tables) tables.add(x);
    return `(${found.sql})`;
  });
  return { sql: out, tables: [...tables] };
};
