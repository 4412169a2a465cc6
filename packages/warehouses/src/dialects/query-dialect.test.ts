import { describe, expect, it } from 'vitest';
import { ParameterError, TIME_FRAMES, timeFrameSql } from '@tessera/core';
import { DIALECTS, type DialectName } from './dialects.js';
import { likePattern, queryDialect } from './query-dialect.js';

const NAMES = Object.keys(DIALECTS) as DialectName[];

describe('queryDialect', () => {
  it.each(NAMES)('%s: quoting and literals are the warehouse dialect’s, semantic string literals too', (name) => {
    const d = queryDialect(name);
    const hostile = "it's a \\ 'quote' \\' --";
    expect(d.name).toBe(name);
    expect(d.quoteIdentifier('a"b`c')).toBe(DIALECTS[name].quoteIdentifier('a"b`c'));
    expect(d.literal({ type: 'string', value: hostile })).toBe(DIALECTS[name].literal({ type: 'string', value: hostile }));
    expect(d.semantic.stringLiteral(hostile)).toBe(d.literal({ type: 'string', value: hostile }));
    expect(d.limit(500)).toBe('LIMIT 500');
    for (const frame of TIME_FRAMES) expect(timeFrameSql(d.semantic, frame, 'x', 'timestamp')).toContain('x');
  });

  it('picks the template family per engine (MariaDB shares MySQL’s)', () => {
    const week = (name: DialectName) => queryDialect(name).semantic.truncate('x', 'WEEK', 'date');
    expect(week('postgres')).toBe("DATE_TRUNC('WEEK', x)");
    expect(week('mysql')).toBe('DATE_SUB(DATE(x), INTERVAL WEEKDAY(x) DAY)');
    expect(week('mariadb')).toBe(week('mysql'));
    expect(week('bigquery')).toBe('DATE_TRUNC(x, WEEK)');
    expect(queryDialect('postgres', { startOfWeek: 6 }).semantic.truncate('x', 'WEEK', 'date')).toBe(
      "(DATE_TRUNC('WEEK', (x - INTERVAL '6 days')) + INTERVAL '6 days')",
    );
  });

  it('rejects a week start outside 0..6 and a bad row limit with a ParameterError', () => {
    for (const startOfWeek of [-1, 7, 1.5, Number.NaN]) expect(() => queryDialect('duckdb', { startOfWeek })).toThrow(ParameterError);
    const d = queryDialect('duckdb');
    for (const rows of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) expect(() => d.limit(rows)).toThrow(ParameterError);
    expect(d.limit(0)).toBe('LIMIT 0');
  });

  it('concat: || or CONCAT()', () => {
    const parts = ['a', 'b', 'c'];
    const concat = (name: DialectName) => queryDialect(name).concat(parts);
    for (const name of ['duckdb', 'postgres', 'redshift', 'snowflake', 'trino', 'athena'] as const) expect(concat(name)).toBe('(a || b || c)');
    for (const name of ['mysql', 'mariadb', 'bigquery', 'databricks', 'clickhouse'] as const) expect(concat(name)).toBe('CONCAT(a, b, c)');
    expect(queryDialect('duckdb').concat(['a'])).toBe('a');
    expect(queryDialect('duckdb').concat([])).toBe("''");
  });

  it('casts', () => {
    const casts = NAMES.map((n) => [n, queryDialect(n).castToFloat('x'), queryDialect(n).castToString('x')]);
    expect(casts).toEqual([
      ['duckdb', 'CAST(x AS DOUBLE)', 'CAST(x AS VARCHAR)'],
      ['postgres', 'CAST(x AS DOUBLE PRECISION)', 'CAST(x AS VARCHAR)'],
      ['redshift', 'CAST(x AS DOUBLE PRECISION)', 'CAST(x AS VARCHAR(MAX))'],
      ['snowflake', 'CAST(x AS DOUBLE)', 'CAST(x AS VARCHAR)'],
      ['bigquery', 'CAST(x AS FLOAT64)', 'CAST(x AS STRING)'],
      ['databricks', 'CAST(x AS DOUBLE)', 'CAST(x AS STRING)'],
      ['trino', 'CAST(x AS DOUBLE)', 'CAST(x AS VARCHAR)'],
      ['athena', 'CAST(x AS DOUBLE)', 'CAST(x AS VARCHAR)'],
      ['clickhouse', 'CAST(x AS Float64)', 'CAST(x AS String)'],
      ['mysql', 'CAST(x AS DOUBLE)', 'CAST(x AS CHAR)'],
      ['mariadb', 'CAST(x AS DOUBLE)', 'CAST(x AS CHAR)'],
    ]);
  });

  it('nullSafeEquals', () => {
    expect(queryDialect('postgres').nullSafeEquals('a', 'b')).toBe('(a IS NOT DISTINCT FROM b)');
    expect(queryDialect('mysql').nullSafeEquals('a', 'b')).toBe('(a <=> b)');
    expect(queryDialect('clickhouse').nullSafeEquals('a', 'b')).toBe(
      '((a = b AND a IS NOT NULL AND b IS NOT NULL) OR (a IS NULL AND b IS NULL))',
    );
  });
});

describe('likeMatch', () => {
  it('escapes %, _ and the escape character, per position', () => {
    expect(likePattern('5%_!x', 'contains', 'bang')).toBe('%5!%!_!!x%');
    expect(likePattern('a\\b', 'startsWith', 'bang')).toBe('a\\b%');
    expect(likePattern('5%_\\!', 'endsWith', 'backslash')).toBe('%5\\%\\_\\\\!');
  });

  it('renders the pattern through the string literal renderer, with ESCAPE where the engine has it', () => {
    const text = "50%_off's \\ !";
    expect(queryDialect('postgres').likeMatch('(x)', text, 'contains', false)).toBe(`((x) LIKE '%50!%!_off''s \\ !!%' ESCAPE '!')`);
    expect(queryDialect('mysql').likeMatch('(x)', text, 'startsWith', true)).toBe(`((x) NOT LIKE '50!%!_off''s \\\\ !!%' ESCAPE '!')`);
    expect(queryDialect('databricks').likeMatch('(x)', text, 'endsWith', false)).toBe(`((x) LIKE '%50!%!_off\\'s \\\\ !!' ESCAPE '!')`);
    // No ESCAPE clause: `\%` in the pattern, `\\%` in the literal.
    expect(queryDialect('bigquery').likeMatch('(x)', text, 'contains', false)).toBe(`((x) LIKE '%50\\\\%\\\\_off\\'s \\\\\\\\ !%')`);
    expect(queryDialect('clickhouse').likeMatch('(x)', text, 'contains', false)).toBe(`((x) LIKE '%50\\\\%\\\\_off''s \\\\\\\\ !%')`);
  });
});
