import { describe, expect, it } from 'vitest';
import { childrenOf, spaceOptions, spacePath } from './space-tree.js';

const spaces = [
  { uuid: 'sales', name: 'Sales', parentSpaceUuid: null },
  { uuid: 'emea', name: 'EMEA', parentSpaceUuid: 'sales' },
  { uuid: 'uk', name: 'UK', parentSpaceUuid: 'emea' },
  { uuid: 'amer', name: 'Americas', parentSpaceUuid: 'sales' },
  { uuid: 'finance', name: 'Finance', parentSpaceUuid: null },
  // Its parent is not visible to this user: shown as a root.
  { uuid: 'orphan', name: 'Board', parentSpaceUuid: 'hidden' },
];

describe('space tree', () => {
  it('lists roots and children by name, a space with an invisible parent among the roots', () => {
    expect(childrenOf(null, spaces).map((s) => s.uuid)).toEqual(['orphan', 'finance', 'sales']);
    expect(childrenOf('sales', spaces).map((s) => s.uuid)).toEqual(['amer', 'emea']);
    expect(childrenOf('uk', spaces)).toEqual([]);
  });

  it('gives the path from the root down', () => {
    expect(spacePath('uk', spaces).map((s) => s.name)).toEqual(['Sales', 'EMEA', 'UK']);
    expect(spacePath('orphan', spaces).map((s) => s.name)).toEqual(['Board']);
    expect(spacePath('unknown', spaces)).toEqual([]);
  });

  it('stops at a cycle instead of looping', () => {
    const cyclic = [
      { uuid: 'a', name: 'A', parentSpaceUuid: 'b' },
      { uuid: 'b', name: 'B', parentSpaceUuid: 'a' },
    ];
    expect(spacePath('a', cyclic).map((s) => s.uuid)).toEqual(['b', 'a']);
  });

  it('labels options with their path, parents first', () => {
    expect(spaceOptions(spaces).map((o) => [o.label, o.depth])).toEqual([
      ['Board', 0],
      ['Finance', 0],
      ['Sales', 0],
      ['Sales / Americas', 1],
      ['Sales / EMEA', 1],
      ['Sales / EMEA / UK', 2],
    ]);
  });
});
