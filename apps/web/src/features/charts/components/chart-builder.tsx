import { Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ChartConfig } from '../../../api/charts-types.js';
import type { QueryResults } from '../../../api/types.js';
import { CHART_KIND_LABELS, CHART_KINDS, isCartesianKind, kindOf, resolveChart, withKind, type ChartKind } from '../utils/chart-config.js';
import { columnLabel, queryColumns } from '../utils/result-columns.js';
import { CartesianSettingsEditor } from './cartesian-settings.js';
import { ChartView } from './chart-view.js';
import { SingleFieldSettings } from './single-field-settings.js';

type Props = {
  results: QueryResults;
  chart: ChartConfig;
  pivotColumns: string[];
  onChange: (chart: ChartConfig, pivotColumns: string[]) => void;
};

/**
 * The chart builder: the chart type and its settings, over the last results. It edits the config
 * as resolved against the results' query (blanks filled), so what is shown is what is saved.
 */
export const ChartBuilder = ({ results, chart, pivotColumns, onChange }: Props) => {
  const columns = useMemo(() => queryColumns(results.metricQuery), [results.metricQuery]);
  const kind = kindOf(chart);
  const pivot = isCartesianKind(kind) ? pivotColumns.find((p) => columns.dimensions.includes(p)) : undefined;
  const resolved = useMemo(() => resolveChart(chart, columns, pivot), [chart, columns, pivot]);
  const option = (id: string) => ({ value: id, label: columnLabel(results, id) });
  const dimensions = columns.dimensions.map(option);
  const measures = [...columns.metrics, ...columns.calculations].map(option);
  const setKind = (next: ChartKind) => onChange(resolveChart(withKind(resolved, next), columns, isCartesianKind(next) ? pivot : undefined), pivotColumns);

  return (
    <Paper withBorder p="sm" data-testid="chart-builder">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Chart</Text>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as ChartKind)}
            data={CHART_KINDS.map((k) => ({ value: k, label: CHART_KIND_LABELS[k] }))}
            aria-label="Chart type"
          />
        </Group>
        {isCartesianKind(kind) ? (
          <CartesianSettingsEditor chart={resolved} pivot={pivot} dimensions={dimensions} measures={measures} onChange={onChange} />
        ) : (
          <SingleFieldSettings chart={resolved} dimensions={dimensions} measures={measures} onChange={(next) => onChange(next, pivotColumns)} />
        )}
        <ChartView results={results} chart={resolved} pivot={pivot} />
      </Stack>
    </Paper>
  );
};
