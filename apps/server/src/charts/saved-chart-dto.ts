import type { SpaceRole, SpaceRoleSource } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceRow } from '../spaces/space-access.js';
import type { LoadedChart } from './saved-chart-reader.js';
import { homeSpaceUuid } from './saved-chart-reader.js';
import type { ChartRecord, ChartVersionRecord, UserRef } from './saved-chart-repository.js';

/** ECharts' default palette, the anchor's `colorPalette` when the organization has set none. */
export const DEFAULT_CHART_COLORS = [
  '#5470c6', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#33ff7d', '#33ffb1',
  '#33ffe6', '#33e6ff', '#33b1ff', '#337dff', '#3349ff', '#5e33ff', '#9233ff', '#c633ff', '#ff33e1',
];

/** `SpaceShare` with the required keys only. */
export type SpaceShareDto = { userUuid: string; firstName: string; lastName: string; email: string; role: SpaceRole; hasDirectAccess: boolean };

/** The 0.1411 `SavedChart` response. */
export type SavedChartDto = {
  uuid: string;
  projectUuid: string;
  organizationUuid: string;
  name: string;
  description?: string;
  tableName: string;
  metricQuery: ChartVersionRecord['metricQuery'];
  chartConfig: ChartVersionRecord['chartConfig'];
  tableConfig: ChartVersionRecord['tableConfig'];
  pivotConfig?: NonNullable<ChartVersionRecord['pivotConfig']>;
  updatedAt: string;
  updatedByUser?: UserRef;
  spaceUuid: string;
  spaceName: string;
  dashboardUuid: string | null;
  dashboardName: string | null;
  pinnedListUuid: string | null;
  pinnedListOrder: number | null;
  colorPalette: string[];
  isPrivate: boolean;
  access: SpaceShareDto[];
  slug: string;
};

/** The requesting user's entry of the chart's `access` (the anchor lists only theirs). */
export const userShare = (account: MemberAccount, access: { role: SpaceRole; source: SpaceRoleSource } | undefined): SpaceShareDto[] =>
  access === undefined
    ? []
    : [
        {
          userUuid: account.user.userUuid,
          firstName: account.user.firstName,
          lastName: account.user.lastName,
          email: account.user.email,
          role: access.role,
          hasDirectAccess: access.source === 'user',
        },
      ];

/**
 * A chart as `SavedChart`: its details, the content of `version` (the latest, or an older one for
 * GetChartVersion) and its home space. Pins are not joined yet: `pinnedListUuid`/`Order` are null.
 */
export const toSavedChartDto = (chart: ChartRecord, version: ChartVersionRecord, space: SpaceRow, access: SpaceShareDto[]): SavedChartDto => ({
  uuid: chart.uuid,
  projectUuid: chart.projectUuid,
  organizationUuid: chart.organizationUuid,
  name: chart.name,
  ...(chart.description !== null ? { description: chart.description } : {}),
  tableName: version.tableName,
  metricQuery: version.metricQuery,
  chartConfig: version.chartConfig,
  tableConfig: version.tableConfig,
  ...(version.pivotConfig !== null ? { pivotConfig: version.pivotConfig } : {}),
  updatedAt: chart.updatedAt.toISOString(),
  ...(chart.updatedByUser ? { updatedByUser: chart.updatedByUser } : {}),
  spaceUuid: homeSpaceUuid(chart),
  spaceName: space.name,
  dashboardUuid: chart.dashboard?.uuid ?? null,
  dashboardName: chart.dashboard?.name ?? null,
  pinnedListUuid: null,
  pinnedListOrder: null,
  colorPalette: chart.chartColors ?? DEFAULT_CHART_COLORS,
  isPrivate: space.isPrivate,
  access,
  slug: chart.slug,
});

export const loadedToDto = (loaded: LoadedChart, access: SpaceShareDto[]): SavedChartDto =>
  toSavedChartDto(loaded.chart, loaded.version, loaded.space, access);
