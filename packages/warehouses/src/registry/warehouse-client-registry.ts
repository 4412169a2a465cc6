import { createHash } from 'node:crypto';
import type { WarehouseClient } from '../warehouse-client.js';

/**
 * One client — and so one pool — per connection identity, for the life of the process: the server
 * asks here for every query instead of opening a pool per request. Keys are opaque; build them with
 * `connectionKey` so equal credentials give equal keys.
 */
export class WarehouseClientRegistry {
  private readonly clients = new Map<string, WarehouseClient>();

  /** The client for `connectionKey`, made with `create` the first time it is asked for. */
  clientFor(connectionKey: string, create: () => WarehouseClient): WarehouseClient {
    let client = this.clients.get(connectionKey);
    if (!client) {
      client = create();
      this.clients.set(connectionKey, client);
    }
    return client;
  }

  /** Closes and forgets one client, e.g. when its credentials changed; the next `clientFor` makes a new one. */
  async close(connectionKey: string): Promise<void> {
    const client = this.clients.get(connectionKey);
    this.clients.delete(connectionKey);
    await client?.close();
  }

  /** Closes every client, for shutdown. */
  async closeAll(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map((client) => client.close()));
  }
}

/** The process-wide registry. */
export const warehouseClients = new WarehouseClientRegistry();

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

/**
 * A key for a connection's identity: a SHA-256 of its settings with keys sorted, so the same
 * credentials always give the same key and no secret is kept in plain text as a map key.
 */
export const connectionKey = (type: string, settings: object): string =>
  createHash('sha256').update(JSON.stringify([type, canonical(settings)])).digest('hex');
