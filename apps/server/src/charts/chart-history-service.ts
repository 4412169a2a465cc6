import { NotFoundError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import { toSavedChartDto, userShare, type SavedChartDto } from './saved-chart-dto.js';
import type { LoadedChart, SavedChartReader } from './saved-chart-reader.js';
import type { ChartVersionRecord, SavedChartRepository, UserRef } from './saved-chart-repository.js';
import type { SavedChartService } from './saved-chart-service.js';

/** How far back GetChartHistory looks (the latest version is listed whatever its age). */
export const HISTORY_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export type ChartVersionSummaryDto = { chartUuid: string; versionUuid: string; createdAt: string; createdBy: UserRef | null };
export type ChartVersionDto = ChartVersionSummaryDto & { chart: SavedChartDto };

const toSummary = (v: ChartVersionRecord): ChartVersionSummaryDto => ({
  chartUuid: v.chartUuid,
  versionUuid: v.versionUuid,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy,
});

/**
 * A chart's versions: the last 30 days of history, one version with the chart as it was then, and
 * rollback — which saves the old content as a new version, so history only ever grows. Reading
 * needs view of the chart, rollback edit.
 */
export class ChartHistoryService {
  constructor(
    private readonly charts: SavedChartRepository,
    private readonly reader: SavedChartReader,
    private readonly saved: SavedChartService,
    private readonly spaces: SpaceAccess,
    private readonly now: () => Date,
  ) {}

  async history(account: MemberAccount, chartUuid: string): Promise<{ history: ChartVersionSummaryDto[] }> {
    const { chart } = await this.reader.get(account, chartUuid);
    const since = new Date(this.now().getTime() - HISTORY_DAYS * DAY_MS);
    return { history: (await this.charts.history(chart.uuid, since)).map(toSummary) };
  }

  async version(account: MemberAccount, chartUuid: string, versionUuid: string): Promise<ChartVersionDto> {
    const { loaded, version } = await this.load(account, chartUuid, versionUuid);
    const access = userShare(account, await this.spaces.accessTo(account, loaded.space));
    return { ...toSummary(version), chart: toSavedChartDto(loaded.chart, version, loaded.space, access) };
  }

  async rollback(account: MemberAccount, chartUuid: string, versionUuid: string): Promise<void> {
    const { version } = await this.load(account, chartUuid, versionUuid, 'edit');
    await this.saved.addVersion(account, version.chartUuid, version);
  }

  /** The chart (authorized for `action`) and one of its versions (404 when it is not one of this chart's). */
  async load(account: MemberAccount, chartUuid: string, versionUuid: string, action: 'view' | 'edit' = 'view'): Promise<{ loaded: LoadedChart; version: ChartVersionRecord }> {
    const loaded = await this.reader.get(account, chartUuid, action);
    const version = await this.charts.version(loaded.chart.uuid, versionUuid.toLowerCase());
    if (!version) throw new NotFoundError(`Version ${versionUuid} of chart ${chartUuid} not found`);
    return { loaded, version };
  }
}
