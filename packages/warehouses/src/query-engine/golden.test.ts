import { beforeAll, describe, it } from 'vitest';
import type { Explore } from '@tessera/core';
import { DIALECTS, type DialectName } from '../dialects/dialects.js';
import { queryDialect } from '../dialects/query-dialect.js';
import { expectGolden } from '../dialects/testing/golden.js';
import { compileFeature } from './compile-feature.js';
import { demoExplores } from './demo-explores.js';
import { FEATURES } from './features.js';

/**
 * Golden SQL of every feature group for every dialect (golden/<dialect>/<feature>.sql, formatted
 * with sql-formatter). `UPDATE_GOLDEN=1 npx vitest run packages/warehouses/src/query-engine/golden.test.ts`
 * rewrites them after a deliberate change — review the diff before committing.
 */
const NAMES = Object.keys(DIALECTS) as DialectName[];
const explores = new Map<DialectName, Map<string, Explore>>();

beforeAll(async () => {
  for (const name of NAMES) explores.set(name, await demoExplores(name));
}, 60_000);

describe.each(NAMES)('%s', (name) => {
  it.each(FEATURES.map((f) => [f.name, f] as const))('%s', (feature, f) => {
    const compiled = compileFeature(f, explores.get(name)!, queryDialect(name, f.context?.weekStart !== undefined ? { startOfWeek: f.context.weekStart } : {}));
    expectGolden(new URL(`./golden/${name}/${feature}.sql`, import.meta.url), compiled.sql, name);
  });
});
