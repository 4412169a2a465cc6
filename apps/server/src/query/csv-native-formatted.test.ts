import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createValueFormatter, formatPlan, type CustomFormat, type FormattableField, type ResultField } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { duckDbTestWarehouse } from './csv-native-testing.js';
import { csvHeader, formattedCell, type CsvColumn } from './csv-format.js';
import { writeCsv } from './csv-writer.js';

/**
 * Formatted exports (`onlyRaw: false`) written by DuckDB's own CSV writer from each column's
 * `formatPlan`, against the reference — the rows streamed into JavaScript and formatted by
 * `createValueFormatter` — byte for byte, for every format that has a plan × every column type it
 * renders: integers at their edges, decimals with rounding ties and negatives that round to zero,
 * doubles and floats of 17 significant digits and on ties of their shortest text,
 * dates and instants over years 1–9999 (with sub-millisecond parts before 1970), booleans,
 * strings full of CSV's special characters, and NULLs. Values past the range the SQL renders
 * exactly make the native writer decline, so the export streams.
 */

const ROWS = 3_000;
const INTEGER_COLUMNS = ['tiny', 'small', 'int', 'big', 'ubig', 'huge'];
const DECIMAL_COLUMNS = ['dec_12_2', 'dec_15_6', 'dec_9_0', 'dec_15_4', 'dec_38_2', 'dec_18_5'];
const DOUBLE_COLUMNS = ['dbl', 'flt'];
const NUMBER_COLUMNS = [...INTEGER_COLUMNS, ...DECIMAL_COLUMNS, ...DOUBLE_COLUMNS];
const MOMENT_COLUMNS = ['day', 'instant', 'instant_tz'];

/** `x` with its sign flipped on odd ids and NULL on every 13th row. */
const sprinkled = (x: string) => `case when range % 13 = 5 then null when range % 2 = 1 then -(${x}) else ${x} end`;
/** A pseudo-random digit string of 1 to `digits` digits (varied magnitudes), as a DECIMAL of `scale`. */
const digits = (salt: number, digits: number, scale: number) =>
  `(hash(range * ${salt}) % (10::hugeint ** (1 + hash(range + ${salt}) % ${digits})::int))::hugeint::decimal(38, 0) / (10::decimal(38, 0) ** ${scale})::decimal(38,0)`;

const randomDouble = (salt: number) =>
  `(1 + 9 * (hash(range * ${salt}) % 9007199254740992)::double / 9007199254740992) * 10::double ** ((hash(range + ${salt}) % 19)::int - 5)`;

/** Values every number column also gets: zeros, rounding ties, negatives that round to zero, the types' edges. */
const EDGES: Record<string, string[]> = {
  tiny: ['-128', '127', '0'],
  small: ['-32768', '32767'],
  int: ['-2147483648', '2147483647', '1000', '-999'],
  big: ['-9223372036854775808', '9223372036854775807', '9007199254740993', '-1234567'],
  ubig: ['18446744073709551615', '9007199254740993', '0'],
  huge: ['-170141183460469231731687303715884105728', '170141183460469231731687303715884105727', '-9223372036854775808', '9223372036854775808', '12345'],
  dec_12_2: ['0.00', '-0.01', '9999999999.99', '-9999999999.99', '0.50', '1234.5'],
  dec_15_6: ['1.000500', '-2.000500', '0.000500', '-0.000500', '-0.000400', '999.999500', '-999999999.999999', '0.000001'],
  dec_9_0: ['999999999', '-999999999', '0'],
  dec_15_4: ['0.0005', '-0.0005', '12.3455', '99999999999.9995', '-0.0001'],
  dec_38_2: ['9999999999999.99', '-9999999999999.99', '0.01', '-0.005'],
  dec_18_5: ['9999999999.99999', '-0.00050', '0.99950'],
  // Doubles whose shortest text sits on a rounding tie, or is not the decimal typed in SQL.
  dbl: ["'1.0005'", "'-2.675'", "'1.005'", "'0.0005'", "'-0.0004'", "'-0.0'", "'0.30000000000000004'", "'123456789012.0'", "'99999999999999.98'", "'0.000001'", "'-999.9995'"],
  flt: ["'0.1'", "'-2.675'", "'16777217'", "'0.0005'"],
};

