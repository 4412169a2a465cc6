import { compileFilterRule, ParameterError, type DimensionType, type FilterContext, type FilterRule } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { queryDialect } from '../dialects/index.js';

/** The SQL of representative rules, exactly, on PostgreSQL (and where dialects differ, MySQL and BigQuery). */
const postgres = queryDialect('postgres');
const NEW_YORK: FilterContext = { now: new Date('2024-03-10T15:30:00.000Z'), timezone: 'America/New_York' };

const rule = (operator: FilterRule['operator'], values?: unknown[], extra: Partial<FilterRule> = {}): FilterRule => ({
  id: 'r',
  target: { fieldId: 'orders_status' },
  operator,
  ...(values ? { values } : {}),
  ...extra,
});

const sql = (r: FilterRule, type: DimensionType, options: { caseSensitive?: boolean; ctx?: FilterContext; dialect?: typeof postgres } = {}) =>
  compileFilterRule(
    r,
    { sql: '"orders".status', type, caseSensitive: options.caseSensitive ?? true, fieldId: 'orders_status' },
    options.dialect ?? postgres,
    options.ctx ?? NEW_YORK,
  );

describe('string rules', () => {
  it('equals and notEquals, one value or several; notEquals keeps NULL', () => {
    expect(sql(rule('equals', ['shipped']), 'string')).toBe(`("orders".status) = 'shipped'`);
    expect(sql(rule('equals', ['a', "o'k"]), 'string')).toBe(`("orders".status) IN ('a', 'o''k')`);
    expect(sql(rule('notEquals', ['a']), 'string')).toBe(`(("orders".status) <> 'a' OR ("orders".status) IS NULL)`);
    expect(sql(rule('notEquals', ['a', 'b']), 'string')).toBe(`(("orders".status) NOT IN ('a', 'b') OR ("orders".status) IS NULL)`);
  });

  it('case-insensitive comparisons upper-case both sides in SQL; the rule overrides the field', () => {
    expect(sql(rule('equals', ['Café']), 'string', { caseSensitive: false })).toBe(`UPPER("orders".status) = UPPER('Café')`);
    expect(sql(rule('equals', ['Café'], { caseSensitive: true }), 'string', { caseSensitive: false })).toBe(`("orders".status) = 'Café'`);
    expect(sql(rule('include', ['Café'], { caseSensitive: false }), 'string')).toBe(
      `(UPPER(("orders".status)) LIKE UPPER('%Café%') ESCAPE '!')`,
    );
  });

  it('LIKE operators match %, _ and the escape character literally', () => {
    expect(sql(rule('include', ['50%_off!']), 'string')).toBe(`(("orders".status) LIKE '%50!%!_off!!%' ESCAPE '!')`);
    expect(sql(rule('startsWith', ['a_']), 'string')).toBe(`(("orders".status) LIKE 'a!_%' ESCAPE '!')`);
    expect(sql(rule('endsWith', ["'%"]), 'string')).toBe(`(("orders".status) LIKE '%''!%' ESCAPE '!')`);
    expect(sql(rule('include', ['a\\%']), 'string', { dialect: queryDialect('mysql') })).toBe(`(("orders".status) LIKE '%a\\\\!%%' ESCAPE '!')`);
    expect(sql(rule('include', ['a\\%']), 'string', { dialect: queryDialect('bigquery') })).toBe(`(("orders".status) LIKE '%a\\\\\\\\\\\\%%')`);
  });

  it('several LIKE values: any of them; doesNotInclude: none of them, NULL kept; empty values ignored', () => {
    expect(sql(rule('include', ['a', '', 'b']), 'string')).toBe(
      `((("orders".status) LIKE '%a%' ESCAPE '!') OR (("orders".status) LIKE '%b%' ESCAPE '!'))`,
    );
    expect(sql(rule('doesNotInclude', ['a', 'b']), 'string')).toBe(
      `(((("orders".status) NOT LIKE '%a%' ESCAPE '!') AND (("orders".status) NOT LIKE '%b%' ESCAPE '!')) OR ("orders".status) IS NULL)`,
    );
    expect(sql(rule('doesNotInclude', ['a']), 'string')).toBe(`((("orders".status) NOT LIKE '%a%' ESCAPE '!') OR ("orders".status) IS NULL)`);
  });

  it('rules without values restrict nothing; equals "" is a real comparison', () => {
    for (const operator of ['equals', 'notEquals', 'include', 'doesNotInclude', 'startsWith', 'endsWith'] as const) {
      expect(sql(rule(operator, []), 'string')).toBe('TRUE');
      expect(sql(rule(operator), 'string')).toBe('TRUE');
    }
    expect(sql(rule('include', ['']), 'string')).toBe('TRUE');
    expect(sql(rule('equals', ['']), 'string')).toBe(`("orders".status) = ''`);
    expect(sql(rule('equals', ['x'], { disabled: true }), 'string')).toBe('TRUE');
  });

  it('numbers and booleans as string values are their text', () => {
    expect(sql(rule('equals', [5, true]), 'string')).toBe(`("orders".status) IN ('5', 'true')`);
  });

  it('isNull / notNull on every type', () => {
    for (const type of ['string', 'number', 'date', 'timestamp', 'boolean'] as const) {
      expect(sql(rule('isNull'), type)).toBe(`("orders".status) IS NULL`);
      expect(sql(rule('notNull'), type)).toBe(`("orders".status) IS NOT NULL`);
    }
  });
});

