import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import type { DimensionType, MetricFilterRule } from '../types/explore.js';
import { exploreFilterDialect } from './filter-dialect.js';
import { filterRuleSql } from './filter-sql.js';
import { createSemanticDialect } from './sql-dialect.js';

const rule = (operator: MetricFilterRule['operator'], values: unknown[], settings?: MetricFilterRule['settings']): MetricFilterRule => ({
  id: 'r',
  target: { fieldRef: 'x' },
  operator,
  values,
  ...(settings ? { settings } : {}),
});
const sql = (r: MetricFilterRule, type: DimensionType, target: Parameters<typeof createSemanticDialect>[0] = 'postgres', caseSensitive = true) =>
  filterRuleSql(r, { sql: 'x', type, caseSensitive, fieldId: 'x' }, exploreFilterDialect(createSemanticDialect(target)));

describe('metric filter SQL (YAML filters through the query filters)', () => {
  it('strings', () => {
    expect(sql(rule('equals', ['a', 'b']), 'string')).toBe("(x) IN ('a', 'b')");
    expect(sql(rule('equals', ['a']), 'string', 'postgres', false)).toBe("UPPER(x) = UPPER('a')");
    expect(sql(rule('notEquals', ['a']), 'string')).toBe("((x) <> 'a' OR (x) IS NULL)");
    expect(sql(rule('startsWith', ['a', 'b']), 'string')).toBe("(((x) LIKE 'a%' ESCAPE '!') OR ((x) LIKE 'b%' ESCAPE '!'))");
    expect(sql(rule('endsWith', ['a']), 'string')).toBe("((x) LIKE '%a' ESCAPE '!')");
    expect(sql(rule('isNull', []), 'string')).toBe('(x) IS NULL');
    expect(sql(rule('equals', []), 'string')).toBeUndefined();
    expect(() => sql(rule('greaterThan', ['a']), 'string')).toThrow('operator "greaterThan" does not apply to a string field');
  });

  it('LIKE operators match % and _ literally (they used to be wildcards)', () => {
    expect(sql(rule('include', ['50%_off']), 'string')).toBe("((x) LIKE '%50!%!_off%' ESCAPE '!')");
    expect(sql(rule('doesNotInclude', ['a_b']), 'string', 'postgres', false)).toBe(
      "((UPPER((x)) NOT LIKE UPPER('%a!_b%') ESCAPE '!') OR (x) IS NULL)",
    );
    expect(sql(rule('startsWith', ['1!%']), 'string', 'mysql')).toBe("((x) LIKE '1!!!%%' ESCAPE '!')");
    // No ESCAPE clause on BigQuery and ClickHouse: a backslash escapes, doubled by the string lexer.
    expect(sql(rule('endsWith', ['5%\\']), 'string', 'bigquery')).toBe("((x) LIKE '%5\\\\%\\\\\\\\')");
  });

  it('numbers are checked, never pasted', () => {
    expect(sql(rule('inBetween', [1, '2.5']), 'number')).toBe('((x) >= 1 AND (x) <= 2.5)');
    expect(sql(rule('notEquals', [3]), 'number')).toBe('((x) <> 3 OR (x) IS NULL)');
    expect(sql(rule('greaterThan', [-2]), 'number')).toBe('(x) > (-2)');
    expect(() => sql(rule('equals', ['1; DROP TABLE x']), 'number')).toThrow(ParameterError);
    expect(() => sql(rule('equals', ['1; DROP TABLE x']), 'number')).toThrow('is not a finite number');
  });

  it('booleans', () => {
    expect(sql(rule('equals', ['yes']), 'boolean')).toBe('(x) = TRUE');
    expect(sql(rule('notEquals', [false]), 'boolean')).toBe('((x) <> FALSE OR (x) IS NULL)');
    expect(() => sql(rule('equals', ['perhaps']), 'boolean')).toThrow('is not a boolean');
  });

  it('dates and timestamps: literals are validated and cast', () => {
    expect(sql(rule('greaterThan', ['2024-01-31']), 'date')).toBe("(x) > CAST('2024-01-31' AS DATE)");
    expect(sql(rule('lessThan', ['2024-01-31T10:00:00Z']), 'timestamp')).toBe("(x) < CAST('2024-01-31 10:00:00.000' AS TIMESTAMP)");
    expect(sql(rule('lessThan', ['2024-01-31T12:00:00+02:00']), 'timestamp')).toBe("(x) < CAST('2024-01-31 10:00:00.000' AS TIMESTAMP)");
    expect(() => sql(rule('equals', ["2024-01-01' OR 1=1 --"]), 'date')).toThrow('is not a date as YYYY-MM-DD');
  });

  it('relative dates use the warehouse clock', () => {
    expect(sql(rule('inThePast', [3], { unitOfTime: 'months', completed: true }), 'date')).toBe(
      "((x) >= CAST((DATE_TRUNC('MONTH', CURRENT_TIMESTAMP) - INTERVAL '3 MONTH') AS DATE) AND (x) < CAST(DATE_TRUNC('MONTH', CURRENT_TIMESTAMP) AS DATE))",
    );
    expect(sql(rule('inTheCurrent', [1], { unitOfTime: 'quarters', completed: false }), 'timestamp')).toBe(
      "((x) >= DATE_TRUNC('QUARTER', CURRENT_TIMESTAMP) AND (x) < (DATE_TRUNC('QUARTER', CURRENT_TIMESTAMP) + INTERVAL '3 MONTH'))",
    );
    expect(sql(rule('notInThePast', [2], { unitOfTime: 'days', completed: false }), 'timestamp', 'snowflake')).toBe(
      'NOT ((x) >= DATEADD(DAY, -2, CURRENT_TIMESTAMP()) AND (x) <= CURRENT_TIMESTAMP())',
    );
    expect(sql(rule('inTheNext', [7], { unitOfTime: 'days', completed: false }), 'timestamp', 'trino')).toBe(
      "((x) >= CURRENT_TIMESTAMP AND (x) <= DATE_ADD('day', 7, CURRENT_TIMESTAMP))",
    );
    expect(sql(rule('inTheNext', [2], { unitOfTime: 'weeks', completed: true }), 'timestamp')).toBe(
      "((x) >= (DATE_TRUNC('WEEK', CURRENT_TIMESTAMP) + INTERVAL '1 WEEK') AND (x) < (DATE_TRUNC('WEEK', CURRENT_TIMESTAMP) + INTERVAL '3 WEEK'))",
    );
    // Periods start where the dialect truncates: here weeks start on Sunday.
    const sunday = exploreFilterDialect(createSemanticDialect('postgres', 6));
    expect(filterRuleSql(rule('inTheCurrent', [1], { unitOfTime: 'weeks', completed: false }), { sql: 'x', type: 'date', caseSensitive: true, fieldId: 'x' }, sunday)).toBe(
      "((x) >= CAST((DATE_TRUNC('WEEK', (CURRENT_TIMESTAMP - INTERVAL '6 days')) + INTERVAL '6 days') AS DATE) AND (x) < CAST(((DATE_TRUNC('WEEK', (CURRENT_TIMESTAMP - INTERVAL '6 days')) + INTERVAL '6 days') + INTERVAL '1 WEEK') AS DATE))",
    );
    expect(sql(rule('inThePast', [1], { unitOfTime: 'years', completed: false }), 'timestamp', 'bigquery')).toBe(
      '((x) >= TIMESTAMP(DATETIME_ADD(DATETIME(CURRENT_TIMESTAMP()), INTERVAL -1 YEAR)) AND (x) <= CURRENT_TIMESTAMP())',
    );
  });
});
