import { describe, expect, it } from 'vitest';
import { createSemanticDialect, timeFrameSql } from '../sql-dialect.js';

describe('MySQL / MariaDB templates (Tessera extension)', () => {
  const mysql = createSemanticDialect('mysql');

  it('truncates without DATE_TRUNC: DATE for a day and longer, DATETIME below', () => {
    expect(timeFrameSql(mysql, 'YEAR', 'x', 'timestamp')).toBe('MAKEDATE(YEAR(x), 1)');
    expect(timeFrameSql(mysql, 'WEEK', 'x', 'date')).toBe('DATE_SUB(DATE(x), INTERVAL WEEKDAY(x) DAY)');
    expect(timeFrameSql(mysql, 'HOUR', 'x', 'timestamp')).toBe("CAST(DATE_FORMAT(x, '%Y-%m-%d %H:00:00') AS DATETIME)");
    expect(timeFrameSql(mysql, 'MILLISECOND', 'x', 'timestamp')).toBe("CAST(LEFT(DATE_FORMAT(x, '%Y-%m-%d %H:%i:%s.%f'), 23) AS DATETIME(3))");
  });

  it('honours the week start in WEEK, WEEK_NUM and DAY_OF_WEEK_INDEX', () => {
    const sunday = createSemanticDialect('mysql', 6);
    expect(timeFrameSql(sunday, 'WEEK', 'x', 'date')).toBe('DATE_SUB(DATE(x), INTERVAL MOD(WEEKDAY(x) + 1, 7) DAY)');
    expect(timeFrameSql(sunday, 'WEEK_NUM', 'x', 'date')).toBe('WEEK(DATE_SUB(x, INTERVAL 6 DAY), 3)');
    expect(timeFrameSql(sunday, 'DAY_OF_WEEK_INDEX', 'x', 'date')).toBe('(MOD(WEEKDAY(x) + 1, 7) + 1)');
    expect(timeFrameSql(mysql, 'DAY_OF_WEEK_INDEX', 'x', 'date')).toBe('(WEEKDAY(x) + 1)');
  });

  it('names do not depend on lc_time_names', () => {
    expect(timeFrameSql(mysql, 'DAY_OF_WEEK_NAME', 'x', 'date')).toMatch(/^ELT\(WEEKDAY\(x\) \+ 1, 'Monday', /);
    expect(timeFrameSql(mysql, 'MONTH_NAME', 'x', 'date')).toMatch(/^ELT\(MONTH\(x\), 'January', /);
  });

  it('intervals, literals', () => {
    expect(mysql.addInterval('x', -3, 'QUARTER')).toBe('TIMESTAMPADD(QUARTER, -3, x)');
    expect(mysql.addInterval('x', 5, 'MILLISECOND')).toBe('TIMESTAMPADD(MICROSECOND, 5000, x)');
    expect(mysql.stringLiteral("o'k\\")).toBe("'o''k\\\\'");
  });

  it('median and percentile are exact interpolated aggregates over a GROUP_CONCAT list (executed in the query-engine tests)', () => {
    expect(mysql.median('x')).toContain("GROUP_CONCAT(x ORDER BY x SEPARATOR ',')");
    expect(mysql.percentile('x', 0.9)).toContain('(1 + (COUNT(x) - 1) * 0.9)');
  });
});
