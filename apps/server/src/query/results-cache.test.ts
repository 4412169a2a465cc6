import { describe, expect, it } from 'vitest';
import { estimateBytes, estimateRowsBytes, MemoryResultsCache } from './results-cache.js';
import { resultsCacheKey, usedSecurity, type CredentialsIdentity } from './results-cache-key.js';

const clock = () => {
  let now = new Date('2025-01-01T00:00:00Z');
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

describe('MemoryResultsCache', () => {
  it('serves an entry until its time-to-live, then forgets it', () => {
    const c = clock();
    const cache = new MemoryResultsCache<string>(1000, c.now);
    expect(cache.set('a', 'rows', 10, 60_000)?.updatedAt).toEqual(c.now());
    c.advance(59_999);
    expect(cache.get('a')?.value).toBe('rows');
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not serve an entry older than the maximum age asked for (a lowered time-to-live)', () => {
    const c = clock();
    const cache = new MemoryResultsCache<string>(1000, c.now);
    cache.set('a', 'rows', 10, 3_600_000);
    c.advance(30_000);
    expect(cache.get('a', 60_000)?.value).toBe('rows');
    expect(cache.get('a', 30_000)).toBeUndefined();
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('evicts the least recently used entries past its byte budget', () => {
    const cache = new MemoryResultsCache<string>(100, clock().now);
    cache.set('a', 'A', 40, 60_000);
    cache.set('b', 'B', 40, 60_000);
    cache.get('a');
    cache.set('c', 'C', 40, 60_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.value).toBe('A');
    expect(cache.get('c')?.value).toBe('C');
    expect(cache.size).toBe(80);
  });

  it('keeps nothing with ttl 0 or larger than the whole budget, and replaces an entry in place', () => {
    const cache = new MemoryResultsCache<string>(100, clock().now);
    expect(cache.set('a', 'A', 10, 0)).toBeUndefined();
    expect(cache.set('b', 'B', 101, 60_000)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('c', 'C1', 30, 60_000);
    cache.set('c', 'C2', 50, 60_000);
    expect(cache.get('c')?.value).toBe('C2');
    expect(cache.size).toBe(50);
  });

  it('estimates sizes that grow with the rows', () => {
    const row = { a: 'x'.repeat(100), b: 1.5, c: null };
    expect(estimateBytes([row, row])).toBeGreaterThan(estimateBytes([row]));
    expect(estimateBytes([row])).toBeGreaterThan(200);
  });

  it('estimates many rows from a sample, close to walking them all', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, note: 'x'.repeat(i % 50), at: new Date(i) }));
    expect(estimateRowsBytes(rows.slice(0, 10))).toBe(estimateBytes(rows.slice(0, 10)));
    const ratio = estimateRowsBytes(rows) / estimateBytes(rows);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});

describe('resultsCacheKey', () => {
  const project: CredentialsIdentity = { kind: 'project', projectUuid: 'p1', connection: { type: 'duckdb', path: '/x.duckdb', schema: 'demo' } };
  const user = { userAttributes: { region: ['NA'], team: ['a'] }, email: 'a@example.com' };
  const all = { attributes: ['region'], email: true };
  const key = resultsCacheKey('select 1', project, usedSecurity(user, all));

  it('is the same for the same SQL, credentials and used user values, whatever the key order', () => {
    const reordered = { email: 'a@example.com', userAttributes: { team: ['b'], region: ['NA'] } };
    expect(resultsCacheKey('select 1', { ...project, connection: { schema: 'demo', path: '/x.duckdb', type: 'duckdb' } }, usedSecurity(reordered, all))).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the SQL, the credentials identity, a used attribute value or a used e-mail differs', () => {
    const others = [
      resultsCacheKey('select 2', project, usedSecurity(user, all)),
      resultsCacheKey('select 1', { ...project, connection: { ...project.connection, path: '/y.duckdb' } }, usedSecurity(user, all)),
      resultsCacheKey('select 1', { kind: 'personal', userUuid: 'u1', credentialsUuid: 'c1', updatedAt: '2025-01-01T00:00:00.000Z' }, usedSecurity(user, all)),
      resultsCacheKey('select 1', project, usedSecurity({ ...user, userAttributes: { region: ['EMEA'] } }, all)),
      resultsCacheKey('select 1', project, usedSecurity({ ...user, userAttributes: { region: ['NA', 'EMEA'] } }, all)),
      resultsCacheKey('select 1', project, usedSecurity({ ...user, userAttributes: {} }, all)),
      resultsCacheKey('select 1', project, usedSecurity({ ...user, email: 'b@example.com' }, all)),
      resultsCacheKey('select 1', project, usedSecurity(user, { attributes: [], email: false })),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('ignores the user values the SQL did not read: users who agree on the used ones share the key', () => {
    const other = { userAttributes: { region: ['NA'], team: ['z'] }, email: 'b@example.com' };
    expect(resultsCacheKey('select 1', project, usedSecurity(other, { attributes: ['region'], email: false }))).toBe(
      resultsCacheKey('select 1', project, usedSecurity(user, { attributes: ['region'], email: false })),
    );
    const none = { attributes: [], email: false };
    expect(resultsCacheKey('select 1', project, usedSecurity(other, none))).toBe(resultsCacheKey('select 1', project, usedSecurity(user, none)));
    // Personal credentials carry the user: never shared, whatever the values.
    const personal = (userUuid: string): CredentialsIdentity => ({ kind: 'personal', userUuid, credentialsUuid: `c-${userUuid}`, updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(resultsCacheKey('select 1', personal('u1'), usedSecurity(user, none))).not.toBe(resultsCacheKey('select 1', personal('u2'), usedSecurity(user, none)));
  });

  it('never carries the password: it is not part of the identity', () => {
    expect(JSON.stringify(project)).not.toContain('password');
  });
});
