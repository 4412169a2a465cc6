import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getJob, refreshProject } from '../../../api/endpoints.js';
import { exploreKeys } from './explore-keys.js';

/** Recompiles the project's models (a background job), follows the job, then reloads the explores. */
export const useRefreshProject = (projectUuid: string) => {
  const client = useQueryClient();
  const [jobUuid, setJobUuid] = useState<string | undefined>();
  const start = useMutation({ mutationFn: () => refreshProject(projectUuid), onSuccess: (r) => setJobUuid(r.jobUuid) });
  const job = useQuery({
    queryKey: ['job', jobUuid],
    queryFn: async ({ signal }) => {
      const found = await getJob(jobUuid ?? '', signal);
      if (found.jobStatus === 'DONE' || found.jobStatus === 'ERROR') {
        await client.invalidateQueries({ queryKey: exploreKeys.list(projectUuid) });
      }
      return found;
    },
    enabled: jobUuid !== undefined,
    refetchInterval: (query) => (query.state.data?.jobStatus === 'DONE' || query.state.data?.jobStatus === 'ERROR' ? false : 1000),
  });
  const running = start.isPending || (jobUuid !== undefined && job.data?.jobStatus !== 'DONE' && job.data?.jobStatus !== 'ERROR');
  return { refresh: () => start.mutate(), running, error: start.error ?? job.error, failed: job.data?.jobStatus === 'ERROR' };
};
