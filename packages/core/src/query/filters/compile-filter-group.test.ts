import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import { createSemanticDialect } from '../../semantic/compile/sql-dialect.js';
import type { QueryDialect } from '../dialect.js';
import type { FilterGroup, FilterGroupItem, FilterRule } from '../types.js';
import { compileFilterGroup } from './compile-filter-group.js';
import type { FilterContext, FilterTarget } from './filter-types.js';

/** Just enough of a dialect for the group structure (the real ones are tested in @tessera/warehouses). */
const dialect: QueryDialect = {
  name: 'fake',
  quoteIdentifier: (name) => `"${name}"`,
  literal: (value) => (value.type === 'string' ? `'${value.value}'` : value.type === 'null' ? 'NULL' : String(value.value)),
  semantic: createSemanticDialect('postgres'),
  likeMatch: (expr, text, position, negate) => `${expr} ${negate ? 'NOT ' : ''}LIKE ${position}('${text}')`,
  concat: (parts) => parts.join(' || '),
  castToFloat: (sql) => sql,
  castToString: (sql) => sql,
  castToInteger: (sql) => sql,
  convertTimezone: (sql) => sql,
  limit: (rows) => `LIMIT ${rows}`,
  nullSafeEquals: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
};

const ctx: FilterContext = { now: new Date('2024-05-01T12:00:00Z'), timezone: 'UTC' };
const FIELDS: Record<string, FilterTarget> = {
  status: { sql: 'status', type: 'string', caseSensitive: true, fieldId: 'status' },
  amount: { sql: 'amount', type: 'number', caseSensitive: true, fieldId: 'amount' },
};
const resolved: string[] = [];
const resolve = (rule: FilterRule): FilterTarget => {
  resolved.push(rule.target.fieldId);
  const target = FIELDS[rule.target.fieldId];
  if (!target) throw new ParameterError(`Unknown field ${rule.target.fieldId}`);
  return target;
};

let n = 0;
const r = (fieldId: string, operator: FilterRule['operator'], values?: unknown[], extra: Partial<FilterRule> = {}): FilterRule => ({
  id: `r${n++}`,
  target: { fieldId },
  operator,
  ...(values ? { values } : {}),
  ...extra,
});
const and = (...items: FilterGroupItem[]): FilterGroup => ({ id: `g${n++}`, and: items });
const or = (...items: FilterGroupItem[]): FilterGroup => ({ id: `g${n++}`, or: items });
const compile = (group: FilterGroup | undefined) => compileFilterGroup(group, resolve, dialect, ctx);

describe('compileFilterGroup', () => {
  it('joins rules with AND / OR and nests groups in parentheses', () => {
    expect(compile(and(r('status', 'equals', ['a']), r('amount', 'greaterThan', [1])))).toBe(`((status) = 'a' AND (amount) > 1)`);
    expect(compile(or(r('status', 'isNull'), and(r('amount', 'lessThan', [0]), r('amount', 'notNull'))))).toBe(
      `((status) IS NULL OR ((amount) < 0 AND (amount) IS NOT NULL))`,
    );
  });

  it('a single remaining condition is not wrapped again', () => {
    expect(compile(and(or(r('status', 'isNull'))))).toBe('(status) IS NULL');
  });

  it('leaves out disabled rules without resolving their fields, and rules without values — in OR groups too', () => {
    resolved.length = 0;
    const group = or(r('gone', 'equals', ['x'], { disabled: true }), r('status', 'equals', []), r('amount', 'equals', [2]));
    expect(compile(group)).toBe('(amount) = 2');
    expect(resolved).toEqual(['status', 'amount']);
  });

  it('drops empty groups, and gives undefined when nothing restricts', () => {
    expect(compile(undefined)).toBeUndefined();
    expect(compile(and())).toBeUndefined();
    expect(compile(or(and(), or(r('status', 'include', [''])), r('status', 'equals', ['x'], { disabled: true })))).toBeUndefined();
    expect(compile(and(and(), r('status', 'notNull')))).toBe('(status) IS NOT NULL');
  });

  it('passes on what resolve throws, and refuses a malformed group', () => {
    expect(() => compile(and(r('nope', 'isNull')))).toThrow('Unknown field nope');
    expect(() => compile({ id: 'g', and: 'x' } as never)).toThrow(ParameterError);
  });
});
