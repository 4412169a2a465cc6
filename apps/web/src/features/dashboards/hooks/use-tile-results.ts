import { useQuery } from '@tanstack/react-query';
import { runDashboardTile, type DashboardFilters } from '../../../api/dashboards-endpoints.js';
import { dashboardKeys } from './dashboard-keys.js';

/**
 * A chart tile's results with the dashboard's filters applied by the server (PostDashboardTile).
 * Keyed by the filters, so changing them asks again while the last results stay on screen.
 * `savedTileUuid` names the saved tile (its per-tile filter targets); a tile added in edit mode
 * and not saved yet has none.
 */
export const useTileResults = (dashboardUuid: string, savedTileUuid: string | undefined, chartUuid: string | null, filters: DashboardFilters) =>
  useQuery({
    queryKey: dashboardKeys.tile(dashboardUuid, savedTileUuid ?? 'unsaved', chartUuid ?? '', filters),
    queryFn: ({ signal }) =>
      runDashboardTile(chartUuid ?? '', { dashboardUuid, ...(savedTileUuid ? { tileUuid: savedTileUuid } : {}), dashboardFilters: filters, dashboardSorts: [] }, signal),
    enabled: chartUuid !== null,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
