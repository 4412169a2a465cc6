import { NotFoundError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { ContentGuard } from './content-guard.js';
import type { ContentSummaryRepository } from './content-summary-repository.js';
import type { PinKind, PinnedListRepository } from './pinned-list-repository.js';

export type TogglePinnedItemInfo = { pinnedListUuid: string; projectUuid: string; spaceUuid: string; isPinned: boolean };

/**
 * Pins and unpins a chart, dashboard or space on its project's pinned list (made on first use).
 * Needs `manage PinnedItems` on the project (editors and above) and view access to the item's
 * space. Unknown item → 404 first; another organization's item → 403.
 */
export class PinService {
  constructor(
    private readonly pins: PinnedListRepository,
    private readonly summaries: ContentSummaryRepository,
    private readonly guard: ContentGuard,
    private readonly spaces: SpaceAccess,
    private readonly now: () => Date,
  ) {}

  async toggleChart(account: MemberAccount, chartUuid: string): Promise<TogglePinnedItemInfo> {
    const [chart] = await this.summaries.charts({ uuids: [chartUuid.toLowerCase()] });
    if (!chart) throw new NotFoundError(`Chart ${chartUuid} not found`);
    return this.toggle(account, 'chart', chart.uuid, chart);
  }

  async toggleDashboard(account: MemberAccount, dashboardUuid: string): Promise<TogglePinnedItemInfo> {
    const [dashboard] = await this.summaries.dashboards({ uuids: [dashboardUuid.toLowerCase()] });
    if (!dashboard) throw new NotFoundError(`Dashboard ${dashboardUuid} not found`);
    return this.toggle(account, 'dashboard', dashboard.uuid, dashboard);
  }

  /** The space must be one of `projectUuid` (404 otherwise, as an unknown space). */
  async toggleSpace(account: MemberAccount, projectUuid: string, spaceUuid: string): Promise<TogglePinnedItemInfo> {
    const space = await this.spaces.find(spaceUuid);
    if (space.projectUuid !== projectUuid.toLowerCase()) throw new NotFoundError(`Space ${spaceUuid} not found in project ${projectUuid}`);
    return this.toggle(account, 'space', space.spaceUuid, space);
  }

  private async toggle(
    account: MemberAccount,
    kind: PinKind,
    uuid: string,
    item: { projectUuid: string; spaceUuid: string },
  ): Promise<TogglePinnedItemInfo> {
    await this.guard.authorize(account, item.projectUuid, 'PinnedItems', 'manage');
    await this.spaces.authorize(account, item.spaceUuid, 'view');
    return this.pins.transaction(async (trx) => {
      const at = this.now();
      const pinnedListUuid = await this.pins.ensureList(item.projectUuid, at, trx);
      const unpinned = await this.pins.remove(pinnedListUuid, kind, uuid, trx);
      if (!unpinned) await this.pins.add(pinnedListUuid, kind, uuid, at, trx);
      return { pinnedListUuid, projectUuid: item.projectUuid, spaceUuid: item.spaceUuid, isPinned: !unpinned };
    });
  }
}
