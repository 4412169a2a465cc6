import { useQuery } from '@tanstack/react-query';
import { listProjects } from '../../../api/endpoints.js';

export const projectKeys = { all: ['projects'] as const };

/**
 * The organization's projects the user can view. While there are none it asks again every few
 * seconds: on a first start the demo project appears once its data is generated.
 */
export const useProjects = () =>
  useQuery({
    queryKey: projectKeys.all,
    queryFn: ({ signal }) => listProjects(signal),
    refetchInterval: (query) => (query.state.data?.length === 0 ? 3000 : false),
  });

export const useProject = (projectUuid: string | undefined) => {
  const projects = useProjects();
  return { ...projects, project: projects.data?.find((p) => p.projectUuid === projectUuid) };
};
