import { ForbiddenError, NotFoundError } from '@tessera/core';
import type { Account } from '../identity/account.js';
import type { DeleteMeRepository } from './delete-me-repository.js';

export type DeleteMeResult = { deletedOrganizationUuid: string | null };

/**
 * Deleting one's own account (DeleteMe). Any signed-in user may delete themselves, except the last
 * admin of an organization that still has other members (403: an organization is never left without
 * an admin). The only member of an organization takes the organization with them, since nobody could
 * reach it any more. One transaction: either everything goes or nothing does.
 */
export class DeleteMeService {
  constructor(private readonly repository: DeleteMeRepository) {}

  deleteMe(account: Account): Promise<DeleteMeResult> {
    const userUuid = account.user.userUuid;
    return this.repository.transaction(async (trx) => {
      let deletedOrganizationUuid: string | null = null;
      const found = await this.repository.membership(userUuid, trx);
      if (found) {
        await this.repository.lockOrganization(found.organizationUuid, trx);
        // Re-read after the lock: a concurrent deletion may have changed the picture.
        const membership = (await this.repository.membership(userUuid, trx)) ?? found;
        const { members, admins } = await this.repository.countMembers(membership.organizationUuid, trx);
        if (members <= 1) {
          await this.repository.deleteOrganization(membership.organizationUuid, trx);
          deletedOrganizationUuid = membership.organizationUuid;
        } else if (membership.role === 'admin' && admins <= 1) {
          throw new ForbiddenError(
            `You are the last admin of ${account.organization?.name ?? 'your organization'}, which still has other members: ` +
              'make another member an admin before deleting your account',
          );
        }
      }
      if (!(await this.repository.deleteUser(userUuid, trx))) throw new NotFoundError('User not found');
      return { deletedOrganizationUuid };
    });
  }
}