describe('number and boolean rules', () => {
  it('renders typed literals; comparisons use the first value; inBetween is inclusive', () => {
    expect(sql(rule('equals', [1, '2.5', -3]), 'number')).toBe(`("orders".status) IN (1, 2.5, (-3))`);
    expect(sql(rule('notEquals', [0]), 'number')).toBe(`(("orders".status) <> 0 OR ("orders".status) IS NULL)`);
    expect(sql(rule('lessThan', [' 1e3 ']), 'number')).toBe(`("orders".status) < 1000`);
    expect(sql(rule('lessThanOrEqual', [1e21]), 'number')).toBe(`("orders".status) <= 1000000000000000000000`);
    expect(sql(rule('greaterThan', [-0.5]), 'number')).toBe(`("orders".status) > (-0.5)`);
    expect(sql(rule('greaterThanOrEqual', [7, 8]), 'number')).toBe(`("orders".status) >= 7`);
    expect(sql(rule('inBetween', [-1, 10]), 'number')).toBe(`(("orders".status) >= (-1) AND ("orders".status) <= 10)`);
    expect(sql(rule('inBetween', []), 'number')).toBe('TRUE');
  });

  it('booleans accept true/false and their usual spellings', () => {
    expect(sql(rule('equals', [true]), 'boolean')).toBe(`("orders".status) = TRUE`);
    expect(sql(rule('equals', ['no', 'false']), 'boolean')).toBe(`("orders".status) = FALSE`);
    expect(sql(rule('notEquals', ['yes']), 'boolean')).toBe(`(("orders".status) <> TRUE OR ("orders".status) IS NULL)`);
    expect(sql(rule('equals', [true, 0]), 'boolean')).toBe(`("orders".status) IN (TRUE, FALSE)`);
  });
});

