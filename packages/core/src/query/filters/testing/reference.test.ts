import { describe, expect, it } from 'vitest';
import type { FilterRule } from '../../types.js';
import type { FilterContext } from '../filter-types.js';
import { evaluateFilterGroup, evaluateFilterRule, ReferenceRejection } from './reference.js';

/** A few fixed points of the reference evaluator itself; the engine tests compare it with the SQL at scale. */
const ctx: FilterContext = { now: new Date('2024-03-10T15:30:00.000Z'), timezone: 'America/New_York' };
const rule = (operator: FilterRule['operator'], values?: unknown[], extra: Partial<FilterRule> = {}): FilterRule => ({
  id: 'r',
  target: { fieldId: 'f' },
  operator,
  ...(values ? { values } : {}),
  ...extra,
});

describe('reference evaluator', () => {
  it('strings: negations keep NULL, case folding is optional, LIKE values are literal', () => {
    expect(evaluateFilterRule(rule('notEquals', ['a']), null, 'string', ctx)).toBe(true);
    expect(evaluateFilterRule(rule('doesNotInclude', ['a']), null, 'string', ctx)).toBe(true);
    expect(evaluateFilterRule(rule('equals', ['a']), null, 'string', ctx)).toBe(false);
    expect(evaluateFilterRule(rule('equals', ['CAFÉ']), 'café', 'string', ctx, { caseSensitive: false })).toBe(true);
    expect(evaluateFilterRule(rule('equals', ['CAFÉ'], { caseSensitive: true }), 'café', 'string', ctx, { caseSensitive: false })).toBe(false);
    expect(evaluateFilterRule(rule('include', ['a_b']), 'axb', 'string', ctx)).toBe(false);
    expect(evaluateFilterRule(rule('include', ['']), null, 'string', ctx)).toBe(true);
  });

  it('relative dates by calendar period in the zone', () => {
    const lastMonth = rule('inThePast', [1], { settings: { unitOfTime: 'months', completed: true } });
    expect(evaluateFilterRule(lastMonth, '2024-02-29', 'date', ctx)).toBe(true);
    expect(evaluateFilterRule(lastMonth, '2024-03-01', 'date', ctx)).toBe(false);
    expect(evaluateFilterRule(lastMonth, new Date('2024-03-01T04:59:59.999Z'), 'timestamp', ctx)).toBe(true);
    expect(evaluateFilterRule(lastMonth, new Date('2024-03-01T05:00:00.000Z'), 'timestamp', ctx)).toBe(false);
    expect(evaluateFilterRule({ ...lastMonth, operator: 'notInThePast' }, null, 'date', ctx)).toBe(false);
  });

  it('refuses what the compiler refuses', () => {
    expect(() => evaluateFilterRule(rule('equals', ['a\u0000']), 'a', 'string', ctx)).toThrow(ReferenceRejection);
    expect(() => evaluateFilterRule(rule('equals', ['0x10']), 16, 'number', ctx)).toThrow(ReferenceRejection);
    expect(() => evaluateFilterRule(rule('inBetween', [1]), 1, 'number', ctx)).toThrow(ReferenceRejection);
    expect(() => evaluateFilterRule(rule('include', ['a']), 1, 'number', ctx)).toThrow(ReferenceRejection);
  });

  it('groups: rules that restrict nothing are absent', () => {
    const row = { s: { value: 'x', type: 'string' as const } };
    const group = { id: 'g', or: [rule('equals', []), rule('equals', ['y'])].map((r) => ({ ...r, target: { fieldId: 's' } })) };
    expect(evaluateFilterGroup(group, row, ctx)).toBe(false);
    expect(evaluateFilterGroup({ id: 'g', and: [] }, row, ctx)).toBe(true);
  });
});
