import type { LoadDiagnostic } from '../model-source.js';
import { childrenOf, textListOf, textOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';
import type { LookmlExplore } from './lookml-project.js';
import { hasLiquid, rewriteReferences } from './references.js';
import type { ProjectScope } from './view-model.js';

/** Where an explore starts: the view it reads and the name its fields go by. */
export interface ExploreBase {
  /** The LookML view (`view_name`, else `from`, else the explore's name). */
  view: string;
  /** The table name in the explore: the explore's name when it uses `from:`, else the view. */
  alias: string;
}

export const exploreBaseOf = (explore: LookmlExplore): ExploreBase => {
  const viewName = textOf(explore.explore.view_name);
  const from = textOf(explore.explore.from);
  if (viewName) return { view: viewName, alias: viewName };
  if (from) return { view: from, alias: explore.name };
  return { view: explore.name, alias: explore.name };
};

const JOIN_TYPES: Record<string, string> = { left_outer: 'left', inner: 'inner', full_outer: 'full' };

const IGNORED_EXPLORE_KEYS = ['always_filter', 'conditionally_filter', 'access_filter', 'sql_always_having', 'fields', 'always_join'];

/**
 * A LookML explore → the `explores:` entry of its base model (`label`, `description`,
 * `group_label`, `joins`, `sql_filter` from `sql_always_where`). Joins to views Tessera cannot
 * convert are left out (warning); joins to views the project lacks are kept, so the compiler
 * reports the explore as an error naming the missing view.
 */
export const exploreConfigOf = (
  explore: LookmlExplore,
  base: ExploreBase,
  project: ProjectScope,
  diagnostics: LoadDiagnostic[],
): Record<string, unknown> => {
  const e = explore.explore;
  const where = (message: string, severity: LoadDiagnostic['severity'] = 'warning') =>
    diagnostics.push({ severity, file: explore.file, message: `explore ${explore.name} → ${message}` });

  const aliases = new Map<string, string>([[base.alias, base.view]]);
  const joins = childrenOf(e, 'join');
  for (const [alias, join] of joins) aliases.set(alias, textOf(join.from) ?? textOf(join.view_name) ?? alias);
  const scopeOf = (view: string) => ({ view, renames: project.renames, aliases, relations: project.relations });

  const config: Record<string, unknown> = {};
  const label = textOf(e.label);
  if (label) config.label = label;
  const description = textOf(e.description);
  if (description) config.description = description;
  const groupLabel = textOf(e.group_label);
  if (groupLabel) config.group_label = groupLabel;
  const always = textOf(e.sql_always_where);
  if (always) {
    if (hasLiquid(always)) where('Liquid templating in sql_always_where is not evaluated');
    config.sql_filter = rewriteReferences(always, scopeOf(base.alias));
  }
  for (const key of IGNORED_EXPLORE_KEYS) if (e[key] !== undefined) where(`"${key}" is not supported; ignored`);

  const tesseraJoins: Record<string, unknown>[] = [];
  for (const [alias, join] of joins) {
    const view = aliases.get(alias)!;
    if (!project.relations.has(view) && !project.unsupported.has(view)) {
      where(`join ${alias}: view "${view}" is not defined in the project; the explore cannot compile`, 'error');
    }
    const unsupported = project.unsupported.get(view);
    if (unsupported) {
      where(`join ${alias} is left out: view "${view}" cannot be converted (${unsupported})`);
      continue;
    }
    const out = joinConfigOf(alias, view, join, base, project, scopeOf(alias), (m) => where(`join ${alias}: ${m}`));
    if (out) tesseraJoins.push(out);
  }
  if (tesseraJoins.length) config.joins = tesseraJoins;
  return config;
};

const joinConfigOf = (
  alias: string,
  view: string,
  join: LookmlObject,
  base: ExploreBase,
  project: ProjectScope,
  scope: Parameters<typeof rewriteReferences>[1],
  warn: (message: string) => void,
): Record<string, unknown> | undefined => {
  const type = textOf(join.type) ?? 'left_outer';
  if (!JOIN_TYPES[type]) {
    warn(`join type "${type}" is not supported; the join is left out`);
    return undefined;
  }
  let sqlOn = textOf(join.sql_on);
  const foreignKey = textOf(join.foreign_key);
  if (!sqlOn && foreignKey) {
    const primaryKey = primaryKeyOf(project, view);
    if (!primaryKey) {
      warn(`foreign_key needs a primary key in view "${view}"; the join is left out`);
      return undefined;
    }
    const fk = foreignKey.includes('.') ? foreignKey : `${base.alias}.${foreignKey}`;
    sqlOn = `\${${fk}} = \${${alias}.${primaryKey}}`;
  }
  if (!sqlOn) {
    warn('a join needs sql_on or foreign_key; the join is left out');
    return undefined;
  }
  if (hasLiquid(sqlOn)) warn('Liquid templating in sql_on is not evaluated');
  if (join.sql_where !== undefined) warn('"sql_where" on a join is not supported; ignored');
  const out: Record<string, unknown> = { join: view, sql_on: rewriteReferences(sqlOn, scope), type: JOIN_TYPES[type] };
  if (alias !== view) out.alias = alias;
  const relationship = textOf(join.relationship);
  if (relationship) out.relationship = relationship;
  const label = textOf(join.view_label);
  if (label) out.label = label;
  const fields = fieldListOf(join.fields, alias, view, project);
  if (fields === 'unsupported') warn('"fields" with sets is not supported; every field of the join is kept');
  else if (fields) out.fields = fields;
  if (join.required_joins !== undefined) warn('"required_joins" is not supported; ignored');
  return out;
};

const primaryKeyOf = (project: ProjectScope, view: string): string | undefined => project.primaryKeys.get(view);

/** Join `fields: [view.a, b]` → `[a, b]` (renamed); `ALL_FIELDS*` → every field; other sets unsupported. */
const fieldListOf = (value: unknown, alias: string, view: string, project: ProjectScope): string[] | 'unsupported' | undefined => {
  const list = textListOf(value);
  if (!list.length || list.some((f) => f.endsWith('ALL_FIELDS*'))) return undefined;
  if (list.some((f) => f.endsWith('*') || f.startsWith('-'))) return 'unsupported';
  return list.map((f) => {
    const name = f.startsWith(`${alias}.`) ? f.slice(alias.length + 1) : f;
    return project.renames.get(view)?.get(name) ?? name;
  });
};
