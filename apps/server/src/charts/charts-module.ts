import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { ExploreService } from '../explores/explore-service.js';
import type { ProjectModule } from '../projects/projects-module.js';
import type { CsvExportService } from '../query/csv-export-service.js';
import type { QueryService } from '../query/query-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { Database } from '../store/schema.js';
import { chartHistoryRoutes } from './chart-history-routes.js';
import { ChartHistoryService } from './chart-history-service.js';
import { ChartListingService } from './chart-listing-service.js';
import { CustomMetricsService } from './custom-metrics-service.js';
import { chartResultsRoutes } from './chart-results-routes.js';
import { ChartResultsService } from './chart-results-service.js';
import { SavedChartReader } from './saved-chart-reader.js';
import { SavedChartRepository } from './saved-chart-repository.js';
import { savedChartRoutes } from './saved-chart-routes.js';
import { SavedChartService } from './saved-chart-service.js';

/** The chart reader other domains get on the AppContext (`savedCharts`), built at the composition root. */
export const createSavedChartReader = (db: Kysely<Database>, spaces: SpaceAccess, now?: () => Date): SavedChartReader =>
  new SavedChartReader(new SavedChartRepository(db), spaces, now);

/**
 * Domain module: saved charts, their versions and running them. Charts are authorized by the
 * context's `savedCharts` reader; queries, totals and exports go through the query module's services.
 */
export const registerChartModule = (
  app: FastifyInstance,
  ctx: AppContext,
  deps: { projects: ProjectModule; queries: QueryService; exports: CsvExportService; explores: ExploreService },
): void => {
  const repository = new SavedChartRepository(ctx.db);
  const reader = ctx.savedCharts;
  const charts = new SavedChartService(repository, reader, ctx.spaceAccess, deps.projects.guard, ctx.now);
  const history = new ChartHistoryService(repository, reader, charts, ctx.spaceAccess, ctx.now);
  const listing = new ChartListingService(repository, ctx.spaceAccess, deps.projects.guard);
  savedChartRoutes(app, { charts, listing, customMetrics: new CustomMetricsService(deps.projects.guard, repository, listing, ctx.config.siteUrl) });
  chartHistoryRoutes(app, { history });
  chartResultsRoutes(app, { results: new ChartResultsService(reader, history, deps.queries, deps.exports, deps.explores) });
};
