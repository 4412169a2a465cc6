import { describe, expect, it } from 'vitest';
import { expiresAtFor, expiryLabel } from './token-expiry.js';

describe('personal access token expiry', () => {
  const now = new Date('2026-01-10T12:00:00.000Z');

  it('counts the chosen days from now, or sends null for no expiration', () => {
    expect(expiresAtFor('30', now)).toBe('2026-02-09T12:00:00.000Z');
    expect(expiresAtFor('7', now)).toBe('2026-01-17T12:00:00.000Z');
    expect(expiresAtFor('never', now)).toBeNull();
  });

  it('says when a token never expires or has expired', () => {
    expect(expiryLabel(null, now)).toBe('Never');
    expect(expiryLabel('2026-01-01T00:00:00.000Z', now)).toMatch(/^Expired /);
    expect(expiryLabel('2026-03-01T00:00:00.000Z', now)).not.toMatch(/Expired/);
  });
});
