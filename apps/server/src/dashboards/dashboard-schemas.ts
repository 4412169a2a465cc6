import { CONDITIONAL_OPERATORS, UNITS_OF_TIME } from '@tessera/core';
import { z } from 'zod';
import type { DashboardFilterRule, DashboardFilters } from './dashboard-filters.js';

/**
 * Request shapes of the dashboard routes (0.1411 `CreateDashboard`, `UpdateMultipleDashboards`, the
 * non-spec `UpdateDashboard`, PostDashboardTile's body) and the response shapes. Structure only
 * (422 naming the path); the grid and the tiles' charts are checked by the service (400). Filter
 * rules keep keys they do not know (the spec's rules allow them) and come back as they were sent.
 */

const name = z.string().trim().min(1).max(255);
const description = z.string().max(10_000);
const text = z.string().max(1024);
const fieldTarget = z.looseObject({ fieldId: z.string().min(1).max(1024), tableName: z.string().max(1024) });

const dashboardFilterRule = z.looseObject({
  id: z.string().max(1024),
  target: fieldTarget,
  operator: z.enum(CONDITIONAL_OPERATORS),
  values: z.array(z.unknown()).max(10_000).optional(),
  settings: z
    .looseObject({ unitOfTime: z.enum(UNITS_OF_TIME).optional(), completed: z.boolean().optional() })
    .nullish()
    .transform((s) => s ?? undefined),
  disabled: z.boolean().optional(),
  required: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  label: text.optional(),
  tileTargets: z.record(z.string().max(255), z.union([z.literal(false), fieldTarget])).optional(),
}) as unknown as z.ZodType<DashboardFilterRule>;

const rules = z.array(dashboardFilterRule).max(1000);

/** `DashboardFilters`; a missing list is an empty one. */
export const dashboardFiltersSchema = z
  .object({ dimensions: rules.default([]), metrics: rules.default([]), tableCalculations: rules.default([]) })
  .meta({ id: 'DashboardFilters' }) as unknown as z.ZodType<DashboardFilters>;

const httpUrl = z
  .string()
  .max(2048)
  .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), 'must be an http(s) URL');

const tilePlace = {
  uuid: z.guid().optional(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  tabUuid: z.guid().nullish(),
};

const tileInput = z.discriminatedUnion('type', [
  z.object({
    ...tilePlace,
    type: z.literal('saved_chart'),
    // chartName, chartSlug, lastVersionChartKind and belongsToDashboard come from the chart: ignored here.
    properties: z.object({ savedChartUuid: z.guid().nullable(), title: text.optional(), hideTitle: z.boolean().optional() }),
  }),
  z.object({ ...tilePlace, type: z.literal('markdown'), properties: z.object({ title: text, content: z.string().max(1_000_000) }) }),
  z.object({ ...tilePlace, type: z.literal('loom'), properties: z.object({ title: text, url: httpUrl, hideTitle: z.boolean().optional() }) }),
  // Refused by the service with a clear 400 (no SQL or semantic-viewer charts exist here).
  z.object({ ...tilePlace, type: z.literal('sql_chart'), properties: z.record(z.string(), z.unknown()) }),
  z.object({ ...tilePlace, type: z.literal('semantic_viewer_chart'), properties: z.record(z.string(), z.unknown()) }),
]);
export type TileInput = z.infer<typeof tileInput>;

const tab = z.object({ uuid: z.guid(), name: text, order: z.number() });
export type TabInput = z.infer<typeof tab>;

const config = z.object({ isDateZoomDisabled: z.boolean() });
const parameterValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.union([z.string().max(10_000), z.number()])).max(10_000)]);
const parameters = z.record(z.string().max(255), z.looseObject({ parameterName: z.string().max(255), value: parameterValue }));

/** The versioned part of a dashboard: each key present replaces the stored value. */
const versionedShape = {
  tiles: z.array(tileInput).max(1000),
  filters: dashboardFiltersSchema,
  tabs: z.array(tab).max(100),
  config,
  parameters,
};

export const createDashboardSchema = z.object({
  name,
  description: description.optional(),
  spaceUuid: z.guid().optional(),
  tiles: versionedShape.tiles,
  tabs: versionedShape.tabs.default([]),
  filters: versionedShape.filters.optional(),
  config: config.optional(),
  parameters: parameters.optional(),
});
export type CreateDashboardInput = z.infer<typeof createDashboardSchema>;

/** `?duplicateFrom=<uuid>` body (`DuplicateDashboardParams`). */
export const duplicateDashboardSchema = z.object({ dashboardName: name, dashboardDesc: description });
export type DuplicateDashboardInput = z.infer<typeof duplicateDashboardSchema>;

export const updateDashboardSchema = z.object({
  name: name.optional(),
  description: description.optional(),
  spaceUuid: z.guid().optional(),
  tiles: versionedShape.tiles.optional(),
  filters: versionedShape.filters.optional(),
  tabs: versionedShape.tabs.optional(),
  config: config.optional(),
  parameters: parameters.optional(),
});
export type UpdateDashboardInput = z.infer<typeof updateDashboardSchema>;

export const updateDashboardsSchema = z
  .array(z.object({ uuid: z.guid(), name, description: description.optional(), spaceUuid: z.guid() }))
  .min(1)
  .max(1000);
export type UpdateDashboardsInput = z.infer<typeof updateDashboardsSchema>;

/** PostDashboardTile's body (+ Tessera `tileUuid`: which tile of the dashboard, when a chart is on several). */
export const dashboardTileQuerySchema = z.object({
  dashboardUuid: z.string().min(1).max(255),
  dashboardFilters: dashboardFiltersSchema,
  dashboardSorts: z.array(z.object({ fieldId: z.string().min(1).max(1024), descending: z.boolean() })).max(1000),
  granularity: z.enum(['Day', 'Week', 'Month', 'Quarter', 'Year']).optional(),
  invalidateCache: z.boolean().optional(),
  autoRefresh: z.boolean().optional(),
  tileUuid: z.guid().optional(),
});
export type DashboardTileQueryInput = z.infer<typeof dashboardTileQuerySchema>;
