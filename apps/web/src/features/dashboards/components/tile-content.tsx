import type { ReactNode } from 'react';
import type { DashboardFilters, TileInput } from '../../../api/dashboards-endpoints.js';
import { ChartTile } from './chart-tile.js';
import { LoomTile, MarkdownTile, MissingChartTile } from './text-tiles.js';

type Props = {
  projectUuid: string;
  dashboardUuid: string;
  tile: TileInput;
  /** Whether the tile is saved on the dashboard (its uuid then names it to the server). */
  saved: boolean;
  filters: DashboardFilters;
  actions?: ReactNode;
};

/** One tile of the grid, by its type. */
export const TileContent = ({ projectUuid, dashboardUuid, tile, saved, filters, actions }: Props) => {
  switch (tile.type) {
    case 'saved_chart':
      return tile.properties.savedChartUuid === null ? (
        <MissingChartTile title={tile.properties.title ?? ''} actions={actions} />
      ) : (
        <ChartTile
          projectUuid={projectUuid}
          dashboardUuid={dashboardUuid}
          savedTileUuid={saved ? tile.uuid : undefined}
          chartUuid={tile.properties.savedChartUuid}
          title={tile.properties.title ?? ''}
          hideTitle={tile.properties.hideTitle}
          filters={filters}
          actions={actions}
        />
      );
    case 'markdown':
      return <MarkdownTile title={tile.properties.title} content={tile.properties.content} actions={actions} />;
    case 'loom':
      return <LoomTile title={tile.properties.title} url={tile.properties.url} hideTitle={tile.properties.hideTitle} actions={actions} />;
  }
};