const TYPES: Record<string, string> = {
  tiny: 'tinyint', small: 'smallint', int: 'integer', big: 'bigint', ubig: 'ubigint', huge: 'hugeint',
  dec_12_2: 'decimal(12, 2)', dec_15_6: 'decimal(15, 6)', dec_9_0: 'decimal(9, 0)', dec_15_4: 'decimal(15, 4)', dec_38_2: 'decimal(38, 2)', dec_18_5: 'decimal(18, 5)', dbl: 'double', flt: 'float',
};

const GENERATED: Record<string, string> = {
  tiny: sprinkled('(hash(range) % 128)::tinyint'),
  small: sprinkled('(hash(range * 3) % 32768)::smallint'),
  int: sprinkled(`(${digits(5, 10, 0)} % 2147483647)::integer`),
  big: sprinkled(`${digits(7, 18, 0)}::bigint`),
  ubig: `case when range % 13 = 5 then null else ${digits(11, 19, 0)}::ubigint end`,
  huge: sprinkled(`${digits(13, 19, 0)}::hugeint * (1 + hash(range * 17) % 1000000000000)`),
  dec_12_2: sprinkled(digits(19, 12, 2)),
  dec_15_6: sprinkled(digits(23, 15, 6)),
  dec_9_0: sprinkled(digits(29, 9, 0)),
  dec_15_4: sprinkled(digits(31, 15, 4)),
  dec_38_2: sprinkled(digits(37, 15, 2)),
  dec_18_5: sprinkled(digits(41, 15, 5)),
  // 53 random bits in [1, 10), times 10^-5 … 10^13: shortest texts of up to 17 digits.
  dbl: sprinkled(randomDouble(43)),
  flt: sprinkled(`(${randomDouble(47)})::float`),
};

/** Deterministic strings over an alphabet of the characters CSV cares about. */
const ALPHABET = ['a', 'Z', ' ', ',', '"', '\r', '\n', '#', ';', "'", 'é', '😀', '\u00a0', '0', '-', '∅'];
const word = (i: number) => Array.from({ length: (i * 7) % 9 }, (_, k) => ALPHABET[(i * 31 + k * 17) % ALPHABET.length]).join('');
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

const warehouse = duckDbTestWarehouse('tessera-native-formatted-', async (connection) => {
  const generated = NUMBER_COLUMNS.map((c) => `(${GENERATED[c]})::${TYPES[c]} as ${c}`).join(',\n');
  await connection.run(`create table numbers as select range as id, ${generated} from range(${ROWS})`);
  let edgeId = 0;
  for (const column of NUMBER_COLUMNS) {
    const values = EDGES[column]!.map((value) => `(${--edgeId}, (${value})::${TYPES[column]})`).join(', ');
    await connection.run(`insert into numbers (id, ${column}) values ${values}`);
  }
  await connection.run(`create table words as select * from (values ${Array.from({ length: 500 }, (_, i) => `(${i}, ${sqlString(word(i))})`).join(', ')}) t(i, word)`);
  await connection.run(`
    create table moments as
    select range as id,
      case when range % 17 = 3 then null else date '0001-01-01' + (hash(range) % 3652059)::integer end as day,
      case when range % 17 = 4 then null else timestamp '0001-01-01' + to_microseconds((hash(range * 3) % 315537897600000000)::bigint) end as instant,
      case when range % 17 = 5 then null
        else (timestamp '1969-12-31 23:00:00' + to_microseconds((hash(range * 5) % 7200000000)::bigint - 3600000000))::timestamptz end as instant_tz,
      case when range % 17 = 6 then null else hash(range * 7) % 2 = 0 end as flag,
      case when range % 17 = 7 then null else w.word end as word
    from range(${ROWS}) join words w on w.i = range % 500`);
  await connection.run(`
    insert into moments (id, day, instant, instant_tz) values
      (-1, date '0001-01-01', timestamp '0001-01-01 00:00:00', timestamptz '1969-12-31 23:59:59.9995+00'),
      (-2, date '9999-12-31', timestamp '9999-12-31 23:59:59.999999', timestamptz '1970-01-01 00:00:00.000001+00'),
      (-3, date '1970-01-01', timestamp '1969-12-31 23:59:59.999999', timestamptz '2024-03-31 01:30:00+00'),
      (-4, date '2024-02-29', timestamp '1969-12-31 23:59:59.0005', timestamptz '0001-01-01 00:00:00.0005+00')`);
  await connection.run(`create table beyond as select * from (values
      (date '10000-01-01', timestamp '10000-01-01 00:00:00', 123456789012345.67::decimal(38, 2), 1e15::double, 1),
      (date '0044-03-15 (BC)', timestamp '0044-03-15 (BC) 12:00:00', 1.5::decimal(38, 2), 'NaN'::double, 2)) t(day, instant, total, ratio, id)`);
  await connection.run(`create table tiny as select * from (values
      (1, '5e-324'::double), (2, '-1e-7'::double), (3, '9.99e-7'::double), (4, '-0.0'::double), (5, 0::double), (6, '4.9999e-6'::double), (7, '0.5'::double)) t(id, ratio)`);
});

