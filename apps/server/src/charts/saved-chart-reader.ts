import { NotFoundError, ParameterError, UnexpectedServerError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import { NotifiedCache } from '../store/notified-cache.js';
import type { SpaceAccess, SpaceAction, SpaceRow } from '../spaces/space-access.js';
import type { ChartRecord, ChartVersionRecord, SavedChartRepository } from './saved-chart-repository.js';

export type LoadedChart = { chart: ChartRecord; version: ChartVersionRecord; space: SpaceRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The space a chart's access follows: its own, or — for a chart saved in a dashboard — the
 * dashboard's (the table's check constraint and the dashboard foreign key guarantee one of them).
 */
export const homeSpaceUuid = (chart: ChartRecord): string => {
  const uuid = chart.dashboard?.spaceUuid ?? chart.spaceUuid;
  if (uuid === null) throw new UnexpectedServerError();
  return uuid;
};

/**
 * Loads saved charts and authorizes them — the one place a chart's permission is decided, for
 * every route of charts/ and for the dashboards domain (PostDashboardTile): `view` to see and run
 * it, `edit` to change or delete it, both through `homeSpaceUuid` and the shared SpaceAccess
 * (which applies the policy in core: space role, project-role cap, organization).
 */
export class SavedChartReader {
  /**
   * Chart uuid → the chart and its latest version, for `getForTile` only (a tile reads no view
   * count nor names). Cleared on the `tessera_query_metadata` notification (a chart moved, a new
   * version, a dashboard moved: migration 0021) and after every write request of this node
   * (`keepFresh`); caches nothing until subscribed.
   */
  readonly tileCharts: NotifiedCache<{ chart: ChartRecord; version: ChartVersionRecord | undefined }>;

  constructor(
    private readonly charts: SavedChartRepository,
    private readonly spaces: SpaceAccess,
    now: () => Date = () => new Date(),
  ) {
    this.tileCharts = new NotifiedCache(10_000, 5 * 60_000, now);
  }

  /**
   * The chart with its latest version and its home space. `uuidOrSlug` is a chart uuid or a slug
   * (slugs are unique per project: `projectUuid` picks the project when several of the user's
   * organization have it). Unknown → 404 (checked first); not allowed → 403.
   */
  async get(account: MemberAccount, uuidOrSlug: string, action: SpaceAction = 'view', projectUuid?: string): Promise<LoadedChart> {
    const chart = await this.find(account, uuidOrSlug, projectUuid);
    const space = await this.authorize(account, chart, action);
    const version = await this.charts.latestVersion(chart.uuid);
    if (!version) throw new NotFoundError(`Chart ${uuidOrSlug} has no saved version`);
    return { chart, version, space };
  }

  /**
   * As `get(account, chartUuid, 'view')` for PostDashboardTile, with the chart and its latest
   * version read through `tileCharts` (authorization itself goes through SpaceAccess every time).
   */
  async getForTile(account: MemberAccount, chartUuidOrSlug: string): Promise<LoadedChart> {
    if (!UUID.test(chartUuidOrSlug)) return this.get(account, chartUuidOrSlug, 'view');
    const uuid = chartUuidOrSlug.toLowerCase();
    const loaded = await this.tileCharts.read(uuid, async () => {
      const chart = await this.charts.find(uuid);
      return chart && { chart, version: await this.charts.latestVersion(uuid) };
    });
    if (!loaded) throw new NotFoundError(`Chart ${chartUuidOrSlug} not found`);
    const space = await this.authorize(account, loaded.chart, 'view');
    if (!loaded.version) throw new NotFoundError(`Chart ${chartUuidOrSlug} has no saved version`);
    return { chart: loaded.chart, version: loaded.version, space };
  }

  /** The chart's permission check (see the class comment); returns its home space. */
  authorize(account: MemberAccount, chart: ChartRecord, action: SpaceAction): Promise<SpaceRow> {
    return this.spaces.authorize(account, homeSpaceUuid(chart), action);
  }

  private async find(account: MemberAccount, uuidOrSlug: string, projectUuid: string | undefined): Promise<ChartRecord> {
    if (UUID.test(uuidOrSlug)) {
      const chart = await this.charts.find(uuidOrSlug.toLowerCase());
      if (!chart) throw new NotFoundError(`Chart ${uuidOrSlug} not found`);
      return chart;
    }
    const project = projectUuid !== undefined && UUID.test(projectUuid) ? projectUuid.toLowerCase() : undefined;
    const found = await this.charts.findBySlug(account.organization.organizationUuid, uuidOrSlug, project);
    if (found.length > 1) {
      throw new ParameterError(`Several projects have a chart with the slug "${uuidOrSlug}": add ?projectUuid=<uuid> to pick one, or use the chart's uuid`);
    }
    const chart = found[0];
    if (!chart) throw new NotFoundError(`Chart ${uuidOrSlug} not found`);
    return chart;
  }
}
