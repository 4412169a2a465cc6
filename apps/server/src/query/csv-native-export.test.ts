import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QueryCancelledError } from '@tessera/warehouses';
import { describe, expect, it } from 'vitest';
import { duckDbTestWarehouse } from './csv-native-testing.js';
import { csvHeader, rawCell, type CsvColumn } from './csv-format.js';
import { writeCsv } from './csv-writer.js';

/**
 * DuckDB's own CSV writer (`exportCsv`) against the streaming export (`writeCsv` + `rawCell`), the
 * reference: for every column type it accepts, the two files must be byte-identical — including
 * generated strings full of quotes, commas, line breaks, `#` and unicode, NULLs and empty strings,
 * instants before 1970 with sub-millisecond parts, and decimals at their widest.
 */

/** Deterministic strings over an alphabet of the characters CSV cares about. */
const ALPHABET = ['a', 'Z', ' ', ',', '"', '\r', '\n', '#', ';', '\t', "'", '\\', 'é', '→', '😀', '\u00a0', '\ufeff', '0', '-'];
const generatedStrings = (count: number): string[] => {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  return Array.from({ length: count }, () => {
    const length = next() % 12;
    return Array.from({ length }, () => ALPHABET[next() % ALPHABET.length]).join('');
  });
};

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

const warehouse = duckDbTestWarehouse('tessera-native-csv-', async (connection) => {
  const strings = generatedStrings(3_000);
  await connection.run(`create table words as select * from (values ${strings.map((s, i) => `(${i}, ${sqlString(s)})`).join(', ')}) t(i, word)`);
  await connection.run(`
    create table typed as
    select range as id,
      case when range % 7 = 0 then null else (range * 2654435761) % 4294967296 - 2147483648 end::integer as int_value,
      (range * 123456789012)::bigint * (case when range % 2 = 0 then 1 else -1 end) as big_value,
      case when range % 11 = 0 then null else (range % 3 = 0) end as flag,
      ((range * 7919) % 100000 / 100.0)::decimal(12, 2) as amount,
      (range * 1234567 % 999999999999999 / 1000000.0 - 400000000)::decimal(15, 6) as precise,
      (range * 37)::decimal(9, 0) as whole,
      date '1970-01-01' + (range * 97 % 80000 - 40000)::integer as day,
      timestamp '1969-12-31 23:59:59' + to_microseconds((range * 3_333_337) % 20_000_000_000 - 10_000_000_000) as instant,
      (timestamp '2024-03-31 01:30:00' + to_microseconds(range * 1_000_001))::timestamptz as instant_tz,
      w.word
    from range(3000) join words w on w.i = range`);
  await connection.run(`create table extra as select 1.5::double as ratio, [1, 2] as list`);
});

const columnsOf = (ids: string[]): CsvColumn[] => ids.map((id) => ({ id, header: `${id} "label", #` }));

/** The reference: the rows streamed into JavaScript and written by `writeCsv` with raw cells. */
const streamed = async (sql: string, columns: CsvColumn[], limit: number) => {
  const file = path.join(warehouse.dir, `streamed-${Math.random()}.csv`);
  const { batches } = await warehouse.client.stream(sql, { batchSize: 500 });
  const result = await writeCsv(file, columns, batches, { limit, cells: columns.map(() => rawCell()) });
  return { ...result, text: await readFile(file, 'utf8') };
};

const native = async (sql: string, columns: CsvColumn[], limit: number) => {
  const file = path.join(warehouse.dir, `native-${Math.random()}.csv`);
  const result = await warehouse.client.exportCsv({ sql, file, columns: columns.map((c) => ({ name: c.id })), header: csvHeader(columns), limit });
  return result && { ...result, text: await readFile(file, 'utf8') };
};

const ALL = ['id', 'int_value', 'big_value', 'flag', 'amount', 'precise', 'whole', 'day', 'instant', 'instant_tz', 'word'];

