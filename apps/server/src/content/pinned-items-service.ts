import { NotFoundError, ParameterError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess, SpaceRow } from '../spaces/space-access.js';
import type { ContentGuard } from './content-guard.js';
import { chartItem, dashboardItem, spaceItem, type PinnedItem } from './content-schemas.js';
import type { ContentSummaryRepository } from './content-summary-repository.js';
import type { Pin, PinKind, PinnedListRepository } from './pinned-list-repository.js';

export type PinnedItemOrder = { type: PinKind; data: { uuid: string; pinnedListOrder: number | null } };

/**
 * A project's pinned list as one user sees it: only the charts, dashboards and spaces they may view
 * (the rest of the list stays invisible to them, also when reordering). Viewing needs `view
 * PinnedItems` (project viewers), reordering `manage PinnedItems` (editors and above).
 */
export class PinnedItemsService {
  constructor(
    private readonly pins: PinnedListRepository,
    private readonly summaries: ContentSummaryRepository,
    private readonly guard: ContentGuard,
    private readonly spaces: SpaceAccess,
  ) {}

  async get(account: MemberAccount, projectUuid: string, pinnedListUuid: string): Promise<PinnedItem[]> {
    const list = await this.authorize(account, projectUuid, pinnedListUuid, 'view');
    return this.visibleItems(account, list);
  }

  /**
   * Sets `pinnedListOrder` of the items sent; items left out keep theirs. Every item sent must be on
   * the list and visible to the user (400 otherwise, naming it), once, with a number.
   */
  async updateOrder(account: MemberAccount, projectUuid: string, pinnedListUuid: string, order: PinnedItemOrder[]): Promise<PinnedItem[]> {
    const list = await this.authorize(account, projectUuid, pinnedListUuid, 'manage');
    const visible = new Set((await this.visibleItems(account, list)).map((i) => `${i.type}:${i.data.uuid}`));
    const seen = new Set<string>();
    for (const { type, data } of order) {
      const key = `${type}:${data.uuid.toLowerCase()}`;
      if (!visible.has(key)) throw new ParameterError(`The ${type} ${data.uuid} is not on this pinned list: pin it first, or leave it out`);
      if (seen.has(key)) throw new ParameterError(`The ${type} ${data.uuid} appears twice: send each item once`);
      if (data.pinnedListOrder === null) throw new ParameterError(`pinnedListOrder of the ${type} ${data.uuid} is null: send its position as a number`);
      seen.add(key);
    }
    await this.pins.transaction(async (trx) => {
      for (const { type, data } of order) await this.pins.setOrder(list.pinnedListUuid, type, data.uuid.toLowerCase(), data.pinnedListOrder ?? 0, trx);
    });
    return this.visibleItems(account, list);
  }

  /** 404 unknown project or a list of another project (checked after the project's permission). */
  private async authorize(account: MemberAccount, projectUuid: string, pinnedListUuid: string, action: 'view' | 'manage') {
    const project = await this.guard.authorize(account, projectUuid, 'PinnedItems', action);
    const owner = await this.pins.projectOfList(pinnedListUuid.toLowerCase());
    if (owner !== project.projectUuid) throw new NotFoundError(`Pinned list ${pinnedListUuid} not found in project ${projectUuid}`);
    return { projectUuid: project.projectUuid, pinnedListUuid: pinnedListUuid.toLowerCase() };
  }

  private async visibleItems(account: MemberAccount, list: { projectUuid: string; pinnedListUuid: string }): Promise<PinnedItem[]> {
    const pins = await this.pins.items(list.pinnedListUuid);
    if (pins.length === 0) return [];
    const visible = new Map<string, SpaceRow>((await this.spaces.visibleSpaces(account, list.projectUuid)).map((v) => [v.space.spaceUuid, v.space]));
    const uuidsOf = (kind: PinKind) => pins.filter((p) => p.kind === kind).map((p) => p.uuid);
    const [charts, dashboards] = await Promise.all([
      this.summaries.charts({ uuids: uuidsOf('chart') }),
      this.summaries.dashboards({ uuids: uuidsOf('dashboard') }),
    ]);
    const pinnedSpaces = uuidsOf('space').flatMap((uuid) => visible.get(uuid) ?? []);
    const counts = await this.summaries.spaceCounts(pinnedSpaces);
    const chartsByUuid = new Map(charts.filter((c) => visible.has(c.spaceUuid)).map((c) => [c.uuid, c]));
    const dashboardsByUuid = new Map(dashboards.filter((d) => visible.has(d.spaceUuid)).map((d) => [d.uuid, d]));
    const status = (pin: Pin) => ({ pinnedListUuid: list.pinnedListUuid, pinnedListOrder: pin.order });
    return pins.flatMap((pin): PinnedItem[] => {
      switch (pin.kind) {
        case 'chart': {
          const chart = chartsByUuid.get(pin.uuid);
          return chart ? [chartItem(chart, status(pin))] : [];
        }
        case 'dashboard': {
          const dashboard = dashboardsByUuid.get(pin.uuid);
          return dashboard ? [dashboardItem(dashboard, status(pin))] : [];
        }
        case 'space': {
          const space = visible.get(pin.uuid);
          return space ? [spaceItem(space, counts.get(space.spaceUuid), status(pin))] : [];
        }
      }
    });
  }
}
