import { describe, expect, it } from 'vitest';
import type { DimensionType, MetricFilterRule } from '../types/explore.js';
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
  filterRuleSql(r, { sql: 'x', type, caseSensitive }, createSemanticDialect(target));

describe('metric filter SQL', () => {
  it('strings', () => {
    expect(sql(rule('equals', ['a', 'b']), 'string')).toBe("(x) IN ('a', 'b')");
    expect(sql(rule('equals', ['a']), 'string', 'postgres', false)).toBe("UPPER(x) IN ('A')");
    expect(sql(rule('notEquals', ['a']), 'string')).toBe("((x) NOT IN ('a') OR (x) IS NULL)");
    expect(sql(rule('startsWith', ['a', 'b']), 'string')).toBe("((x) LIKE 'a%' OR (x) LIKE 'b%')");
    expect(sql(rule('endsWith', ['a']), 'string')).toBe("((x) LIKE '%a')");
    expect(sql(rule('isNull', []), 'string')).toBe('(x) IS NULL');
    expect(() => sql(rule('greaterThan', ['a']), 'string')).toThrow('operator "greaterThan" does not apply to a string dimension');
  });

  it('numbers are checked, never pasted', () => {
    expect(sql(rule('inBetween', [1, '2.5']), 'number')).toBe('((x) >= 1 AND (x) <= 2.5)');
    expect(sql(rule('notEquals', [3]), 'number')).toBe('((x) NOT IN (3) OR (x) IS NULL)');
    expect(() => sql(rule('equals', ['1; DROP TABLE x']), 'number')).toThrow('invalid number value');
  });

  it('booleans', () => {
    expect(sql(rule('equals', ['yes']), 'boolean')).toBe('(x) = TRUE');
    expect(sql(rule('notEquals', [false]), 'boolean')).toBe('((x) != FALSE OR (x) IS NULL)');
    expect(() => sql(rule('equals', ['perhaps']), 'boolean')).toThrow('invalid boolean value');
  });

  it('dates and timestamps: literals are validated and cast', () => {
    expect(sql(rule('greaterThan', ['2024-01-31']), 'date')).toBe("(x) > CAST('2024-01-31' AS DATE)");
    expect(sql(rule('lessThan', ['2024-01-31T10:00:00Z']), 'timestamp')).toBe("(x) < CAST('2024-01-31 10:00:00Z' AS TIMESTAMP)");
    expect(() => sql(rule('equals', ["2024-01-01' OR 1=1 --"]), 'date')).toThrow('invalid date value');
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
    expect(sql(rule('inThePast', [1], { unitOfTime: 'years', completed: false }), 'timestamp', 'bigquery')).toBe(
      '((x) >= TIMESTAMP(DATETIME_ADD(DATETIME(CURRENT_TIMESTAMP()), INTERVAL -1 YEAR)) AND (x) <= CURRENT_TIMESTAMP())',
    );
  });
});
