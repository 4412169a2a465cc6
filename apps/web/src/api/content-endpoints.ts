import { apiGet, apiRequest } from './api-client.js';
import type { SpaceDashboard, SpaceQuery } from './spaces-endpoints.js';

/** Home-page content: the project's pinned list, the most popular and recently updated charts and dashboards, the project's charts. */

type PinnedSpace = {
  uuid: string;
  name: string;
  projectUuid: string;
  organizationUuid: string;
  isPrivate: boolean;
  chartCount: number;
  dashboardCount: number;
};

/** PinnedItems: each a chart, a dashboard or a space, in list order. */
export type PinnedItem =
  | { type: 'chart'; data: Omit<SpaceQuery, 'spaceName' | 'projectUuid' | 'organizationUuid' | 'dashboardUuid' | 'dashboardName'> }
  | { type: 'dashboard'; data: Omit<SpaceDashboard, 'projectUuid' | 'organizationUuid'> }
  | { type: 'space'; data: PinnedSpace };

/** A chart (it has `chartKind`) or a dashboard in a listing. */
export type ListedContent = SpaceQuery | SpaceDashboard;
export const isChart = (item: ListedContent): item is SpaceQuery => 'chartKind' in item;

export type MostPopularAndRecentlyUpdated = { mostPopular: ListedContent[]; recentlyUpdated: ListedContent[] };

/** GetProject, for its `pinnedListUuid` (absent until something is pinned). */
export type ProjectDetails = { projectUuid: string; name: string; organizationUuid: string; pinnedListUuid?: string };

const project = (projectUuid: string) => `/projects/${encodeURIComponent(projectUuid)}`;

export const getProjectDetails = (projectUuid: string, signal?: AbortSignal) => apiGet<ProjectDetails>(project(projectUuid), signal);
export const getPinnedItems = (projectUuid: string, pinnedListUuid: string, signal?: AbortSignal) =>
  apiGet<PinnedItem[]>(`${project(projectUuid)}/pinned-lists/${encodeURIComponent(pinnedListUuid)}/items`, signal);
export const getMostPopularAndRecentlyUpdated = (projectUuid: string, signal?: AbortSignal) =>
  apiGet<MostPopularAndRecentlyUpdated>(`${project(projectUuid)}/most-popular-and-recently-updated`, signal);
/** ListChartsInProject: the charts a dashboard tile can show (charts saved in dashboards left out). */
export const listProjectCharts = (projectUuid: string, signal?: AbortSignal) => apiGet<SpaceQuery[]>(`${project(projectUuid)}/charts`, signal);

/** TogglePinnedItemInfo: what a pin toggle did. */
export type TogglePinnedItemInfo = { pinnedListUuid: string; projectUuid: string; spaceUuid: string; isPinned: boolean };

export const toggleDashboardPinning = (dashboardUuid: string) =>
  apiRequest<TogglePinnedItemInfo>('PATCH', `/dashboards/${encodeURIComponent(dashboardUuid)}/pinning`);
export const toggleSpacePinning = (projectUuid: string, spaceUuid: string) =>
  apiRequest<TogglePinnedItemInfo>('PATCH', `${project(projectUuid)}/spaces/${encodeURIComponent(spaceUuid)}/pinning`);
