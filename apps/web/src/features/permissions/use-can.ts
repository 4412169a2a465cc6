import { can, ORGANIZATION_ROLES, type Action, type Actor, type OrganizationRole, type ProjectRole, type SpaceAction, type Subject } from '@tessera/core';
import { useUser } from '../auth/hooks/use-session.js';
import { canCreateKnownSpace, canInKnownSpace, type KnownSpace } from './known-space-policy.js';
import { useProjectRoles } from './use-project-roles.js';

const isOrganizationRole = (role: string | undefined): role is OrganizationRole => (ORGANIZATION_ROLES as readonly (string | undefined)[]).includes(role);

/**
 * The signed-in user as the permission policy sees them: the organization role and the direct
 * project roles the browser knows (`useProjectRoles`). Roles through groups are not known, so a
 * user may see less than they may do — never more; the server decides every request in any case.
 */
export const actorOf = (
  user: { userUuid: string; organizationUuid?: string | undefined; role?: string | undefined },
  projectRoles: Readonly<Record<string, ProjectRole>> = {},
): Actor => ({
  userUuid: user.userUuid,
  organizationUuid: user.organizationUuid ?? null,
  organizationRole: isOrganizationRole(user.role) ? user.role : null,
  projectRoles,
});

const projectOf = (subject: Subject | undefined): string | undefined =>
  subject && 'projectUuid' in subject && typeof subject.projectUuid === 'string' ? subject.projectUuid : undefined;

/** Whether to offer an action: core's `can`, the same policy the server applies. */
export const useCan = (action: Action, subject: Subject | undefined): boolean => {
  const user = useUser();
  const projectRoles = useProjectRoles(projectOf(subject));
  if (!user.data || !subject) return false;
  return can(actorOf(user.data, projectRoles), action, subject);
};

export type { KnownSpace } from './known-space-policy.js';

/**
 * Decides actions in the spaces of one project (`canInKnownSpace`: core's `canOnSpace` with the
 * user's role in each space as the server resolved it). For lists: one hook, many spaces.
 */
export const useSpaceDecider = (projectUuid: string | undefined): ((action: SpaceAction, space: KnownSpace | undefined) => boolean) => {
  const user = useUser();
  const projectRoles = useProjectRoles(projectUuid);
  return (action, space) => user.data !== undefined && canInKnownSpace(actorOf(user.data, projectRoles), action, space);
};

/** Whether to offer an action in one space (see `useSpaceDecider`). */
export const useCanOnSpace = (action: SpaceAction, space: KnownSpace | undefined): boolean => useSpaceDecider(space?.projectUuid)(action, space);

/** Whether to offer creating a space: a root one (project editor+), or one inside `parent` (edit there). */
export const useCanCreateSpace = (projectUuid: string, parent?: KnownSpace): boolean => {
  const user = useUser();
  const projectRoles = useProjectRoles(projectUuid);
  return user.data !== undefined && canCreateKnownSpace(actorOf(user.data, projectRoles), projectUuid, parent);
};
