import type { ReactNode } from 'react';
import type { DashboardFilters } from '../../../api/dashboards-endpoints.js';
import { useSavedChart } from '../../charts/hooks/use-saved-chart.js';
import { useTileResults } from '../hooks/use-tile-results.js';
import { ChartTileBody } from './chart-tile-body.js';
import { TileFrame } from './tile-frame.js';

type Props = {
  projectUuid: string;
  dashboardUuid: string;
  /** The saved tile's uuid (undefined for a tile added in edit mode and not saved yet). */
  savedTileUuid: string | undefined;
  chartUuid: string;
  title: string;
  hideTitle?: boolean | undefined;
  filters: DashboardFilters;
  actions?: ReactNode;
};

/** A saved chart on the dashboard: its config, and its results with the dashboard's filters applied. */
export const ChartTile = ({ projectUuid, dashboardUuid, savedTileUuid, chartUuid, title, hideTitle, filters, actions }: Props) => {
  const chart = useSavedChart(chartUuid);
  const results = useTileResults(dashboardUuid, savedTileUuid, chartUuid, filters);
  const name = title || chart.data?.name || 'Chart';
  return (
    <TileFrame title={name} hideTitle={hideTitle} href={`/projects/${projectUuid}/saved/${chartUuid}`} actions={actions} testId="chart-tile">
      <ChartTileBody
        chart={chart.data}
        results={results.data}
        error={chart.error ?? results.error}
        running={results.isFetching}
        title={name}
        onRetry={() => {
          void chart.refetch();
          void results.refetch();
        }}
      />
    </TileFrame>
  );
};
