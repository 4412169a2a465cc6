import { ForbiddenError, ParameterError, assertCan, type OrganizationRole } from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import type { UserRepository } from '../identity/user-repository.js';
import { isUniqueViolation } from '../store/database-errors.js';
import type { AllowedEmailDomains, EmailDomainRepository, JoinableOrganization } from './email-domain-repository.js';
import { domainOfEmail, isGenericDomain, validateEmailDomains } from './email-domain-rules.js';
import type { OrganizationRepository } from './organization-repository.js';

type Member = Account & { organization: NonNullable<Account['organization']> };

/** What an organization answers before an admin configured anything: nobody joins by domain. */
const NOTHING_ALLOWED: AllowedEmailDomains = { emailDomains: [], role: 'viewer', projects: [] };

/**
 * Allowed e-mail domains: admins list the domains whose people may join on their own, with the org
 * role and project roles they get; a signed-in user without an organization and with a verified
 * e-mail on such a domain sees those organizations and may join one.
 */
export class EmailDomainService {
  constructor(
    private readonly domains: EmailDomainRepository,
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
  ) {}

  async get(account: Member): Promise<AllowedEmailDomains & { organizationUuid: string }> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'AllowedEmailDomains', organizationUuid });
    const stored = (await this.domains.get(organizationUuid)) ?? NOTHING_ALLOWED;
    // Projects deleted since the last update no longer grant anything; do not show them.
    const existing = await this.organizations.projectsOf(organizationUuid, stored.projects.map((p) => p.projectUuid));
    return { organizationUuid, ...stored, projects: stored.projects.filter((p) => existing.has(p.projectUuid)) };
  }

  async update(account: Member, input: AllowedEmailDomains): Promise<AllowedEmailDomains & { organizationUuid: string }> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'AllowedEmailDomains', organizationUuid });
    const emailDomains = validateEmailDomains(input.emailDomains);
    const projectUuids = input.projects.map((p) => p.projectUuid);
    if (new Set(projectUuids).size !== projectUuids.length) {
      throw new ParameterError('Each project can be listed only once in projects');
    }
    const found = await this.organizations.projectsOf(organizationUuid, projectUuids);
    const unknown = projectUuids.find((uuid) => !found.has(uuid));
    if (unknown !== undefined) {
      throw new ParameterError(`Project ${unknown} is not a project of your organization`, { projectUuid: unknown });
    }
    const values = { emailDomains, role: input.role, projects: input.projects.map((p) => ({ projectUuid: p.projectUuid, role: p.role })) };
    await this.domains.upsert(organizationUuid, values);
    return { organizationUuid, ...values };
  }

  /** Empty unless the user has no organization and a verified e-mail on a non-public domain. */
  async joinable(account: Account): Promise<JoinableOrganization[]> {
    if (account.organization !== null || !account.user.isEmailVerified) return [];
    const domain = domainOfEmail(account.user.email);
    if (domain === undefined || isGenericDomain(domain)) return [];
    return this.domains.organizationsForDomain(domain);
  }

  /** Joins with the domain's org role and project roles (projects still in the organization), atomically. */
  async join(account: Account, organizationUuid: string): Promise<void> {
    if (account.organization !== null) {
      throw new ForbiddenError('You already belong to an organization: a user can only be in one organization');
    }
    const target = (await this.joinable(account)).find((o) => o.organizationUuid === organizationUuid);
    if (!target) {
      throw new ForbiddenError('You cannot join this organization: it does not accept your verified e-mail domain');
    }
    const userUuid = account.user.userUuid;
    try {
      await this.domains.transaction(async (trx) => {
        await this.users.addMembership(userUuid, organizationUuid, target.role as OrganizationRole, trx);
        const stillThere = await this.organizations.projectsOf(organizationUuid, target.projects.map((p) => p.projectUuid), trx);
        await this.domains.addProjectMemberships(userUuid, target.projects.filter((p) => stillThere.has(p.projectUuid)), trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ForbiddenError('You already belong to an organization');
      throw error;
    }
  }
}
