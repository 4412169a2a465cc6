/**
 * `${…}` references in LookML SQL, rewritten to the names the Tessera compiler knows:
 * `${TABLE}` stays; `${field}` and `${view.field}` have dimension-group timeframes renamed
 * (`${created_date}` → `${created_day}`); `${view.SQL_TABLE_NAME}` becomes the view's relation.
 */
export interface ReferenceScope {
  /** The view whose SQL this is (for `${field}`). */
  view: string;
  /** LookML field name → Tessera field name, per view (only names that differ are listed). */
  renames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Join alias → view (`join: buyer { from: customer }`); a name not listed is a view itself. */
  aliases?: ReadonlyMap<string, string>;
  /** View → SQL usable after FROM, for `${view.SQL_TABLE_NAME}`. */
  relations?: ReadonlyMap<string, string>;
}

const REFERENCE = /\$\{\s*([^}]*?)\s*\}/g;

const renamed = (scope: ReferenceScope, view: string, field: string): string =>
  scope.renames.get(scope.aliases?.get(view) ?? view)?.get(field) ?? field;

export const rewriteReferences = (sql: string, scope: ReferenceScope): string =>
  sql.replace(REFERENCE, (whole, ref: string) => {
    if (ref === 'TABLE') return '${TABLE}';
    const parts = ref.split('.');
    if (parts.length === 1) return `\${${renamed(scope, scope.view, ref)}}`;
    if (parts.length !== 2) return whole;
    const [table, field] = parts as [string, string];
    if (field === 'SQL_TABLE_NAME') {
      const relation = scope.relations?.get(scope.aliases?.get(table) ?? table);
      return relation ?? whole;
    }
    return `\${${table}.${renamed(scope, table, field)}}`;
  });

/** Liquid (`{% … %}`, `{{ … }}`) cannot be evaluated: such SQL reaches the warehouse as written. */
export const hasLiquid = (sql: string): boolean => /\{%|\{\{/.test(sql);

/** Whole-reference SQL (`${id}` → `id`), e.g. a `sql_distinct_key` that names one dimension. */
export const singleReference = (sql: string): string | undefined => /^\$\{\s*([A-Za-z0-9_]+)\s*\}$/.exec(sql.trim())?.[1];
