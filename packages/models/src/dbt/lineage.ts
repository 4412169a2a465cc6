import type { ModelDefinition } from '@tessera/core';

type Dependency = NonNullable<ModelDefinition['dependsOn']>[number];

/** Manifest `depends_on.nodes` ids (`model.pkg.orders`, `seed.pkg.raw`, `source.pkg.src.table`) as lineage nodes. */
export const lineageOf = (ids: readonly string[]): Dependency[] => {
  const out: Dependency[] = [];
  for (const id of ids) {
    const [kind, , ...rest] = id.split('.');
    if (!rest.length) continue;
    if (kind === 'model' || kind === 'seed') out.push({ type: kind, name: rest.join('.') });
    else if (kind === 'source') out.push({ type: 'source', name: rest.join('.') });
  }
  return out;
};
