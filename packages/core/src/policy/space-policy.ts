import { ForbiddenError } from '../errors/index.js';
import { isAtLeast, type ProjectRole } from '../types/roles.js';
import { effectiveProjectRole, type Actor } from './policy.js';

/** `SpaceMemberRole`: "Can view", "Can edit", "Full access". */
export const SPACE_ROLES = ['viewer', 'editor', 'admin'] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

/** view: see the space and its content; edit: create/edit content in it; manage: the space itself and its access. */
export type SpaceAction = 'view' | 'edit' | 'manage';

const SPACE_ACTION_ROLE: Record<SpaceAction, SpaceRole> = { view: 'viewer', edit: 'editor', manage: 'admin' };

/**
 * Least effective *project* role for each space action, whatever the space grant: a space grant
 * never lifts a user above what their project role allows (a project viewer shared a space as
 * "editor" still only views it). Content writes need project editor+ (interactive viewers run
 * queries but do not save).
 */
const PROJECT_CAP: Record<SpaceAction, ProjectRole> = { view: 'viewer', edit: 'editor', manage: 'editor' };

/** Privacy and direct grants of one space. */
export type SpaceAccessFacts = {
  isPrivate: boolean;
  /** Direct user grants, by userUuid. */
  userAccess: Readonly<Record<string, SpaceRole>>;
  /** Group grants, by groupUuid. */
  groupAccess: Readonly<Record<string, SpaceRole>>;
};

/**
 * A space as the policy sees it. `root` holds the privacy and grants of the space's root (the
 * space itself when it has no parent): nested spaces inherit their root's access, whatever their
 * own rows say. Build it with `spaceSubject` so that rule lives here.
 */
export type SpaceSubject = {
  type: 'Space';
  organizationUuid: string;
  projectUuid: string;
  root: SpaceAccessFacts;
};

/** A space with its parent link, for `spaceSubject`. */
export type SpaceNode = SpaceAccessFacts & { spaceUuid: string; parentSpaceUuid: string | null };

/**
 * The root of `spaceUuid` among `spaces` (all spaces of one project): follows parent links until a
 * space without a parent. A missing parent or a cycle (never stored, but not trusted) stops the
 * walk at the last space reached. Undefined for an unknown uuid.
 */
export const rootSpace = <S extends { spaceUuid: string; parentSpaceUuid: string | null }>(
  spaceUuid: string,
  spaces: ReadonlyMap<string, S>,
): S | undefined => {
  let current = spaces.get(spaceUuid);
  const seen = new Set<string>();
  while (current?.parentSpaceUuid && !seen.has(current.spaceUuid)) {
    seen.add(current.spaceUuid);
    const parent = spaces.get(current.parentSpaceUuid);
    if (!parent) break;
    current = parent;
  }
  return current;
};

/** The policy subject of a space: its root's privacy and grants (see `SpaceSubject`). */
export const spaceSubject = (
  organizationUuid: string,
  projectUuid: string,
  spaceUuid: string,
  spaces: ReadonlyMap<string, SpaceNode>,
): SpaceSubject | undefined => {
  const root = rootSpace(spaceUuid, spaces);
  if (!root) return undefined;
  return {
    type: 'Space',
    organizationUuid,
    projectUuid,
    root: { isPrivate: root.isPrivate, userAccess: root.userAccess, groupAccess: root.groupAccess },
  };
};

const SPACE_RANK: Record<SpaceRole, number> = { viewer: 0, editor: 1, admin: 2 };

export const highestSpaceRole = (roles: readonly SpaceRole[]): SpaceRole | undefined =>
  roles.reduce<SpaceRole | undefined>((best, r) => (best === undefined || SPACE_RANK[r] > SPACE_RANK[best] ? r : best), undefined);

/** The space role a project role gives in a public space: viewer & interactive_viewer → viewer, editor & developer → editor, admin → admin. */
export const spaceRoleOfProjectRole = (role: ProjectRole): SpaceRole => {
  if (role === 'admin') return 'admin';
  return isAtLeast(role, 'editor') ? 'editor' : 'viewer';
};

/**
 * Where a user's space role comes from: `admin` (organization or project admin, who always get
 * in), `user` (a direct grant, which beats group grants even when lower), `group` (the highest of
 * the user's groups' grants), `project` (a public space follows the project role).
 */
export type SpaceRoleSource = 'admin' | 'user' | 'group' | 'project';

/**
 * The user's role in the space and where it comes from; undefined when they may not see it. A
 * user needs a project role (organization `member` with no project role gets nothing, even when
 * shared with). Grants (user, else group) raise or lower the project-derived role in public spaces
 * and are the only way into private ones — except for admins.
 */
export const effectiveSpaceAccess = (actor: Actor, subject: SpaceSubject): { role: SpaceRole; source: SpaceRoleSource } | undefined => {
  const projectRole = effectiveProjectRole(actor, subject.organizationUuid, subject.projectUuid);
  if (projectRole === undefined) return undefined;
  if (projectRole === 'admin') return { role: 'admin', source: 'admin' };
  const direct = subject.root.userAccess[actor.userUuid];
  if (direct !== undefined) return { role: direct, source: 'user' };
  const viaGroups = highestSpaceRole(
    (actor.groupUuids ?? []).flatMap((g) => {
      const role = subject.root.groupAccess[g];
      return role === undefined ? [] : [role];
    }),
  );
  if (viaGroups !== undefined) return { role: viaGroups, source: 'group' };
  if (subject.root.isPrivate) return undefined;
  return { role: spaceRoleOfProjectRole(projectRole), source: 'project' };
};

export const effectiveSpaceRole = (actor: Actor, subject: SpaceSubject): SpaceRole | undefined =>
  effectiveSpaceAccess(actor, subject)?.role;

/** May the actor do `action` in the space? Needs the space role for the action and the project role cap. */
export const canOnSpace = (actor: Actor, action: SpaceAction, subject: SpaceSubject): boolean => {
  const role = effectiveSpaceRole(actor, subject);
  if (role === undefined || SPACE_RANK[role] < SPACE_RANK[SPACE_ACTION_ROLE[action]]) return false;
  const projectRole = effectiveProjectRole(actor, subject.organizationUuid, subject.projectUuid);
  return projectRole !== undefined && isAtLeast(projectRole, PROJECT_CAP[action]);
};

export const assertCanOnSpace = (actor: Actor, action: SpaceAction, subject: SpaceSubject): void => {
  if (!canOnSpace(actor, action, subject)) {
    const what = action === 'view' ? 'view this space' : action === 'edit' ? 'edit content in this space' : 'manage this space';
    throw new ForbiddenError(`You don't have permission to ${what}: ask a space or project admin for access`);
  }
};

/**
 * Creating a space: a root space needs project editor+; a nested space needs `edit` in its parent
 * (it inherits the parent's root access, so it can never widen who sees what).
 */
export const canCreateSpace = (actor: Actor, organizationUuid: string, projectUuid: string, parent?: SpaceSubject): boolean => {
  if (parent) return canOnSpace(actor, 'edit', parent);
  const role = effectiveProjectRole(actor, organizationUuid, projectUuid);
  return role !== undefined && isAtLeast(role, 'editor');
};
