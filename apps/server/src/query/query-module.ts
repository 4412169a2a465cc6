import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createUserAttributeResolver } from '../attributes/user-attribute-module.js';
import type { AppContext } from '../context.js';
import { ExploreRepository } from '../explores/explore-repository.js';
import { JobRepository } from '../jobs/job-repository.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { ProjectModule } from '../projects/projects-module.js';
import type { WarehouseCredentialsService } from '../warehouse-credentials/warehouse-credentials-service.js';
import { CachedQueryRunner, type WarehouseResult } from './cached-query-runner.js';
import { CsvExportService } from './csv-export-service.js';
import { CsvFileStore } from './csv-file-store.js';
import { csvRoutes } from './csv-routes.js';
import { CustomMetricsService } from './custom-metrics-service.js';
import { ExploreCache } from './explore-cache.js';
import { ProjectWarehouses } from './project-warehouse.js';
import { queryRoutes } from './query-routes.js';
import { QueryScopes } from './query-scope.js';
import { QueryService } from './query-service.js';
import { MemoryResultsCache } from './results-cache.js';
import { SqlQueryService } from './sql-query-service.js';
import { createClientSource } from './warehouse-client-source.js';

const HOUR_MS = 60 * 60_000;

/**
 * Domain module: running queries (metric queries, underlying data, totals, the SQL runner), the
 * results cache, and CSV exports. Warehouse clients are shared per connection and closed with the
 * app; export files live under TESSERA_HOME/exports and are swept hourly.
 */
export const registerQueryModule = (
  app: FastifyInstance,
  ctx: AppContext,
  deps: { projects: ProjectModule; jobs: JobRunner; credentials: WarehouseCredentialsService },
) => {
  const { config } = ctx;
  const timeoutSeconds = config.TESSERA_QUERY_TIMEOUT_SECONDS;
  const clients = createClientSource();
  const warehouses = new ProjectWarehouses(deps.projects.projects, deps.credentials, (c) => clients.clientFor(c));
  const explores = new ExploreCache(new ExploreRepository(ctx.db));
  const scopes = new QueryScopes(deps.projects.guard, explores, warehouses, createUserAttributeResolver(ctx.db, ctx.now), ctx.now, config.TESSERA_QUERY_MAX_LIMIT);
  // No per-project cache setting exists yet: every project gets the configured time-to-live.
  const ttlMs = config.TESSERA_RESULTS_CACHE_TTL_SECONDS * 1000;
  const cache = new MemoryResultsCache<WarehouseResult>(config.TESSERA_RESULTS_CACHE_MAX_BYTES, ctx.now);
  const runner = new CachedQueryRunner(cache, () => ttlMs, timeoutSeconds);
  const queries = new QueryService(scopes, runner, timeoutSeconds);
  const sql = new SqlQueryService(deps.projects.guard, warehouses, { maxRows: config.TESSERA_QUERY_MAX_LIMIT, timeoutSeconds });
  queryRoutes(app, { queries, sql, customMetrics: new CustomMetricsService(deps.projects.guard) });

  const files = new CsvFileStore(path.join(config.home, 'exports'), config.TESSERA_CSV_EXPIRY_HOURS * HOUR_MS, ctx.now);
  const exports = new CsvExportService(scopes, deps.jobs, new JobRepository(ctx.db), deps.projects.guard, files, {
    maxRows: config.TESSERA_CSV_MAX_ROWS,
    timeoutSeconds,
    siteUrl: config.siteUrl,
  }, ctx.now);
  csvRoutes(app, { exports });

  const sweep = () => files.sweep().catch((error: unknown) => app.log.warn({ err: error }, 'could not sweep CSV exports'));
  const sweeping = setInterval(() => void sweep(), HOUR_MS).unref();
  app.addHook('onReady', sweep);
  app.addHook('onClose', async () => {
    clearInterval(sweeping);
    exports.abortAll();
    await deps.jobs.drain();
    await clients.close();
  });
  return { queries, exports, files, cache };
};
