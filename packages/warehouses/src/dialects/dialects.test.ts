import { describe, expect, it } from 'vitest';
import { DIALECTS } from './dialects.js';
import type { LiteralValue } from './literal-values.js';

type Engine = Exclude<keyof typeof DIALECTS, 'mariadb'>;
const ENGINES = Object.keys(DIALECTS).filter((n) => n !== 'mariadb') as Engine[];

/** The same expected SQL for every engine except those listed. */
const all = (sql: string, except: Partial<Record<Engine, string>> = {}): Record<Engine, string> =>
  Object.fromEntries(ENGINES.map((e) => [e, except[e] ?? sql])) as Record<Engine, string>;

const BACKSLASH_ENGINES = ['redshift', 'snowflake', 'mysql', 'clickhouse'] as const;
const backslashes = (sql: string, quoteEscaped: string): Partial<Record<Engine, string>> => ({
  ...Object.fromEntries(BACKSLASH_ENGINES.map((e) => [e, sql])),
  bigquery: quoteEscaped,
  databricks: quoteEscaped,
});

const s = (value: string): LiteralValue => ({ type: 'string', value });
const n = (value: number | bigint): LiteralValue => ({ type: 'number', value });

const LITERALS: [string, LiteralValue, Record<Engine, string>][] = [
  ['plain string', s('plain'), all(`'plain'`)],
  ['empty string', s(''), all(`''`)],
  ['single quote', s("it's"), all(`'it''s'`, { bigquery: `'it\\'s'`, databricks: `'it\\'s'` })],
  ['backslash', s('a\\b'), all(`'a\\b'`, backslashes(`'a\\\\b'`, `'a\\\\b'`))],
  ['backslash before quote', s("\\'"), all(`'\\'''`, backslashes(`'\\\\'''`, `'\\\\\\''`))],
  ['trailing backslash', s('x\\'), all(`'x\\'`, backslashes(`'x\\\\'`, `'x\\\\'`))],
  [
    'injection attempt',
    s("'); drop table x; --"),
    all(`'''); drop table x; --'`, { bigquery: `'\\'); drop table x; --'`, databricks: `'\\'); drop table x; --'` }),
  ],
  ['comment markers', s('/* -- */ #'), all(`'/* -- */ #'`)],
  ['double quote and backtick', s('"`'), all(`'"\`'`)],
  ['unicode', s('Zürich 東京 🎉'), all(`'Zürich 東京 🎉'`)],
  ['control characters', s('a\nb\r\tc'), all(`'a\nb\r\tc'`, { bigquery: `'a\\u000ab\\u000d\\u0009c'` })],
  ['date', { type: 'date', value: '2024-02-29' }, all(`DATE '2024-02-29'`, { clickhouse: `toDate('2024-02-29')` })],
  ['early date', { type: 'date', value: '0001-01-01' }, all(`DATE '0001-01-01'`, { clickhouse: `toDate('0001-01-01')` })],
  [
    'timestamp string with offset, to UTC',
    { type: 'timestamp', value: '2024-01-31T23:30:00-02:00' },
    all(`TIMESTAMP '2024-02-01 01:30:00.000'`, {
      snowflake: `'2024-02-01 01:30:00.000'::TIMESTAMP_NTZ`,
      databricks: `TIMESTAMP_NTZ '2024-02-01 01:30:00.000'`,
      clickhouse: `toDateTime64('2024-02-01 01:30:00.000', 3, 'UTC')`,
    }),
  ],
  [
    'timestamp Date',
    { type: 'timestamp', value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) },
    all(`TIMESTAMP '2024-01-02 03:04:05.006'`, {
      snowflake: `'2024-01-02 03:04:05.006'::TIMESTAMP_NTZ`,
      databricks: `TIMESTAMP_NTZ '2024-01-02 03:04:05.006'`,
      clickhouse: `toDateTime64('2024-01-02 03:04:05.006', 3, 'UTC')`,
    }),
  ],
  [
    'zone-less timestamp string is UTC',
    { type: 'timestamp', value: '2024-06-01 12:00' },
    all(`TIMESTAMP '2024-06-01 12:00:00.000'`, {
      snowflake: `'2024-06-01 12:00:00.000'::TIMESTAMP_NTZ`,
      databricks: `TIMESTAMP_NTZ '2024-06-01 12:00:00.000'`,
      clickhouse: `toDateTime64('2024-06-01 12:00:00.000', 3, 'UTC')`,
    }),
  ],
  ['0.1', n(0.1), all('0.1')],
  ['-0', n(-0), all('0')],
  ['negative', n(-2.5), all('(-2.5)')],
  ['1e21 without exponent', n(1e21), all('1000000000000000000000')],
  ['small without exponent', n(1.5e-7), all('0.00000015')],
  ['unsafe integer as number renders what JS holds', n(Number('123456789012345678')), all('123456789012345680')],
  ['bigint is exact', n(123456789012345678n), all('123456789012345678')],
  ['negative bigint', n(-9007199254740993n), all('(-9007199254740993)')],
  ['true', { type: 'boolean', value: true }, all('TRUE')],
  ['false', { type: 'boolean', value: false }, all('FALSE')],
  ['null', { type: 'null' }, all('NULL')],
];

