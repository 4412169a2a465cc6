import { NotFoundError, ParameterError, isExploreError, type Explore } from '@tessera/core';
import type { SavedChartReader } from '../charts/saved-chart-reader.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ExploreCache } from '../query/explore-cache.js';
import type { RunQueryBody } from '../query/metric-query-schemas.js';
import type { QueryResults, QueryService, RunOptions } from '../query/query-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import { applyDashboardFilters, type DashboardFilters, type ExploreFields } from './dashboard-filters.js';
import type { DashboardLocator } from './dashboard-locator.js';
import type { DashboardTileContext } from './dashboard-repository.js';
import type { DashboardTileQueryInput } from './dashboard-schemas.js';

export type TileResults = QueryResults & { appliedDashboardFilters: DashboardFilters };

const NO_FIELDS: ExploreFields = { dimensions: new Set(), metrics: new Set() };
const fieldsByExplore = new WeakMap<Explore, ExploreFields>();

/** The field ids of an explore (`<table>_<name>`), computed once per (shared, immutable) explore. */
const exploreFields = (explore: Explore): ExploreFields => {
  let fields = fieldsByExplore.get(explore);
  if (!fields) {
    const dimensions = new Set<string>();
    const metrics = new Set<string>();
    for (const table of Object.values(explore.tables)) {
      for (const d of Object.values(table.dimensions)) dimensions.add(`${d.table}_${d.name}`);
      for (const m of Object.values(table.metrics)) metrics.add(`${m.table}_${m.name}`);
    }
    fields = { dimensions, metrics };
    fieldsByExplore.set(explore, fields);
  }
  return fields;
};

/**
 * PostDashboardTile: a saved chart's latest query run as a tile of a dashboard — the dashboard's
 * filters applied for that tile (`applyDashboardFilters`), its sorts and date zoom — through the
 * QueryService (project view, row-level security, results cache). The account must be able to
 * view both the chart's space and the dashboard's.
 */
export class DashboardTileService {
  constructor(
    private readonly charts: SavedChartReader,
    private readonly locator: DashboardLocator,
    private readonly spaces: SpaceAccess,
    private readonly explores: ExploreCache,
    private readonly queries: QueryService,
  ) {}

  async run(account: MemberAccount, chartUuid: string, input: DashboardTileQueryInput, options: RunOptions): Promise<TileResults> {
    const { chart, version, space } = await this.charts.getForTile(account, chartUuid);
    const dashboard = await this.locator.findForTiles(account, input.dashboardUuid, chart.projectUuid);
    if (dashboard.projectUuid !== chart.projectUuid) throw new ParameterError(`Dashboard ${input.dashboardUuid} is in another project than chart ${chartUuid}`);
    if (dashboard.spaceUuid !== space.spaceUuid) await this.spaces.authorize(account, dashboard.spaceUuid, 'view');

    const exploreName = version.tableName;
    const { metricQuery, applied, missingRequired } = applyDashboardFilters(version.metricQuery, input.dashboardFilters, {
      tileUuid: this.tileOf(dashboard, chart.uuid, input.tileUuid),
      fields: await this.fieldsOf(chart.projectUuid, exploreName),
    });
    const missing = missingRequired[0];
    if (missing) {
      throw new ParameterError(`Dashboard filter "${missing.label ?? missing.target.fieldId}" is required: set a value before running this tile`, { filterId: missing.id });
    }
    const zoom = input.granularity !== undefined && dashboard.config?.isDateZoomDisabled !== true ? { granularity: input.granularity } : {};
    const query: RunQueryBody = {
      ...metricQuery,
      sorts: input.dashboardSorts.length > 0 ? input.dashboardSorts : metricQuery.sorts,
      ...zoom,
      ...(input.invalidateCache !== undefined ? { invalidateCache: input.invalidateCache } : {}),
    };
    const results = await this.queries.run(account, chart.projectUuid, exploreName, query, options);
    return { ...results, appliedDashboardFilters: applied };
  }

  /** The tile the chart is shown in: the one named (it must show the chart), else the first that shows it. */
  private tileOf(dashboard: DashboardTileContext, chartUuid: string, tileUuid: string | undefined): string | undefined {
    if (tileUuid === undefined) return dashboard.tiles.find((t) => t.savedChartUuid === chartUuid)?.uuid;
    const tile = dashboard.tiles.find((t) => t.uuid === tileUuid.toLowerCase());
    if (!tile || tile.savedChartUuid !== chartUuid) throw new ParameterError(`Tile ${tileUuid} of dashboard ${dashboard.dashboardUuid} does not show chart ${chartUuid}`);
    return tile.uuid;
  }

  /** The explore's fields; none when it is missing or broken (the query then fails with its own 404/422). */
  private async fieldsOf(projectUuid: string, exploreName: string): Promise<ExploreFields> {
    try {
      const explore = await this.explores.get(projectUuid, exploreName);
      return isExploreError(explore) ? NO_FIELDS : exploreFields(explore);
    } catch (error) {
      if (error instanceof NotFoundError) return NO_FIELDS;
      throw error;
    }
  }
}
