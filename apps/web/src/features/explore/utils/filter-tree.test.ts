import { OPERATORS_BY_TYPE, type FilterGroup, type FilterRule } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { operatorLabel, valueShape } from './filter-operators.js';
import { addItem, emptyGroup, newRule, pruned, removeItem, replaceRule, ruleProblem, rulesOf, setCombinator, withField, withOperator } from './filter-tree.js';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

const status = { id: 'orders_status', filterType: 'string' as const };
const total = { id: 'orders_total', filterType: 'number' as const };
const ordered = { id: 'orders_order_date', filterType: 'date' as const };
const firstOrder = { id: 'orders_is_first_order', filterType: 'boolean' as const };

describe('filter rules', () => {
  it('start with the operator people want for the field type', () => {
    const newId = ids();
    expect(newRule(status, newId)).toEqual({ id: 'id1', target: { fieldId: 'orders_status' }, operator: 'equals', values: [] });
    expect(newRule(total, newId)).toMatchObject({ operator: 'equals', values: [] });
    expect(newRule(ordered, newId)).toEqual({ id: 'id3', target: { fieldId: 'orders_order_date' }, operator: 'inThePast', values: [14], settings: { unitOfTime: 'days', completed: false } });
    expect(newRule(firstOrder, newId)).toMatchObject({ operator: 'equals', values: [true] });
  });

  it('offer every operator of the field type, each with a label and a value editor', () => {
    for (const type of ['string', 'number', 'date', 'timestamp', 'boolean'] as const) {
      for (const op of OPERATORS_BY_TYPE[type]) {
        expect(operatorLabel(op, type), `${type} ${op}`).toMatch(/^[a-z ]+$/);
        expect(['none', 'list', 'single', 'range', 'relative', 'period']).toContain(valueShape(op, type));
      }
    }
    expect(operatorLabel('lessThan', 'date')).toBe('is before');
    expect(operatorLabel('lessThan', 'number')).toBe('is less than');
  });

  it('keep the values that still fit when the operator changes', () => {
    const rule: FilterRule = { id: 'r', target: { fieldId: 'orders_total' }, operator: 'equals', values: [10, 20, 30] };
    expect(withOperator(rule, 'inBetween', 'number').values).toEqual([10, 20]);
    expect(withOperator(rule, 'greaterThan', 'number').values).toEqual([10]);
    expect(withOperator(rule, 'isNull', 'number')).toEqual({ id: 'r', target: { fieldId: 'orders_total' }, operator: 'isNull', values: [] });

    const relative = withOperator({ id: 'd', target: { fieldId: 'orders_order_date' }, operator: 'equals', values: ['2024-01-01'] }, 'inTheNext', 'date');
    expect(relative).toMatchObject({ operator: 'inTheNext', values: [14], settings: { unitOfTime: 'days', completed: false } });
    const inThePast = withOperator({ ...relative, values: [3], settings: { unitOfTime: 'months', completed: true } }, 'notInThePast', 'date');
    expect(inThePast).toMatchObject({ values: [3], settings: { unitOfTime: 'months', completed: true } });
    expect(withOperator(inThePast, 'inTheCurrent', 'date')).toMatchObject({ values: [], settings: { unitOfTime: 'months' } });
    // Leaving a relative operator drops its settings and its amount.
    const back = withOperator(inThePast, 'lessThan', 'date');
    expect(back).toEqual({ id: 'd', target: { fieldId: 'orders_order_date' }, operator: 'lessThan', values: [] });
    expect(() => withOperator(rule, 'startsWith', 'number')).toThrow(/does not apply/);
  });

  it('keep the operator when the new field has the same type, else start afresh with the same id', () => {
    const rule: FilterRule = { id: 'r', target: { fieldId: 'orders_status' }, operator: 'startsWith', values: ['a'] };
    expect(withField(rule, { id: 'orders_region', filterType: 'string' }, 'string')).toEqual({ ...rule, target: { fieldId: 'orders_region' } });
    expect(withField(rule, ordered, 'string')).toMatchObject({ id: 'r', target: { fieldId: 'orders_order_date' }, operator: 'inThePast' });
  });

  it('say when a rule restricts nothing yet', () => {
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'equals', values: [] }, 'string')).toMatch(/ignored/);
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'equals', values: [''] }, 'string')).toMatch(/ignored/);
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'equals', values: ['EMEA'] }, 'string')).toBeUndefined();
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'inBetween', values: [1] }, 'number')).toMatch(/both ends/);
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'isNull', values: [] }, 'number')).toBeUndefined();
    expect(ruleProblem({ id: 'r', target: { fieldId: 'x' }, operator: 'inTheCurrent', values: [], settings: { unitOfTime: 'years' } }, 'date')).toBeUndefined();
  });
});

