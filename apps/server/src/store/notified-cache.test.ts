import { describe, expect, it } from 'vitest';
import { NotifiedCache } from './notified-cache.js';

const clock = () => {
  let now = new Date('2025-01-01T00:00:00Z');
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

const subscribed = <T>(now = clock().now) => {
  const cache = new NotifiedCache<T>(3, 60_000, now);
  cache.setSubscribed(true);
  return cache;
};

describe('NotifiedCache', () => {
  it('reads through: the store is asked once, then the value is served until a clear', async () => {
    const cache = subscribed<string>();
    let reads = 0;
    const load = async () => `value ${++reads}`;
    expect(await cache.read('k', load)).toBe('value 1');
    expect(await cache.read('k', load)).toBe('value 1');
    cache.clear();
    expect(await cache.read('k', load)).toBe('value 2');
  });

  it('never keeps a read that started before a clear (a slow read cannot put stale data back)', async () => {
    const cache = subscribed<string>();
    let release!: (value: string) => void;
    const slow = cache.read('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release('stale');
    expect(await slow).toBe('stale');
    expect(cache.get('k')).toBeUndefined();
    expect(await cache.read('k', async () => 'fresh')).toBe('fresh');
    expect(cache.get('k')).toBe('fresh');
  });

  it('caches nothing while the subscription is down, and forgets everything when it changes', async () => {
    const cache = new NotifiedCache<string>(3, 60_000, clock().now);
    await cache.read('k', async () => 'a');
    expect(cache.get('k')).toBeUndefined();
    cache.setSubscribed(true);
    await cache.read('k', async () => 'b');
    expect(cache.get('k')).toBe('b');
    cache.setSubscribed(false);
    expect(cache.get('k')).toBeUndefined();
  });

  it('does not keep "not found", expires entries after the TTL and bounds their number', async () => {
    const c = clock();
    const cache = subscribed<string>(c.now);
    expect(await cache.read('missing', async () => undefined)).toBeUndefined();
    expect(cache.get('missing')).toBeUndefined();
    await cache.read('a', async () => 'a');
    c.advance(60_001);
    expect(cache.get('a')).toBeUndefined();
    for (const k of ['1', '2', '3', '4']) await cache.read(k, async () => k);
    expect(cache.get('1')).toBeUndefined();
    expect(cache.get('4')).toBe('4');
  });
});
