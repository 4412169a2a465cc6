import type { CartesianChart, CartesianSeries, ChartConfig } from '../../../api/charts-types.js';

/**
 * The chart builder's choices and the spec's `ChartConfig`, both ways. The builder edits a few
 * settings (kind, x field, y fields, stacking, axis names, …); these functions turn them into the
 * config the server stores (and Lightdash reads), read a saved config back, and fill what the user
 * left blank from the query's own columns (`resolveChart`), so that what is drawn is what is saved.
 */
export const CHART_KINDS = ['bar', 'line', 'area', 'scatter', 'pie', 'table', 'big_number', 'funnel'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
export type CartesianKind = 'bar' | 'line' | 'area' | 'scatter';

export const CHART_KIND_LABELS: Record<ChartKind, string> = {
  bar: 'Bar',
  line: 'Line',
  area: 'Area',
  scatter: 'Scatter',
  pie: 'Pie',
  table: 'Table',
  big_number: 'Big number',
  funnel: 'Funnel',
};

/** The query's columns by role: what a chart may put on its axes. */
export type QueryColumns = { dimensions: string[]; metrics: string[]; calculations: string[] };

export const isCartesianKind = (kind: ChartKind): kind is CartesianKind => kind === 'bar' || kind === 'line' || kind === 'area' || kind === 'scatter';

const seriesKind = (series: CartesianSeries | undefined): CartesianKind => {
  if (!series) return 'bar';
  if (series.type === 'area' || (series.type === 'line' && series.areaStyle !== undefined)) return 'area';
  return series.type;
};

/** The kind the builder shows for a config (a cartesian chart's kind is its first series'). */
export const kindOf = (chart: ChartConfig): ChartKind =>
  chart.type === 'cartesian' ? seriesKind(chart.config?.eChartsConfig.series?.[0]) : chart.type;

/** What the builder edits for bar, line, area and scatter charts. */
export type CartesianSettings = {
  kind: CartesianKind;
  xField: string | undefined;
  yFields: string[];
  stacked: boolean;
  xAxisName: string;
  yAxisName: string;
};

const unique = (ids: string[]): string[] => [...new Set(ids)];

export const cartesianSettings = (chart: ChartConfig): CartesianSettings => {
  const config = chart.type === 'cartesian' ? chart.config : undefined;
  const series = config?.eChartsConfig.series ?? [];
  return {
    kind: seriesKind(series[0]),
    xField: config?.layout.xField,
    yFields: config?.layout.yField ?? unique(series.map((s) => s.encode.yRef.field)),
    stacked: series.some((s) => s.stack !== undefined),
    xAxisName: config?.eChartsConfig.xAxis?.[0]?.name ?? '',
    yAxisName: config?.eChartsConfig.yAxis?.[0]?.name ?? '',
  };
};

export const STACK = 'stack';

/** One series per y field, as Lightdash saves them: an area is a line with `areaStyle`. */
export const cartesianConfig = (settings: CartesianSettings): ChartConfig => {
  const x = settings.xField ?? '';
  const series: CartesianSeries[] = settings.yFields.map((y) => ({
    type: settings.kind === 'area' ? 'line' : settings.kind,
    encode: { xRef: { field: x }, yRef: { field: y } },
    ...(settings.stacked && settings.kind !== 'scatter' ? { stack: STACK } : {}),
    ...(settings.kind === 'area' ? { areaStyle: {} } : {}),
  }));
  const config: CartesianChart = {
    layout: { ...(settings.xField ? { xField: settings.xField } : {}), yField: settings.yFields },
    eChartsConfig: {
      series,
      ...(settings.xAxisName ? { xAxis: [{ name: settings.xAxisName }] } : {}),
      ...(settings.yAxisName ? { yAxis: [{ name: settings.yAxisName }] } : {}),
    },
  };
  return { type: 'cartesian', config };
};

/** The fields a config draws, in the order a new kind should take them. */
const measuresOf = (chart: ChartConfig): string[] => {
  switch (chart.type) {
    case 'cartesian':
      return cartesianSettings(chart).yFields;
    case 'pie':
      return chart.config?.metricId ? [chart.config.metricId] : [];
    case 'funnel':
      return chart.config?.fieldId ? [chart.config.fieldId] : [];
    case 'big_number':
      return chart.config?.selectedField ? [chart.config.selectedField] : [];
    case 'table':
      return [];
  }
};

const dimensionOf = (chart: ChartConfig): string | undefined =>
  chart.type === 'cartesian' ? chart.config?.layout.xField : chart.type === 'pie' ? chart.config?.groupFieldIds?.[0] : undefined;

/** Another kind of chart, keeping the x field and measures that carry over. */
export const withKind = (chart: ChartConfig, kind: ChartKind): ChartConfig => {
  const measures = measuresOf(chart);
  const dimension = dimensionOf(chart);
  if (isCartesianKind(kind)) {
    const current = chart.type === 'cartesian' ? cartesianSettings(chart) : undefined;
    return cartesianConfig({
      kind,
      xField: dimension,
      yFields: measures,
      stacked: current?.stacked ?? false,
      xAxisName: current?.xAxisName ?? '',
      yAxisName: current?.yAxisName ?? '',
    });
  }
  switch (kind) {
    case 'pie':
      return { type: 'pie', config: { ...(dimension ? { groupFieldIds: [dimension] } : {}), ...(measures[0] ? { metricId: measures[0] } : {}), isDonut: false, valueLabel: 'outside' } };
    case 'funnel':
      return { type: 'funnel', config: { dataInput: 'row', ...(measures[0] ? { fieldId: measures[0] } : {}) } };
    case 'big_number':
      return { type: 'big_number', config: measures[0] ? { selectedField: measures[0] } : {} };
    case 'table':
      return { type: 'table', config: { showTableNames: false } };
  }
};

export const defaultChart = (): ChartConfig => cartesianConfig({ kind: 'bar', xField: undefined, yFields: [], stacked: false, xAxisName: '', yAxisName: '' });

const pick = (chosen: string | undefined, allowed: string[]): string | undefined => (chosen !== undefined && allowed.includes(chosen) ? chosen : allowed[0]);

/**
 * The config with every blank or stale choice filled from the query: the x axis is the chosen
 * dimension (else the first one that is not the group-by), the y fields the chosen measures still
 * in the query (else all of them), a pie's group and metric, a funnel's and a big number's field.
 */
export const resolveChart = (chart: ChartConfig, columns: QueryColumns, pivot: string | undefined): ChartConfig => {
  const measures = [...columns.metrics, ...columns.calculations];
  switch (chart.type) {
    case 'cartesian': {
      const settings = cartesianSettings(chart);
      const xCandidates = columns.dimensions.filter((d) => d !== pivot);
      const yFields = settings.yFields.filter((y) => measures.includes(y));
      return cartesianConfig({ ...settings, xField: pick(settings.xField, xCandidates), yFields: yFields.length > 0 ? yFields : measures });
    }
    case 'pie': {
      const group = pick(chart.config?.groupFieldIds?.[0], columns.dimensions);
      const metric = pick(chart.config?.metricId, measures);
      return { type: 'pie', config: { ...chart.config, ...(group ? { groupFieldIds: [group] } : {}), ...(metric ? { metricId: metric } : {}) } };
    }
    case 'funnel': {
      const field = pick(chart.config?.fieldId, measures);
      return { type: 'funnel', config: { dataInput: 'row', ...chart.config, ...(field ? { fieldId: field } : {}) } };
    }
    case 'big_number': {
      const field = pick(chart.config?.selectedField, [...measures, ...columns.dimensions]);
      return { type: 'big_number', config: { ...chart.config, ...(field ? { selectedField: field } : {}) } };
    }
    case 'table':
      return chart;
  }
};
