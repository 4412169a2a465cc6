import { describe, it } from 'vitest';
import { TIME_FRAMES, timeFrameSql, UnsupportedSqlError, type QueryDialect } from '@tessera/core';
import { DIALECTS, type DialectName } from './dialects.js';
import { queryDialect } from './query-dialect.js';
import { expectGolden } from './testing/golden.js';

/**
 * Golden SQL per dialect, formatted with sql-formatter, in golden/<dialect>/. A change to a template
 * shows up as a readable diff; `UPDATE_GOLDEN=1 npx vitest run packages/warehouses/src/dialects/golden.test.ts`
 * rewrites the files after a deliberate change (review the diff before committing).
 */
const NAMES = Object.keys(DIALECTS) as DialectName[];
const golden = (name: DialectName, file: string) => new URL(`./golden/${name}/${file}.sql`, import.meta.url);

const select = (d: QueryDialect, items: [string, () => string][], rest: string): string => {
  const rendered = items.flatMap(([alias, sql]) => {
    try {
      return [`${sql()} AS ${d.quoteIdentifier(alias)}`];
    } catch (e) {
      if (e instanceof UnsupportedSqlError) return [];
      throw e;
    }
  });
  return `SELECT ${rendered.join(', ')} ${rest}`;
};

const timeFrames = (d: QueryDialect, baseType: 'date' | 'timestamp') =>
  select(
    d,
    TIME_FRAMES.map((f) => [f.toLowerCase(), () => timeFrameSql(d.semantic, f, `${d.quoteIdentifier('t')}.${d.quoteIdentifier('at')}`, baseType)]),
    `FROM ${d.quoteIdentifier('events')} AS ${d.quoteIdentifier('t')}`,
  );

const hooks = (d: QueryDialect) => {
  const x = `${d.quoteIdentifier('t')}.${d.quoteIdentifier('name')}`;
  const n = `${d.quoteIdentifier('t')}.${d.quoteIdentifier('amount')}`;
  const at = `${d.quoteIdentifier('t')}.${d.quoteIdentifier('at')}`;
  const hostile = "50%_off's \\ !";
  return select(
    d,
    [
      ['contains', () => d.likeMatch(`(${x})`, hostile, 'contains', false)],
      ['not_starts_with', () => d.likeMatch(`(${x})`, hostile, 'startsWith', true)],
      ['ends_with', () => d.likeMatch(`(${x})`, hostile, 'endsWith', false)],
      ['concat', () => d.concat([x, d.literal({ type: 'string', value: ' – ' }), d.castToString(n)])],
      ['ratio', () => `${d.castToFloat(`SUM(${n})`)} / NULLIF(COUNT(*), 0)`],
      ['same', () => d.nullSafeEquals(x, d.literal({ type: 'string', value: 'a' }))],
      ['average', () => d.semantic.average(n)],
      ['median', () => d.semantic.median(n)],
      ['p90', () => d.semantic.percentile(n, 0.9)],
      ['week_ago', () => d.semantic.addInterval(d.semantic.currentTimestamp(), -1, 'WEEK')],
      ['next_quarter', () => d.semantic.addInterval(at, 1, 'QUARTER')],
      ['day', () => d.semantic.castToDate(at)],
      ['literals', () => d.concat([
        d.literal({ type: 'string', value: "it's" }),
        d.castToString(d.literal({ type: 'date', value: '2024-02-29' })),
        d.castToString(d.literal({ type: 'timestamp', value: '2024-02-29T13:45:30.123Z' })),
        d.castToString(d.literal({ type: 'number', value: -2.5 })),
      ])],
    ],
    `FROM ${d.quoteIdentifier('events')} AS ${d.quoteIdentifier('t')} GROUP BY ${x}, ${n}, ${at} ${d.limit(500)}`,
  );
};

describe.each(NAMES)('%s: golden SQL', (name) => {
  it('time frames on a timestamp, warehouse week start', () => {
    expectGolden(golden(name, 'time-frames-timestamp'), timeFrames(queryDialect(name), 'timestamp'), name);
  });
  it('time frames on a date, weeks starting on Sunday', () => {
    expectGolden(golden(name, 'time-frames-date-sunday'), timeFrames(queryDialect(name, { startOfWeek: 6 }), 'date'), name);
  });
  it('query hooks, aggregates, intervals and literals', () => {
    expectGolden(golden(name, 'hooks'), hooks(queryDialect(name)), name);
  });
});
