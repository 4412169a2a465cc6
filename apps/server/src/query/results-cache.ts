/**
 * Where warehouse results are kept between identical queries. The key is made by `resultsCacheKey`
 * (compiled SQL + credentials identity + the user values the SQL read), so an entry can only be
 * found by a request whose data access is the same. A shared store (PostgreSQL, Redis) can
 * implement this later; `MemoryResultsCache` is per node.
 */
export interface ResultsCache<T> {
  /** The entry of `key` unless it expired or is older than `maxAgeMs` (a project's TTL lowered since it was stored). */
  get(key: string, maxAgeMs?: number): CachedResult<T> | undefined;
  /**
   * Stores `value` (replacing any entry of `key`); `bytes` is its estimated size, `ttlMs` how long
   * it may be served. Returns the entry, or undefined when it was not kept (ttl 0, too large).
   */
  set(key: string, value: T, bytes: number, ttlMs: number): CachedResult<T> | undefined;
}

export type CachedResult<T> = { value: T; updatedAt: Date };

type Entry<T> = CachedResult<T> & { bytes: number; expiresAt: number };

/**
 * An in-memory LRU bounded by the estimated bytes of its entries. A Map keeps insertion order, so
 * re-inserting on read makes the first key the least recently used. Expired entries are dropped
 * when read or when they reach the front. One entry larger than the whole budget is not kept.
 */
export class MemoryResultsCache<T> implements ResultsCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => Date,
  ) {}

  get(key: string, maxAgeMs = Number.POSITIVE_INFINITY): CachedResult<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    const now = this.now().getTime();
    if (entry.expiresAt <= now || now - entry.updatedAt.getTime() >= maxAgeMs) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return { value: entry.value, updatedAt: entry.updatedAt };
  }

  set(key: string, value: T, bytes: number, ttlMs: number): CachedResult<T> | undefined {
    this.remove(key);
    if (ttlMs <= 0 || bytes > this.maxBytes) return undefined;
    const updatedAt = this.now();
    this.entries.set(key, { value, updatedAt, bytes, expiresAt: updatedAt.getTime() + ttlMs });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
    return { value, updatedAt };
  }

  /** Total estimated bytes held (tests, metrics). */
  get size(): number {
    return this.bytes;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

const SAMPLE_ROWS = 64;

/**
 * A rough size of warehouse rows: a sample spread over them, scaled to their number, so a
 * 100,000-row result is not walked cell by cell just to bound the cache.
 */
export const estimateRowsBytes = (rows: readonly unknown[]): number => {
  if (rows.length <= SAMPLE_ROWS) return estimateBytes(rows);
  const step = rows.length / SAMPLE_ROWS;
  let sampled = 0;
  for (let i = 0; i < SAMPLE_ROWS; i++) sampled += estimateBytes(rows[Math.floor(i * step)]);
  return 16 + 8 * rows.length + Math.ceil((sampled / SAMPLE_ROWS) * rows.length);
};

/**
 * A rough size of a JSON-like value in memory: enough to bound the cache, not exact. Strings count
 * two bytes a character, numbers and booleans eight, objects and arrays a small overhead each.
 */
export const estimateBytes = (value: unknown): number => {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') bytes += 8;
    else if (typeof v === 'bigint') bytes += 16;
    else if (v instanceof Date) bytes += 32;
    else if (Array.isArray(v)) {
      bytes += 16 + 8 * v.length;
      for (const item of v) stack.push(item);
    } else if (typeof v === 'object') {
      bytes += 32;
      for (const [k, item] of Object.entries(v)) {
        bytes += 8 + 2 * k.length;
        stack.push(item);
      }
    }
  }
  return bytes;
};
