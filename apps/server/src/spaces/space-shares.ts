import {
  effectiveProjectRole,
  effectiveSpaceAccess,
  highestRole,
  roleRank,
  type Actor,
  type OrganizationRole,
  type ProjectRole,
  type SpaceRole,
  type SpaceSubject,
} from '@tessera/core';
import type { SpaceGroupGrant, SpaceUserGrant } from './space-grant-repository.js';
import type { OrganizationMember, SpaceMemberFacts } from './space-member-repository.js';

/** The spec's `SpaceShare`: one person who can see a space, with their effective space role. */
export type SpaceShare = {
  userUuid: string;
  firstName: string;
  lastName: string;
  email: string;
  role: SpaceRole;
  hasDirectAccess: boolean;
  inheritedRole?: OrganizationRole | ProjectRole;
  inheritedFrom?: 'organization' | 'project' | 'group' | 'space_group';
  projectRole?: ProjectRole;
};

type Space = { organizationUuid: string; projectUuid: string; isPrivate: boolean };

/** The policy's subject for a root space with all its grants. */
export const rootSubject = (space: Space, users: readonly SpaceUserGrant[], groups: readonly SpaceGroupGrant[]): SpaceSubject => ({
  type: 'Space',
  organizationUuid: space.organizationUuid,
  projectUuid: space.projectUuid,
  root: {
    isPrivate: space.isPrivate,
    userAccess: Object.fromEntries(users.map((u) => [u.userUuid, u.role])),
    groupAccess: Object.fromEntries(groups.map((g) => [g.groupUuid, g.role])),
  },
});

/** Where a member's effective project role comes from: the organization role, the membership, or a group. */
const projectRoleOrigin = (member: OrganizationMember, direct: ProjectRole | undefined, effective: ProjectRole) => {
  if (member.organizationRole !== 'member' && roleRank(member.organizationRole) >= roleRank(effective)) {
    return { inheritedRole: member.organizationRole, inheritedFrom: 'organization' as const };
  }
  return { inheritedRole: effective, inheritedFrom: direct === effective ? ('project' as const) : ('group' as const) };
};

/**
 * Everyone of the organization who can see the space, with their role from the one policy (so the
 * list and the decisions never disagree). `inheritedFrom` says where the role comes from when it is
 * not a direct grant: `space_group` for a group grant on the space, else the origin of the project role.
 */
export const spaceShares = (facts: SpaceMemberFacts, subject: SpaceSubject): SpaceShare[] =>
  facts.members.flatMap((member) => {
    const direct = facts.directRoles.get(member.userUuid);
    const granted = highestRole([...(direct ? [direct] : []), ...(facts.groupRoles.get(member.userUuid) ?? [])]);
    const actor: Actor = {
      userUuid: member.userUuid,
      organizationUuid: subject.organizationUuid,
      organizationRole: member.organizationRole,
      projectRoles: granted ? { [subject.projectUuid]: granted } : {},
      groupUuids: facts.groupsOfUser.get(member.userUuid) ?? [],
    };
    const access = effectiveSpaceAccess(actor, subject);
    const projectRole = effectiveProjectRole(actor, subject.organizationUuid, subject.projectUuid);
    if (!access || !projectRole) return [];
    const origin = projectRoleOrigin(member, direct, projectRole);
    return [
      {
        userUuid: member.userUuid,
        firstName: member.firstName,
        lastName: member.lastName,
        email: member.email,
        role: access.role,
        hasDirectAccess: subject.root.userAccess[member.userUuid] !== undefined,
        ...(access.source === 'group' ? { inheritedRole: projectRole, inheritedFrom: 'space_group' as const } : origin),
        projectRole,
      },
    ];
  });