/** A CSV column per (table column, field): the column formatted by the field. */
type Formatted = { source: string; field: FormattableField };

const columnsOf = (formatted: Formatted[]): CsvColumn[] => formatted.map((f, i) => ({ id: `c${i}`, header: `${f.source} "#${i}", ∅` }));
const selectOf = (table: string, formatted: Formatted[]) => `select ${formatted.map((f, i) => `${f.source} as c${i}`).join(', ')} from ${table} order by id`;

/** The reference: rows streamed into JavaScript, formatted by createValueFormatter, written by writeCsv. */
const streamed = async (sql: string, formatted: Formatted[], limit: number, timezone?: string) => {
  const columns = columnsOf(formatted);
  const file = path.join(warehouse.dir, `streamed-${Math.random()}.csv`);
  const { batches } = await warehouse.client.stream(sql, { batchSize: 700 });
  const cells = formatted.map((f) => formattedCell(createValueFormatter(f.field, { timezone })));
  const result = await writeCsv(file, columns, batches, { limit, cells });
  return { ...result, text: await readFile(file, 'utf8') };
};

const native = async (sql: string, formatted: Formatted[], limit: number, timezone?: string) => {
  const columns = columnsOf(formatted);
  const file = path.join(warehouse.dir, `native-${Math.random()}.csv`);
  const plans = formatted.map((f) => formatPlan(f.field, { timezone }));
  if (plans.some((p) => !p)) throw new Error(`no plan for ${JSON.stringify(formatted.find((_, i) => !plans[i])!.field)}`);
  const result = await warehouse.client.exportCsv({ sql, file, columns: columns.map((c, i) => ({ name: c.id, format: plans[i] })), header: csvHeader(columns), limit });
  return result && { ...result, text: await readFile(file, 'utf8') };
};

const expectSameFile = (actual: { text: string } | undefined, expected: { text: string }) => {
  expect(actual, 'the native writer took the export').toBeDefined();
  const [a, e] = [actual!.text.split('\r\n'), expected.text.split('\r\n')];
  for (let i = 0; i < e.length; i++) expect(a[i], `line ${i}`).toBe(e[i]);
  expect(actual!.text).toBe(expected.text);
};

// Fields with only the keys formatting reads.
const dimension = (type: string, extra: Record<string, unknown> = {}) =>
  ({ fieldType: 'dimension', type, name: 'd', label: 'D', table: 't', tableLabel: 'T', sql: '', compiledSql: '', hidden: false, ...extra }) as unknown as ResultField;
const metric = (extra: Record<string, unknown>) =>
  ({ fieldType: 'metric', type: 'sum', name: 'm', label: 'M', table: 't', tableLabel: 'T', sql: '', compiledSql: '', hidden: false, isAutoGenerated: false, ...extra }) as unknown as ResultField;
const calculation = (format: CustomFormat) => ({ name: 'calc', displayName: 'Calc', sql: '1', format }) as unknown as ResultField;

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'DKK', 'CHF', 'INR', 'KWD', 'CLF', 'BRL', 'SEK'];
const SEPARATORS = ['default', 'commaPeriod', 'spacePeriod', 'periodComma', 'noSeparatorPeriod', 'apostrophePeriod'];

