import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../warehouse-client.js';
import { columnReader } from './duckdb-column-reader.js';
import { duckDbConverter, fromDuckDb } from './duckdb-values.js';

/**
 * The cursor reads each column with `columnReader` (raw vector memory for BIGINT, DECIMAL,
 * TIMESTAMP and VARCHAR) and `duckDbConverter` (fast paths for DECIMAL, TIMESTAMP and big
 * integers); both must give exactly what `fromDuckDb` gives, value for value, on real DuckDB
 * values: every decimal width and scale, instants before 1970 and beyond the fast paths' range,
 * integers beyond 2^53, short and long strings, NULLs — over several chunks.
 */
const SELECTS = [
  `select (random() * 1e6 - 5e5)::decimal(12, 2) as v from range(5000)`,
  `select (random() * 1e3)::decimal(18, 9) as v from range(3000)`,
  `select (random() * 1e15 - 5e14)::decimal(18, 0) as v from range(3000)`,
  `select (random() * 9)::decimal(4, 3) as v from range(500) union all select null`,
  `select (random() * 1e4 - 5e3)::decimal(9, 4) as v from range(500) union all select null`,
  `select ((random() - 0.5) * 1e20)::decimal(38, 2) as v from range(500)`,
  `select 99999999999999999.9::decimal(18, 1) as v union all select -0.01::decimal(18, 2) union all select null::decimal(18, 2)`,
  `select timestamp '1969-12-31 23:59:59.999999' - to_microseconds((random() * 1e15)::bigint) as v from range(3000)`,
  `select timestamp '2020-01-01' + to_microseconds((random() * 1e15)::bigint) as v from range(3000)`,
  `select timestamp '1600-01-01 00:00:00.0005' as v union all select timestamp '2300-06-01 12:00:00.999' union all select timestamp '290000-01-01' union all select 'infinity'::timestamp union all select null::timestamp`,
  `select (timestamptz '1950-05-05 05:05:05.123456+02' + to_microseconds(range * 1000003)) as v from range(3000)`,
  `select (random() * 9.2e18 - 4.6e18)::bigint as v from range(3000) union all select 9007199254740993 union all select -9007199254740992 union all select null`,
  `select (random() * 1.8e19)::ubigint as v from range(500)`,
  `select case when range % 7 = 0 then null when range % 3 = 0 then repeat('ünïcödé 🎉 ', (range % 5)::int) else 'id-' || range::varchar end as v from range(5000)`,
  `select '' as v union all select 'exactly12byt' union all select 'thirteen byte' union all select 'line\nbreak'`,
];

describe('DuckDB column conversion', () => {
  it('gives exactly what fromDuckDb gives, through the column readers and the per-value converters', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const sql of SELECTS) {
        const result = await connection.stream(sql);
        const type = result.columnTypes()[0]!;
        const convert = duckDbConverter(type);
        const read = columnReader(type);
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          const vector = chunk.getColumnVector(0);
          const rows: ResultRow[] = Array.from({ length: chunk.rowCount }, () => ({}));
          read(chunk, 0, rows, 'v');
          for (let r = 0; r < chunk.rowCount; r++) {
            const value = vector.getItem(r);
            const expected = fromDuckDb(value, type);
            expect(convert(value), `${sql}: ${String(value)}`).toEqual(expected);
            expect(rows[r]!.v, `${sql}: ${String(value)}`).toEqual(expected);
          }
        }
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
