import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { NotifiedCache } from '../store/notified-cache.js';
import { keepFresh } from './cache-invalidation.js';
import './read-only-routes.js';

/** A store whose notifications the test fires by hand (or never: another node's may come late). */
const fakeStore = () => {
  const channel = { notify: () => {}, state: (_up: boolean) => {} };
  return {
    channel,
    listen: async (_name: string, onMessage: () => void, onState: (up: boolean) => void) => {
      channel.notify = onMessage;
      channel.state = onState;
      onState(true);
      return async () => {};
    },
  };
};

const setUp = async () => {
  const app = Fastify();
  const store = fakeStore();
  const cache = new NotifiedCache<string>(10, 60_000, () => new Date());
  await keepFresh(app, store, 'test', [cache]);
  app.get('/read', async () => 'ok');
  app.post('/write', async () => 'ok');
  app.post('/query', { config: { readOnly: true } }, async () => 'ok');
  const cached = async () => {
    await cache.read('k', async () => 'v');
    return cache.get('k');
  };
  return { app, store, cache, cached };
};

describe('keepFresh', () => {
  it('clears the caches after a write request, before the response, without waiting for the notification', async () => {
    const { app, cached, cache } = await setUp();
    expect(await cached()).toBe('v');
    await app.inject({ method: 'GET', url: '/read' });
    expect(cache.get('k')).toBe('v');
    await app.inject({ method: 'POST', url: '/query' });
    expect(cache.get('k')).toBe('v');
    await app.inject({ method: 'POST', url: '/write' });
    expect(cache.get('k')).toBeUndefined();
  });

  it('clears them on a notification, and caches nothing while the subscription is down', async () => {
    const { store, cached, cache } = await setUp();
    expect(await cached()).toBe('v');
    store.channel.notify();
    expect(cache.get('k')).toBeUndefined();
    store.channel.state(false);
    expect(await cached()).toBeUndefined();
    store.channel.state(true);
    expect(await cached()).toBe('v');
  });
});