describe('date and timestamp rules', () => {
  it('absolute values: dates as DATE literals, timestamps as UTC instants (zone-less ones in the query zone)', () => {
    expect(sql(rule('equals', ['2024-05-01']), 'date')).toBe(`("orders".status) = DATE '2024-05-01'`);
    expect(sql(rule('equals', ['2024-05-01T00:00:00.000Z']), 'date')).toBe(`("orders".status) = DATE '2024-05-01'`);
    expect(sql(rule('inBetween', ['2024-01-01', '2024-01-31']), 'date')).toBe(
      `(("orders".status) >= DATE '2024-01-01' AND ("orders".status) <= DATE '2024-01-31')`,
    );
    expect(sql(rule('greaterThan', ['2024-05-01T12:00:00']), 'timestamp')).toBe(`("orders".status) > TIMESTAMP '2024-05-01 16:00:00.000'`);
    expect(sql(rule('lessThan', ['2024-05-01T12:00:00+02:00']), 'timestamp')).toBe(`("orders".status) < TIMESTAMP '2024-05-01 10:00:00.000'`);
    expect(sql(rule('equals', ['2024-05-01']), 'timestamp')).toBe(`("orders".status) = TIMESTAMP '2024-05-01 04:00:00.000'`);
    // 02:30 does not exist on 10 March 2024 in New York: it is read as 03:30 EDT.
    expect(sql(rule('equals', ['2024-03-10 02:30']), 'timestamp')).toBe(`("orders".status) = TIMESTAMP '2024-03-10 07:30:00.000'`);
    expect(sql(rule('notEquals', ['2024-05-01', '2024-05-02']), 'date')).toBe(
      `(("orders".status) NOT IN (DATE '2024-05-01', DATE '2024-05-02') OR ("orders".status) IS NULL)`,
    );
  });

  const settings = (unitOfTime: string, completed = false) => ({ settings: { unitOfTime, completed } as FilterRule['settings'] });

  it('inTheCurrent is [start, next start): the 23-hour day of a spring-forward', () => {
    expect(sql(rule('inTheCurrent', [], settings('days')), 'timestamp')).toBe(
      `(("orders".status) >= TIMESTAMP '2024-03-10 05:00:00.000' AND ("orders".status) < TIMESTAMP '2024-03-11 04:00:00.000')`,
    );
    expect(sql(rule('inTheCurrent', [], settings('days')), 'date')).toBe(
      `(("orders".status) >= DATE '2024-03-10' AND ("orders".status) <= DATE '2024-03-10')`,
    );
    expect(sql(rule('notInTheCurrent', [], settings('months')), 'date')).toBe(
      `NOT (("orders".status) >= DATE '2024-03-01' AND ("orders".status) <= DATE '2024-03-31')`,
    );
  });

  it('the 25-hour day when London leaves summer time', () => {
    const london = { now: new Date('2024-10-27T00:30:00.000Z'), timezone: 'Europe/London' };
    expect(sql(rule('inTheCurrent', [], settings('days')), 'timestamp', { ctx: london })).toBe(
      `(("orders".status) >= TIMESTAMP '2024-10-26 23:00:00.000' AND ("orders".status) < TIMESTAMP '2024-10-28 00:00:00.000')`,
    );
  });

  it('inThePast: up to now, or whole periods before the current one when completed', () => {
    expect(sql(rule('inThePast', [3], settings('days')), 'timestamp')).toBe(
      `(("orders".status) >= TIMESTAMP '2024-03-07 16:30:00.000' AND ("orders".status) <= TIMESTAMP '2024-03-10 15:30:00.000')`,
    );
    expect(sql(rule('inThePast', [1], settings('months', true)), 'timestamp')).toBe(
      `(("orders".status) >= TIMESTAMP '2024-02-01 05:00:00.000' AND ("orders".status) < TIMESTAMP '2024-03-01 05:00:00.000')`,
    );
    expect(sql(rule('inThePast', [2], settings('quarters', true)), 'date')).toBe(
      `(("orders".status) >= DATE '2023-07-01' AND ("orders".status) <= DATE '2023-12-31')`,
    );
    expect(sql(rule('notInThePast', ['1'], settings('years', true)), 'date')).toBe(
      `NOT (("orders".status) >= DATE '2023-01-01' AND ("orders".status) <= DATE '2023-12-31')`,
    );
    expect(sql(rule('inThePast', [90], settings('minutes')), 'timestamp')).toBe(
      `(("orders".status) >= TIMESTAMP '2024-03-10 14:00:00.000' AND ("orders".status) <= TIMESTAMP '2024-03-10 15:30:00.000')`,
    );
    expect(sql(rule('inThePast', [], settings('days')), 'date')).toBe('TRUE');
  });

  it('inTheNext: from now, or whole periods after the current one when completed', () => {
    expect(sql(rule('inTheNext', [2], settings('days')), 'date')).toBe(
      `(("orders".status) >= DATE '2024-03-10' AND ("orders".status) <= DATE '2024-03-12')`,
    );
    expect(sql(rule('inTheNext', [2], settings('months', true)), 'date')).toBe(
      `(("orders".status) >= DATE '2024-04-01' AND ("orders".status) <= DATE '2024-05-31')`,
    );
    expect(sql(rule('inTheNext', [1], settings('hours', true)), 'timestamp')).toBe(
      `(("orders".status) >= TIMESTAMP '2024-03-10 16:00:00.000' AND ("orders".status) < TIMESTAMP '2024-03-10 17:00:00.000')`,
    );
  });

  it('weeks start on Monday unless the context says otherwise', () => {
    expect(sql(rule('inTheCurrent', [], settings('weeks')), 'date')).toBe(
      `(("orders".status) >= DATE '2024-03-04' AND ("orders".status) <= DATE '2024-03-10')`,
    );
    expect(sql(rule('inTheCurrent', [], settings('weeks')), 'date', { ctx: { ...NEW_YORK, weekStart: 6 } })).toBe(
      `(("orders".status) >= DATE '2024-03-10' AND ("orders".status) <= DATE '2024-03-16')`,
    );
  });
});

