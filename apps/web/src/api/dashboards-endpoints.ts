import type { CompiledDimension, ConditionalOperator, FilterRule } from '@tessera/core';
import { apiGet, apiPost, apiRequest } from './api-client.js';
import type { QueryResults } from './types.js';
import type { SpaceShare, UserRef } from './spaces-endpoints.js';

/** Dashboards (getDashboards, createDashboard, getDashboard, updateDashboard, deleteDashboard) and PostDashboardTile. */

export type FieldTarget = { fieldId: string; tableName: string };

/** DashboardFilterRule: a filter rule plus, per tile uuid, `false` (not applied) or another field. */
export type DashboardFilterRule = {
  id: string;
  target: FieldTarget;
  operator: ConditionalOperator;
  values?: unknown[];
  settings?: FilterRule['settings'];
  disabled?: boolean;
  required?: boolean;
  label?: string;
  tileTargets?: Record<string, FieldTarget | false>;
};

export type DashboardFilters = { dimensions: DashboardFilterRule[]; metrics: DashboardFilterRule[]; tableCalculations: DashboardFilterRule[] };

type Place = { uuid: string; x: number; y: number; w: number; h: number; tabUuid?: string };

export type SavedChartTile = Place & {
  type: 'saved_chart';
  properties: {
    savedChartUuid: string | null;
    title?: string;
    hideTitle?: boolean;
    chartName: string | null;
    chartSlug?: string;
    lastVersionChartKind: string | null;
    belongsToDashboard: boolean;
  };
};
export type MarkdownTile = Place & { type: 'markdown'; properties: { title: string; content: string } };
export type LoomTile = Place & { type: 'loom'; properties: { title: string; url: string; hideTitle?: boolean } };
export type DashboardTile = SavedChartTile | MarkdownTile | LoomTile;
export type DashboardTab = { uuid: string; name: string; order: number };

/** Dashboard: getDashboard. `access` is the signed-in user's own share in its space. */
export type Dashboard = {
  organizationUuid: string;
  projectUuid: string;
  dashboardVersionId: number;
  uuid: string;
  name: string;
  description?: string;
  updatedAt: string;
  updatedByUser?: UserRef;
  tiles: DashboardTile[];
  filters: DashboardFilters;
  tabs: DashboardTab[];
  spaceUuid: string;
  spaceName: string;
  views: number;
  firstViewedAt: string | null;
  pinnedListUuid: string | null;
  pinnedListOrder: number | null;
  isPrivate: boolean | null;
  access: SpaceShare[];
  slug: string;
  config?: { isDateZoomDisabled: boolean };
};

/** DashboardBasicDetailsWithTileTypes: getDashboards. */
export type DashboardSummary = {
  uuid: string;
  name: string;
  description?: string;
  updatedAt: string;
  updatedByUser?: UserRef;
  projectUuid: string;
  organizationUuid: string;
  spaceUuid: string;
  views: number;
  firstViewedAt: string | null;
  pinnedListUuid: string | null;
  pinnedListOrder: number | null;
  tileTypes: string[];
};

/** A tile as the API takes it: the chart's own details (name, kind…) are not sent. */
export type TileInput =
  | (Place & { type: 'saved_chart'; properties: { savedChartUuid: string | null; title?: string; hideTitle?: boolean } })
  | (Place & { type: 'markdown'; properties: { title: string; content: string } })
  | (Place & { type: 'loom'; properties: { title: string; url: string; hideTitle?: boolean } });

export type CreateDashboard = { name: string; description?: string; spaceUuid?: string; tiles: TileInput[]; tabs: DashboardTab[] };
export type UpdateDashboard = { name?: string; description?: string; spaceUuid?: string; tiles?: TileInput[]; filters?: DashboardFilters; tabs?: DashboardTab[] };

/** PostDashboardTile's answer: the run's results plus the dashboard rules that reached the tile. */
export type TileResults = QueryResults & { appliedDashboardFilters: Partial<DashboardFilters> };

const dashboard = (uuid: string) => `/dashboards/${encodeURIComponent(uuid)}`;

export const listDashboards = (projectUuid: string, signal?: AbortSignal) =>
  apiGet<DashboardSummary[]>(`/projects/${encodeURIComponent(projectUuid)}/dashboards`, signal);
export const getDashboard = (uuid: string, signal?: AbortSignal) => apiGet<Dashboard>(dashboard(uuid), signal);
export const createDashboard = (projectUuid: string, body: CreateDashboard) => apiPost<Dashboard>(`/projects/${encodeURIComponent(projectUuid)}/dashboards`, body);
export const updateDashboard = (uuid: string, body: UpdateDashboard) => apiRequest<Dashboard>('PATCH', dashboard(uuid), { body });
export const deleteDashboard = (uuid: string) => apiRequest<undefined>('DELETE', dashboard(uuid));

export const runDashboardTile = (
  chartUuid: string,
  body: { dashboardUuid: string; tileUuid?: string; dashboardFilters: DashboardFilters; dashboardSorts: { fieldId: string; descending: boolean }[] },
  signal?: AbortSignal,
) => apiPost<TileResults>(`/saved/${encodeURIComponent(chartUuid)}/chart-and-results`, body, signal);

/** The dimensions a dashboard filter can use on a chart's tile (the anchor's availableFilters). */
export const getChartAvailableFilters = (chartUuid: string, signal?: AbortSignal) =>
  apiGet<CompiledDimension[]>(`/saved/${encodeURIComponent(chartUuid)}/availableFilters`, signal);
