import { can, ORGANIZATION_ROLES, type Action, type Actor, type OrganizationRole, type Subject } from '@tessera/core';
import { useUser } from '../auth/hooks/use-session.js';

const isOrganizationRole = (role: string | undefined): role is OrganizationRole => (ORGANIZATION_ROLES as readonly (string | undefined)[]).includes(role);

/**
 * The signed-in user as the permission policy sees them. Only the organization role is known to
 * the browser today (API v1 has no "my project roles" answer yet), so a user whose project grant
 * is higher than their organization role sees less than they may do — never more; the server
 * decides every request in any case.
 */
export const actorOf = (user: { userUuid: string; organizationUuid?: string | undefined; role?: string | undefined }): Actor => ({
  userUuid: user.userUuid,
  organizationUuid: user.organizationUuid ?? null,
  organizationRole: isOrganizationRole(user.role) ? user.role : null,
  projectRoles: {},
});

/** Whether to offer an action: core's `can`, the same policy the server applies. */
export const useCan = (action: Action, subject: Subject | undefined): boolean => {
  const user = useUser();
  if (!user.data || !subject) return false;
  return can(actorOf(user.data), action, subject);
};
