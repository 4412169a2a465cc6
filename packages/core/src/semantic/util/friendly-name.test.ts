import { describe, expect, it } from 'vitest';
import { friendlyName } from './friendly-name.js';

describe('friendlyName', () => {
  it.each([
    ['user_id', 'User id'],
    ['ORDER_ID', 'Order id'],
    ['createdAt', 'Created at'],
    ['p90', 'P 90'],
    ['utm__source', 'Utm source'],
    ['Straße_name', 'Straße name'],
    ['_', '_'],
  ])('%s → %s', (name, label) => {
    expect(friendlyName(name)).toBe(label);
  });
});
