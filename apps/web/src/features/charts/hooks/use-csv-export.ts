import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { getCsvUrl } from '../../../api/charts-endpoints.js';
import { chartKeys } from './chart-keys.js';
import { csvPhase, downloadPath } from '../utils/csv-progress.js';

/**
 * A CSV export: start the job (`begin`: DownloadCsvFromExplore or DownloadCsvFromSavedChart),
 * follow it (getCsvUrl, every half second) and, once completed, download the file (same origin,
 * session cookie). The phase drives the progress indicator.
 */
export const useCsvExport = () => {
  const [jobId, setJobId] = useState<string | undefined>();
  const downloaded = useRef(new Set<string>());
  const start = useMutation({ mutationFn: (begin: () => Promise<{ jobId: string }>) => begin(), onSuccess: (r) => setJobId(r.jobId) });
  const status = useQuery({
    queryKey: chartKeys.csv(jobId ?? ''),
    queryFn: ({ signal }) => getCsvUrl(jobId ?? '', signal),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'completed' || query.state.data?.status === 'error' ? false : 500),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const data = jobId !== undefined ? status.data : undefined;

  useEffect(() => {
    if (!jobId || data?.status !== 'completed' || downloaded.current.has(jobId)) return;
    downloaded.current.add(jobId);
    const link = document.createElement('a');
    link.href = downloadPath(data.url);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  }, [jobId, data]);

  return {
    phase: csvPhase(start.isPending, jobId !== undefined, data),
    error: start.error ?? (jobId !== undefined ? status.error : null),
    failure: data?.status === 'error' ? (data.error ?? 'The export failed') : undefined,
    truncated: data?.truncated ?? false,
    start: (begin: () => Promise<{ jobId: string }>) => {
      setJobId(undefined);
      start.mutate(begin);
    },
    reset: () => {
      setJobId(undefined);
      start.reset();
    },
  };
};
