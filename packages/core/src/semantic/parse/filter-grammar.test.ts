import { describe, expect, it } from 'vitest';
import { ErrorReporter } from '../diagnostics/error-reporter.js';
import { parseFilterList, parseFilterValue } from './filter-grammar.js';

describe('YAML filter grammar (reference §1.7)', () => {
  it.each([
    ['katie', { operator: 'equals', values: ['katie'] }],
    [['a', 'b'], { operator: 'equals', values: ['a', 'b'] }],
    ['!katie', { operator: 'notEquals', values: ['katie'] }],
    ['%katie%', { operator: 'include', values: ['katie'] }],
    ['!%katie%', { operator: 'doesNotInclude', values: ['katie'] }],
    ['katie%', { operator: 'startsWith', values: ['katie'] }],
    ['%katie', { operator: 'endsWith', values: ['katie'] }],
    ['> 4', { operator: 'greaterThan', values: [4] }],
    ['>=4', { operator: 'greaterThanOrEqual', values: [4] }],
    ['< 2024-01-01', { operator: 'lessThan', values: ['2024-01-01'] }],
    ['<= 4.5', { operator: 'lessThanOrEqual', values: [4.5] }],
    ['between 18 and 65', { operator: 'inBetween', values: [18, 65] }],
    ['BETWEEN 2024-01-01 AND 2024-12-31', { operator: 'inBetween', values: ['2024-01-01', '2024-12-31'] }],
    ['null', { operator: 'isNull', values: [] }],
    ['!NULL', { operator: 'notNull', values: [] }],
    [null, { operator: 'isNull', values: [] }],
    ['empty', { operator: 'equals', values: [''] }],
    ['!empty', { operator: 'notEquals', values: [''] }],
    [true, { operator: 'equals', values: [true] }],
    ['!true', { operator: 'notEquals', values: ['true'] }],
    [5, { operator: 'equals', values: [5] }],
    ['\\!important', { operator: 'equals', values: ['!important'] }],
    ['inThePast 14 days', { operator: 'inThePast', values: [14], settings: { unitOfTime: 'days', completed: false } }],
    ['notInThePast 1 year', { operator: 'notInThePast', values: [1], settings: { unitOfTime: 'years', completed: false } }],
    ['inThePast 3 completed months', { operator: 'inThePast', values: [3], settings: { unitOfTime: 'months', completed: true } }],
    ['inTheNext 30 days', { operator: 'inTheNext', values: [30], settings: { unitOfTime: 'days', completed: false } }],
    ['inTheCurrent month', { operator: 'inTheCurrent', values: [1], settings: { unitOfTime: 'months', completed: false } }],
    ['notInTheCurrent year', { operator: 'notInTheCurrent', values: [1], settings: { unitOfTime: 'years', completed: false } }],
  ])('%j', (value, expected) => {
    expect(parseFilterValue(value)).toEqual(expected);
  });

  it('rejects units it does not know', () => {
    expect(parseFilterValue('inThePast 2 fortnights')).toEqual({ error: expect.stringContaining('unknown unit of time "fortnights"') });
    expect(parseFilterValue('inTheCurrent hour')).toEqual({ error: expect.stringContaining('"inTheCurrent" takes day, week, month, quarter or year') });
  });

  it('reads a list of one-key entries with an optional required flag, reporting bad entries', () => {
    const reporter = ErrorReporter.forFile('m.yml', ['default_filters']);
    const rules = parseFilterList([{ status: 'open', required: true }, { a: 1, b: 2 }, 'x'], reporter, 'seed', { allowRequired: true });
    expect(rules).toEqual([{ id: expect.any(String), target: { fieldRef: 'status' }, operator: 'equals', values: ['open'], required: true }]);
    expect(reporter.diagnostics.map((d) => d.message)).toEqual(['filter 2 must name exactly one field, got a, b', 'filter 3 must be a "field: value" mapping']);
  });
});
