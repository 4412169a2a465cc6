import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createUserAttributeResolver } from '../attributes/user-attribute-module.js';
import type { AppContext } from '../context.js';
import { ExploreRepository } from '../explores/explore-repository.js';
import type { ExploreService } from '../explores/explore-service.js';
import { JobRepository } from '../jobs/job-repository.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { ProjectRepository } from '../projects/project-repository.js';
import type { ProjectModule } from '../projects/projects-module.js';
import type { WarehouseCredentialsService } from '../warehouse-credentials/warehouse-credentials-service.js';
import { CachedQueryRunner, type WarehouseResult } from './cached-query-runner.js';
import { CsvExportService } from './csv-export-service.js';
import { CsvFileStore } from './csv-file-store.js';
import { csvRoutes } from './csv-routes.js';
import { ExploreCache } from './explore-cache.js';
import { ProjectWarehouses } from './project-warehouse.js';
import { QueryMetadataCache } from './query-metadata-cache.js';
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
  deps: { projects: ProjectModule; jobs: JobRunner; credentials: WarehouseCredentialsService; explores: ExploreService },
) => {
  const { config } = ctx;
  const timeoutSeconds = config.TESSERA_QUERY_TIMEOUT_SECONDS;
  const clients = createClientSource();
  // Project, connection, grants and attributes are read through per-node caches (see QueryMetadataCache).
  const metadata = new QueryMetadataCache(ctx.now);
  const guard = metadata.guard(new ProjectRepository(ctx.db), deps.projects.roles);
  const connectionOf = metadata.warehouseConnection(async (projectUuid) => (await deps.projects.projects.compileSource(projectUuid)).warehouseConnection);
  const warehouses = new ProjectWarehouses(connectionOf, deps.credentials, (c) => clients.clientFor(c));
  const exploreRepository = new ExploreRepository(ctx.db);
  const explores = new ExploreCache(exploreRepository, metadata.exploreVersion((projectUuid) => exploreRepository.version(projectUuid)));
  deps.explores.onSaved(() => metadata.exploresSaved());
  const attributes = metadata.attributeResolver(createUserAttributeResolver(ctx.db, ctx.now));
  const scopes = new QueryScopes(guard, explores, warehouses, attributes, ctx.now, config.TESSERA_QUERY_MAX_LIMIT);
  // Projects may set their own time-to-live (resultsCacheTtlSeconds); this is the default.
  const cache = new MemoryResultsCache<WarehouseResult>(config.TESSERA_RESULTS_CACHE_MAX_BYTES, ctx.now);
  const runner = new CachedQueryRunner(cache, config.TESSERA_RESULTS_CACHE_TTL_SECONDS * 1000, timeoutSeconds);
  const queries = new QueryService(scopes, runner, timeoutSeconds);
  const sql = new SqlQueryService(guard, warehouses, { maxRows: config.TESSERA_QUERY_MAX_LIMIT, timeoutSeconds });
  queryRoutes(app, { queries, sql });

  const files = new CsvFileStore(path.join(config.home, 'exports'), config.TESSERA_CSV_EXPIRY_HOURS * HOUR_MS, ctx.now);
  const exports = new CsvExportService(scopes, deps.jobs, new JobRepository(ctx.db), guard, files, {
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
  return { queries, exports, files, cache, explores, metadataCaches: metadata.caches };
};