const IDENTIFIERS: [string, Record<Engine, string>][] = [
  ['order id', all('"order id"', { mysql: '`order id`', bigquery: '`order id`', databricks: '`order id`' })],
  ['a"b', all('"a""b"', { mysql: '`a"b`', bigquery: '`a"b`', databricks: '`a"b`', clickhouse: '"a\\"b"' })],
  ['a`b', all('"a`b"', { mysql: '`a``b`', bigquery: '`a\\`b`', databricks: '`a``b`' })],
  ['a\\b', all('"a\\b"', { mysql: '`a\\b`', bigquery: '`a\\\\b`', databricks: '`a\\b`', clickhouse: '"a\\\\b"' })],
  ['Mixed_Case', all('"Mixed_Case"', { mysql: '`Mixed_Case`', bigquery: '`Mixed_Case`', databricks: '`Mixed_Case`' })],
];

describe.each(ENGINES)('%s dialect', (engine) => {
  const dialect = DIALECTS[engine];

  it.each(LITERALS)('literal: %s', (_label, value, expected) => {
    expect(dialect.literal(value)).toBe(expected[engine]);
  });

  it.each(IDENTIFIERS)('identifier: %s', (name, expected) => {
    expect(dialect.quoteIdentifier(name)).toBe(expected[engine]);
  });

  it.each<[string, LiteralValue]>([
    ['NaN', n(Number.NaN)],
    ['Infinity', n(Number.POSITIVE_INFINITY)],
    ['NUL in a string', s('a\0b')],
    ['unpaired surrogate', s('a\uD800b')],
    ['not a leap day', { type: 'date', value: '2023-02-29' }],
    ['unpadded date', { type: 'date', value: '2024-1-01' }],
    ['date with SQL', { type: 'date', value: "2024-01-01'; --" }],
    ['timestamp text', { type: 'timestamp', value: 'yesterday' }],
    ['timestamp with SQL', { type: 'timestamp', value: "2024-01-01T00:00:00Z'--" }],
    ['invalid Date', { type: 'timestamp', value: new Date(Number.NaN) }],
    ['year 10000', { type: 'timestamp', value: new Date(Date.UTC(10000, 0, 1)) }],
    ['string given as number', { type: 'number', value: '1; drop' as unknown as number }],
  ])('rejects %s', (_label, value) => {
    expect(() => dialect.literal(value)).toThrow(/literal|Literal/);
  });

  it.each([[''], ['a\0b']])('rejects identifier %j', (name) => {
    expect(() => dialect.quoteIdentifier(name)).toThrow(/Identifier/);
  });
});

it('mariadb is the mysql dialect', () => {
  expect(DIALECTS.mariadb).toBe(DIALECTS.mysql);
});
