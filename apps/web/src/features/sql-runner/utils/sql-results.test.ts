import { describe, expect, it } from 'vitest';
import { cellText, columnsOf, isNumericColumn, isRunShortcut } from './sql-results.js';

describe('SQL runner results', () => {
  const results = { fields: { status: { type: 'string' }, n: { type: 'number' } }, rows: [{ status: 'done', n: 3 }] };

  it('lists the columns in the warehouse order and knows the numeric ones', () => {
    expect(columnsOf(results)).toEqual(['status', 'n']);
    expect(columnsOf({ fields: {}, rows: [{ a: 1, b: 2 }] })).toEqual(['a', 'b']);
    expect(isNumericColumn(results, 'n')).toBe(true);
    expect(isNumericColumn(results, 'status')).toBe(false);
  });

  it('shows nulls, objects and scalars in words', () => {
    expect(cellText(null)).toBe('∅');
    expect(cellText({ a: [1] })).toBe('{"a":[1]}');
    expect(cellText(false)).toBe('false');
    expect(cellText(12.5)).toBe('12.5');
  });

  it('runs on Ctrl+Enter or Cmd+Enter only', () => {
    expect(isRunShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isRunShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isRunShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
  });
});
