import { ForbiddenError } from '../errors/index.js';
import { isAtLeast, type OrganizationRole } from '../types/roles.js';

/**
 * The one permission policy. Pure: it decides from the actor and the subject alone, so the server
 * and the web app give the same answer. Services call `assertCan` before every read or write.
 */
export type Actor = {
  userUuid: string;
  organizationUuid: string | null;
  organizationRole: OrganizationRole | null;
};

export type Action = 'view' | 'manage';

export type OrganizationSubjectType =
  | 'Organization'
  | 'OrganizationMemberProfile'
  | 'AllowedEmailDomains'
  | 'Group'
  | 'UserAttribute'
  | 'InviteLink';

export type Subject =
  | { type: OrganizationSubjectType; organizationUuid: string }
  | { type: 'PersonalAccessToken' | 'UserWarehouseCredentials'; userUuid: string };

/** Least organization role for each action on organization-scoped subjects. */
const ORGANIZATION_RULES: Record<OrganizationSubjectType, Record<Action, OrganizationRole>> = {
  Organization: { view: 'member', manage: 'admin' },
  OrganizationMemberProfile: { view: 'member', manage: 'admin' },
  AllowedEmailDomains: { view: 'admin', manage: 'admin' },
  Group: { view: 'member', manage: 'admin' },
  UserAttribute: { view: 'admin', manage: 'admin' },
  InviteLink: { view: 'admin', manage: 'admin' },
};

export const can = (actor: Actor, action: Action, subject: Subject): boolean => {
  switch (subject.type) {
    case 'PersonalAccessToken':
    case 'UserWarehouseCredentials':
      return subject.userUuid === actor.userUuid;
    default: {
      if (actor.organizationRole === null || actor.organizationUuid !== subject.organizationUuid) return false;
      return isAtLeast(actor.organizationRole, ORGANIZATION_RULES[subject.type][action]);
    }
  }
};

export const assertCan = (actor: Actor, action: Action, subject: Subject): void => {
  if (!can(actor, action, subject)) {
    throw new ForbiddenError(`You don't have permission to ${action} this ${describe(subject)}`);
  }
};

const describe = (subject: Subject): string =>
  subject.type
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
