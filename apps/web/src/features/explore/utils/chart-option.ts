import type { QueryResults } from '../../../api/types.js';

export type ChartType = 'bar' | 'line';

/** The ECharts option for a bar or line chart, or why the results cannot be drawn. */
export type ChartSpec =
  | { ok: true; option: ChartOption; note: string | undefined }
  | { ok: false; reason: string };

/** The subset of ECharts' option this app sets (kept small so it stays typed without echarts' types). */
export type ChartOption = {
  animation: boolean;
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  tooltip: { trigger: 'axis' };
  legend: { top: number; type: 'scroll' };
  xAxis: { type: 'category'; data: string[]; axisLabel: { hideOverlap: boolean } };
  yAxis: { type: 'value' };
  series: { type: ChartType; name: string; data: (number | null)[]; showSymbol?: boolean }[];
};

const toNumber = (raw: unknown): number | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

/**
 * One series per metric over the first dimension's values (formatted, in row order). A second
 * dimension is not pivoted yet: the note says so. Non-numeric metric values are gaps.
 */
export const chartOption = (results: QueryResults, type: ChartType): ChartSpec => {
  const [xField, ...otherDimensions] = results.metricQuery.dimensions;
  const metrics = results.metricQuery.metrics.filter((id) => results.fields[id]);
  if (metrics.length === 0) return { ok: false, reason: 'Add a metric to draw a chart.' };
  if (!xField) return { ok: false, reason: 'Add a dimension to draw a chart along it.' };
  if (results.rows.length === 0) return { ok: false, reason: 'No rows to draw.' };
  const option: ChartOption = {
    animation: false,
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: results.rows.map((row) => row[xField]?.value.formatted ?? ''), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series: metrics.map((id) => ({
      type,
      name: results.fields[id]?.label ?? id,
      data: results.rows.map((row) => toNumber(row[id]?.value.raw)),
      ...(type === 'line' ? { showSymbol: results.rows.length <= 60 } : {}),
    })),
  };
  const note = otherDimensions.length > 0 ? `Drawn along ${results.fields[xField]?.label ?? xField} only; other dimensions are not split into series yet.` : undefined;
  return { ok: true, option, note };
};
