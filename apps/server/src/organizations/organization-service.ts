import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError, ParameterError, assertCan, isAtLeast } from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import type { UserRepository } from '../identity/user-repository.js';
import { isUniqueViolation } from '../store/database-errors.js';
import type { Organization, OrganizationProject, OrganizationRepository } from './organization-repository.js';

type Member = Account & { organization: NonNullable<Account['organization']> };

/**
 * The organization itself: read, create (by a user without one), settings, deletion, and the list of
 * its projects the caller may view.
 */
export class OrganizationService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
  ) {}

  async get(account: Member): Promise<Organization> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'Organization', organizationUuid });
    const organization = await this.organizations.find(organizationUuid);
    if (!organization) throw new NotFoundError('Organization not found');
    return organization;
  }

  /** A user without an organization creates one and becomes its admin. Returns the new uuid. */
  async create(account: Account, name: string): Promise<string> {
    if (account.organization !== null) {
      throw new ForbiddenError('You already belong to an organization: a user can only be in one organization');
    }
    const organizationUuid = randomUUID();
    try {
      await this.organizations.transaction(async (trx) => {
        await this.users.createOrganization(organizationUuid, name, trx);
        await this.users.addMembership(account.user.userUuid, organizationUuid, 'admin', trx);
      });
    } catch (error) {
      // A concurrent create or join won the one membership a user can have.
      if (isUniqueViolation(error)) throw new ForbiddenError('You already belong to an organization');
      throw error;
    }
    return organizationUuid;
  }

  async update(
    account: Member,
    values: { name?: string | undefined; chartColors?: string[] | undefined; defaultProjectUuid?: string | undefined },
  ): Promise<void> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'Organization', organizationUuid });
    if (values.defaultProjectUuid !== undefined) {
      const found = await this.organizations.projectsOf(organizationUuid, [values.defaultProjectUuid]);
      if (!found.has(values.defaultProjectUuid)) {
        throw new ParameterError('defaultProjectUuid must be a project of your organization');
      }
    }
    await this.organizations.update(organizationUuid, values);
  }

  /** Deletes the organization and every user in it, atomically. Only an admin of that organization. */
  async delete(account: Account, organizationUuid: string): Promise<void> {
    assertCan(actorOf(account), 'manage', { type: 'Organization', organizationUuid });
    await this.organizations.transaction((trx) => this.organizations.deleteWithUsers(organizationUuid, trx));
  }

  /**
   * Org roles viewer and above see every project of the organization (their org role applies to all
   * projects); an org `member` sees only projects granted directly or through one of their groups.
   */
  async listProjects(account: Member): Promise<OrganizationProject[]> {
    const organizationUuid = account.organization.organizationUuid;
    const actor = actorOf(account);
    assertCan(actor, 'view', { type: 'Organization', organizationUuid });
    const seesAll = actor.organizationRole !== null && isAtLeast(actor.organizationRole, 'viewer');
    return this.organizations.listProjects(
      organizationUuid,
      seesAll ? { kind: 'all' } : { kind: 'granted', userUuid: account.user.userUuid },
    );
  }
}
