import { ForbiddenError, NotFoundError, ParameterError, type SpaceRole } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceGrantRepository } from './space-grant-repository.js';
import type { SpaceMemberRepository } from './space-member-repository.js';
import type { SpaceRow } from './space-repository.js';
import type { SpaceService } from './space-service.js';

/**
 * Sharing a space with users and groups (space `manage`: space admins, project and organization
 * admins). Grants live on root spaces only — a nested space inherits its root's — so sharing a
 * nested space is refused with the root to share instead. Adding replaces an existing grant.
 */
export class SpaceSharingService {
  constructor(
    private readonly spaces: SpaceService,
    private readonly grants: SpaceGrantRepository,
    private readonly members: SpaceMemberRepository,
  ) {}

  async shareWithUser(account: MemberAccount, projectUuid: string, spaceUuid: string, userUuid: string, role: SpaceRole): Promise<void> {
    const space = await this.rootToShare(account, projectUuid, spaceUuid);
    await this.spaces.assertMembers(space.organizationUuid, [userUuid.toLowerCase()]);
    await this.grants.putUser(space.spaceUuid, userUuid.toLowerCase(), role);
  }

  async revokeUser(account: MemberAccount, projectUuid: string, spaceUuid: string, userUuid: string): Promise<void> {
    const space = await this.spaces.authorized(account, projectUuid, spaceUuid, 'manage');
    if (!(await this.grants.deleteUser(space.spaceUuid, userUuid.toLowerCase()))) {
      throw new NotFoundError('This user has no direct access to this space');
    }
  }

  /** 404 unknown group, 403 a group of another organization. */
  async shareWithGroup(account: MemberAccount, projectUuid: string, spaceUuid: string, groupUuid: string, role: SpaceRole): Promise<void> {
    const space = await this.rootToShare(account, projectUuid, spaceUuid);
    const organization = await this.members.organizationOfGroup(groupUuid.toLowerCase());
    if (organization === undefined) throw new NotFoundError(`Group ${groupUuid} not found`);
    if (organization !== space.organizationUuid) throw new ForbiddenError("You don't have permission to share with a group of another organization");
    await this.grants.putGroup(space.spaceUuid, groupUuid.toLowerCase(), role);
  }

  async revokeGroup(account: MemberAccount, projectUuid: string, spaceUuid: string, groupUuid: string): Promise<void> {
    const space = await this.spaces.authorized(account, projectUuid, spaceUuid, 'manage');
    if (!(await this.grants.deleteGroup(space.spaceUuid, groupUuid.toLowerCase()))) {
      throw new NotFoundError('This group has no access to this space');
    }
  }

  private async rootToShare(account: MemberAccount, projectUuid: string, spaceUuid: string): Promise<SpaceRow> {
    const space = await this.spaces.authorized(account, projectUuid, spaceUuid, 'manage');
    if (space.parentSpaceUuid !== null) {
      throw new ParameterError(`This space is nested and inherits the access of its root space ${space.rootSpaceUuid}: share that space instead`);
    }
    return space;
  }
}
