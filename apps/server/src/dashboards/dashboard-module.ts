import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { ExploreRepository } from '../explores/explore-repository.js';
import type { ProjectModule } from '../projects/projects-module.js';
import { ExploreCache } from '../query/explore-cache.js';
import type { QueryService } from '../query/query-service.js';
import type { NotifiedCache } from '../store/notified-cache.js';
import { DashboardChartRepository } from './dashboard-chart-repository.js';
import { DashboardLocator } from './dashboard-locator.js';
import { DashboardRepository, type DashboardTileContext } from './dashboard-repository.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { DashboardService } from './dashboard-service.js';
import { dashboardTileRoutes } from './dashboard-tile-routes.js';
import { DashboardTileService } from './dashboard-tile-service.js';
import { TileChecks } from './dashboard-tiles.js';

/**
 * Domain module: dashboards (CRUD, bulk moves, view counts) and PostDashboardTile, which runs a
 * saved chart (read and authorized by `ctx.savedCharts`) with a dashboard's filters through the
 * query module's QueryService.
 */
export const registerDashboardModule = (
  app: FastifyInstance,
  ctx: AppContext,
  deps: { projects: ProjectModule; queries: QueryService; tileContexts?: NotifiedCache<DashboardTileContext>; exploreVersions?: NotifiedCache<string> },
): void => {
  const repository = new DashboardRepository(ctx.db);
  const locator = new DashboardLocator(repository, deps.tileContexts);
  const charts = new DashboardChartRepository(ctx.db);
  const tileChecks = new TileChecks(charts, ctx.spaceAccess);
  const dashboards = new DashboardService(repository, charts, locator, tileChecks, ctx.spaceAccess, deps.projects.guard, ctx.now);
  dashboardRoutes(app, { dashboards });
  // The tile filters need the explore's field ids. The query module keeps its own parsed copy;
  // sharing it needs that module to hand it out (a change in query/, left to its owner).
  // The explores' version is read through `deps.exploreVersions` when given (cleared on the
  // `tessera_query_metadata` notification, which project_explores sends: migration 0020).
  const exploreRepository = new ExploreRepository(ctx.db);
  const { exploreVersions } = deps;
  const explores = new ExploreCache(
    exploreRepository,
    exploreVersions ? (projectUuid) => exploreVersions.read(projectUuid, () => exploreRepository.version(projectUuid)) : undefined,
  );
  const tiles = new DashboardTileService(ctx.savedCharts, locator, ctx.spaceAccess, explores, deps.queries);
  dashboardTileRoutes(app, { tiles });
};
