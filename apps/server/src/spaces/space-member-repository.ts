import { ORGANIZATION_ROLES, PROJECT_ROLES, type OrganizationRole, type ProjectRole } from '@tessera/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

const isOrganizationRole = (role: string): role is OrganizationRole => (ORGANIZATION_ROLES as readonly string[]).includes(role);
const isProjectRole = (role: string): role is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(role);

export type OrganizationMember = { userUuid: string; email: string; firstName: string; lastName: string; organizationRole: OrganizationRole };

/** Everything needed to say who can see a space: the organization's people and their project roles. */
export type SpaceMemberFacts = {
  members: OrganizationMember[];
  /** Project roles by user: from the direct membership, and from each of the user's groups. */
  directRoles: Map<string, ProjectRole>;
  groupRoles: Map<string, ProjectRole[]>;
  /** The groups of each user, among `groupUuids` (the groups granted on the space). */
  groupsOfUser: Map<string, string[]>;
};

const push = <V>(map: Map<string, V[]>, key: string, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

/** Reads the people of an organization and their grants on one project (for a space's `access` list). */
export class SpaceMemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async facts(organizationUuid: string, projectUuid: string, groupUuids: readonly string[]): Promise<SpaceMemberFacts> {
    const [members, direct, viaGroups, groupMembers] = await Promise.all([
      this.db
        .selectFrom('organization_memberships as om')
        .innerJoin('users as u', 'u.user_uuid', 'om.user_uuid')
        .select(['u.user_uuid', 'u.email', 'u.first_name', 'u.last_name', 'om.role'])
        .where('om.organization_uuid', '=', organizationUuid)
        .where('u.is_active', '=', true)
        .orderBy('u.email')
        .execute(),
      this.db.selectFrom('project_memberships').select(['user_uuid', 'role']).where('project_uuid', '=', projectUuid).execute(),
      this.db
        .selectFrom('project_group_access as pga')
        .innerJoin('groups as g', 'g.group_uuid', 'pga.group_uuid')
        .innerJoin('group_memberships as gm', 'gm.group_uuid', 'pga.group_uuid')
        .select(['gm.user_uuid', 'pga.role'])
        .where('pga.project_uuid', '=', projectUuid)
        .where('g.organization_uuid', '=', organizationUuid)
        .execute(),
      groupUuids.length === 0
        ? Promise.resolve([])
        : this.db.selectFrom('group_memberships').select(['user_uuid', 'group_uuid']).where('group_uuid', 'in', [...groupUuids]).execute(),
    ]);
    const groupRoles = new Map<string, ProjectRole[]>();
    for (const r of viaGroups) if (isProjectRole(r.role)) push(groupRoles, r.user_uuid, r.role);
    const groupsOfUser = new Map<string, string[]>();
    for (const r of groupMembers) push(groupsOfUser, r.user_uuid, r.group_uuid);
    return {
      members: members.flatMap((m) =>
        isOrganizationRole(m.role)
          ? [{ userUuid: m.user_uuid, email: m.email, firstName: m.first_name, lastName: m.last_name, organizationRole: m.role }]
          : [],
      ),
      directRoles: new Map(direct.flatMap((r) => (isProjectRole(r.role) ? [[r.user_uuid, r.role] as const] : []))),
      groupRoles,
      groupsOfUser,
    };
  }

  /** Those of `userUuids` who are members of the organization. */
  async membersAmong(organizationUuid: string, userUuids: readonly string[]): Promise<Set<string>> {
    if (userUuids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('organization_memberships')
      .select('user_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('user_uuid', 'in', [...new Set(userUuids)])
      .execute();
    return new Set(rows.map((r) => r.user_uuid));
  }

  /** The organization a group belongs to, if the group exists. */
  async organizationOfGroup(groupUuid: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('groups').select('organization_uuid').where('group_uuid', '=', groupUuid).executeTakeFirst();
    return row?.organization_uuid;
  }
}
