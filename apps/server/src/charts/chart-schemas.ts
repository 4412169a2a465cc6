import type { MetricQuery } from '@tessera/core';
import { z } from 'zod';
import { metricQuerySchema } from '../query/metric-query-schemas.js';
import { chartConfigSchema, pivotConfigSchema, tableConfigSchema, type ChartConfig, type PivotConfig, type TableConfig } from './chart-config.js';

/**
 * Request and response shapes of the chart routes. Bodies follow the anchor's `CreateSavedChart`,
 * `UpdateSavedChart` and `CreateSavedChartVersion`; unknown keys are dropped, except that a
 * metadata update refuses content keys (they belong to a new version).
 */

const name = z.string().trim().min(1).max(255);
const description = z.string().max(10_000).nullable();
const uuid = z.guid();

const contentShape = {
  tableName: z.string().min(1).max(1024),
  metricQuery: metricQuerySchema,
  chartConfig: chartConfigSchema,
  tableConfig: tableConfigSchema,
  pivotConfig: pivotConfigSchema.nullable().optional(),
};

export type ChartContentBody = {
  tableName: string;
  metricQuery: MetricQuery;
  chartConfig: ChartConfig;
  tableConfig: TableConfig;
  pivotConfig?: PivotConfig | null | undefined;
};

export type CreateChartBody = ChartContentBody & {
  name: string;
  description?: string | null | undefined;
  spaceUuid?: string | null | undefined;
  dashboardUuid?: string | null | undefined;
};

/** `CreateSavedChart`: in a space (`spaceUuid`, or the first space the user may edit) or in a dashboard (`dashboardUuid`). */
export const createChartSchema = z
  .object({ name, description: description.optional(), spaceUuid: uuid.nullable().optional(), dashboardUuid: uuid.nullable().optional(), ...contentShape })
  .refine((b) => !(b.spaceUuid && b.dashboardUuid), {
    message: 'send spaceUuid (a chart in a space) or dashboardUuid (a chart saved in a dashboard), not both',
    path: ['dashboardUuid'],
  }) as unknown as z.ZodType<CreateChartBody>;

export type SaveVersionBody = ChartContentBody & { description?: string | null | undefined };

/** `CreateSavedChartVersion`: new content (and optionally a new description). */
export const saveVersionSchema = z.object({ description: description.optional(), ...contentShape }) as unknown as z.ZodType<SaveVersionBody>;

const CONTENT_KEYS = ['tableName', 'metricQuery', 'chartConfig', 'tableConfig', 'pivotConfig'] as const;

export type UpdateChartBody = { name?: string | undefined; description?: string | null | undefined; spaceUuid?: string | undefined };

/** `UpdateSavedChart`: name, description, space. */
export const updateChartSchema = z
  .looseObject({ name: name.optional(), description: description.optional(), spaceUuid: uuid.optional() })
  .superRefine((body, ctx) => {
    for (const key of CONTENT_KEYS) {
      if (key in body) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a chart’s query and visualisation change by saving a new version: POST them to /api/v1/saved/{chartUuid}/version',
        });
      }
    }
  })
  .transform((b): UpdateChartBody => ({ name: b.name, description: b.description, spaceUuid: b.spaceUuid }));

/** The anchor's `UpdateMultipleSavedChart[]`. */
export const updateManyChartsSchema = z
  .array(z.object({ uuid, name: name.optional(), description: description.optional(), spaceUuid: uuid.optional() }))
  .min(1)
  .max(1000);

const userRef = z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string() });

export const savedChartSchema = z
  .object({
    uuid: z.string(),
    projectUuid: z.string(),
    organizationUuid: z.string(),
    name: z.string(),
    description: z.string().optional(),
    tableName: z.string(),
    metricQuery: z.unknown().meta({ description: 'MetricQuery' }),
    chartConfig: z.unknown().meta({ description: 'ChartConfig, as saved' }),
    tableConfig: z.unknown().meta({ description: '{columnOrder}, as saved' }),
    pivotConfig: z.unknown().optional().meta({ description: '{columns}, as saved' }),
    updatedAt: z.string(),
    updatedByUser: userRef.optional(),
    spaceUuid: z.string(),
    spaceName: z.string(),
    dashboardUuid: z.string().nullable(),
    dashboardName: z.string().nullable(),
    pinnedListUuid: z.string().nullable(),
    pinnedListOrder: z.number().nullable(),
    colorPalette: z.array(z.string()),
    isPrivate: z.boolean(),
    access: z.array(
      z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), role: z.enum(['viewer', 'editor', 'admin']), hasDirectAccess: z.boolean() }),
    ),
    slug: z.string(),
  })
  .meta({ id: 'SavedChart' });

export const chartSummarySchema = z
  .object({
    uuid: z.string(),
    name: z.string(),
    description: z.string().optional(),
    spaceUuid: z.string(),
    spaceName: z.string(),
    projectUuid: z.string(),
    organizationUuid: z.string(),
    pinnedListUuid: z.string().nullable(),
    dashboardUuid: z.string().nullable(),
    dashboardName: z.string().nullable(),
    slug: z.string(),
    chartType: z.string().optional(),
    chartKind: z.string().optional(),
    source: z.literal('dbt_explore'),
  })
  .meta({ id: 'ChartSummary' });

export const spaceQuerySchema = chartSummarySchema
  .extend({
    updatedAt: z.string(),
    updatedByUser: userRef.optional(),
    pinnedListOrder: z.number().nullable(),
    views: z.number(),
    firstViewedAt: z.string().nullable(),
  })
  .meta({ id: 'SpaceQuery' });

export const versionSummarySchema = z.object({ chartUuid: z.string(), versionUuid: z.string(), createdAt: z.string(), createdBy: userRef.nullable() });

export const chartVersionSchema = versionSummarySchema.extend({ chart: savedChartSchema }).meta({ id: 'ChartVersion' });