describe('refused rules', () => {
  const refusal = (r: FilterRule, type: DimensionType, ctx: FilterContext = NEW_YORK): ParameterError => {
    try {
      sql(r, type, { ctx });
    } catch (error) {
      expect(error).toBeInstanceOf(ParameterError);
      return error as ParameterError;
    }
    throw new Error('expected a ParameterError');
  };

  it('an operator that does not fit the type names the field, the operator and the ones that fit', () => {
    const error = refusal(rule('greaterThan', ['a']), 'string');
    expect(error.message).toBe(
      'Filter on "orders_status": operator "greaterThan" does not apply to a string field; use one of: isNull, notNull, equals, notEquals, startsWith, endsWith, include, doesNotInclude',
    );
    expect(error.statusCode).toBe(400);
    expect(refusal(rule('include', ['a']), 'number').message).toContain('lessThan');
    expect(refusal(rule('inThePast', [1]), 'number').message).toContain('number field');
    expect(refusal(rule('lessThan', [true]), 'boolean').message).toContain('equals, notEquals');
    expect(refusal(rule('notInBetween' as never, [1, 2]), 'date').message).toContain('"notInBetween"');
  });

  it('values that do not fit name the field and the value', () => {
    expect(refusal(rule('equals', ['abc']), 'number').message).toBe(
      'Filter on "orders_status" (equals): value "abc" is not a finite number',
    );
    for (const value of ['0x10', 'NaN', 'Infinity', '', null, true, [1], {}]) {
      expect(refusal(rule('equals', [value]), 'number').message).toContain('finite number');
    }
    expect(refusal(rule('equals', [Number.POSITIVE_INFINITY]), 'number').message).toContain('null'); // JSON shows Infinity as null
    expect(refusal(rule('equals', ['maybe']), 'boolean').message).toContain('"maybe" is not a boolean');
    expect(refusal(rule('equals', ['2024-02-30']), 'date').message).toContain('"2024-02-30" is not a date as YYYY-MM-DD');
    expect(refusal(rule('equals', ['2024-05-01T12:00:00Z']), 'date').message).toContain('YYYY-MM-DD');
    expect(refusal(rule('equals', ['yesterday']), 'timestamp').message).toContain('ISO 8601');
    expect(refusal(rule('equals', ['2024-01-01T24:00:00Z']), 'timestamp').message).toContain('ISO 8601');
    expect(refusal(rule('equals', ['a\u0000b']), 'string').message).toContain('NUL');
    expect(refusal(rule('include', ['\uD800']), 'string').message).toContain('surrogate');
    expect(refusal(rule('equals', [{ a: 1 }]), 'string').message).toContain('{"a":1}');
    expect(refusal(rule('equals', ['x'.repeat(10_000)]), 'number').message.length).toBeLessThan(200);
  });

  it('inBetween needs both ends', () => {
    expect(refusal(rule('inBetween', [1]), 'number').message).toBe(
      'Filter on "orders_status" (inBetween): needs two values, a start and an end; got [1]',
    );
    expect(refusal(rule('inBetween', ['2024-01-01']), 'date').message).toContain('two values');
  });

  it('relative rules: the amount, the unit, completed, the range and the zone', () => {
    const settings = (unitOfTime: unknown, completed: unknown = false) => ({ settings: { unitOfTime, completed } as never });
    expect(refusal(rule('inThePast', [-1], settings('days')), 'date').message).toContain('value -1 is not a whole number');
    expect(refusal(rule('inThePast', [1.5], settings('days')), 'date').message).toContain('1.5');
    expect(refusal(rule('inThePast', ["3'--"], settings('days')), 'date').message).toContain(`"3'--"`);
    expect(refusal(rule('inThePast', [1], settings('fortnights')), 'date').message).toBe(
      'Filter on "orders_status" (inThePast): unitOfTime "fortnights" is not one of milliseconds, seconds, minutes, hours, days, weeks, months, quarters, years',
    );
    expect(refusal(rule('inTheCurrent', [], settings('eons')), 'timestamp').message).toContain('"eons"');
    expect(refusal(rule('inThePast', [1], settings('days', 'yes')), 'date').message).toContain('completed "yes"');
    expect(refusal(rule('inThePast', [3000], settings('years')), 'date').message).toContain('outside the years 0001–9999');
    expect(refusal(rule('inTheNext', [2 ** 53 - 1], settings('milliseconds')), 'timestamp').message).toContain('orders_status');
    expect(refusal(rule('inTheCurrent', [], settings('days')), 'date', { ...NEW_YORK, timezone: 'Mars/Olympus' }).message).toContain(
      'Unknown time zone "Mars/Olympus"',
    );
    expect(refusal(rule('inTheCurrent', [], settings('weeks')), 'date', { ...NEW_YORK, weekStart: 7 }).message).toContain('weekStart');
  });
});
