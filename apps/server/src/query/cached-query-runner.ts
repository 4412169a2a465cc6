import type { ResultColumn, ResultRow as WarehouseRow } from '@tessera/warehouses';
import { mappingQueryErrors } from './query-errors.js';
import type { QueryScope } from './query-scope.js';
import { estimateBytes, type ResultsCache } from './results-cache.js';
import { resultsCacheKey } from './results-cache-key.js';

export type WarehouseResult = { columns: ResultColumn[]; rows: WarehouseRow[] };
export type RunOutcome = WarehouseResult & { cacheHit: boolean; cacheUpdatedTime: Date | undefined };

/**
 * Runs compiled SQL on the scope's warehouse through the results cache. The key covers the SQL,
 * the credentials identity and the row-level-security context (see `resultsCacheKey`);
 * `invalidateCache` skips the lookup and replaces the entry with the fresh result. The warehouse
 * query is cancelled when `signal` aborts and after the configured timeout.
 */
export class CachedQueryRunner {
  constructor(
    private readonly cache: ResultsCache<WarehouseResult>,
    /** Time-to-live of a project's entries, in ms (0 = do not cache). */
    private readonly ttlFor: (projectUuid: string) => number,
    private readonly timeoutSeconds: number,
  ) {}

  async run(scope: QueryScope, sql: string, options: { signal: AbortSignal; invalidateCache?: boolean | undefined }): Promise<RunOutcome> {
    const { identity, client } = await scope.warehouse.connect();
    const key = resultsCacheKey(sql, identity, scope.security);
    if (!options.invalidateCache) {
      const hit = this.cache.get(key);
      if (hit) return { ...hit.value, cacheHit: true, cacheUpdatedTime: hit.updatedAt };
    }
    const { columns, rows } = await mappingQueryErrors(this.timeoutSeconds, () =>
      client.run(sql, { signal: options.signal, timeoutMs: this.timeoutSeconds * 1000 }),
    );
    const stored = this.cache.set(key, { columns, rows }, estimateBytes(rows), this.ttlFor(scope.projectUuid));
    return { columns, rows, cacheHit: false, cacheUpdatedTime: stored?.updatedAt };
  }
}
