import { compileTableView } from './compile/compile-table.js';
import type { TableView } from './compile/compile-table.js';
import type { CompilerContext } from './compile/field-compiler.js';
import { ErrorReporter } from './diagnostics/error-reporter.js';
import type { Diagnostic } from './diagnostics/error-reporter.js';
import { parseTable } from './parse/parse-table.js';
import type { ParseOptions } from './parse/parse-table.js';
import type { TableSpec } from './parse/table-spec.js';
import { resolveTable } from './resolve/resolve-references.js';
import type { ResolvedTable } from './resolve/resolve-references.js';
import type { CompiledTable } from './types/explore.js';
import type { ModelDefinition } from './types/model-definition.js';
import { validateTable } from './validate/validate-table.js';

/**
 * One model through stages 1–4, independent of any explore: parsed, validated, resolved, and
 * compiled under each name it is used by (views, made on demand). The compiler keeps a unit while
 * its model is unchanged (same object, or same content), so an unchanged model is never recompiled.
 */
export interface TableUnit {
  name: string;
  /** The model it was built from (compared with the next compile's to decide on a rebuild). */
  model: ModelDefinition;
  /** Distinct per build: explores remember the versions of the tables they used. */
  version: number;
  spec: TableSpec;
  resolved: ResolvedTable;
  /** Findings of stages 1–4, breadcrumbs relative to the model. */
  diagnostics: readonly Diagnostic[];
  failed: boolean;
  view(alias: string): TableView;
  /** Joined-table variants (label, visibility) shared by explores that join the same way. */
  variants: Map<string, CompiledTable>;
}

export type UnitContext = ParseOptions & CompilerContext;

export const buildTableUnit = (model: ModelDefinition, version: number, ctx: UnitContext): TableUnit => {
  const reporter = ErrorReporter.forFile(model.path);
  const spec = parseTable(model, ctx, reporter);
  validateTable(spec, reporter);
  const resolved = resolveTable(spec, reporter);
  const views = new Map<string, TableView>();
  // The model's own view compiles now; a join alias's later, from a fresh resolution (the unit
  // keeps only the plans explores still need).
  const view = (alias: string): TableView => {
    let v = views.get(alias);
    if (!v) views.set(alias, (v = compileTableView(resolveTable(spec, ErrorReporter.forFile(model.path)), alias, ctx, reporter)));
    return v;
  };
  if (!reporter.hasErrors()) views.set(model.name, compileTableView(resolved, model.name, ctx, reporter));
  return {
    name: model.name,
    model,
    version,
    spec,
    resolved: views.get(model.name)?.scope.resolved ?? resolved,
    diagnostics: reporter.diagnostics,
    failed: reporter.hasErrors(),
    view,
    variants: new Map(),
  };
};
