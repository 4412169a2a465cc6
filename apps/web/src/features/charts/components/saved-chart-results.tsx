import { Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { SavedChart } from '../../../api/charts-types.js';
import type { QueryResults } from '../../../api/types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { savedChartDrawing } from '../utils/chart-content.js';
import { ChartView } from './chart-view.js';

type Props = { chart: Pick<SavedChart, 'chartConfig' | 'pivotConfig'>; results: UseQueryResult<QueryResults> };

/** A saved chart (or one of its versions) drawn over its results, with loading and errors. */
export const SavedChartResults = ({ chart, results }: Props) => {
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) {
    return (
      <Center h={200}>
        <Loader size="sm" aria-label="Running the chart's query" />
      </Center>
    );
  }
  const drawing = savedChartDrawing(chart, results.data.metricQuery);
  return (
    <div>
      <ChartView results={results.data} chart={drawing.chart} pivot={drawing.pivot} />
      <Text size="xs" c="dimmed" mt={4} data-testid="saved-chart-rows">
        {results.data.rows.length} row{results.data.rows.length === 1 ? '' : 's'}
        {results.data.cacheMetadata.cacheHit ? ' · from cache' : ''}
      </Text>
    </div>
  );
};
