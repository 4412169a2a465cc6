import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess, SpaceRow } from '../spaces/space-access.js';
import { homeSpaceUuid } from './saved-chart-reader.js';
import type { ChartRecord, SavedChartRepository, UserRef } from './saved-chart-repository.js';

export type ChartSummaryDto = {
  uuid: string;
  name: string;
  description?: string;
  spaceUuid: string;
  spaceName: string;
  projectUuid: string;
  organizationUuid: string;
  pinnedListUuid: string | null;
  dashboardUuid: string | null;
  dashboardName: string | null;
  slug: string;
  chartType?: string;
  chartKind?: string;
  source: 'dbt_explore';
};

export type SpaceQueryDto = ChartSummaryDto & {
  updatedAt: string;
  updatedByUser?: UserRef;
  pinnedListOrder: number | null;
  views: number;
  firstViewedAt: string | null;
};

const SPEC_CHART_TYPES: ReadonlySet<string> = new Set(['cartesian', 'table', 'big_number', 'pie', 'funnel', 'custom']);

const toSummary = (chart: ChartRecord, space: SpaceRow): ChartSummaryDto => ({
  uuid: chart.uuid,
  name: chart.name,
  ...(chart.description !== null ? { description: chart.description } : {}),
  spaceUuid: space.spaceUuid,
  spaceName: space.name,
  projectUuid: chart.projectUuid,
  organizationUuid: chart.organizationUuid,
  pinnedListUuid: null,
  dashboardUuid: chart.dashboard?.uuid ?? null,
  dashboardName: chart.dashboard?.name ?? null,
  slug: chart.slug,
  // 0.1411 clients parse only their own enums: newer types (treemap, gauge, map, sankey) are left out.
  ...(SPEC_CHART_TYPES.has(chart.chartType) ? { chartType: chart.chartType, chartKind: chart.chartKind } : {}),
  source: 'dbt_explore',
});

const toSpaceQuery = (chart: ChartRecord, space: SpaceRow): SpaceQueryDto => ({
  ...toSummary(chart, space),
  updatedAt: chart.updatedAt.toISOString(),
  ...(chart.updatedByUser ? { updatedByUser: chart.updatedByUser } : {}),
  pinnedListOrder: null,
  views: chart.views,
  firstViewedAt: chart.firstViewedAt?.toISOString() ?? null,
});

/**
 * The charts of a project a user may see: those whose home space (their own, or their dashboard's)
 * the user may view. An unknown project is a 404; a project the user has no access to (another
 * organization, no project role) lists nothing, like the other content listings.
 */
export class ChartListingService {
  constructor(
    private readonly charts: SavedChartRepository,
    private readonly spaces: SpaceAccess,
    private readonly guard: ProjectGuard,
  ) {}

  /** ListChartsInProject: charts saved in spaces (not those saved in dashboards). */
  async list(account: MemberAccount, projectUuid: string): Promise<SpaceQueryDto[]> {
    return (await this.visibleCharts(account, projectUuid)).filter(({ chart }) => chart.dashboard === null).map(({ chart, space }) => toSpaceQuery(chart, space));
  }

  /** ListChartSummariesInProject; `excludeChartsSavedInDashboard` leaves out charts saved in dashboards. */
  async summaries(account: MemberAccount, projectUuid: string, excludeChartsSavedInDashboard: boolean): Promise<ChartSummaryDto[]> {
    return (await this.visibleCharts(account, projectUuid))
      .filter(({ chart }) => !excludeChartsSavedInDashboard || chart.dashboard === null)
      .map(({ chart, space }) => toSummary(chart, space));
  }

  /** Every chart of the project (dashboard-owned ones included) whose home space the user may view. */
  async visibleCharts(account: MemberAccount, projectUuid: string): Promise<{ chart: ChartRecord; space: SpaceRow }[]> {
    const project = await this.guard.find(projectUuid);
    const spaces = new Map((await this.spaces.visibleSpaces(account, project.projectUuid)).map((v) => [v.space.spaceUuid, v.space]));
    if (spaces.size === 0) return [];
    return (await this.charts.listProject(project.projectUuid)).flatMap((chart) => {
      const space = spaces.get(homeSpaceUuid(chart));
      return space ? [{ chart, space }] : [];
    });
  }
}
