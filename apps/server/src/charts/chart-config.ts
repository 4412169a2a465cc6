import { z } from 'zod';

/**
 * A chart's visualisation (`chartConfig`), table layout (`tableConfig`) and pivot (`pivotConfig`),
 * as the 0.1411 spec and newer clients send them. They are checked loosely — the discriminating
 * `type`, and the structure of the keys a renderer relies on — and then stored exactly as sent:
 * the schemas below validate but give back the original value, so unknown keys (newer clients'
 * options) and key order survive a round trip.
 */

/** The 0.1411 `ChartType`s, then the newer ones (treemap, gauge, map, sankey). */
export const CHART_TYPES = ['cartesian', 'table', 'big_number', 'pie', 'funnel', 'custom', 'treemap', 'gauge', 'map', 'sankey'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export type ChartConfig = { type: ChartType; config?: Record<string, unknown> };
export type TableConfig = { columnOrder: string[] } & Record<string, unknown>;
export type PivotConfig = { columns: string[] } & Record<string, unknown>;

const text = z.string().max(10_000);
const fieldIds = z.array(z.string().max(1024)).max(10_000);
const loose = z.looseObject({});
const stringMap = z.record(z.string(), z.string().max(10_000));

const pivotReference = z.looseObject({ field: text, pivotValues: z.array(z.looseObject({ field: text, value: z.unknown() })).optional() });

const series = z.looseObject({
  type: z.enum(['line', 'bar', 'scatter', 'area']),
  encode: z.looseObject({ xRef: pivotReference, yRef: pivotReference }),
  stack: text.optional(),
  yAxisIndex: z.number().optional(),
  hidden: z.boolean().optional(),
  areaStyle: loose.optional(),
  markLine: z.looseObject({ data: z.array(loose) }).optional(),
});

const cartesian = z.looseObject({
  layout: z.looseObject({ xField: text.optional(), yField: fieldIds.optional(), flipAxes: z.boolean().optional() }),
  eChartsConfig: z.looseObject({
    series: z.array(series).max(10_000).optional(),
    xAxis: z.array(loose).optional(),
    yAxis: z.array(loose).optional(),
    legend: loose.optional(),
    grid: loose.optional(),
  }),
  metadata: z.record(z.string(), loose).optional(),
});

const table = z.looseObject({
  columns: z.record(z.string(), loose).optional(),
  conditionalFormattings: z.array(loose).optional(),
  showTableNames: z.boolean().optional(),
});

const bigNumber = z.looseObject({
  label: text.optional(),
  selectedField: text.optional(),
  comparisonFormat: z.enum(['raw', 'percentage']).optional(),
  showComparison: z.boolean().optional(),
});

const pie = z.looseObject({
  groupFieldIds: fieldIds.optional(),
  metricId: text.optional(),
  isDonut: z.boolean().optional(),
  valueLabel: z.enum(['hidden', 'inside', 'outside']).optional(),
  groupLabelOverrides: stringMap.optional(),
  groupColorOverrides: stringMap.optional(),
  groupValueOptionOverrides: z.record(z.string(), loose).optional(),
  groupSortOverrides: fieldIds.optional(),
  legendPosition: z.enum(['horizontal', 'vertical']).optional(),
});

const funnel = z.looseObject({
  dataInput: z.enum(['row', 'column']).optional(),
  fieldId: text.optional(),
  labelOverrides: stringMap.optional(),
  colorOverrides: stringMap.optional(),
  labels: z.looseObject({ position: z.enum(['inside', 'left', 'right', 'hidden']).optional() }).optional(),
  legendPosition: z.enum(['horizontal', 'vertical']).optional(),
});

const custom = z.looseObject({ spec: loose.optional() });

const configByType: Record<ChartType, z.ZodType> = {
  cartesian,
  table,
  big_number: bigNumber,
  pie,
  funnel,
  custom,
  treemap: loose,
  gauge: loose,
  map: loose,
  sankey: loose,
};

const chartConfigShape = z.looseObject({ type: z.enum(CHART_TYPES), config: loose.optional() }).superRefine((value, ctx) => {
  if (value.config === undefined) return;
  const parsed = configByType[value.type].safeParse(value.config);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['config', ...issue.path] } as never);
});

/** Checks `value` against `shape` and, when it fits, yields `value` itself (not zod's copy). */
const keepingOriginal = <T>(shape: z.ZodType, description: string) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      const parsed = shape.safeParse(value);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
    })
    .transform((value) => value as T)
    .meta({ description });

export const chartConfigSchema = keepingOriginal<ChartConfig>(
  chartConfigShape,
  'ChartConfig: {type, config?} — cartesian, table, big_number, pie, funnel, custom (0.1411), treemap, gauge, map, sankey (newer); stored as sent',
);

export const tableConfigSchema = keepingOriginal<TableConfig>(z.looseObject({ columnOrder: fieldIds }), '{columnOrder: string[]}');

export const pivotConfigSchema = keepingOriginal<PivotConfig>(z.looseObject({ columns: fieldIds }), '{columns: string[]}');
