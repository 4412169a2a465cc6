import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createDashboard, getDashboard, listDashboards, updateDashboard, type CreateDashboard, type UpdateDashboard } from '../../../api/dashboards-endpoints.js';
import { listProjectCharts } from '../../../api/content-endpoints.js';
import { dashboardKeys } from './dashboard-keys.js';

/** Asked again each time the list opens (dashboards change from other pages and people). */
export const useDashboards = (projectUuid: string) =>
  useQuery({ queryKey: dashboardKeys.list(projectUuid), queryFn: ({ signal }) => listDashboards(projectUuid, signal), staleTime: 0 });

/** One dashboard (each fetch counts a view on the server, so it is not refetched on focus). */
export const useDashboard = (uuid: string) =>
  useQuery({ queryKey: dashboardKeys.one(uuid), queryFn: ({ signal }) => getDashboard(uuid, signal), refetchOnWindowFocus: false });

/** The charts a tile can show (the project's charts the user may view). */
export const useProjectCharts = (projectUuid: string, enabled: boolean) =>
  useQuery({ queryKey: dashboardKeys.charts(projectUuid), queryFn: ({ signal }) => listProjectCharts(projectUuid, signal), enabled, staleTime: 0 });

/** After a change: dashboards, spaces (their counts and content) and the home page's listings. */
const useRefreshContent = () => {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: dashboardKeys.all }),
      client.invalidateQueries({ queryKey: ['spaces'] }),
      client.invalidateQueries({ queryKey: ['home'] }),
    ]);
};

export const useCreateDashboard = (projectUuid: string) => {
  const refresh = useRefreshContent();
  return useMutation({ mutationFn: (body: CreateDashboard) => createDashboard(projectUuid, body), onSuccess: refresh });
};

export const useUpdateDashboard = (uuid: string) => {
  const client = useQueryClient();
  const refresh = useRefreshContent();
  return useMutation({
    mutationFn: (body: UpdateDashboard) => updateDashboard(uuid, body),
    onSuccess: async (saved) => {
      client.setQueryData(dashboardKeys.one(uuid), saved);
      await refresh();
    },
  });
};
