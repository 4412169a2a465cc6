import { describe, expect, it } from 'vitest';
import type { WarehouseClient } from '../warehouse-client.js';
import { WarehouseClientRegistry, connectionKey } from './warehouse-client-registry.js';

/** A stand-in client that only counts how often it was closed; the registry never queries. */
const fakeClient = () => {
  const client = { type: 'fake', closed: 0, close: async () => void (client.closed += 1) };
  return client as typeof client & WarehouseClient;
};

describe('WarehouseClientRegistry', () => {
  it('makes one client per key and reuses it', () => {
    const registry = new WarehouseClientRegistry();
    let made = 0;
    const create = () => {
      made += 1;
      return fakeClient();
    };
    const first = registry.clientFor('a', create);
    expect(registry.clientFor('a', create)).toBe(first);
    expect(registry.clientFor('b', create)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('closes one client and makes a fresh one next time', async () => {
    const registry = new WarehouseClientRegistry();
    const first = fakeClient();
    registry.clientFor('a', () => first);
    await registry.close('a');
    expect(first.closed).toBe(1);
    expect(registry.clientFor('a', fakeClient)).not.toBe(first);
    await registry.close('missing');
  });

  it('closes every client on closeAll, even when one fails to close', async () => {
    const registry = new WarehouseClientRegistry();
    const [a, c] = [fakeClient(), fakeClient()];
    registry.clientFor('a', () => a);
    registry.clientFor('b', () => ({ ...fakeClient(), close: () => Promise.reject(new Error('gone')) }));
    registry.clientFor('c', () => c);
    await registry.closeAll();
    expect([a.closed, c.closed]).toEqual([1, 1]);
    expect(registry.clientFor('a', fakeClient)).not.toBe(a);
  });
});

describe('connectionKey', () => {
  it('is the same for the same settings in any key order, and hides them', () => {
    const key = connectionKey('postgres', { host: 'db', port: 5432, password: 's3cret', sslmode: undefined });
    expect(connectionKey('postgres', { password: 's3cret', port: 5432, host: 'db' })).toBe(key);
    expect(key).not.toContain('s3cret');
  });

  it('differs when the type or any setting differs', () => {
    const key = connectionKey('postgres', { host: 'db', port: 5432 });
    expect(connectionKey('redshift', { host: 'db', port: 5432 })).not.toBe(key);
    expect(connectionKey('postgres', { host: 'db', port: 5433 })).not.toBe(key);
  });
});
