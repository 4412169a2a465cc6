import type { CompiledMetricQuery } from '@tessera/core';
import type { ResultColumn, ResultRow as WarehouseRow } from '@tessera/warehouses';
import { mappingQueryErrors } from './query-errors.js';
import type { QueryScope } from './query-scope.js';
import { estimateRowsBytes, type ResultsCache } from './results-cache.js';
import { resultsCacheKey, usedSecurity } from './results-cache-key.js';
import { measured, type ServerTiming } from '../http/server-timing.js';

export type WarehouseResult = { columns: ResultColumn[]; rows: WarehouseRow[] };
export type RunOutcome = WarehouseResult & { cacheHit: boolean; cacheUpdatedTime: Date | undefined };

/**
 * Runs compiled SQL on the scope's warehouse through the results cache. The key covers the SQL,
 * the credentials identity and the user values the SQL read (see `resultsCacheKey`);
 * `invalidateCache` skips the lookup and replaces the entry with the fresh result. Entries live for
 * the project's own time-to-live when it has one, else the server's; an entry older than the
 * project's current TTL is not served (the TTL may have been lowered since). The warehouse
 * query is cancelled when `signal` aborts and after the configured timeout.
 */
export class CachedQueryRunner {
  constructor(
    private readonly cache: ResultsCache<WarehouseResult>,
    /** The server's time-to-live of entries, in ms (0 = do not cache), for projects without their own. */
    private readonly defaultTtlMs: number,
    private readonly timeoutSeconds: number,
  ) {}

  async run(
    scope: QueryScope,
    compiled: Pick<CompiledMetricQuery, 'sql' | 'userValues'>,
    options: { signal: AbortSignal; invalidateCache?: boolean | undefined; timing?: ServerTiming | undefined },
  ): Promise<RunOutcome> {
    const { identity, client } = await scope.warehouse.connect();
    const key = resultsCacheKey(compiled.sql, identity, usedSecurity(scope.security, compiled.userValues));
    const ttlMs = scope.resultsCacheTtlSeconds === null ? this.defaultTtlMs : scope.resultsCacheTtlSeconds * 1000;
    if (!options.invalidateCache) {
      const hit = this.cache.get(key, ttlMs);
      if (hit) return { ...hit.value, cacheHit: true, cacheUpdatedTime: hit.updatedAt };
    }
    const { columns, rows } = await measured(options.timing, 'warehouse', () =>
      mappingQueryErrors(this.timeoutSeconds, () => client.run(compiled.sql, { signal: options.signal, timeoutMs: this.timeoutSeconds * 1000 })),
    );
    const stored = this.cache.set(key, { columns, rows }, estimateRowsBytes(rows), ttlMs);
    return { columns, rows, cacheHit: false, cacheUpdatedTime: stored?.updatedAt };
  }
}
