import { describe, expect, it } from 'vitest';
import { estimateBytes, MemoryResultsCache } from './results-cache.js';
import { resultsCacheKey, type CredentialsIdentity } from './results-cache-key.js';

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
});

describe('resultsCacheKey', () => {
  const project: CredentialsIdentity = { kind: 'project', projectUuid: 'p1', connection: { type: 'duckdb', path: '/x.duckdb', schema: 'demo' } };
  const security = { userAttributes: { region: ['NA'] }, email: 'a@example.com' };
  const key = resultsCacheKey('select 1', project, security);

  it('is the same for the same SQL, credentials and security context, whatever the key order', () => {
    expect(resultsCacheKey('select 1', { ...project, connection: { schema: 'demo', path: '/x.duckdb', type: 'duckdb' } }, { email: 'a@example.com', userAttributes: { region: ['NA'] } })).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the SQL, the credentials identity, an attribute value or the e-mail differs', () => {
    const others = [
      resultsCacheKey('select 2', project, security),
      resultsCacheKey('select 1', { ...project, connection: { ...project.connection, path: '/y.duckdb' } }, security),
      resultsCacheKey('select 1', { kind: 'personal', userUuid: 'u1', credentialsUuid: 'c1', updatedAt: '2025-01-01T00:00:00.000Z' }, security),
      resultsCacheKey('select 1', project, { ...security, userAttributes: { region: ['EMEA'] } }),
      resultsCacheKey('select 1', project, { ...security, userAttributes: { region: ['NA', 'EMEA'] } }),
      resultsCacheKey('select 1', project, { ...security, email: 'b@example.com' }),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('never carries the password: it is not part of the identity', () => {
    expect(JSON.stringify(project)).not.toContain('password');
  });
});
