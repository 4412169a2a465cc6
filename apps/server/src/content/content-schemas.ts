import { z } from 'zod';
import type { ChartSummary, DashboardSummary, SpaceCounts } from './content-summary-repository.js';
import type { PinStatus } from './pinned-list-repository.js';
import type { SpaceRow } from '../spaces/space-access.js';

/**
 * Zod shapes of the spec's pinned-item and listing components, and the mappers from summaries.
 * Optional spec fields are left out rather than sent as null (`description`, `updatedByUser`).
 */

const user = z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string() });
const pinFields = { pinnedListUuid: z.string().nullable(), pinnedListOrder: z.number().nullable() };
const viewFields = { views: z.number(), firstViewedAt: z.iso.datetime().nullable() };

const chartData = z.object({
  uuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  spaceUuid: z.string(),
  slug: z.string(),
  updatedAt: z.iso.datetime(),
  updatedByUser: user.optional(),
  chartKind: z.string(),
  chartType: z.string(),
  source: z.literal('dbt_explore'),
  ...pinFields,
  ...viewFields,
});
const dashboardData = z.object({
  uuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  spaceUuid: z.string(),
  updatedAt: z.iso.datetime(),
  updatedByUser: user.optional(),
  ...pinFields,
  ...viewFields,
});
const spaceData = z.object({
  uuid: z.string(),
  name: z.string(),
  projectUuid: z.string(),
  organizationUuid: z.string(),
  isPrivate: z.boolean(),
  chartCount: z.number(),
  dashboardCount: z.number(),
  access: z.array(z.string()),
  accessListLength: z.number(),
  ...pinFields,
});

export const pinnedItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chart'), data: chartData }),
  z.object({ type: z.literal('dashboard'), data: dashboardData }),
  z.object({ type: z.literal('space'), data: spaceData }),
]);
export const pinnedItemsSchema = z.array(pinnedItemSchema).meta({ id: 'PinnedItems' });
export type PinnedItem = z.infer<typeof pinnedItemSchema>;

export const togglePinnedItemInfoSchema = z
  .object({ pinnedListUuid: z.string(), projectUuid: z.string(), spaceUuid: z.string(), isPinned: z.boolean() })
  .meta({ id: 'TogglePinnedItemInfo' });

/** The spec's `SpaceQuery` (a chart in a listing) and `DashboardBasicDetails`. */
const spaceQuery = chartData.omit({ source: true }).extend({
  projectUuid: z.string(),
  organizationUuid: z.string(),
  spaceName: z.string(),
  dashboardUuid: z.string().nullable(),
  dashboardName: z.string().nullable(),
  source: z.literal('dbt_explore'),
});
const dashboardBasicDetails = dashboardData.extend({ projectUuid: z.string(), organizationUuid: z.string() });
const listedItem = z.union([spaceQuery, dashboardBasicDetails]);
export const mostPopularAndRecentlyUpdatedSchema = z
  .object({ mostPopular: z.array(listedItem), recentlyUpdated: z.array(listedItem) })
  .meta({ id: 'MostPopularAndRecentlyUpdated' });
export type ListedItem = z.infer<typeof listedItem>;

const NOT_PINNED = { pinnedListUuid: null, pinnedListOrder: null };
const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const optional = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));

const chartFields = (c: ChartSummary, pin: PinStatus | undefined) => ({
  uuid: c.uuid,
  name: c.name,
  ...optional('description', c.description),
  spaceUuid: c.spaceUuid,
  slug: c.slug,
  updatedAt: c.updatedAt.toISOString(),
  ...optional('updatedByUser', c.updatedByUser),
  chartKind: c.chartKind,
  chartType: c.chartType,
  source: 'dbt_explore' as const,
  ...(pin ?? NOT_PINNED),
  views: c.views,
  firstViewedAt: iso(c.firstViewedAt),
});

const dashboardFields = (d: DashboardSummary, pin: PinStatus | undefined) => ({
  uuid: d.uuid,
  name: d.name,
  ...optional('description', d.description),
  spaceUuid: d.spaceUuid,
  updatedAt: d.updatedAt.toISOString(),
  ...optional('updatedByUser', d.updatedByUser),
  ...(pin ?? NOT_PINNED),
  views: d.views,
  firstViewedAt: iso(d.firstViewedAt),
});

export const chartItem = (c: ChartSummary, pin: PinStatus): PinnedItem => ({ type: 'chart', data: chartFields(c, pin) });
export const dashboardItem = (d: DashboardSummary, pin: PinStatus): PinnedItem => ({ type: 'dashboard', data: dashboardFields(d, pin) });
export const spaceItem = (s: SpaceRow, counts: SpaceCounts | undefined, pin: PinStatus): PinnedItem => ({
  type: 'space',
  data: {
    uuid: s.spaceUuid,
    name: s.name,
    projectUuid: s.projectUuid,
    organizationUuid: s.organizationUuid,
    isPrivate: s.isPrivate,
    chartCount: counts?.chartCount ?? 0,
    dashboardCount: counts?.dashboardCount ?? 0,
    access: counts?.access ?? [],
    accessListLength: counts?.access.length ?? 0,
    ...pin,
  },
});

export const listedChart = (c: ChartSummary, pin: PinStatus | undefined): ListedItem => ({
  ...chartFields(c, pin),
  projectUuid: c.projectUuid,
  organizationUuid: c.organizationUuid,
  spaceName: c.spaceName,
  dashboardUuid: c.dashboardUuid,
  dashboardName: c.dashboardName,
});
export const listedDashboard = (d: DashboardSummary, pin: PinStatus | undefined): ListedItem => ({
  ...dashboardFields(d, pin),
  projectUuid: d.projectUuid,
  organizationUuid: d.organizationUuid,
});
