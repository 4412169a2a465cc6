import {
  ForbiddenError,
  NotFoundError,
  assertCanOnSpace,
  canCreateSpace,
  effectiveSpaceAccess,
  type Actor,
  type ProjectRole,
  type SpaceAction,
  type SpaceRole,
  type SpaceRoleSource,
  type SpaceSubject,
} from '@tessera/core';
import { actorOf } from '../identity/account.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccessCache } from './space-access-cache.js';
import type { SpaceGrantRepository, UserSpaceGrants } from './space-grant-repository.js';
import type { SpaceMemberRepository } from './space-member-repository.js';
import type { SpaceRepository, SpaceRow } from './space-repository.js';
import { rootSubject, spaceShares, type SpaceShare } from './space-shares.js';

export type { SpaceAction } from '@tessera/core';
export type { SpaceRow } from './space-repository.js';
export type { SpaceShare } from './space-shares.js';

/** A space the account may view, with its role there and where the role comes from. */
export type VisibleSpace = { space: SpaceRow; role: SpaceRole; source: SpaceRoleSource };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Space authorization for every domain (spaces, charts, dashboards, pins): loads the space, its
 * root and the account's grants — through the per-node `SpaceAccessCache` when given (cleared on
 * every write and change notification, so a revoke counts on the very next request), else fresh
 * from the store — and asks the one policy in core (`canOnSpace`). Unknown space → 404 (checked
 * first); another organization's space, or too little access → 403.
 */
