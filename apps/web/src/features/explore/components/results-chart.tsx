import { Text } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import type { QueryResults } from '../../../api/types.js';
import { chartOption, type ChartType } from '../utils/chart-option.js';
import { echarts } from './echarts-setup.js';

/** A bar or line chart of the results (loaded lazily: ECharts is fetched when a chart is first shown). */
export const ResultsChart = ({ results, type }: { results: QueryResults; type: ChartType }) => {
  const spec = useMemo(() => chartOption(results, type), [results, type]);
  const element = useRef<HTMLDivElement>(null);
  const option = spec.ok ? spec.option : undefined;

  useEffect(() => {
    if (!element.current || !option) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  if (!spec.ok) return <Text c="dimmed" size="sm">{spec.reason}</Text>;
  return (
    <div>
      {spec.note && (
        <Text size="xs" c="dimmed" mb={4}>
          {spec.note}
        </Text>
      )}
      <div ref={element} style={{ height: 340, width: '100%' }} role="img" aria-label={`${type} chart of the results`} data-testid="results-chart" />
    </div>
  );
};

export default ResultsChart;
