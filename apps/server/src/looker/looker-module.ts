import type { FastifyInstance } from 'fastify';
import { SavedChartRepository } from '../charts/saved-chart-repository.js';
import { SavedChartService } from '../charts/saved-chart-service.js';
import type { AppContext } from '../context.js';
import { DashboardChartRepository } from '../dashboards/dashboard-chart-repository.js';
import { DashboardLocator } from '../dashboards/dashboard-locator.js';
import { DashboardRepository } from '../dashboards/dashboard-repository.js';
import { DashboardService } from '../dashboards/dashboard-service.js';
import { TileChecks } from '../dashboards/dashboard-tiles.js';
import type { ProjectModule } from '../projects/projects-module.js';
import type { ExploreCache } from '../query/explore-cache.js';
import type { QueryService } from '../query/query-service.js';
import { LookerAuthService } from './looker-auth-service.js';
import { lookerCredentialsRoutes, lookerLoginRoutes } from './looker-auth-routes.js';
import { registerLookerAuthentication, registerLookerBodies } from './looker-authenticate.js';
import { LookerCredentialsRepository } from './looker-credentials-repository.js';
import { LookerDashboardReader } from './looker-dashboard-reader.js';
import { LookerDashboardRepository } from './looker-dashboard-repository.js';
import { lookerDashboardRoutes } from './looker-dashboard-routes.js';
import { LookerDashboardSearch } from './looker-dashboard-search.js';
import { LookerDashboardService } from './looker-dashboard-service.js';
import { registerLookerErrors } from './looker-errors.js';
import { LookerPrefetchService } from './looker-prefetch-service.js';
import { LookerLookmlService, type LookmlSource } from './looker-lookml-service.js';
import type { FieldNaming } from './looker-explore-fields.js';

/** The API versions served with the same handlers. */
export const LOOKER_VERSIONS = ['3.0', '3.1'] as const;

/**
 * Domain module: the Looker API 3.x face (see README.md). Each version is an encapsulated Fastify
 * scope with Looker's error bodies, form bodies and token authentication; `/api/4.0` answers
 * login and logout only, where the official SDK signs in whatever API version it then uses.
 * Dashboards are the dashboards domain's, written through its DashboardService and the charts
 * domain's SavedChartService (instances of their classes built here, on the same store and the
 * same SpaceAccess and chart reader as API v1).
 */
export const registerLookerModule = async (
  app: FastifyInstance,
  ctx: AppContext,
  deps: { projects: ProjectModule; queries: QueryService; explores: ExploreCache },
): Promise<void> => {
  const auth = new LookerAuthService(new LookerCredentialsRepository(ctx.db), ctx.accounts, ctx.now);

  const dashboardRepository = new DashboardRepository(ctx.db);
  const dashboardCharts = new DashboardChartRepository(ctx.db);
  const dashboards = new DashboardService(
    dashboardRepository,
    dashboardCharts,
    new DashboardLocator(dashboardRepository),
    new TileChecks(dashboardCharts, ctx.spaceAccess),
    ctx.spaceAccess,
    deps.projects.guard,
    ctx.now,
  );
  const charts = new SavedChartService(new SavedChartRepository(ctx.db), ctx.savedCharts, ctx.spaceAccess, deps.projects.guard, ctx.now);
  const looker = new LookerDashboardRepository(ctx.db);
  // LookML projects: their directory (the project's dbt connection), dashboards and field naming, from
  // @tessera/models, loaded on first use as the explores module does.
  const models = () => import('@tessera/models');
  const lookmlSource: LookmlSource = {
    dirOf: async (projectUuid) => {
      const { dbtConnection } = await deps.projects.projects.compileSource(projectUuid);
      return dbtConnection.type === 'lookml' ? dbtConnection.project_dir : undefined;
    },
    load: async (dir) => (await models()).loadLookmlDashboards(dir),
  };
  const namingFor = async (projectUuid: string): Promise<FieldNaming | undefined> => {
    if ((await lookmlSource.dirOf(projectUuid)) === undefined) return undefined;
    const { findLookmlField, fieldIdToLookmlField } = await models();
    return { toFieldId: (explore, ref) => findLookmlField(explore, ref)?.fieldId, toRef: fieldIdToLookmlField };
  };
  const reader = new LookerDashboardReader(dashboardRepository, looker, ctx.savedCharts, ctx.spaceAccess, deps.explores, namingFor);
  const writer = new LookerDashboardService(dashboards, charts, reader, looker, ctx.spaceAccess, ctx.now);
  const search = new LookerDashboardSearch(looker, dashboardRepository, reader, ctx.spaceAccess);
  const prefetch = new LookerPrefetchService(reader, ctx.savedCharts, deps.queries, ctx.now);
  const lookml = new LookerLookmlService(writer, reader, looker, ctx.spaceAccess, lookmlSource);

  const prepare = (scope: FastifyInstance) => {
    registerLookerErrors(scope);
    registerLookerBodies(scope);
    registerLookerAuthentication(scope, auth);
    lookerLoginRoutes(scope, { auth });
  };
  for (const version of LOOKER_VERSIONS) {
    const base = `/api/${version}`;
    await app.register(
      async (scope) => {
        prepare(scope);
        lookerCredentialsRoutes(scope, { auth, base });
        lookerDashboardRoutes(scope, { reader, writer, search, prefetch, lookml });
      },
      { prefix: base },
    );
  }
  await app.register(async (scope) => prepare(scope), { prefix: '/api/4.0' });
};