/** Number formats with a plan: the default, legacy keys, CustomFormats of every separator, round and currency. */
const NUMBER_FORMATS: [string, FormattableField][] = [
  ['default', dimension('number')],
  ['no field', metric({ type: 'count' })],
  ...['usd', 'gbp', 'eur', 'jpy', 'dkk', 'km', 'mi'].map((format): [string, FormattableField] => [`legacy ${format}`, metric({ format })]),
  ...[0, 1, 2, 4, 25].map((round): [string, FormattableField] => [`round ${round}`, metric({ round })]),
  ['usd round 0', metric({ format: 'usd', round: 0 })],
  ['round and separator key', dimension('number', { round: 2, separator: 'periodComma' })],
  ...SEPARATORS.flatMap((separator) => [
    [`number ${separator}`, calculation({ type: 'number', separator: separator as never })] as [string, FormattableField],
    [`number round 3 ${separator}`, calculation({ type: 'number', round: 3, separator: separator as never })] as [string, FormattableField],
  ]),
  ...CURRENCIES.flatMap((currency) =>
    ['default', 'periodComma', 'spacePeriod'].map((separator): [string, FormattableField] => [
      `currency ${currency} ${separator}`,
      calculation({ type: 'currency', currency, separator: separator as never }),
    ]),
  ),
  ['currency round 1', calculation({ type: 'currency', currency: 'EUR', round: 1 })],
  ['unknown currency', calculation({ type: 'currency', currency: 'XYZ1' })],
  ['prefix and suffix', calculation({ type: 'number', prefix: '"≈ ', suffix: ', units', round: 1 })],
  ['custom metric formatOptions', { table: 't', name: 'x', type: 'sum', sql: '1', formatOptions: { type: 'number', round: 2, suffix: ' kg' } } as unknown as FormattableField],
  ['default type', calculation({ type: 'default' })],
];

/** Formats whose plan is the value's own text, over every column type that has a raw text. */
const TEXT_FORMATS: [string, FormattableField][] = [
  ['id', metric({ format: 'id' })],
  ['year number', dimension('number', { timeInterval: 'YEAR_NUM' })],
];

