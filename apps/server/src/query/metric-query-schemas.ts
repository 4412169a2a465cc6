import {
  COMPACTS,
  CONDITIONAL_OPERATORS,
  DIMENSION_TYPES,
  FORMATS,
  METRIC_TYPES,
  TIME_FRAMES,
  UNITS_OF_TIME,
  type FilterGroup,
  type MetricQuery,
  type MetricQueryRequest,
} from '@tessera/core';
import { z } from 'zod';

/**
 * Request shapes of the 0.1411 `MetricQuery` family. They check structure (types, enums, required
 * keys); whether a field exists or an operator suits its type is the compiler's call (400). A
 * structural failure is a 422 ValidateError naming the path, like every other route. Unknown keys
 * are dropped, as the spec's `additionalProperties` allows clients to send them.
 */

/** Deeper filter trees are refused before parsing (recursion on a hostile body would exhaust the stack). */
export const MAX_FILTER_DEPTH = 20;

const fieldId = z.string().min(1).max(1024);
const name = z.string().min(1).max(1024);

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const filterSettings = z
  .object({ unitOfTime: z.enum(UNITS_OF_TIME).optional(), completed: z.boolean().optional() })
  .optional();

const filterRule = z.object({
  id: z.string().max(1024),
  target: z.object({ fieldId }),
  operator: z.enum(CONDITIONAL_OPERATORS),
  values: z.array(z.unknown()).max(10_000).optional(),
  settings: filterSettings,
  disabled: z.boolean().optional(),
  required: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
});

const metricFilterRule = z.object({
  id: z.string().max(1024),
  target: z.object({ fieldRef: z.string().min(1).max(1024) }),
  operator: z.enum(CONDITIONAL_OPERATORS),
  values: z.array(z.unknown()).max(10_000).default([]),
  settings: z.object({ unitOfTime: z.enum(UNITS_OF_TIME), completed: z.boolean().default(false) }).optional(),
  required: z.boolean().optional(),
});

const isGroup = (v: unknown): boolean => typeof v === 'object' && v !== null && ('and' in v || 'or' in v);

const filterGroup: z.ZodType<FilterGroup> = z.lazy(() => {
  // A group has `and` or `or`; anything else is a rule, so errors name the offending key of either.
  const item = z
    .unknown()
    .transform((v, ctx) => {
      const parsed = (isGroup(v) ? filterGroup : filterRule).safeParse(v);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
      return z.NEVER;
    })
    .meta({ description: 'A FilterGroup ({id, and} or {id, or}) or a FilterRule' });
  const items = z.array(item).max(1000);
  return z
    .object({ id: z.string().max(1024), and: items.optional(), or: items.optional() })
    .superRefine((g, ctx) => {
      if ((g.and === undefined) === (g.or === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'a filter group has exactly one of "and" or "or"' });
      }
    })
    .transform((g): FilterGroup => (g.and !== undefined ? { id: g.id, and: g.and } : { id: g.id, or: g.or ?? [] })) as unknown as z.ZodType<FilterGroup>;
});

/** How deeply filter groups nest in `value` (each filters key counts from 0), counted up to just past `limit`. */
const groupDepth = (value: unknown, limit: number): number => {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const level = isGroup(node) ? depth + 1 : depth;
    deepest = Math.max(deepest, level);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, level]);
  }
  return deepest;
};

/** `{dimensions?, metrics?, tableCalculations?}`, each a filter group (nesting depth bounded). */
const filters = z
  .unknown()
  .superRefine((v, ctx) => {
    if (groupDepth(v, MAX_FILTER_DEPTH) > MAX_FILTER_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `filter groups may be nested at most ${MAX_FILTER_DEPTH} levels deep`, abort: true });
    }
  })
  .pipe(
    z.object({
      dimensions: filterGroup.optional(),
      metrics: filterGroup.optional(),
      tableCalculations: filterGroup.optional(),
    }),
  )
  .meta({ description: 'Filters: {dimensions?, metrics?, tableCalculations?}, each a FilterGroup' });

const customFormat = z.object({
  type: z.enum(['default', 'percent', 'currency', 'number', 'id', 'date', 'timestamp']),
  round: z.number().int().min(0).max(20).optional(),
  separator: z.enum(['default', 'commaPeriod', 'spacePeriod', 'periodComma', 'noSeparatorPeriod']).optional(),
  currency: z.string().max(16).optional(),
  compact: z.enum(COMPACTS).optional(),
  prefix: z.string().max(256).optional(),
  suffix: z.string().max(256).optional(),
  timeInterval: z.enum(TIME_FRAMES).optional(),
});

