import { useQuery } from '@tanstack/react-query';
import { can } from '@tessera/core';
import { getProjectAccessList } from '../../../api/permissions-endpoints.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { actorOf, useCan } from '../../permissions/use-can.js';
import { permissionKeys } from '../../permissions/use-project-roles.js';

/**
 * Whether the signed-in user may use the SQL runner on a project: `useCan` (core's policy, project
 * developers and admins, with the direct project role the browser knows). `loading` while that
 * role is still being read and the organization role alone does not allow it, so a developer by
 * project grant does not see "not allowed" flash first. A role only through a group is not seen:
 * the runner may be hidden from someone allowed, never offered to someone who is not.
 */
export const useCanRunSql = (projectUuid: string | undefined): { allowed: boolean; loading: boolean } => {
  const user = useUser().data;
  const organizationUuid = user?.organizationUuid;
  const subject = organizationUuid && projectUuid ? ({ type: 'SqlRunner', organizationUuid, projectUuid } as const) : undefined;
  const allowed = useCan('manage', subject);
  // Observes the query `useCan` runs (same key); never fetches by itself.
  const roles = useQuery({
    queryKey: permissionKeys.projectAccess(projectUuid ?? ''),
    queryFn: ({ signal }) => getProjectAccessList(projectUuid ?? '', signal),
    enabled: false,
  });
  const byOrganization = user !== undefined && subject !== undefined && can(actorOf(user), 'manage', subject);
  return { allowed, loading: !allowed && !byOrganization && subject !== undefined && roles.data === undefined && !roles.isError };
};
