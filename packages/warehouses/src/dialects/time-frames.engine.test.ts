import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_FRAMES, timeFrameSql, type TimeFrame } from '@tessera/core';
import { queryDialect } from './query-dialect.js';
import { testEngines, type EngineSession, type TestEngine } from './testing/engines.js';
import { expectedFrame, normalizeTimestampText, type FrameConventions } from './testing/time-frame-expectations.js';

/**
 * Every time frame of the explore compiler's templates, evaluated on real engines (DuckDB always,
 * PostgreSQL with DATABASE_URL, MariaDB with MARIADB_URL) for date and timestamp columns, with the
 * week start unset and set to each day, against values computed in TypeScript.
 */
const INSTANTS = [
  '2024-02-29 13:45:30.123', // Thursday, leap day
  '2020-02-29 23:00:00.000', // Saturday, leap day
  '2023-12-31 23:59:59.999', // Sunday, year end
  '2024-01-01 00:00:00.000', // Monday, year start
  '2021-01-03 10:00:00.000', // Sunday, ISO week 53 of 2020
  '2021-01-04 08:30:00.500', // Monday, ISO week 1
  '2024-12-30 12:00:00.000', // Monday, ISO week 1 of 2025
  '2022-01-01 06:07:08.009', // Saturday, ISO week 52 of 2021
  '2024-03-31 18:00:00.000', // Sunday, quarter end
  '2024-06-15 00:00:00.001', // Saturday
  '2025-01-05 09:00:00.000', // Sunday
];
const WEEK_STARTS = [undefined, 0, 1, 2, 3, 4, 5, 6];
const TRUNCATIONS = new Set<TimeFrame>(['RAW', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);

/** Native DAY_OF_WEEK_INDEX (no week start): PostgreSQL/DuckDB DOW 0 = Sunday; the MySQL family 1 = Monday. */
const NATIVE_DAY_OF_WEEK: Record<TestEngine['name'], (isoDay: number) => number> = {
  duckdb: (isoDay) => (isoDay + 1) % 7,
  postgres: (isoDay) => (isoDay + 1) % 7,
  mariadb: (isoDay) => isoDay + 1,
};

const cases = WEEK_STARTS.flatMap((weekStart) => (['date', 'timestamp'] as const).map((baseType) => ({ weekStart, baseType })));

describe.each(testEngines())('$name: time frames', (engine) => {
  let db: EngineSession;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(cases)('week start $weekStart, $baseType', async ({ weekStart, baseType }) => {
    const d = queryDialect(engine.dialect, { startOfWeek: weekStart });
    const values = INSTANTS.map((i) => (baseType === 'date' ? i.slice(0, 10) : i));
    const rows = values.map(
      (v, i) => `select ${i} as i, ${d.literal(baseType === 'date' ? { type: 'date', value: v } : { type: 'timestamp', value: v.replace(' ', 'T') })} as x`,
    );
    const frames = TIME_FRAMES.map((f) => `CAST(${timeFrameSql(d.semantic, f, 't.x', baseType)} AS ${engine.text}) as ${d.quoteIdentifier(f)}`);
    const result = await db.rows(`select t.i, ${frames.join(', ')} from (${rows.join(' union all ')}) t order by t.i`);

    const conventions: FrameConventions = { weekStart, defaultWeekStart: 0, nativeDayOfWeek: NATIVE_DAY_OF_WEEK[engine.name] };
    const actual = result.map((row) =>
      Object.fromEntries(TIME_FRAMES.map((f, j) => {
        const v = String(row[j + 1]);
        return [f, TRUNCATIONS.has(f) ? normalizeTimestampText(v) : typeof expectedFrame(f, values[0]!, conventions) === 'number' ? Number(v) : v];
      })),
    );
    const expected = values.map((v) => Object.fromEntries(TIME_FRAMES.map((f) => [f, expectedFrame(f, v, conventions)])));
    for (const [i, v] of values.entries()) expect(actual[i], `${baseType} ${v}`).toEqual(expected[i]);
  });
});
