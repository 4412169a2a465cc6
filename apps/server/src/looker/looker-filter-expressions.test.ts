import { describe, expect, it } from 'vitest';
import { parseLookerFilter, toLookerFilter, type FieldKind } from './looker-filter-expressions.js';

describe('Looker filter expressions ↔ Tessera conditions', () => {
  it.each<[FieldKind, string, unknown]>([
    ['string', 'foo', { operator: 'equals', values: ['foo'] }],
    ['string', 'foo,bar', { operator: 'equals', values: ['foo', 'bar'] }],
    ['string', '-foo', { operator: 'notEquals', values: ['foo'] }],
    ['string', '%foo%', { operator: 'include', values: ['foo'] }],
    ['string', 'foo%', { operator: 'startsWith', values: ['foo'] }],
    ['string', 'NULL', { operator: 'isNull', values: [] }],
    ['string', '-NULL', { operator: 'notNull', values: [] }],
    ['string', 'EMPTY', { operator: 'equals', values: [''] }],
    ['number', '>5', { operator: 'greaterThan', values: [5] }],
    ['number', 'NOT 5', { operator: 'notEquals', values: [5] }],
    ['number', '[1,10]', { operator: 'inBetween', values: [1, 10] }],
    ['date', '30 days', { operator: 'inThePast', values: [30], settings: { unitOfTime: 'days', completed: false } }],
    ['date', 'last 3 months', { operator: 'inThePast', values: [3], settings: { unitOfTime: 'months', completed: true } }],
    ['date', 'this month', { operator: 'inTheCurrent', values: [1], settings: { unitOfTime: 'months', completed: false } }],
    ['date', '2024-01-01 to 2024-02-01', { operator: 'inBetween', values: ['2024-01-01', '2024-02-01'] }],
    ['date', 'before 2024-01-01', { operator: 'lessThan', values: ['2024-01-01'] }],
    ['boolean', 'yes', { operator: 'equals', values: [true] }],
  ])('%s %s', (kind, expression, condition) => {
    const parsed = parseLookerFilter(expression, kind);
    expect(parsed).toEqual(condition);
    const written = toLookerFilter(parsed as never, kind);
    expect(written).not.toBeNull();
    expect(parseLookerFilter(written!, kind)).toEqual(condition);
  });

  it('says why an expression has no Tessera equivalent', () => {
    expect(parseLookerFilter('(1,10)', 'number')).toEqual({ unmappable: expect.stringContaining('inclusive') });
    expect(parseLookerFilter('-foo%', 'string')).toEqual({ unmappable: expect.stringContaining('negation') });
    expect(parseLookerFilter('maybe', 'boolean')).toEqual({ unmappable: expect.stringContaining('yes/no') });
  });

  it('escapes the characters Looker gives a meaning to', () => {
    const written = toLookerFilter({ operator: 'equals', values: ['a,b', '50%'] }, 'string')!;
    expect(parseLookerFilter(written, 'string')).toEqual({ operator: 'equals', values: ['a,b', '50%'] });
  });
});
