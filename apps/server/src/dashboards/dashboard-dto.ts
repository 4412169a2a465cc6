import { z } from 'zod';
import type { SpaceShareDto } from '../charts/saved-chart-dto.js';
import type { SpaceRow } from '../spaces/space-access.js';
import type { DashboardRecord, DashboardSummary, TileRecord } from './dashboard-repository.js';

/**
 * Response shapes: the spec's `Dashboard` and `DashboardBasicDetailsWithTileTypes`, and the mapping
 * from stored records. The schemas document the routes and are what the serializer sends (it drops
 * keys they do not name, so filter rules are loose objects: their extra keys come back).
 */

/** 0.1411's chart kinds (newer kinds are shown as null: the spec's enum does not know them). */
const CHART_KINDS = new Set(['line', 'horizontal_bar', 'vertical_bar', 'scatter', 'area', 'mixed', 'pie', 'table', 'big_number', 'funnel', 'custom']);

const updatedByUser = z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string() });
const place = { uuid: z.string(), x: z.number(), y: z.number(), w: z.number(), h: z.number(), tabUuid: z.string().optional() };
const tileSchema = z.union([
  z.object({
    ...place,
    type: z.literal('saved_chart'),
    properties: z.object({
      savedChartUuid: z.string().nullable(),
      title: z.string().optional(),
      hideTitle: z.boolean().optional(),
      chartName: z.string().nullable(),
      chartSlug: z.string().optional(),
      lastVersionChartKind: z.string().nullable(),
      belongsToDashboard: z.boolean(),
    }),
  }),
  z.object({ ...place, type: z.literal('markdown'), properties: z.object({ title: z.string(), content: z.string() }) }),
  z.object({ ...place, type: z.literal('loom'), properties: z.object({ title: z.string(), url: z.string(), hideTitle: z.boolean().optional() }) }),
]);
const ruleSchema = z.looseObject({ id: z.string(), target: z.looseObject({ fieldId: z.string(), tableName: z.string() }), operator: z.string() });
const filtersSchema = z.object({ dimensions: z.array(ruleSchema), metrics: z.array(ruleSchema), tableCalculations: z.array(ruleSchema) });

export const dashboardSchema = z
  .object({
    organizationUuid: z.string(),
    projectUuid: z.string(),
    dashboardVersionId: z.number(),
    uuid: z.string(),
    name: z.string(),
    description: z.string().optional(),
    updatedAt: z.string(),
    updatedByUser: updatedByUser.optional(),
    tiles: z.array(tileSchema),
    filters: filtersSchema,
    tabs: z.array(z.object({ uuid: z.string(), name: z.string(), order: z.number() })),
    spaceUuid: z.string(),
    spaceName: z.string(),
    views: z.number(),
    firstViewedAt: z.string().nullable(),
    pinnedListUuid: z.string().nullable(),
    pinnedListOrder: z.number().nullable(),
    isPrivate: z.boolean().nullable(),
    access: z.array(
      z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), role: z.enum(['viewer', 'editor', 'admin']), hasDirectAccess: z.boolean() }),
    ),
    slug: z.string(),
    config: z.object({ isDateZoomDisabled: z.boolean() }).optional(),
    parameters: z.record(z.string(), z.looseObject({ parameterName: z.string(), value: z.unknown() })).optional(),
  })
  .meta({ id: 'Dashboard' });
export type DashboardDto = z.infer<typeof dashboardSchema>;

export const dashboardSummarySchema = z
  .object({
    uuid: z.string(),
    name: z.string(),
    description: z.string().optional(),
    updatedAt: z.string(),
    updatedByUser: updatedByUser.optional(),
    projectUuid: z.string(),
    organizationUuid: z.string(),
    spaceUuid: z.string(),
    views: z.number(),
    firstViewedAt: z.string().nullable(),
    pinnedListUuid: z.string().nullable(),
    pinnedListOrder: z.number().nullable(),
    tileTypes: z.array(z.enum(['saved_chart', 'sql_chart', 'semantic_viewer_chart', 'markdown', 'loom'])),
  })
  .meta({ id: 'DashboardBasicDetailsWithTileTypes' });
