import type { ModelDefinition } from '@tessera/core';
import type { LoadDiagnostic } from '../model-source.js';
import { childrenOf, yesNoOf } from './lookml-object.js';
import type { LookmlProject } from './lookml-project.js';
import { exploreBaseOf, exploreConfigOf } from './explore-config.js';
import { fieldRenamesOf } from './view-fields.js';
import { resolveRelations, viewRelationOf, viewToModel } from './view-model.js';
import type { ProjectScope } from './view-model.js';

/** What the views have in common: renames, relations, primary keys, and the views that cannot be converted. */
const projectScopeOf = (project: LookmlProject, diagnostics: LoadDiagnostic[]): ProjectScope => {
  const renames = new Map<string, ReadonlyMap<string, string>>();
  const rawRelations = new Map<string, string>();
  const unsupported = new Map<string, string>();
  const primaryKeys = new Map<string, string>();
  for (const view of project.views.values()) {
    renames.set(view.name, fieldRenamesOf(view.view));
    const relation = viewRelationOf(view, project);
    if ('sql' in relation) rawRelations.set(view.name, relation.sql);
    else {
      unsupported.set(view.name, relation.unsupported);
      diagnostics.push({ severity: 'error', file: view.file, message: `view ${view.name} is left out: ${relation.unsupported}` });
    }
    const key = childrenOf(view.view, 'dimension').find(([, d]) => yesNoOf(d.primary_key));
    if (key) primaryKeys.set(view.name, key[0]);
  }
  const namedValueFormats = Object.assign({}, ...project.models.map((m) => m.namedValueFormats)) as Record<string, string>;
  return { renames, relations: resolveRelations(rawRelations, renames), unsupported, primaryKeys, namedValueFormats };
};

/**
 * An explore named like its base view is that view's model's own explore (the compiler does not
 * allow an extra explore named like its model): the model is shown, its joins and filter set.
 */
const applyOwnExplore = (model: ModelDefinition, config: Record<string, unknown>) => {
  const { description, ...meta } = config;
  model.meta.hidden = false;
  Object.assign(model.meta, meta);
  if (typeof description === 'string') model.description = description;
};

/**
 * A parsed LookML project → Tessera model definitions: one hidden model per view, each LookML
 * explore an extra explore (`meta.explores`) of the model its fields start from, so the explore
 * compiler names it as LookML does. An explore using `from:` gets a copy of its view named after
 * the explore (its fields are `<explore>.<field>` in LookML).
 */
export const lookmlToModels = (project: LookmlProject, diagnostics: LoadDiagnostic[]): ModelDefinition[] => {
  const scope = projectScopeOf(project, diagnostics);
  const models = new Map<string, ModelDefinition>();
  for (const view of project.views.values()) {
    const model = viewToModel(view, scope, diagnostics);
    if (model) models.set(view.name, model);
  }
  const copies = new Map<string, ModelDefinition>();
  for (const explore of project.explores) {
    const base = exploreBaseOf(explore);
    const fail = (message: string) => diagnostics.push({ severity: 'error', file: explore.file, message: `explore ${explore.name} is left out: ${message}` });
    const view = project.views.get(base.view);
    if (!view) {
      fail(`its view "${base.view}" is not defined in the project`);
      continue;
    }
    if (scope.unsupported.has(base.view)) {
      fail(`its view "${base.view}" cannot be converted (${scope.unsupported.get(base.view)})`);
      continue;
    }
    let host = models.get(base.alias) ?? copies.get(base.alias);
    if (base.alias !== base.view) {
      if (project.views.has(base.alias)) {
        fail(`it is named like the view "${base.alias}" but reads "${base.view}" (from:); rename the explore`);
        continue;
      }
      host ??= viewToModel(view, scope, [], base.alias);
      if (host) copies.set(base.alias, host);
    }
    if (!host) continue;
    if (explore.name === host.name) {
      if (!host.meta.hidden) {
        fail(`an explore named "${explore.name}" is already defined`);
        continue;
      }
      applyOwnExplore(host, exploreConfigOf(explore, base, scope, diagnostics));
      continue;
    }
    const explores = (host.meta.explores ??= {}) as Record<string, unknown>;
    if (explores[explore.name]) {
      fail(`an explore named "${explore.name}" is already defined`);
      continue;
    }
    // Explicit (even empty) joins: an extra explore would otherwise inherit the model's own.
    explores[explore.name] = { joins: [], ...exploreConfigOf(explore, base, scope, diagnostics) };
  }
  return [...models.values(), ...copies.values()];
};
