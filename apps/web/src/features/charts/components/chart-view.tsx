import { Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import type { ChartConfig } from '../../../api/charts-types.js';
import type { QueryResults } from '../../../api/types.js';
import { ResultsTable } from '../../explore/components/results-table.js';
import { CHART_KIND_LABELS, kindOf } from '../utils/chart-config.js';
import { bigNumber, echartsOption } from '../utils/echarts-option.js';

const EChartsCanvas = lazy(() => import('./echarts-canvas.js'));

type Props = { results: QueryResults; chart: ChartConfig; pivot: string | undefined; height?: number };

const BigNumberView = ({ results, chart }: Props) => {
  const shown = bigNumber(results, chart);
  if (!shown.ok) return <Text c="dimmed" size="sm">{shown.reason}</Text>;
  return (
    <Stack align="center" gap={4} py="xl" data-testid="big-number">
      <Text fz={48} fw={700} lh={1}>
        {shown.value}
      </Text>
      <Text c="dimmed">{shown.label}</Text>
    </Stack>
  );
};

const EChartsView = ({ results, chart, pivot, height }: Props) => {
  const drawn = useMemo(() => echartsOption(results, chart, pivot), [results, chart, pivot]);
  if (!drawn.ok) return <Text c="dimmed" size="sm">{drawn.reason}</Text>;
  return (
    <div>
      {drawn.note && (
        <Text size="xs" c="dimmed" mb={4}>
          {drawn.note}
        </Text>
      )}
      <Suspense fallback={<Loader size="sm" />}>
        <EChartsCanvas option={drawn.option} label={`${CHART_KIND_LABELS[kindOf(chart)]} chart of the results`} {...(height ? { height } : {})} />
      </Suspense>
    </div>
  );
};

/** A chart of query results as its (resolved) config says: an ECharts chart, a big number, or the table. */
export const ChartView = (props: Props) => {
  switch (props.chart.type) {
    case 'big_number':
      return <BigNumberView {...props} />;
    case 'table':
      return (
        <div data-testid="chart-table">
          <ResultsTable results={props.results} sorts={props.results.metricQuery.sorts} />
        </div>
      );
    default:
      return <EChartsView {...props} />;
  }
};
