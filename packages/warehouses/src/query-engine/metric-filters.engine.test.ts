import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExplores, isExploreError, type ModelDefinition } from '@tessera/core';
import { DIALECTS, type DialectName } from '../dialects/dialects.js';
import { QUERY_FLAGS } from '../dialects/query-flags.js';
import { queryDialect } from '../dialects/query-dialect.js';
import { testEngines, type EngineSession } from '../dialects/testing/engines.js';

/**
 * YAML metric `filters` render through the query filters: the LIKE operators match `%` and `_`
 * literally (they used to be wildcards there), with the same SQL as a query filter on every dialect.
 */
const LABELS = ['50% off', '500 units', 'a_b', 'axb', 'the_x', 'thex', null];
const METRICS: Record<string, { filter: string; expected: number }> = {
  includes_50_percent: { filter: '%50%%', expected: 1 }, // not "500 units"
  starts_with_a_underscore: { filter: 'a_%', expected: 1 }, // not "axb"
  ends_with_underscore_x: { filter: '%_x', expected: 1 }, // not "thex"
  without_underscore: { filter: '!%_%', expected: 5 }, // NULL rows kept
};

const model: ModelDefinition = {
  name: 't',
  path: 'models/t.yml',
  relation: { kind: 'table', identifier: 't' },
  tags: [],
  meta: {},
  columns: [
    {
      name: 'label',
      meta: {
        dimension: { type: 'string' },
        metrics: Object.fromEntries(Object.entries(METRICS).map(([name, m]) => [name, { type: 'count', sql: '1', filters: [{ label: m.filter }] }])),
      },
    },
  ],
};

/** The metrics' SQL as the server compiles explores: the warehouse's quoting and templates. */
const compiledMetrics = (name: DialectName): Record<string, string> => {
  const dialect = queryDialect(name);
  const [explore] = compileExplores([model], { targetDatabase: QUERY_FLAGS[name].target, quote: dialect.quoteIdentifier, sql: dialect.semantic }).explores;
  if (!explore || isExploreError(explore)) throw new Error(`the test model does not compile: ${JSON.stringify(explore)}`);
  return Object.fromEntries(Object.entries(explore.tables.t!.metrics).map(([metric, m]) => [metric, m.compiledSql]));
};

describe('YAML metric LIKE filters, SQL', () => {
  it.each(Object.keys(DIALECTS) as DialectName[])('%s: the same LIKE as a query filter', (name) => {
    const dialect = queryDialect(name);
    const label = `(${dialect.quoteIdentifier('t')}.label)`;
    const sql = compiledMetrics(name);
    expect(sql.includes_50_percent).toContain(dialect.likeMatch(label, '50%', 'contains', false));
    expect(sql.starts_with_a_underscore).toContain(dialect.likeMatch(label, 'a_', 'startsWith', false));
    expect(sql.ends_with_underscore_x).toContain(dialect.likeMatch(label, '_x', 'endsWith', false));
    expect(sql.without_underscore).toContain(dialect.likeMatch(label, '_', 'contains', true));
  });
});

describe.each(testEngines())('$name: YAML metric LIKE filters on the engine', (engine) => {
  let db: EngineSession;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('match % and _ literally', async () => {
    const dialect = queryDialect(engine.dialect);
    const rows = LABELS.map((l) => `SELECT ${l === null ? `CAST(NULL AS ${engine.text})` : dialect.literal({ type: 'string', value: l })} AS label`);
    const sql = compiledMetrics(engine.dialect);
    const names = Object.keys(METRICS);
    const [row] = await db.rows(`SELECT ${names.map((n) => `${sql[n]} AS ${dialect.quoteIdentifier(n)}`).join(', ')} FROM (${rows.join(' UNION ALL ')}) AS ${dialect.quoteIdentifier('t')}`);
    expect(Object.fromEntries(names.map((n, i) => [n, Number(row![i])]))).toEqual(Object.fromEntries(names.map((n) => [n, METRICS[n]!.expected])));
  });
});
