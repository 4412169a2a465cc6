import { describe, expect, it } from 'vitest';
import { compileExplores, createIncrementalCompiler } from './compiler.js';
import { defaultQuote } from './compile/sql-dialect.js';
import type { ModelDefinition } from './types/model-definition.js';
import { model } from './testing/models.js';

const options = { targetDatabase: 'postgres' as const, quote: defaultQuote('postgres') };
const chain = (n: number): ModelDefinition[] =>
  Array.from({ length: n }, (_, i) =>
    model(`m${i}`, {
      meta: i + 1 < n ? { joins: [{ join: `m${i + 1}`, sql_on: `\${m${i}.id} = \${m${i + 1}.id}` }] } : {},
      columns: { id: { metrics: { [`n${i}`]: { type: 'count' } } } },
    }),
  );

describe('incremental compiler', () => {
  it('recompiles only the changed table and the explores that use it', () => {
    const compiler = createIncrementalCompiler(options);
    const models = chain(5);
    const first = compiler.compile(models);
    expect(first.stats).toEqual({ models: 5, tablesCompiled: 5, exploresAssembled: 5 });

    expect(compiler.compile(models).stats).toEqual({ models: 5, tablesCompiled: 0, exploresAssembled: 0 });

    const changed = [...models];
    changed[2] = { ...models[2]!, description: 'changed' };
    const second = compiler.compile(changed);
    // m2's own explore and m1's (which joins m2) are redone; m0, m3, m4 are reused as they were.
    expect(second.stats).toEqual({ models: 5, tablesCompiled: 1, exploresAssembled: 2 });
    expect(second.explores[0]).toBe(first.explores[0]);
    expect(second.explores[3]).toBe(first.explores[3]);
    expect(second.explores.map((e) => JSON.stringify(e))).toEqual(compileExplores(changed, options).explores.map((e) => JSON.stringify(e)));
  });

  it('keeps a table when its model is a new object with the same content', () => {
    const compiler = createIncrementalCompiler(options);
    compiler.compile(chain(3));
    expect(compiler.compile(chain(3)).stats).toEqual({ models: 3, tablesCompiled: 0, exploresAssembled: 0 });
  });

  it('follows models appearing and disappearing (a join to a missing model fails, then recovers)', () => {
    const compiler = createIncrementalCompiler(options);
    const [a, b] = chain(2);
    expect('errors' in compiler.compile([a!]).explores[0]!).toBe(true);
    const both = compiler.compile([a!, b!]);
    expect(both.stats.exploresAssembled).toBe(2);
    expect('errors' in both.explores[0]!).toBe(false);
  });

  it('is deterministic: the same models give the same output', () => {
    expect(JSON.stringify(compileExplores(chain(4), options))).toBe(JSON.stringify(compileExplores(chain(4), options)));
  });
});
