import { randomUUID } from 'node:crypto';
import { ForbiddenError, ParameterError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import { assertValidLayout, type TileLayout } from './dashboard-layout.js';
import type { DashboardChartRepository } from './dashboard-chart-repository.js';
import type { DashboardTab, NewTile, TileRecord } from './dashboard-repository.js';
import type { TileInput } from './dashboard-schemas.js';

/** A tile from a request as it will be stored (its uuid kept, or a new one). */
export const toNewTile = (tile: TileInput, index: number): NewTile => {
  const place = { uuid: (tile.uuid ?? randomUUID()).toLowerCase(), x: tile.x, y: tile.y, w: tile.w, h: tile.h, tabUuid: tile.tabUuid?.toLowerCase() ?? null };
  switch (tile.type) {
    case 'saved_chart': {
      const { savedChartUuid, ...own } = tile.properties;
      return { ...place, type: 'saved_chart', savedChartUuid: savedChartUuid?.toLowerCase() ?? null, properties: own };
    }
    case 'markdown':
    case 'loom':
      return { ...place, type: tile.type, savedChartUuid: null, properties: tile.properties };
    default:
      throw new ParameterError(
        `Tile ${index + 1}: ${tile.type} tiles are not supported: SQL and semantic-viewer charts do not exist in this installation. Use saved_chart, markdown or loom tiles.`,
      );
  }
};

export const layoutOf = (tile: NewTile | TileRecord): TileLayout => ({ uuid: tile.uuid, x: tile.x, y: tile.y, w: tile.w, h: tile.h, tabUuid: tile.tabUuid });

/**
 * Checks the tiles a write would store: the layout (grid, uuids, tabs), and every chart a tile
 * newly shows — it must be a chart of the project the account may view, and a chart saved in a
 * dashboard may only be shown by that dashboard. Charts already on the dashboard are not checked
 * again, so an editor can rearrange tiles whose charts they cannot open.
 */
export class TileChecks {
  constructor(
    private readonly charts: DashboardChartRepository,
    private readonly spaces: SpaceAccess,
  ) {}

  async assertValid(
    account: MemberAccount,
    target: { projectUuid: string; dashboardUuid: string | null; existing: readonly TileRecord[] },
    tiles: readonly NewTile[],
    tabs: readonly DashboardTab[],
  ): Promise<void> {
    assertValidLayout(tiles.map(layoutOf), tabs);
    const known = new Set(target.existing.map((t) => t.savedChartUuid));
    const added = tiles.filter((t) => t.savedChartUuid !== null && !known.has(t.savedChartUuid));
    if (added.length === 0) return;
    const [charts, viewable] = await Promise.all([
      this.charts.tileCharts(added.map((t) => t.savedChartUuid!)),
      this.spaces.viewableSpaceUuids(account, target.projectUuid),
    ]);
    for (const tile of added) {
      const chart = charts.get(tile.savedChartUuid!);
      if (!chart || chart.projectUuid !== target.projectUuid) {
        throw new ParameterError(`Tile ${tile.uuid}: chart ${tile.savedChartUuid} is not a chart of this project`, { tileUuid: tile.uuid });
      }
      if (chart.dashboardUuid !== null && chart.dashboardUuid !== target.dashboardUuid) {
        throw new ParameterError(`Tile ${tile.uuid}: chart ${chart.uuid} is saved in another dashboard and can only be shown there`, { tileUuid: tile.uuid });
      }
      if (!viewable.has(chart.spaceUuid)) {
        throw new ForbiddenError(`Tile ${tile.uuid}: you don't have permission to view chart ${chart.uuid}, so you cannot add it to a dashboard`);
      }
    }
  }
}