const tableCalculation = z.object({
  name,
  displayName: z.string().max(1024),
  sql: z.string().min(1).max(65_536),
  format: customFormat.optional(),
  type: z.enum(['number', 'string', 'date', 'timestamp', 'boolean']).optional(),
  index: z.number().optional(),
});

const additionalMetric = z.object({
  table: name,
  name,
  type: z.enum(METRIC_TYPES),
  sql: z.string().min(1).max(65_536),
  label: z.string().max(1024).optional(),
  description: z.string().max(65_536).optional(),
  hidden: z.boolean().optional(),
  round: z.number().int().min(0).max(20).optional(),
  compact: z.enum(COMPACTS).optional(),
  format: z.enum(FORMATS).optional(),
  filters: z.array(metricFilterRule).max(1000).optional(),
  baseDimensionName: z.string().max(1024).optional(),
  uuid: z.string().max(1024).nullable().optional(),
  percentile: z.number().min(0).max(100).optional(),
  formatOptions: customFormat.optional(),
  index: z.number().optional(),
});

const customDimension = z.discriminatedUnion('type', [
  z.object({
    id: name,
    name,
    table: name,
    type: z.literal('bin'),
    dimensionId: fieldId,
    binType: z.enum(['fixed_number', 'fixed_width', 'custom_range']),
    binNumber: z.number().int().min(1).max(10_000).optional(),
    binWidth: z.number().positive().optional(),
    customRange: z.array(z.object({ from: z.number().optional(), to: z.number().optional() })).max(1000).optional(),
  }),
  z.object({
    id: name,
    name,
    table: name,
    type: z.literal('sql'),
    sql: z.string().min(1).max(65_536),
    dimensionType: z.enum(DIMENSION_TYPES),
  }),
]);

const metricQueryShape = {
  exploreName: z.string().max(1024),
  dimensions: z.array(fieldId).max(1000),
  metrics: z.array(fieldId).max(1000),
  filters,
  sorts: z.array(z.object({ fieldId, descending: z.boolean() })).max(1000),
  limit: z.number().int().min(0),
  tableCalculations: z.array(tableCalculation).max(1000),
  additionalMetrics: z.array(additionalMetric).max(1000).optional(),
  customDimensions: z.array(customDimension).max(1000).optional(),
  timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London or UTC').optional(),
  metadata: z.object({ hasADateDimension: z.object({ label: z.string(), name: z.string() }) }).optional(),
};

/** The body of CompileQuery: a `MetricQuery`. */
export const metricQuerySchema = z.object(metricQueryShape) as unknown as z.ZodType<MetricQuery>;

const requestShape = {
  ...metricQueryShape,
  granularity: z.enum(['Day', 'Week', 'Month', 'Quarter', 'Year']).optional(),
  csvLimit: z.number().int().min(0).optional(),
  /** Tessera: skip the results cache and refresh it with this run. */
  invalidateCache: z.boolean().optional(),
};

export type RunQueryBody = MetricQueryRequest & { invalidateCache?: boolean };

/** The body of RunMetricQuery / postRunUnderlyingDataQuery: `MetricQueryRequest` (+ `invalidateCache`). */
export const metricQueryRequestSchema = z.object(requestShape) as unknown as z.ZodType<RunQueryBody>;

/** CalculateTotalFromQuery: `{explore, metricQuery}`. */
export const calculateTotalSchema = z.object({
  explore: z.string().min(1).max(1024),
  metricQuery: metricQueryRequestSchema,
});

/** DownloadCsvFromExplore: a `MetricQuery` plus the file options. */
export type CsvOptions = {
  onlyRaw: boolean;
  showTableNames: boolean;
  columnOrder: string[];
  customLabels?: Record<string, string> | undefined;
  hiddenFields?: string[] | undefined;
  csvLimit?: number | null | undefined;
  chartName?: string | undefined;
  pivotColumns?: string[] | undefined;
};
export type DownloadCsvBody = MetricQuery & CsvOptions;

export const downloadCsvSchema = z.object({
  ...metricQueryShape,
  onlyRaw: z.boolean(),
  showTableNames: z.boolean(),
  columnOrder: z.array(fieldId).max(10_000),
  customLabels: z.record(z.string().max(1024), z.string().max(1024)).optional(),
  hiddenFields: z.array(fieldId).max(10_000).optional(),
  csvLimit: z.number().int().min(0).nullable().optional(),
  chartName: z.string().max(1024).optional(),
  pivotColumns: z.array(fieldId).max(1000).optional(),
}) as unknown as z.ZodType<DownloadCsvBody>;

export const sqlQuerySchema = z.object({ sql: z.string().min(1).max(1_000_000) });
