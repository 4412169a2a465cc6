import { Center, Loader, Overlay, Text } from '@mantine/core';
import type { SavedChart } from '../../../api/charts-types.js';
import type { TileResults } from '../../../api/dashboards-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ChartView } from '../../charts/components/chart-view.js';
import { savedChartDrawing } from '../../charts/utils/chart-content.js';
import { useElementHeight } from '../hooks/use-element-height.js';

type Props = {
  chart: SavedChart | undefined;
  results: TileResults | undefined;
  error: unknown;
  /** A run is in flight (the first, or after a filter change: the last results stay, dimmed). */
  running: boolean;
  title: string;
  onRetry: () => void;
};

/**
 * A chart tile's body: loading, the error in words, or the results drawn as the saved chart is
 * (the chart pages' `ChartView`: its ECharts chart, big number or table), sized to the tile.
 */
export const ChartTileBody = ({ chart, results, error, running, title, onRetry }: Props) => {
  const { ref, height } = useElementHeight<HTMLDivElement>();
  const body = () => {
    if (error && !running) return <ErrorAlert error={error} onRetry={onRetry} />;
    if (!chart || !results) {
      return (
        <Center h="100%" aria-busy="true" aria-label={`Loading ${title}`}>
          <Loader size="sm" />
        </Center>
      );
    }
    if (results.rows.length === 0) {
      return (
        <Center h="100%">
          <Text size="sm" c="dimmed">
            No rows match: the filters leave nothing to show.
          </Text>
        </Center>
      );
    }
    const drawing = savedChartDrawing(chart, results.metricQuery);
    return (
      <>
        {running && <Overlay color="#fff" backgroundOpacity={0.5} zIndex={5} aria-busy="true" aria-label={`Updating ${title}`} />}
        {height > 0 && <ChartView results={results} chart={drawing.chart} pivot={drawing.pivot} height={Math.max(80, height - 24)} />}
      </>
    );
  };
  return (
    <div ref={ref} style={{ position: 'absolute', inset: 0 }} data-testid="chart-tile-body" data-rows={results?.rows.length ?? ''}>
      {body()}
    </div>
  );
};