describe('DuckDB native CSV export', () => {
  it('writes the same bytes as the streaming export for every accepted type', async () => {
    const sql = `select ${ALL.join(', ')} from typed order by id`;
    const columns = columnsOf([...ALL].reverse());
    const expected = await streamed(sql, columns, 10_000);
    const actual = await native(sql, columns, 10_000);
    expect(actual).toBeDefined();
    expect(actual!.rowCount).toBe(3_000);
    expect(actual!.truncated).toBe(false);
    expect(expected.rowCount).toBe(3_000);
    // Byte-identical, line by line first for a readable failure.
    const [a, e] = [actual!.text.split('\r\n'), expected.text.split('\r\n')];
    for (let i = 0; i < e.length; i++) expect(a[i], `line ${i}`).toBe(e[i]);
    expect(actual!.text).toBe(expected.text);
    expect(actual!.text).toContain('"'); // the generated strings did need quoting
  });

  it('stops at the limit and says whether more rows existed', async () => {
    const sql = 'select id, word from typed order by id';
    const columns = columnsOf(['id', 'word']);
    for (const limit of [1, 2_999, 3_000, 3_001]) {
      const expected = await streamed(sql, columns, limit);
      const actual = await native(sql, columns, limit);
      expect(actual, `limit ${limit}`).toEqual(expected);
    }
  });

  it('without an order to keep, writes the same lines in any order', async () => {
    const sql = `select ${ALL.join(', ')} from typed`;
    const columns = columnsOf(ALL.filter((c) => c !== 'word'));
    const expected = await streamed(sql, columns, 10_000);
    const file = path.join(warehouse.dir, 'unordered.csv');
    const result = await warehouse.client.exportCsv({ sql, file, columns: columns.map((c) => ({ name: c.id })), header: csvHeader(columns), limit: 10_000, ordered: false });
    expect(result).toEqual({ rowCount: 3_000, truncated: false });
    const lines = (text: string) => {
      const [header, ...rows] = text.split('\r\n');
      return { header, rows: rows.sort() };
    };
    expect(lines(await readFile(file, 'utf8'))).toEqual(lines(expected.text));
    // The connections keep DuckDB's default (insertion order preserved) for the next statements.
    const settings = await Promise.all([1, 2, 3].map(() => warehouse.client.run("select current_setting('preserve_insertion_order') as kept")));
    expect(settings.map((s) => s.rows[0]!.kept)).toEqual([true, true, true]);
  });

  it('writes the header alone when there are no rows', async () => {
    const sql = 'select id, word from typed where id < 0';
    const columns = columnsOf(['id', 'word']);
    const actual = await native(sql, columns, 10);
    expect(actual).toEqual({ rowCount: 0, truncated: false, text: `${csvHeader(columns)}\r\n` });
    expect(actual).toEqual(await streamed(sql, columns, 10));
  });

  it('declines (writing nothing) when a column has no exact DuckDB text: the caller streams', async () => {
    for (const column of ['ratio', 'list']) {
      const file = path.join(warehouse.dir, `declined-${column}.csv`);
      await expect(warehouse.client.exportCsv({ sql: `select ${column} from extra`, file, columns: [{ name: column }], header: column, limit: 10 })).resolves.toBeUndefined();
      await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    }
    const wide = `select sum(amount) as total from typed`; // DECIMAL(38, 2)
    await expect(warehouse.client.exportCsv({ sql: wide, file: path.join(warehouse.dir, 'wide.csv'), columns: [{ name: 'total' }], header: 'total', limit: 1 })).resolves.toBeUndefined();
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      warehouse.client.exportCsv({ sql: 'select id from typed', file: path.join(warehouse.dir, 'cancelled.csv'), columns: [{ name: 'id' }], header: 'id', limit: 10, signal: controller.signal }),
    ).rejects.toBeInstanceOf(QueryCancelledError);
    // The client still works afterwards.
    expect((await warehouse.client.run('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});
