import { assembleExplore } from './assemble/assemble-explore.js';
import type { AssemblyContext } from './assemble/assemble-explore.js';
import { exploreError } from './assemble/explore-error.js';
import { createSemanticDialect } from './compile/sql-dialect.js';
import { ErrorReporter } from './diagnostics/error-reporter.js';
import { buildTableUnit } from './table-unit.js';
import type { TableUnit, UnitContext } from './table-unit.js';
import type { CompileOptions } from './types/compile-options.js';
import type { Explore, ExploreError } from './types/explore.js';
import type { ModelDefinition } from './types/model-definition.js';
import { hashText } from './util/content-hash.js';

export interface CompileStats {
  models: number;
  /** Tables parsed and compiled in this run (the rest came from the cache). */
  tablesCompiled: number;
  /** Explores assembled in this run (the rest came from the cache). */
  exploresAssembled: number;
}

export interface CompileResult {
  explores: (Explore | ExploreError)[];
  stats: CompileStats;
}

export interface IncrementalCompiler {
  /** Compiles the whole model set, redoing only tables and explores whose inputs changed since the last call. */
  compile(models: readonly ModelDefinition[]): CompileResult;
}

interface CachedExplore {
  key: string;
  result: Explore | ExploreError;
}

/**
 * The explore compiler, in its stages: per model (kept while the model is unchanged) parse →
 * validate → resolve → compile; per explore (kept while its base and joined tables are) assemble.
 * Recompiling after one model changed redoes that table and the explores that use it, nothing else.
 * Pure: no I/O, no clock; the same input always gives the same output.
 */
export const createIncrementalCompiler = (options: CompileOptions): IncrementalCompiler => {
  const dialect = createSemanticDialect(options.targetDatabase, options.startOfWeek, options.sql);
  const unitContext: UnitContext = { targetDatabase: options.targetDatabase, quote: options.quote, dialect, catalog: options.catalog };
  const hashes = new WeakMap<ModelDefinition, string>();
  let units = new Map<string, TableUnit>();
  let explores = new Map<string, CachedExplore>();
  let version = 0;

  const hashOf = (model: ModelDefinition): string => {
    let h = hashes.get(model);
    if (h === undefined) hashes.set(model, (h = hashText(JSON.stringify(model))));
    return h;
  };
  // Content is hashed only when a previous unit exists and the model is a different object.
  const unchanged = (unit: TableUnit | undefined, model: ModelDefinition): unit is TableUnit =>
    unit !== undefined && (unit.model === model || hashOf(unit.model) === hashOf(model));

  return {
    compile(models) {
      const stats: CompileStats = { models: models.length, tablesCompiled: 0, exploresAssembled: 0 };
      const nextUnits = new Map<string, TableUnit>();
      const duplicates: ModelDefinition[] = [];
      for (const model of models) {
        if (nextUnits.has(model.name)) {
          duplicates.push(model);
          continue;
        }
        let unit = units.get(model.name);
        if (!unchanged(unit, model)) {
          unit = buildTableUnit(model, ++version, unitContext);
          stats.tablesCompiled++;
        }
        nextUnits.set(model.name, unit);
      }
      units = nextUnits;

      const names = hashText([...units.keys()].sort().join('\n'));
      const ctx: AssemblyContext = {
        ...unitContext,
        unit: (name) => units.get(name),
        modelNames: () => units.keys(),
      };
      const nextExplores = new Map<string, CachedExplore>();
      const out: (Explore | ExploreError)[] = [];
      const emit = (name: string, unit: TableUnit, build: () => Explore | ExploreError) => {
        if (nextExplores.has(name)) {
          out.push(duplicateError(name, unit, `explore "${name}" is defined twice (model or extra explore names must be unique)`));
          return;
        }
        const key = exploreKey(name, unit, units, names);
        let cached = explores.get(name);
        if (cached?.key !== key) {
          cached = { key, result: build() };
          stats.exploresAssembled++;
        }
        nextExplores.set(name, cached);
        out.push(cached.result);
      };
      for (const unit of units.values()) {
        if (!unit.spec.draft.hidden || unit.failed) emit(unit.name, unit, () => assembleExplore(unit.name, unit, undefined, ctx));
        for (const explore of unit.resolved.explores) {
          emit(explore.spec.name, unit, () => assembleExplore(explore.spec.name, unit, explore, ctx));
        }
      }
      for (const model of duplicates) {
        const unit = buildTableUnit(model, ++version, unitContext);
        out.push(duplicateError(model.name, unit, `model "${model.name}" is defined more than once; only the first definition is used`));
      }
      explores = nextExplores;
      return { explores: out, stats };
    },
  };
};

/** Compiles models to explores in one go. */
export const compileExplores = (models: readonly ModelDefinition[], options: CompileOptions): CompileResult =>
  createIncrementalCompiler(options).compile(models);

/**
 * Everything an explore's output depends on: its base model and the models its joins name (and,
 * for a join to a missing model, the set of model names its error message suggests from).
 */
const exploreKey = (name: string, unit: TableUnit, units: ReadonlyMap<string, TableUnit>, names: string): string => {
  const explore = unit.resolved.explores.find((e) => e.spec.name === name);
  const joins = explore?.joins ?? unit.resolved.joins;
  let key = `${unit.name}:${unit.version}`;
  for (const { join } of joins) key += `|${join.model}:${units.get(join.model)?.version ?? `missing among ${names}`}`;
  return key;
};

const duplicateError = (name: string, unit: TableUnit, message: string): ExploreError => {
  const reporter = ErrorReporter.forFile(unit.spec.file, [`explore ${name}`]);
  reporter.error(message);
  return exploreError(name, unit, reporter.diagnostics);
};
