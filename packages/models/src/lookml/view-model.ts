import type { ModelDefinition } from '@tessera/core';
import type { LoadDiagnostic } from '../model-source.js';
import { isObject, textOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';
import type { LookmlProject, LookmlView } from './lookml-project.js';
import { substituteConstants } from './lookml-project.js';
import { rewriteReferences } from './references.js';
import type { ReferenceScope } from './references.js';
import { convertViewFields } from './view-fields.js';

/** What every view's conversion needs to know about the others. */
export interface ProjectScope {
  renames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** View → SQL after FROM (`schema.table` or `(select …)`), for views that have one. */
  relations: ReadonlyMap<string, string>;
  /** View → why it cannot be converted (native derived tables…). */
  unsupported: ReadonlyMap<string, string>;
  /** View → its primary-key dimension (for `foreign_key` joins). */
  primaryKeys: ReadonlyMap<string, string>;
  namedValueFormats: Record<string, string>;
}

/**
 * The SQL a view reads from: `sql_table_name` (constants substituted), `derived_table: { sql }`
 * as a subquery, else the view's name as a table (Looker's default). `explore_source` (native
 * derived tables) has no SQL without running the explore compiler: reported as unsupported.
 */
export const viewRelationOf = (view: LookmlView, project: LookmlProject): { sql: string } | { unsupported: string } => {
  const tableName = textOf(view.view.sql_table_name);
  if (tableName) return { sql: substituteConstants(tableName, project.constants) };
  const derived = view.view.derived_table;
  if (isObject(derived)) {
    const sql = textOf(derived.sql);
    if (sql) return { sql: `(${substituteConstants(sql, project.constants)})` };
    if (derived.explore_source !== undefined) return { unsupported: 'its derived table is a native derived table (explore_source), which Tessera cannot compile' };
    return { unsupported: 'its derived table has no "sql"' };
  }
  return { sql: view.name };
};

/** `${other.SQL_TABLE_NAME}` inside derived-table SQL, resolved (derived tables of derived tables too). */
export const resolveRelations = (raw: ReadonlyMap<string, string>, renames: ProjectScope['renames']): Map<string, string> => {
  const out = new Map(raw);
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (const [name, sql] of out) {
      if (!sql.includes('SQL_TABLE_NAME')) continue;
      const next = rewriteReferences(sql, { view: name, renames, relations: out });
      if (next !== sql) {
        out.set(name, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
};

/**
 * One LookML view → one Tessera model, hidden (LookML exposes explores, not views); the explores
 * that start from the view are attached to it by the caller (`meta.explores`).
 */
export const viewToModel = (
  view: LookmlView,
  project: ProjectScope,
  diagnostics: LoadDiagnostic[],
  as: string = view.name,
): ModelDefinition | undefined => {
  const relation = project.relations.get(view.name);
  if (relation === undefined) return undefined;
  const scope: ReferenceScope = { view: view.name, renames: project.renames, relations: project.relations };
  const issues = { errors: [] as string[], warnings: [] as string[] };
  const fields = convertViewFields(view.view, { scope, namedValueFormats: project.namedValueFormats, issues });
  for (const message of issues.errors) diagnostics.push({ severity: 'error', file: view.file, message: `view ${view.name} → ${message}` });
  for (const message of issues.warnings) diagnostics.push({ severity: 'warning', file: view.file, message: `view ${view.name} → ${message}` });
  const meta: LookmlObject = { hidden: true, metrics: fields.metrics };
  const label = textOf(view.view.view_label) ?? textOf(view.view.label);
  if (label) meta.label = label;
  if (fields.primaryKey) meta.primary_key = fields.primaryKey;
  return {
    name: as,
    path: view.file,
    relation: { kind: 'sql', sql: relation },
    tags: [],
    meta,
    columns: fields.columns,
  };
};
