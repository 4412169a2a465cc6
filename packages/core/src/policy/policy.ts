import { ForbiddenError } from '../errors/index.js';
import { highestRole, isAtLeast, type OrganizationRole, type ProjectRole } from '../types/roles.js';

/**
 * The one permission policy. Pure: it decides from the actor and the subject alone, so the server
 * and the web app give the same answer. Services call `assertCan` before every read or write.
 */
export type Actor = {
  userUuid: string;
  organizationUuid: string | null;
  organizationRole: OrganizationRole | null;
  /**
   * Project roles granted to the user on the projects this decision is about (the highest of the
   * direct membership and the user's groups), keyed by projectUuid; the server resolves them per
   * request. The organization role is added by the policy itself (see `effectiveProjectRole`).
   */
  projectRoles?: Readonly<Record<string, ProjectRole>>;
  /** The user's groups (for group grants on spaces); the server resolves them when a decision needs them. */
  groupUuids?: readonly string[];
};

/** `create`/`update`/`delete` matter for project subjects; organization subjects treat them as `manage`. */
export type Action = 'view' | 'create' | 'update' | 'delete' | 'manage';

export type OrganizationSubjectType =
  | 'Organization'
  | 'OrganizationMemberProfile'
  | 'AllowedEmailDomains'
  | 'Group'
  | 'UserAttribute'
  | 'InviteLink';

export type ProjectType = 'DEFAULT' | 'PREVIEW';

/**
 * A project. `projectUuid` is null for `create` (the project does not exist yet); a preview's
 * `upstreamProjectUuid` names the project it previews.
 */
export type ProjectSubject = {
  type: 'Project';
  organizationUuid: string;
  projectUuid: string | null;
  projectType: ProjectType;
  createdByUserUuid: string | null;
  upstreamProjectUuid: string | null;
};

/** Who may use a project: its members and group grants. */
export type ProjectAccessSubject = { type: 'ProjectAccess'; organizationUuid: string; projectUuid: string };

/** Running one's own SQL on a project's warehouse (it bypasses row-level security): developers and admins. */
export type SqlRunnerSubject = { type: 'SqlRunner'; organizationUuid: string; projectUuid: string };

/** A project's tags (catalog categories) and its pinned list (the items shown on its home page). */
export type ProjectContentSubject = { type: 'Tags' | 'PinnedItems'; organizationUuid: string; projectUuid: string };

export type Subject =
  | { type: OrganizationSubjectType; organizationUuid: string }
  | { type: 'PersonalAccessToken' | 'UserWarehouseCredentials'; userUuid: string }
  | ProjectSubject
  | ProjectAccessSubject
  | SqlRunnerSubject
  | ProjectContentSubject;

/** Least organization role for each action on organization-scoped subjects. */
const ORGANIZATION_RULES: Record<OrganizationSubjectType, Record<'view' | 'manage', OrganizationRole>> = {
  Organization: { view: 'member', manage: 'admin' },
  OrganizationMemberProfile: { view: 'member', manage: 'admin' },
  AllowedEmailDomains: { view: 'admin', manage: 'admin' },
  Group: { view: 'member', manage: 'admin' },
  UserAttribute: { view: 'admin', manage: 'admin' },
  InviteLink: { view: 'admin', manage: 'admin' },
};

/** Least effective project role for each action on a project (delete: see `canOnProject`). */
const PROJECT_RULES: Record<Action, ProjectRole> = {
  view: 'viewer',
  create: 'developer',
  update: 'developer',
  delete: 'admin',
  manage: 'admin',
};
const PROJECT_ACCESS_RULES: Record<Action, ProjectRole> = {
  view: 'viewer',
  create: 'admin',
  update: 'admin',
  delete: 'admin',
  manage: 'admin',
};

/** Least effective project role to view / change (any other action) tags and the pinned list. */
const PROJECT_CONTENT_RULES: Record<ProjectContentSubject['type'], { view: ProjectRole; manage: ProjectRole }> = {
  Tags: { view: 'viewer', manage: 'editor' },
  PinnedItems: { view: 'viewer', manage: 'editor' },
};

/**
 * The user's role in a project of `organizationUuid`: the highest of the granted project role
 * (`actor.projectRoles`) and the organization role, which applies to every project of the
 * organization (org `member` grants nothing). Nothing at all in another organization's project,
 * whatever stray grant exists.
 */
export const effectiveProjectRole = (actor: Actor, organizationUuid: string, projectUuid: string): ProjectRole | undefined => {
  if (actor.organizationRole === null || actor.organizationUuid !== organizationUuid) return undefined;
  const grants: ProjectRole[] = [];
  if (actor.organizationRole !== 'member') grants.push(actor.organizationRole);
  const granted = actor.projectRoles?.[projectUuid];
  if (granted !== undefined) grants.push(granted);
  return highestRole(grants);
};

const hasProjectRole = (actor: Actor, organizationUuid: string, projectUuid: string | null, floor: ProjectRole): boolean => {
  if (projectUuid === null) return false;
  const role = effectiveProjectRole(actor, organizationUuid, projectUuid);
  return role !== undefined && isAtLeast(role, floor);
};

const canOnProject = (actor: Actor, action: Action, subject: ProjectSubject): boolean => {
  if (actor.organizationRole === null || actor.organizationUuid !== subject.organizationUuid) return false;
  if (action === 'create') {
    // Regular projects: org admins only. Previews: org developers, or developers of the upstream project.
    if (subject.projectType === 'DEFAULT') return actor.organizationRole === 'admin';
    return (
      isAtLeast(actor.organizationRole, 'developer') ||
      hasProjectRole(actor, subject.organizationUuid, subject.upstreamProjectUuid, 'developer')
    );
  }
  if (action === 'delete' && subject.projectType === 'PREVIEW' && subject.createdByUserUuid === actor.userUuid) {
    // Developers may delete the previews they created.
    return hasProjectRole(actor, subject.organizationUuid, subject.projectUuid, 'developer');
  }
  return hasProjectRole(actor, subject.organizationUuid, subject.projectUuid, PROJECT_RULES[action]);
};

export const can = (actor: Actor, action: Action, subject: Subject): boolean => {
  switch (subject.type) {
    case 'PersonalAccessToken':
    case 'UserWarehouseCredentials':
      return subject.userUuid === actor.userUuid;
    case 'Project':
      return canOnProject(actor, action, subject);
    case 'ProjectAccess':
      return hasProjectRole(actor, subject.organizationUuid, subject.projectUuid, PROJECT_ACCESS_RULES[action]);
    case 'SqlRunner':
      return hasProjectRole(actor, subject.organizationUuid, subject.projectUuid, 'developer');
    case 'Tags':
    case 'PinnedItems':
      return hasProjectRole(actor, subject.organizationUuid, subject.projectUuid, PROJECT_CONTENT_RULES[subject.type][action === 'view' ? 'view' : 'manage']);
    default: {
      if (actor.organizationRole === null || actor.organizationUuid !== subject.organizationUuid) return false;
      return isAtLeast(actor.organizationRole, ORGANIZATION_RULES[subject.type][action === 'view' ? 'view' : 'manage']);
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
