/**
 * Remembers what a store read returned, so hot paths (resolving a session, authorizing a query)
 * need no store round trip. Correctness comes from invalidation, not from the TTL:
 * - the store notifies a channel on every change to the tables the values come from (triggers in
 *   migrations 0002 and 0020), and every node clears its caches on it (`keepFresh`);
 * - a write request handled by this node clears them before its response leaves, so the caller's
 *   next request never sees the old state even before the notification arrives;
 * - a read that started before a clear is not stored (generation check), so a slow read can never
 *   put stale data back;
 * - while the notification subscription is down, nothing is cached.
 * The TTL only bounds memory and the cost of a lost notification. Cached values are shared by
 * every request that reads them: callers never mutate them.
 */
export class NotifiedCache<T> {
  private readonly entries = new Map<string, { value: T; storedAt: number }>();
  private generation = 0;
  private subscribed = false;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  setSubscribed(up: boolean): void {
    this.subscribed = up;
    this.clear();
  }

  /** A token to pass back to `set`, taken before reading the store. */
  begin(): number {
    return this.generation;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now().getTime() - entry.storedAt > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, generation: number): void {
    if (!this.subscribed || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, storedAt: this.now().getTime() });
  }

  /**
   * The cached value of `key`, else `load()`'s, kept unless a clear happened meanwhile (undefined,
   * "not found", is never kept).
   */
  async read<R extends T | undefined>(key: string, load: () => Promise<R>): Promise<T | R> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.begin();
    const value = await load();
    if (value !== undefined) this.set(key, value as T, generation);
    return value;
  }

  /** Replaces a value already cached (e.g. a renewed expiry), without extending its life. */
  update(key: string, value: T): void {
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
