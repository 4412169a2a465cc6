export const chartKeys = {
  chart: (chartUuid: string) => ['saved-chart', chartUuid] as const,
  results: (chartUuid: string, updatedAt: string) => ['saved-chart', chartUuid, 'results', updatedAt] as const,
  history: (chartUuid: string) => ['saved-chart', chartUuid, 'history'] as const,
  version: (chartUuid: string, versionUuid: string) => ['saved-chart', chartUuid, 'version', versionUuid] as const,
  versionResults: (chartUuid: string, versionUuid: string) => ['saved-chart', chartUuid, 'version', versionUuid, 'results'] as const,
  spaces: (projectUuid: string) => ['spaces', projectUuid] as const,
  csv: (jobId: string) => ['csv-export', jobId] as const,
};