describe('DuckDB native CSV export of formatted values', () => {
  it.each(NUMBER_FORMATS)('numbers, %s: the same bytes as the formatters', async (_label, field) => {
    const formatted = NUMBER_COLUMNS.map((source) => ({ source, field }));
    const sql = selectOf('numbers', formatted);
    const expected = await streamed(sql, formatted, 10_000);
    expectSameFile(await native(sql, formatted, 10_000), expected);
    expect(expected.rowCount).toBe(ROWS + Object.values(EDGES).flat().length);
  });

  it('doubles too small to show, while the format rounds them to zero (5 places at most)', async () => {
    for (const field of [dimension('number'), metric({ format: 'usd' }), metric({ round: 5 }), metric({ round: 0 })]) {
      const formatted = [{ source: 'ratio', field }];
      const sql = selectOf('tiny', formatted);
      expectSameFile(await native(sql, formatted, 10), await streamed(sql, formatted, 10));
    }
    const formatted = [{ source: 'ratio', field: metric({ round: 6 }) }];
    await expect(native(selectOf('tiny', formatted), formatted, 10)).resolves.toBeUndefined();
  });

  it.each(TEXT_FORMATS)('text of numbers, %s', async (_label, field) => {
    const formatted = [...INTEGER_COLUMNS, 'dec_12_2', 'dec_15_6', 'dec_9_0'].map((source) => ({ source, field }));
    const sql = selectOf('numbers', formatted);
    expectSameFile(await native(sql, formatted, 10_000), await streamed(sql, formatted, 10_000));
  });

  it('dates at every interval, of dates and of instants', async () => {
    const intervals = [undefined, 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
    const formatted = intervals.flatMap((timeInterval) => MOMENT_COLUMNS.map((source) => ({ source, field: dimension('date', { timeInterval }) })));
    const sql = selectOf('moments', formatted);
    expectSameFile(await native(sql, formatted, 10_000), await streamed(sql, formatted, 10_000));
  });

  it('timestamps at every interval, in UTC under each of its names', async () => {
    const intervals = [undefined, 'RAW', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY'];
    const formatted = intervals.flatMap((timeInterval) => MOMENT_COLUMNS.map((source) => ({ source, field: dimension('timestamp', { timeInterval }) })));
    const sql = selectOf('moments', formatted);
    for (const timezone of [undefined, 'UTC', 'Etc/UTC']) {
      expectSameFile(await native(sql, formatted, 10_000, timezone), await streamed(sql, formatted, 10_000, timezone));
    }
  });

  it('booleans, strings, and the text of dates and instants', async () => {
    const formatted = [
      { source: 'flag', field: dimension('boolean') },
      { source: 'word', field: dimension('string') },
      ...['flag', 'word', ...MOMENT_COLUMNS].map((source) => ({ source, field: dimension('string') })),
    ];
    const sql = selectOf('moments', formatted);
    const expected = await streamed(sql, formatted, 10_000);
    expectSameFile(await native(sql, formatted, 10_000), expected);
    expect(expected.text).toContain('"'); // the generated strings did need quoting
    expect(expected.text).toContain(',∅,');
  });

  it('keeps the limit and truncation of the streaming export', async () => {
    const formatted = [{ source: 'dec_12_2', field: metric({ format: 'usd' }) }];
    const sql = selectOf('numbers', formatted);
    for (const limit of [1, ROWS]) {
      const actual = await native(sql, formatted, limit);
      expect(actual).toEqual(await streamed(sql, formatted, limit));
      expect(actual!.truncated).toBe(true);
    }
  });

  it('declines, so the export streams, for values past the range it renders exactly', async () => {
    const cases: Formatted[] = [
      { source: 'day', field: dimension('date') },
      { source: 'instant', field: dimension('timestamp') },
      { source: 'instant', field: dimension('date', { timeInterval: 'MONTH' }) },
      { source: 'total', field: metric({ format: 'usd' }) },
      { source: 'ratio', field: metric({ format: 'usd' }) },
    ];
    for (const formatted of cases) {
      const sql = selectOf('beyond', [formatted]);
      await expect(native(sql, [formatted], 10), formatted.source).resolves.toBeUndefined();
      // The values the formatters do render, stream.
      expect((await streamed(sql, [formatted], 10)).rowCount).toBe(2);
    }
    // Raw instants past year 9999 too (`Date.toISOString` writes `+010000-…`).
    const file = path.join(warehouse.dir, 'beyond-raw.csv');
    await expect(warehouse.client.exportCsv({ sql: 'select instant from beyond', file, columns: [{ name: 'instant' }], header: 'instant', limit: 10 })).resolves.toBeUndefined();
  });

  it('has no plan where the text is not the shape of the value: the export streams', () => {
    const none: FormattableField[] = [
      metric({ format: 'percent' }),
      metric({ compact: 'thousands' }),
      metric({ round: -2 }),
      metric({ formatExpression: '#,##0.00 "units"' }),
      calculation({ type: 'percent' }),
    ];
    for (const field of none) expect(formatPlan(field), JSON.stringify(field)).toBeUndefined();
    expect(formatPlan(dimension('timestamp'), { timezone: 'Europe/Paris' })).toBeUndefined();
    expect(formatPlan(dimension('date'), { timezone: 'Europe/Paris' })).toEqual({ type: 'date', part: 'DAY' });
  });

  it('declines column types whose values DuckDB does not render as the client reads them', async () => {
    const file = path.join(warehouse.dir, 'declined.csv');
    for (const [sql, field] of [
      ['select 1.5::double as c0', dimension('string')],
      ["select '1234' as c0", dimension('number')],
      ['select 1 as c0', dimension('boolean')],
      ["select '2024-01-01' as c0", dimension('date')],
      ['select 1.5::decimal(12, 2) as c0', dimension('boolean')],
      ['select 0.1::decimal(38, 20) as c0', dimension('number')],
    ] as const) {
      const format = formatPlan(field);
      await expect(warehouse.client.exportCsv({ sql, file, columns: [{ name: 'c0', format }], header: 'c0', limit: 1 }), sql).resolves.toBeUndefined();
    }
  });
});
