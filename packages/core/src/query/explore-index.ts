import type { CompiledDimension, CompiledMetric, CompiledTable, Explore } from '../semantic/types/explore.js';

/** Every field of an explore by field id (`<table>_<name>`), built once per explore object. */
export interface ExploreIndex {
  dimensions: ReadonlyMap<string, CompiledDimension>;
  metrics: ReadonlyMap<string, CompiledMetric>;
  /** Join of each joined table, by table name. */
  joinOrder: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Explore, ExploreIndex>();

export const fieldId = (field: { table: string; name: string }): string => `${field.table}_${field.name}`;

export const indexExplore = (explore: Explore): ExploreIndex => {
  let index = cache.get(explore);
  if (index) return index;
  const dimensions = new Map<string, CompiledDimension>();
  const metrics = new Map<string, CompiledMetric>();
  for (const table of Object.values(explore.tables) as CompiledTable[]) {
    for (const d of Object.values(table.dimensions)) dimensions.set(fieldId(d), d);
    for (const m of Object.values(table.metrics)) metrics.set(fieldId(m), m);
  }
  const joinOrder = new Map(explore.joinedTables.map((j, i) => [j.table, i]));
  index = { dimensions, metrics, joinOrder };
  cache.set(explore, index);
  return index;
};