export type DashboardSummaryDto = z.infer<typeof dashboardSummarySchema>;

const toTileDto = (tile: TileRecord, dashboardUuid: string): DashboardDto['tiles'][number] => {
  const place = { uuid: tile.uuid, x: tile.x, y: tile.y, w: tile.w, h: tile.h, ...(tile.tabUuid !== null ? { tabUuid: tile.tabUuid } : {}) };
  const p = tile.properties;
  switch (tile.type) {
    case 'saved_chart':
      return {
        ...place,
        type: 'saved_chart',
        properties: {
          savedChartUuid: tile.savedChartUuid,
          ...(typeof p.title === 'string' ? { title: p.title } : {}),
          ...(typeof p.hideTitle === 'boolean' ? { hideTitle: p.hideTitle } : {}),
          chartName: tile.chart?.name ?? null,
          ...(tile.chart ? { chartSlug: tile.chart.slug } : {}),
          lastVersionChartKind: tile.chart && CHART_KINDS.has(tile.chart.kind) ? tile.chart.kind : null,
          belongsToDashboard: tile.chart?.dashboardUuid === dashboardUuid,
        },
      };
    case 'markdown':
      return { ...place, type: 'markdown', properties: { title: String(p.title ?? ''), content: String(p.content ?? '') } };
    case 'loom':
      return {
        ...place,
        type: 'loom',
        properties: { title: String(p.title ?? ''), url: String(p.url ?? ''), ...(typeof p.hideTitle === 'boolean' ? { hideTitle: p.hideTitle } : {}) },
      };
  }
};

/**
 * The spec's `Dashboard`. `access` is the requesting user's own `SpaceShare` in the dashboard's
 * space (as the anchor answers, and as SavedChart does here); everyone's is GetSpace's answer.
 */
export const toDashboardDto = (d: DashboardRecord, space: SpaceRow, access: SpaceShareDto[]): DashboardDto => ({
  organizationUuid: space.organizationUuid,
  projectUuid: d.projectUuid,
  dashboardVersionId: d.version,
  uuid: d.dashboardUuid,
  name: d.name,
  ...(d.description !== null ? { description: d.description } : {}),
  updatedAt: d.updatedAt.toISOString(),
  ...(d.updatedByUser ? { updatedByUser: d.updatedByUser } : {}),
  tiles: d.tiles.map((t) => toTileDto(t, d.dashboardUuid)),
  filters: d.filters,
  tabs: d.tabs,
  spaceUuid: d.spaceUuid,
  spaceName: space.name,
  views: d.views,
  firstViewedAt: d.firstViewedAt?.toISOString() ?? null,
  pinnedListUuid: d.pin?.pinnedListUuid ?? null,
  pinnedListOrder: d.pin?.pinnedListOrder ?? null,
  isPrivate: space.isPrivate,
  access,
  slug: d.slug,
  ...(d.config ? { config: d.config } : {}),
  ...(d.parameters ? { parameters: d.parameters } : {}),
});

export const toDashboardSummaryDto = (d: DashboardSummary, organizationUuid: string): DashboardSummaryDto => ({
  uuid: d.dashboardUuid,
  name: d.name,
  ...(d.description !== null ? { description: d.description } : {}),
  updatedAt: d.updatedAt.toISOString(),
  ...(d.updatedByUser ? { updatedByUser: d.updatedByUser } : {}),
  projectUuid: d.projectUuid,
  organizationUuid,
  spaceUuid: d.spaceUuid,
  views: d.views,
  firstViewedAt: d.firstViewedAt?.toISOString() ?? null,
  pinnedListUuid: d.pin?.pinnedListUuid ?? null,
  pinnedListOrder: d.pin?.pinnedListOrder ?? null,
  tileTypes: d.tileTypes,
});
