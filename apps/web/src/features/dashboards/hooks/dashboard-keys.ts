import type { DashboardFilters } from '../../../api/dashboards-endpoints.js';

/** Query keys of dashboards; a saved change invalidates `dashboardKeys.all` (tiles included). */
export const dashboardKeys = {
  all: ['dashboards'] as const,
  list: (projectUuid: string) => ['dashboards', 'list', projectUuid] as const,
  one: (uuid: string) => ['dashboards', 'one', uuid] as const,
  tile: (dashboardUuid: string, tileUuid: string, chartUuid: string, filters: DashboardFilters) => ['dashboards', 'tile', dashboardUuid, tileUuid, chartUuid, filters] as const,
  availableFilters: (chartUuid: string) => ['dashboards', 'available-filters', chartUuid] as const,
  charts: (projectUuid: string) => ['dashboards', 'project-charts', projectUuid] as const,
};
