import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSavedChart, createSavedChartVersion, createSpace, rollbackChartVersion } from '../../../api/charts-endpoints.js';
import type { ChartContent, SavedChart } from '../../../api/charts-types.js';
import { chartKeys } from './chart-keys.js';

export type SaveTarget = { kind: 'existing'; spaceUuid: string } | { kind: 'new'; name: string; isPrivate: boolean };
export type SaveChartInput = { name: string; description: string; target: SaveTarget; content: ChartContent };

/** "Save chart": into an existing space, or a new one created first (CreateSpaceInProject, then CreateSavedChart). */
export const useCreateChart = (projectUuid: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, description, target, content }: SaveChartInput): Promise<SavedChart> => {
      const spaceUuid = target.kind === 'existing' ? target.spaceUuid : (await createSpace(projectUuid, { name: target.name, isPrivate: target.isPrivate })).uuid;
      return createSavedChart(projectUuid, { ...content, name, description: description.trim() === '' ? null : description, spaceUuid });
    },
    onSuccess: (chart) => {
      client.setQueryData(chartKeys.chart(chart.uuid), chart);
      void client.invalidateQueries({ queryKey: chartKeys.spaces(projectUuid) });
    },
  });
};

/** "Save changes": the content as the chart's next version (CreateSavedChartVersion). */
export const useSaveChartVersion = (chartUuid: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: ChartContent) => createSavedChartVersion(chartUuid, content),
    onSuccess: (chart) => {
      client.setQueryData(chartKeys.chart(chartUuid), chart);
      void client.invalidateQueries({ queryKey: chartKeys.history(chartUuid) });
    },
  });
};

/** Restores an older version as the newest (postChartVersionRollback), then reloads the chart and its history. */
export const useRollbackChart = (chartUuid: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (versionUuid: string) => rollbackChartVersion(chartUuid, versionUuid),
    onSuccess: () => client.invalidateQueries({ queryKey: chartKeys.chart(chartUuid) }),
  });
};