export class SpaceAccess {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly grants: SpaceGrantRepository,
    private readonly members: SpaceMemberRepository,
    private readonly cache?: SpaceAccessCache,
  ) {}

  /** 404 unknown space, 403 (ForbiddenError) when the account may not; returns the space row. */
  async authorize(account: MemberAccount, spaceUuid: string, action: SpaceAction): Promise<SpaceRow> {
    const space = await this.find(spaceUuid);
    await this.assert(account, space, action);
    return space;
  }

  /** 403 (ForbiddenError) when the account may not do `action` in a space already loaded. */
  async assert(account: MemberAccount, space: SpaceRow, action: SpaceAction): Promise<void> {
    const { actor, subject } = await this.decisionInputs(account, space);
    assertCanOnSpace(actor, action, subject);
  }

  /** 403 unless the account may create a space in the project (root) or inside `parent` (nested). */
  async authorizeCreate(account: MemberAccount, project: { organizationUuid: string; projectUuid: string }, parent?: SpaceRow): Promise<void> {
    const inputs = parent ? await this.decisionInputs(account, parent) : undefined;
    const projectRole = inputs ? undefined : await this.projectRole(account.user.userUuid, project.projectUuid);
    const actor = inputs?.actor ?? actorWith(account, project.projectUuid, projectRole, { user: [], group: [] });
    if (!canCreateSpace(actor, project.organizationUuid, project.projectUuid, inputs?.subject)) {
      throw new ForbiddenError(
        parent
          ? "You don't have permission to create a space here: you need edit access to the parent space"
          : "You don't have permission to create a space in this project: project editors and above can",
      );
    }
  }

  /** Everyone who can see the space, with their effective role (the spec's `Space.access`). */
  async shares(space: SpaceRow): Promise<SpaceShare[]> {
    const [users, groups] = await Promise.all([this.grants.usersOf(space.rootSpaceUuid), this.grants.groupsOf(space.rootSpaceUuid)]);
    const facts = await this.members.facts(space.organizationUuid, space.projectUuid, groups.map((g) => g.groupUuid));
    return spaceShares(facts, rootSubject(space, users, groups));
  }

  /** The account's role in a space it may view, or undefined (no 403: for building responses). */
  async accessTo(account: MemberAccount, space: SpaceRow): Promise<{ role: SpaceRole; source: SpaceRoleSource } | undefined> {
    const { actor, subject } = await this.decisionInputs(account, space);
    return effectiveSpaceAccess(actor, subject);
  }

  /** The spaces of a project the account may view (for listings: content in other spaces is hidden). */
  async viewableSpaceUuids(account: MemberAccount, projectUuid: string): Promise<Set<string>> {
    return new Set((await this.visibleSpaces(account, projectUuid)).map((v) => v.space.spaceUuid));
  }

  /** The viewable spaces of a project with the account's role in each, ordered by name; empty in other organizations. */
  async visibleSpaces(account: MemberAccount, projectUuid: string): Promise<VisibleSpace[]> {
    if (!UUID.test(projectUuid)) return [];
    const spaces = await this.spaces.listProject(projectUuid.toLowerCase());
    const first = spaces[0];
    if (!first || first.organizationUuid !== account.organization.organizationUuid) return [];
    const [projectRole, grants] = await Promise.all([
      this.grants.projectRole(account.user.userUuid, first.projectUuid),
      this.grants.forUser(account.user.userUuid, first.projectUuid),
    ]);
    const actor = actorWith(account, first.projectUuid, projectRole, grants);
    return spaces.flatMap((space) => {
      const access = effectiveSpaceAccess(actor, subjectOf(space, grants, account.user.userUuid));
      return access ? [{ space, ...access }] : [];
    });
  }

  /** Loads a space with its root (404 when unknown or not a uuid). */
  /** Drops this node's cached spaces, roles and grants (after a write, before reading back). */
  forgetCached(): void {
    for (const cache of this.cache?.caches ?? []) cache.clear();
  }

  async find(spaceUuid: string): Promise<SpaceRow> {
    const space = UUID.test(spaceUuid) ? await this.loadSpace(spaceUuid.toLowerCase()) : undefined;
    if (!space) throw new NotFoundError(`Space ${spaceUuid} not found`);
    return space;
  }

  private loadSpace(spaceUuid: string): Promise<SpaceRow | undefined> {
    return this.cache ? this.cache.spaces.read(spaceUuid, () => this.spaces.find(spaceUuid)) : this.spaces.find(spaceUuid);
  }

  private async projectRole(userUuid: string, projectUuid: string): Promise<ProjectRole | undefined> {
    if (!this.cache) return this.grants.projectRole(userUuid, projectUuid);
    const cached = await this.cache.projectRoles.read(`${userUuid} ${projectUuid}`, async () => ({ role: await this.grants.projectRole(userUuid, projectUuid) }));
    return cached.role;
  }

  private rootGrants(userUuid: string, projectUuid: string, rootSpaceUuid: string): Promise<UserSpaceGrants> {
    const load = () => this.grants.forUser(userUuid, projectUuid, [rootSpaceUuid]);
    return this.cache ? this.cache.grants.read(`${userUuid} ${projectUuid} ${rootSpaceUuid}`, load) : load();
  }

  private async decisionInputs(account: MemberAccount, space: SpaceRow): Promise<{ actor: Actor; subject: SpaceSubject }> {
    const [projectRole, grants] = await Promise.all([
      this.projectRole(account.user.userUuid, space.projectUuid),
      this.rootGrants(account.user.userUuid, space.projectUuid, space.rootSpaceUuid),
    ]);
    return {
      actor: actorWith(account, space.projectUuid, projectRole, grants),
      subject: subjectOf(space, grants, account.user.userUuid),
    };
  }
}

const actorWith = (account: MemberAccount, projectUuid: string, projectRole: ProjectRole | undefined, grants: UserSpaceGrants): Actor => ({
  ...actorOf(account),
  projectRoles: projectRole ? { [projectUuid]: projectRole } : {},
  groupUuids: [...new Set(grants.group.map((g) => g.groupUuid))],
});

/** The policy subject of a space: its root's privacy and the account's grants on the root. */
const subjectOf = (space: SpaceRow, grants: UserSpaceGrants, userUuid: string): SpaceSubject => {
  const direct = grants.user.find((g) => g.spaceUuid === space.rootSpaceUuid);
  return {
    type: 'Space',
    organizationUuid: space.organizationUuid,
    projectUuid: space.projectUuid,
    root: {
      isPrivate: space.isPrivate,
      userAccess: direct ? { [userUuid]: direct.role } : {},
      groupAccess: Object.fromEntries(grants.group.filter((g) => g.spaceUuid === space.rootSpaceUuid).map((g) => [g.groupUuid, g.role])),
    },
  };
};
