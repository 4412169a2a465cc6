import { useQuery } from '@tanstack/react-query';
import { getChartHistory, getChartVersion, getChartVersionResults, getSavedChart, postChartResults } from '../../../api/charts-endpoints.js';
import { chartKeys } from './chart-keys.js';

/** A saved chart (its latest version). */
export const useSavedChart = (chartUuid: string) =>
  useQuery({ queryKey: chartKeys.chart(chartUuid), queryFn: ({ signal }) => getSavedChart(chartUuid, signal) });

/** The saved chart's results (PostChartResults), asked again when the chart changes (keyed by its update time). */
export const useSavedChartResults = (chartUuid: string, updatedAt: string | undefined) =>
  useQuery({
    queryKey: chartKeys.results(chartUuid, updatedAt ?? ''),
    queryFn: ({ signal }) => postChartResults(chartUuid, signal),
    enabled: updatedAt !== undefined,
    staleTime: 60_000,
    retry: false,
  });

/** The chart's versions, newest first. */
export const useChartHistory = (chartUuid: string, enabled: boolean) =>
  useQuery({ queryKey: chartKeys.history(chartUuid), queryFn: ({ signal }) => getChartHistory(chartUuid, signal), enabled });

/** One version (its saved chart config) and its results, while it is being looked at. */
export const useChartVersion = (chartUuid: string, versionUuid: string | undefined) => {
  const id = versionUuid ?? '';
  const version = useQuery({
    queryKey: chartKeys.version(chartUuid, id),
    queryFn: ({ signal }) => getChartVersion(chartUuid, id, signal),
    enabled: versionUuid !== undefined,
    staleTime: Infinity,
  });
  const results = useQuery({
    queryKey: chartKeys.versionResults(chartUuid, id),
    queryFn: ({ signal }) => getChartVersionResults(chartUuid, id, signal),
    enabled: versionUuid !== undefined,
    staleTime: 60_000,
    retry: false,
  });
  return { version, results };
};
