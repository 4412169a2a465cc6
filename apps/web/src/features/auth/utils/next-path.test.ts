import { describe, expect, it } from 'vitest';
import { nextPath } from './next-path.js';

describe('the page after sign-in', () => {
  it('is the requested path on this site, never another origin', () => {
    expect(nextPath('?next=%2Fprojects%2Fp%2Ftables%2Forders%3Fx%3D1')).toBe('/projects/p/tables/orders?x=1');
    expect(nextPath('')).toBe('/');
    for (const evil of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      expect(nextPath(`?next=${encodeURIComponent(evil)}`), evil).toBe('/');
    }
  });
});