describe('filter groups', () => {
  const build = () => {
    const newId = ids();
    let root: FilterGroup = emptyGroup('root');
    root = addItem(root, 'root', newRule(status, newId)); // id1
    root = addItem(root, 'root', emptyGroup('inner', 'or'));
    root = addItem(root, 'inner', newRule(total, newId)); // id2
    root = addItem(root, 'inner', newRule(firstOrder, newId)); // id3
    return root;
  };

  it('nest and/or groups of rules', () => {
    expect(build()).toEqual({
      id: 'root',
      and: [
        { id: 'id1', target: { fieldId: 'orders_status' }, operator: 'equals', values: [] },
        {
          id: 'inner',
          or: [
            { id: 'id2', target: { fieldId: 'orders_total' }, operator: 'equals', values: [] },
            { id: 'id3', target: { fieldId: 'orders_is_first_order' }, operator: 'equals', values: [true] },
          ],
        },
      ],
    });
    expect(rulesOf(build()).map((r) => r.id)).toEqual(['id1', 'id2', 'id3']);
  });

  it('switch a group between all-of and any-of, keeping its items and leaving other groups untouched', () => {
    const root = build();
    const switched = setCombinator(root, 'inner', 'and');
    expect(switched).toMatchObject({ id: 'root', and: [{ id: 'id1' }, { id: 'inner', and: [{ id: 'id2' }, { id: 'id3' }] }] });
    expect((switched as { and: unknown[] }).and[0]).toBe((root as { and: unknown[] }).and[0]);
    expect(setCombinator(root, 'root', 'or')).toMatchObject({ id: 'root', or: [{ id: 'id1' }, { id: 'inner' }] });
    expect(setCombinator(root, 'root', 'and')).toBe(root);
  });

  it('replace a rule anywhere in the tree, and remove rules and groups', () => {
    const root = build();
    const replaced = replaceRule(root, { id: 'id2', target: { fieldId: 'orders_total' }, operator: 'greaterThan', values: [100] });
    expect(rulesOf(replaced).find((r) => r.id === 'id2')).toMatchObject({ operator: 'greaterThan', values: [100] });
    expect(replaceRule(root, { id: 'missing', target: { fieldId: 'x' }, operator: 'isNull' })).toBe(root);
    expect(rulesOf(removeItem(root, 'id3')).map((r) => r.id)).toEqual(['id1', 'id2']);
    expect(removeItem(root, 'inner')).toEqual({ id: 'root', and: [{ id: 'id1', target: { fieldId: 'orders_status' }, operator: 'equals', values: [] }] });
    expect(removeItem(root, 'root')).toEqual({ id: 'root', and: [] });
  });

  it('prune empty groups before sending; nothing left means no filter', () => {
    let root = addItem(emptyGroup('root'), 'root', emptyGroup('a', 'or'));
    root = addItem(root, 'a', emptyGroup('b'));
    expect(pruned(root)).toBeUndefined();
    root = addItem(root, 'root', { id: 'r', target: { fieldId: 'orders_status' }, operator: 'isNull' });
    expect(pruned(root)).toEqual({ id: 'root', and: [{ id: 'r', target: { fieldId: 'orders_status' }, operator: 'isNull' }] });
  });
});
