import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.js';

describe('markdown link targets', () => {
  it('follows web, mail and same-site links', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('mailto:ops@example.com')).toBe('mailto:ops@example.com');
    expect(safeHref('/projects/p/home')).toBe('/projects/p/home');
    expect(safeHref('#top')).toBe('#top');
  });

  it('refuses script and data URLs, protocol-relative and unparsable ones', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHref('//evil.example/x')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});
