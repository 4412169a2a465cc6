import { ForbiddenError, NotFoundError, ParameterError, assertCan, type OrganizationRole } from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import type { MemberProfile, MemberRepository } from './member-repository.js';
import type { OrganizationRepository } from './organization-repository.js';

type Member = Account & { organization: NonNullable<Account['organization']> };

export const DEFAULT_PAGE_SIZE = 100;

export type MemberQuery = {
  page?: number | undefined;
  pageSize?: number | undefined;
  searchQuery?: string | undefined;
  includeGroups?: number | undefined;
  projectUuid?: string | undefined;
};

export type MemberWithGroups = MemberProfile & { groups?: { uuid: string; name: string }[] };

export type MemberPage = {
  data: MemberWithGroups[];
  pagination?: { page: number; pageSize: number; totalResults: number; totalPageCount: number };
};

/**
 * Organization members: any member may list and read profiles of their own organization; only admins
 * change roles or remove people. An organization always keeps at least one admin.
 */
export class MemberService {
  constructor(
    private readonly members: MemberRepository,
    private readonly organizations: OrganizationRepository,
    private readonly now: () => Date,
  ) {}

  /** Paginated only when `page` or `pageSize` is given; otherwise every matching member. */
  async list(account: Member, query: MemberQuery): Promise<MemberPage> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'OrganizationMemberProfile', organizationUuid });
    const paginate = query.page !== undefined || query.pageSize !== undefined;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const pagination = (total: number) =>
      paginate ? { pagination: { page, pageSize, totalResults: total, totalPageCount: Math.ceil(total / pageSize) } } : {};

    if (query.projectUuid !== undefined) {
      // A project of another organization (or none) has no members here; say nothing more about it.
      const found = await this.organizations.projectsOf(organizationUuid, [query.projectUuid]);
      if (!found.has(query.projectUuid)) return { data: [], ...pagination(0) };
    }
    const search = query.searchQuery?.trim();
    const { members, total } = await this.members.list(
      organizationUuid,
      {
        search: search ? search : undefined,
        projectUuid: query.projectUuid,
        page: paginate ? { offset: (page - 1) * pageSize, limit: pageSize } : undefined,
      },
      this.now(),
    );
    const data: MemberWithGroups[] = members;
    if (query.includeGroups !== undefined && query.includeGroups > 0) {
      const groups = await this.members.groupsOf(organizationUuid, members.map((m) => m.userUuid), query.includeGroups);
      for (const member of data) member.groups = groups.get(member.userUuid) ?? [];
    }
    return { data, ...pagination(total) };
  }

  async get(account: Member, userUuid: string): Promise<MemberProfile> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'OrganizationMemberProfile', organizationUuid });
    return this.memberOfMyOrganization(organizationUuid, userUuid);
  }

  async updateRole(account: Member, userUuid: string, role: OrganizationRole): Promise<MemberProfile> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'OrganizationMemberProfile', organizationUuid });
    await this.memberOfMyOrganization(organizationUuid, userUuid);
    return this.members.transaction(async (trx) => {
      const admins = await this.members.lockAdmins(organizationUuid, trx);
      if (role !== 'admin' && admins.length === 1 && admins[0] === userUuid) {
        throw new ParameterError('An organization needs at least one admin: make someone else admin first');
      }
      await this.members.updateRole(organizationUuid, userUuid, role, trx);
      const updated = await this.members.find(userUuid, this.now(), trx);
      if (!updated || updated.organizationUuid !== organizationUuid) throw new NotFoundError('User not found');
      return updated;
    });
  }

  async delete(account: Member, userUuid: string): Promise<void> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'OrganizationMemberProfile', organizationUuid });
    await this.memberOfMyOrganization(organizationUuid, userUuid);
    if (userUuid === account.user.userUuid) {
      throw new ForbiddenError('You cannot delete yourself: ask another admin to remove you');
    }
    await this.members.deleteUser(userUuid);
  }

  /** 404 for an unknown user, 403 for anyone outside the caller's organization. */
  private async memberOfMyOrganization(organizationUuid: string, userUuid: string): Promise<MemberProfile> {
    const profile = await this.members.find(userUuid, this.now());
    if (profile?.organizationUuid === organizationUuid) return profile;
    if (profile || (await this.members.userExists(userUuid))) {
      throw new ForbiddenError("This user is not a member of your organization");
    }
    throw new NotFoundError('User not found');
  }
}
