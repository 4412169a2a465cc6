import type { MemberAccount } from '../projects/project-service.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import { listedChart, listedDashboard, type ListedItem } from './content-schemas.js';
import type { ChartSummary, ContentSummaryRepository, DashboardSummary } from './content-summary-repository.js';
import type { PinnedListRepository } from './pinned-list-repository.js';

/** How many items each listing shows. */
export const LISTING_SIZE = 10;

type Entry = { kind: 'chart'; item: ChartSummary } | { kind: 'dashboard'; item: DashboardSummary };

/**
 * The project home page's listings: the most viewed and the most recently updated charts and
 * dashboards, ten each, among those in spaces the user may view (charts inside dashboards are not
 * listed on their own). Needs `view Project`.
 */
export class ContentListingService {
  constructor(
    private readonly summaries: ContentSummaryRepository,
    private readonly pins: PinnedListRepository,
    private readonly projects: ProjectGuard,
    private readonly spaces: SpaceAccess,
  ) {}

  async mostPopularAndRecentlyUpdated(account: MemberAccount, projectUuid: string): Promise<{ mostPopular: ListedItem[]; recentlyUpdated: ListedItem[] }> {
    const { project } = await this.projects.authorize(account, projectUuid.toLowerCase(), 'view');
    const spaceUuids = [...(await this.spaces.viewableSpaceUuids(account, project.projectUuid))];
    const top = async (orderBy: 'views' | 'updatedAt'): Promise<Entry[]> => {
      const query = { projectUuid: project.projectUuid, spaceUuids, orderBy, limit: LISTING_SIZE };
      const [charts, dashboards] = await Promise.all([this.summaries.charts(query), this.summaries.dashboards(query)]);
      const entries: Entry[] = [...charts.map((item) => ({ kind: 'chart' as const, item })), ...dashboards.map((item) => ({ kind: 'dashboard' as const, item }))];
      const key = (e: Entry) => (orderBy === 'views' ? e.item.views : e.item.updatedAt.getTime());
      return entries
        .sort((a, b) => key(b) - key(a) || b.item.updatedAt.getTime() - a.item.updatedAt.getTime() || a.item.uuid.localeCompare(b.item.uuid))
        .slice(0, LISTING_SIZE);
    };
    const [popular, recent] = await Promise.all([top('views'), top('updatedAt')]);
    const all = [...popular, ...recent];
    const [chartPins, dashboardPins] = await Promise.all([
      this.pins.statusOf('chart', all.filter((e) => e.kind === 'chart').map((e) => e.item.uuid)),
      this.pins.statusOf('dashboard', all.filter((e) => e.kind === 'dashboard').map((e) => e.item.uuid)),
    ]);
    const toItem = (e: Entry): ListedItem =>
      e.kind === 'chart' ? listedChart(e.item, chartPins.get(e.item.uuid)) : listedDashboard(e.item, dashboardPins.get(e.item.uuid));
    return { mostPopular: popular.map(toItem), recentlyUpdated: recent.map(toItem) };
  }
}
