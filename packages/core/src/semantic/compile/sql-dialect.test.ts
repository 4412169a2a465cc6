import { describe, expect, it } from 'vitest';
import { TIME_FRAMES } from '../types/explore.js';
import type { TargetDatabase } from '../types/explore.js';
import { createSemanticDialect, defaultQuote, timeFrameSql } from './sql-dialect.js';

const frames = (target: TargetDatabase, startOfWeek?: number, baseType: 'date' | 'timestamp' = 'timestamp') => {
  const dialect = createSemanticDialect(target, startOfWeek);
  return Object.fromEntries(TIME_FRAMES.map((f) => [f, timeFrameSql(dialect, f, 'x', baseType)]));
};

describe('time-interval SQL per warehouse (reference §5.2, §5.3)', () => {
  it('postgres', () => {
    expect(frames('postgres')).toEqual({
      RAW: 'x',
      YEAR: "DATE_TRUNC('YEAR', x)",
      QUARTER: "DATE_TRUNC('QUARTER', x)",
      MONTH: "DATE_TRUNC('MONTH', x)",
      WEEK: "DATE_TRUNC('WEEK', x)",
      DAY: "DATE_TRUNC('DAY', x)",
      HOUR: "DATE_TRUNC('HOUR', x)",
      MINUTE: "DATE_TRUNC('MINUTE', x)",
      SECOND: "DATE_TRUNC('SECOND', x)",
      MILLISECOND: "DATE_TRUNC('MILLISECOND', x)",
      DAY_OF_WEEK_INDEX: "DATE_PART('DOW', x)",
      DAY_OF_MONTH_NUM: "DATE_PART('DAY', x)",
      DAY_OF_YEAR_NUM: "DATE_PART('DOY', x)",
      WEEK_NUM: "DATE_PART('WEEK', x)",
      MONTH_NUM: "DATE_PART('MONTH', x)",
      QUARTER_NUM: "DATE_PART('QUARTER', x)",
      YEAR_NUM: "DATE_PART('YEAR', x)",
      DAY_OF_WEEK_NAME: "TO_CHAR(x, 'FMDay')",
      MONTH_NAME: "TO_CHAR(x, 'FMMonth')",
      QUARTER_NAME: `TO_CHAR(x, 'FM"Q"Q')`,
      HOUR_OF_DAY_NUM: "DATE_PART('HOUR', x)",
      MINUTE_OF_HOUR_NUM: "DATE_PART('MINUTE', x)",
    });
  });

  it('postgres with weeks starting on Sunday (6)', () => {
    const f = frames('postgres', 6);
    expect(f.WEEK).toBe("(DATE_TRUNC('WEEK', (x - INTERVAL '6 days')) + INTERVAL '6 days')");
    expect(f.WEEK_NUM).toBe("DATE_PART('WEEK', (x - INTERVAL '6 days'))");
    expect(f.DAY_OF_WEEK_INDEX).toBe("(MOD(CAST(DATE_PART('DOW', x) AS INT) - 0 + 7, 7) + 1)");
  });

  it('duckdb names', () => {
    expect([frames('duckdb').DAY_OF_WEEK_NAME, frames('duckdb').MONTH_NAME, frames('duckdb').QUARTER_NAME]).toEqual([
      'DAYNAME(x)',
      'MONTHNAME(x)',
      "('Q' || CAST(QUARTER(x) AS VARCHAR))",
    ]);
  });

  it('bigquery: DATE vs TIMESTAMP functions, WEEK(<day>)', () => {
    expect(frames('bigquery', undefined, 'date').MONTH).toBe('DATE_TRUNC(x, MONTH)');
    expect(frames('bigquery').MONTH).toBe('TIMESTAMP_TRUNC(x, MONTH)');
    expect(frames('bigquery', 0).WEEK).toBe('TIMESTAMP_TRUNC(x, WEEK(MONDAY))');
    expect(frames('bigquery').DAY_OF_WEEK_INDEX).toBe('EXTRACT(DAYOFWEEK FROM x)');
    expect(frames('bigquery', undefined, 'date').MONTH_NAME).toBe("FORMAT_DATE('%B', x)");
  });

  it('snowflake, databricks, trino, clickhouse', () => {
    expect(frames('snowflake').DAY_OF_WEEK_NAME).toBe(
      "DECODE(TO_CHAR(x, 'DY'), 'Mon', 'Monday', 'Tue', 'Tuesday', 'Wed', 'Wednesday', 'Thu', 'Thursday', 'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday')",
    );
    expect(frames('databricks', 2).WEEK).toBe("DATEADD(DAY, 2, DATE_TRUNC('WEEK', DATEADD(DAY, -2, x)))");
    expect(frames('trino').DAY_OF_YEAR_NUM).toBe('EXTRACT(DOY FROM x)');
    expect(frames('athena').MONTH_NAME).toBe("DATE_FORMAT(x, '%M')");
    expect(frames('clickhouse').WEEK).toBe('toStartOfWeek(x, 1)');
  });

  it('week start on Snowflake, Databricks, ClickHouse does not depend on session settings or native day numbering', () => {
    const snowflake = frames('snowflake', 6);
    expect(snowflake.WEEK).toBe("DATEADD(DAY, -MOD(DAYOFWEEKISO(x) - 1 - 6 + 7, 7), DATE_TRUNC('DAY', x))");
    expect(snowflake.WEEK_NUM).toBe('WEEKISO(DATEADD(DAY, -6, x))');
    expect(snowflake.DAY_OF_WEEK_INDEX).toBe('(MOD(DAYOFWEEKISO(x) - 1 - 6 + 7, 7) + 1)');
    expect(frames('snowflake').WEEK).toBe("DATE_TRUNC('WEEK', x)");
    // Spark's DATE_PART('DOW') is 1 = Sunday, so the index is built on WEEKDAY (0 = Monday).
    expect(frames('databricks', 0).DAY_OF_WEEK_INDEX).toBe('(MOD(WEEKDAY(x) - 0 + 7, 7) + 1)');
    expect(frames('clickhouse', 2).WEEK_NUM).toBe('toISOWeek(addDays(x, -2))');
  });

  it('quotes identifiers, doubling embedded quotes', () => {
    expect(defaultQuote('postgres')('a"b')).toBe('"a""b"');
    expect(defaultQuote('bigquery')('orders')).toBe('`orders`');
  });

  it('string literals escape quotes (and backslashes where the warehouse treats them as escapes)', () => {
    expect(createSemanticDialect('postgres').stringLiteral("o'k\\")).toBe("'o''k\\'");
    expect(createSemanticDialect('bigquery').stringLiteral("o'k\\")).toBe("'o\\'k\\\\'");
  });

  it('overrides replace single templates', () => {
    const dialect = createSemanticDialect('postgres', undefined, { median: (x) => `MY_MEDIAN(${x})` });
    expect(dialect.median('x')).toBe('MY_MEDIAN(x)');
    expect(dialect.average('x')).toBe('AVG(x::DOUBLE PRECISION)');
  });
});
