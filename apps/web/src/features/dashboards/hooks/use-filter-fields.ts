import { useQueries } from '@tanstack/react-query';
import { getChartAvailableFilters, type DashboardTile } from '../../../api/dashboards-endpoints.js';
import { filterFieldsOf, type FilterField } from '../utils/dashboard-filter-rules.js';
import { dashboardKeys } from './dashboard-keys.js';

/** The dimensions dashboard filters can use: those of the tiles' charts' explores, each once. */
export const useFilterFields = (tiles: readonly { type: DashboardTile['type']; properties: object }[]): { fields: FilterField[]; loading: boolean } => {
  const chartUuids = [
    ...new Set(tiles.flatMap((t) => (t.type === 'saved_chart' && 'savedChartUuid' in t.properties && typeof t.properties.savedChartUuid === 'string' ? [t.properties.savedChartUuid] : []))),
  ].sort();
  const results = useQueries({
    queries: chartUuids.map((uuid) => ({
      queryKey: dashboardKeys.availableFilters(uuid),
      queryFn: ({ signal }: { signal: AbortSignal }) => getChartAvailableFilters(uuid, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  // A few short lists: merged on each render (query keys compare by value, so nothing re-runs).
  const fields = filterFieldsOf(results.flatMap((r) => (r.data ? [r.data] : [])));
  return { fields, loading: results.some((r) => r.isPending) };
};
