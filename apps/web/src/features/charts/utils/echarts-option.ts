import type { ChartConfig, PieChart, FunnelChart, CartesianChart } from '../../../api/charts-types.js';
import type { QueryResults, ResultRow } from '../../../api/types.js';
import { cartesianSettings, kindOf } from './chart-config.js';
import { columnLabel, toNumber } from './result-columns.js';

/**
 * A resolved chart config (see `resolveChart`) and the query's results → the ECharts option, or
 * why the results cannot be drawn. Only the option keys this app sets are typed (no echarts types
 * in the pure code).
 */
export type SeriesOption = {
  type: 'bar' | 'line' | 'scatter' | 'pie' | 'funnel';
  name: string;
  data: unknown[];
  stack?: string;
  areaStyle?: Record<string, unknown>;
  showSymbol?: boolean;
  radius?: string | [string, string];
  label?: { show: boolean; position?: string };
};

export type AxisOption = { type: 'category' | 'value'; data?: string[]; name?: string; nameLocation?: 'middle' | 'end'; nameGap?: number; axisLabel?: { hideOverlap: boolean } };

export type ChartOption = {
  animation: false;
  tooltip: { trigger: 'axis' | 'item' };
  legend: { top: number; type: 'scroll' };
  grid?: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  xAxis?: AxisOption;
  yAxis?: AxisOption;
  series: SeriesOption[];
};

export type DrawnChart = { ok: true; option: ChartOption; note: string | undefined } | { ok: false; reason: string };

const formatted = (row: ResultRow, id: string): string => row[id]?.value.formatted ?? '';
const raw = (row: ResultRow, id: string): number | null => toNumber(row[id]?.value.raw);
const base = { animation: false as const, legend: { top: 0, type: 'scroll' as const } };
const fail = (reason: string): DrawnChart => ({ ok: false, reason });

/** Values in order of first appearance. */
const distinct = (values: string[]): string[] => [...new Set(values)];

const cartesianOption = (results: QueryResults, config: CartesianChart | undefined, pivot: string | undefined): DrawnChart => {
  const settings = cartesianSettings({ type: 'cartesian', ...(config ? { config } : {}) });
  const x = settings.xField;
  const ys = settings.yFields;
  if (ys.length === 0) return fail('Add a metric or a table calculation to draw a chart.');
  if (!x) return fail('Add a dimension to draw a chart along it.');
  const { rows } = results;
  if (rows.length === 0) return fail('No rows to draw.');
  const stored = config?.eChartsConfig.series ?? [];
  const seriesFor = (y: string, name: string, data: (number | null)[]): SeriesOption => {
    const saved = stored.find((s) => s.encode.yRef.field === y);
    const kind = settings.kind;
    return {
      type: kind === 'area' ? 'line' : kind,
      name,
      data,
      ...(saved?.stack !== undefined ? { stack: saved.stack } : {}),
      ...(kind === 'area' ? { areaStyle: {} } : {}),
      ...(kind === 'line' || kind === 'area' ? { showSymbol: rows.length <= 60 } : {}),
    };
  };
  let categories: string[];
  let series: SeriesOption[];
  if (pivot) {
    // One series per measure and group-by value, each over the distinct x values.
    categories = distinct(rows.map((r) => formatted(r, x)));
    const groups = distinct(rows.map((r) => formatted(r, pivot)));
    const position = new Map(categories.map((c, i) => [c, i]));
    series = ys.flatMap((y) =>
      groups.map((group) => {
        const data: (number | null)[] = categories.map(() => null);
        for (const row of rows) {
          if (formatted(row, pivot) !== group) continue;
          const i = position.get(formatted(row, x)) ?? -1;
          if (i >= 0 && data[i] === null) data[i] = raw(row, y);
        }
        return seriesFor(y, ys.length > 1 ? `${group} · ${columnLabel(results, y)}` : group, data);
      }),
    );
  } else {
    categories = rows.map((r) => formatted(r, x));
    series = ys.map((y) => seriesFor(y, columnLabel(results, y), rows.map((r) => raw(r, y))));
  }
  const others = results.metricQuery.dimensions.filter((d) => d !== x && d !== pivot);
  const note = others.length > 0 ? `Drawn along ${columnLabel(results, x)}${pivot ? `, grouped by ${columnLabel(results, pivot)}` : ''}; other dimensions repeat x values. Group by one of them to split it into series.` : undefined;
  // The x name under the axis labels; the y name above the axis, clear of its (variable-width) tick labels.
  const named = (name: string, location: 'middle' | 'end') => (name ? { name, nameLocation: location, nameGap: location === 'middle' ? 32 : 12 } : {});
  return {
    ok: true,
    note,
    option: {
      ...base,
      tooltip: { trigger: settings.kind === 'scatter' ? 'item' : 'axis' },
      grid: { left: 24, right: 24, top: settings.yAxisName ? 56 : 40, bottom: settings.xAxisName ? 40 : 16, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true }, ...named(settings.xAxisName, 'middle') },
      yAxis: { type: 'value', ...named(settings.yAxisName, 'end') },
      series,
    },
  };
};

