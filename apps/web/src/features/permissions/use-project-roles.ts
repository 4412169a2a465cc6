import type { ProjectRole } from '@tessera/core';
import { useQuery } from '@tanstack/react-query';
import { getProjectAccessList } from '../../api/permissions-endpoints.js';
import { useUser } from '../auth/hooks/use-session.js';

export const permissionKeys = { projectAccess: (projectUuid: string) => ['permissions', 'project-access', projectUuid] as const };

/**
 * The signed-in user's direct role in a project, as core's `Actor.projectRoles` takes it (empty
 * while loading, for organization admins — who need none — and without a direct role). Roles
 * through groups are not known to the browser: it may hide too much, never too little.
 */
export const useProjectRoles = (projectUuid: string | undefined): Readonly<Record<string, ProjectRole>> => {
  const user = useUser();
  const me = user.data?.userUuid;
  const access = useQuery({
    queryKey: permissionKeys.projectAccess(projectUuid ?? ''),
    queryFn: ({ signal }) => getProjectAccessList(projectUuid ?? '', signal),
    enabled: projectUuid !== undefined && me !== undefined && user.data?.role !== 'admin',
    staleTime: 60_000,
    retry: false,
  });
  const mine = access.data?.find((m) => m.userUuid === me)?.role;
  return projectUuid !== undefined && mine !== undefined ? { [projectUuid]: mine } : {};
};
