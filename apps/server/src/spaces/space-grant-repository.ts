import { PROJECT_ROLES, SPACE_ROLES, highestRole, type ProjectRole, type SpaceRole } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const isProjectRole = (role: string): role is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(role);
const isSpaceRole = (role: string): role is SpaceRole => (SPACE_ROLES as readonly string[]).includes(role);

/** One user's grants on some spaces of a project: direct, and through the user's groups. */
export type UserSpaceGrants = {
  user: { spaceUuid: string; role: SpaceRole }[];
  group: { spaceUuid: string; groupUuid: string; role: SpaceRole }[];
};

export type SpaceUserGrant = { userUuid: string; role: SpaceRole; firstName: string; lastName: string; email: string };
export type SpaceGroupGrant = { groupUuid: string; groupName: string; role: SpaceRole };

/**
 * Space grants (`space_user_access`, `space_group_access`). A group counts only on spaces of a
 * project of its own organization. Unknown stored roles grant nothing.
 */
export class SpaceGrantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The user's granted project role (highest of membership and groups), read fresh from
   * `project_grants` on every call: space decisions never see a stale revoke.
   */
  async projectRole(userUuid: string, projectUuid: string, db: Db = this.db): Promise<ProjectRole | undefined> {
    const rows = await db
      .selectFrom('project_grants')
      .select('role')
      .where('user_uuid', '=', userUuid)
      .where('project_uuid', '=', projectUuid)
      .execute();
    return highestRole(rows.map((r) => r.role).filter(isProjectRole));
  }

  /** The user's grants on the given spaces (all spaces of the project when `spaceUuids` is omitted). */
  async forUser(userUuid: string, projectUuid: string, spaceUuids?: readonly string[], db: Db = this.db): Promise<UserSpaceGrants> {
    if (spaceUuids?.length === 0) return { user: [], group: [] };
    const [user, group] = await Promise.all([
      db
        .selectFrom('space_user_access as a')
        .innerJoin('spaces as s', 's.space_uuid', 'a.space_uuid')
        .select(['a.space_uuid', 'a.space_role'])
        .where('a.user_uuid', '=', userUuid)
        .where('s.project_uuid', '=', projectUuid)
        .$if(spaceUuids !== undefined, (q) => q.where('a.space_uuid', 'in', spaceUuids ?? []))
        .execute(),
      db
        .selectFrom('space_group_access as a')
        .innerJoin('spaces as s', 's.space_uuid', 'a.space_uuid')
        .innerJoin('projects as p', 'p.project_uuid', 's.project_uuid')
        .innerJoin('groups as g', (j) => j.onRef('g.group_uuid', '=', 'a.group_uuid').onRef('g.organization_uuid', '=', 'p.organization_uuid'))
        .innerJoin('group_memberships as gm', 'gm.group_uuid', 'a.group_uuid')
        .select(['a.space_uuid', 'a.group_uuid', 'a.space_role'])
        .where('gm.user_uuid', '=', userUuid)
        .where('s.project_uuid', '=', projectUuid)
        .$if(spaceUuids !== undefined, (q) => q.where('a.space_uuid', 'in', spaceUuids ?? []))
        .execute(),
    ]);
    return {
      user: user.flatMap((r) => (isSpaceRole(r.space_role) ? [{ spaceUuid: r.space_uuid, role: r.space_role }] : [])),
      group: group.flatMap((r) =>
        isSpaceRole(r.space_role) ? [{ spaceUuid: r.space_uuid, groupUuid: r.group_uuid, role: r.space_role }] : [],
      ),
    };
  }

  /** The users granted directly on each of the spaces (the spec's `SpaceSummary.access`). */
  async userUuidsOf(spaceUuids: readonly string[], db: Db = this.db): Promise<Map<string, string[]>> {
    if (spaceUuids.length === 0) return new Map();
    const rows = await db
      .selectFrom('space_user_access')
      .select(['space_uuid', 'user_uuid'])
      .where('space_uuid', 'in', [...new Set(spaceUuids)])
      .orderBy('created_at')
      .orderBy('user_uuid')
      .execute();
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.space_uuid, [...(map.get(r.space_uuid) ?? []), r.user_uuid]);
    return map;
  }

  /** Direct user grants on one space, with the users' names. */
  async usersOf(spaceUuid: string, db: Db = this.db): Promise<SpaceUserGrant[]> {
    const rows = await db
      .selectFrom('space_user_access as a')
      .innerJoin('users as u', 'u.user_uuid', 'a.user_uuid')
      .select(['a.user_uuid', 'a.space_role', 'u.first_name', 'u.last_name', 'u.email'])
      .where('a.space_uuid', '=', spaceUuid)
      .orderBy('u.email')
      .execute();
    return rows.flatMap((r) =>
      isSpaceRole(r.space_role)
        ? [{ userUuid: r.user_uuid, role: r.space_role, firstName: r.first_name, lastName: r.last_name, email: r.email }]
        : [],
    );
  }

  /** Group grants on one space (groups of the space's organization only), with the groups' names. */
  async groupsOf(spaceUuid: string, db: Db = this.db): Promise<SpaceGroupGrant[]> {
    const rows = await db
      .selectFrom('space_group_access as a')
      .innerJoin('spaces as s', 's.space_uuid', 'a.space_uuid')
      .innerJoin('projects as p', 'p.project_uuid', 's.project_uuid')
      .innerJoin('groups as g', (j) => j.onRef('g.group_uuid', '=', 'a.group_uuid').onRef('g.organization_uuid', '=', 'p.organization_uuid'))
      .select(['a.group_uuid', 'a.space_role', 'g.name'])
      .where('a.space_uuid', '=', spaceUuid)
      .orderBy('g.name')
      .execute();
    return rows.flatMap((r) => (isSpaceRole(r.space_role) ? [{ groupUuid: r.group_uuid, groupName: r.name, role: r.space_role }] : []));
  }

  /** Creates or replaces the user's grant. */
  async putUser(spaceUuid: string, userUuid: string, role: SpaceRole, db: Db = this.db): Promise<void> {
    await db
      .insertInto('space_user_access')
      .values({ space_uuid: spaceUuid, user_uuid: userUuid, space_role: role })
      .onConflict((oc) => oc.columns(['space_uuid', 'user_uuid']).doUpdateSet({ space_role: role }))
      .execute();
  }

  async deleteUser(spaceUuid: string, userUuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db.deleteFrom('space_user_access').where('space_uuid', '=', spaceUuid).where('user_uuid', '=', userUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Creates or replaces the group's grant. */
  async putGroup(spaceUuid: string, groupUuid: string, role: SpaceRole, db: Db = this.db): Promise<void> {
    await db
      .insertInto('space_group_access')
      .values({ space_uuid: spaceUuid, group_uuid: groupUuid, space_role: role })
      .onConflict((oc) => oc.columns(['space_uuid', 'group_uuid']).doUpdateSet({ space_role: role }))
      .execute();
  }

  async deleteGroup(spaceUuid: string, groupUuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db.deleteFrom('space_group_access').where('space_uuid', '=', spaceUuid).where('group_uuid', '=', groupUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