const pieOption = (results: QueryResults, config: PieChart | undefined): DrawnChart => {
  const group = config?.groupFieldIds?.[0];
  const metric = config?.metricId;
  if (!metric) return fail('Add a metric to draw a pie chart.');
  if (!group) return fail('Add a dimension to split the pie by.');
  if (results.rows.length === 0) return fail('No rows to draw.');
  const label = config?.valueLabel ?? 'outside';
  return {
    ok: true,
    note: undefined,
    option: {
      ...base,
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          name: columnLabel(results, metric),
          radius: config?.isDonut ? ['40%', '70%'] : '70%',
          label: label === 'hidden' ? { show: false } : { show: true, position: label },
          data: results.rows.map((row) => ({ name: formatted(row, group), value: raw(row, metric) })),
        },
      ],
    },
  };
};

const funnelOption = (results: QueryResults, config: FunnelChart | undefined): DrawnChart => {
  const { rows } = results;
  if (rows.length === 0) return fail('No rows to draw.');
  let data: { name: string; value: number | null }[];
  if (config?.dataInput === 'column') {
    // Each metric is a stage, valued from the first row.
    const first = rows[0]!;
    data = results.metricQuery.metrics.map((id) => ({ name: columnLabel(results, id), value: raw(first, id) }));
  } else {
    const metric = config?.fieldId;
    const stage = results.metricQuery.dimensions[0];
    if (!metric) return fail('Add a metric to draw a funnel.');
    if (!stage) return fail('Add a dimension: each of its values is a stage of the funnel.');
    data = rows.map((row) => ({ name: formatted(row, stage), value: raw(row, metric) }));
  }
  return {
    ok: true,
    note: undefined,
    option: { ...base, tooltip: { trigger: 'item' }, series: [{ type: 'funnel', name: 'Funnel', data, label: { show: true, position: 'inside' } }] },
  };
};

export const echartsOption = (results: QueryResults, chart: ChartConfig, pivot: string | undefined): DrawnChart => {
  switch (chart.type) {
    case 'cartesian':
      return cartesianOption(results, chart.config, pivot);
    case 'pie':
      return pieOption(results, chart.config);
    case 'funnel':
      return funnelOption(results, chart.config);
    default:
      return fail(`A ${kindOf(chart)} chart is not drawn with ECharts.`);
  }
};

/** A big number: the first row's value of the chosen field, as the server formatted it. */
export const bigNumber = (results: QueryResults, chart: ChartConfig): { ok: true; label: string; value: string } | { ok: false; reason: string } => {
  const field = chart.type === 'big_number' ? chart.config?.selectedField : undefined;
  if (!field) return { ok: false, reason: 'Add a metric to show it as a big number.' };
  const first = results.rows[0];
  if (!first) return { ok: false, reason: 'No rows to show.' };
  const label = (chart.type === 'big_number' && chart.config?.label) || columnLabel(results, field);
  return { ok: true, label, value: formatted(first, field) };
};
