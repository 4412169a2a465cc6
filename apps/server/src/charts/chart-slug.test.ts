import { describe, expect, it } from 'vitest';
import { freeSlug, slugify } from './chart-slug.js';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('How much revenue do we have per payment method?')).toBe('how-much-revenue-do-we-have-per-payment-method');
    expect(slugify('  Revenue — by Region!! ')).toBe('revenue-by-region');
    expect(slugify('Über Straße 2024')).toBe('ber-stra-e-2024');
  });

  it('gives a name without letters or digits a random slug', () => {
    expect(slugify('!!!')).toMatch(/^[0-9a-f]{5}$/);
  });

  it('bounds the length', () => {
    expect(slugify('a'.repeat(500)).length).toBeLessThanOrEqual(200);
  });
});

describe('freeSlug', () => {
  it('suffixes -1, -2, … on a clash', () => {
    expect(freeSlug('sales', new Set())).toBe('sales');
    expect(freeSlug('sales', new Set(['sales']))).toBe('sales-1');
    expect(freeSlug('sales', new Set(['sales', 'sales-1', 'sales-3']))).toBe('sales-2');
  });
});
