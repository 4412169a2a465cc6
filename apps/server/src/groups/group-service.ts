import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, NotFoundError, ParameterError, assertCan } from '@tessera/core';
import type { Transaction } from 'kysely';
import { actorOf, type requireMember } from '../identity/account.js';
import type { Database } from '../store/schema.js';
import { isUniqueViolation } from '../store/database-errors.js';
import type { Group, GroupMember, GroupRepository } from './group-repository.js';

export type MemberAccount = ReturnType<typeof requireMember>;
export type GroupWithMembers = Group & { members: GroupMember[] };
export type MemberRef = { userUuid: string };
export type GroupPage = {
  data: (Group | GroupWithMembers)[];
  pagination?: { page: number; pageSize: number; totalResults: number; totalPageCount: number };
};

const DEFAULT_PAGE_SIZE = 100;

/**
 * User groups of an organization. Any member may view them; only admins change them. A group of
 * another organization answers 403, an unknown one 404. Members must belong to the group's
 * organization; multi-row writes run in one transaction so a refused request writes nothing.
 */
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly now: () => Date,
  ) {}

  async create(account: MemberAccount, input: { name: string; members?: MemberRef[] | undefined }): Promise<GroupWithMembers> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'Group', organizationUuid });
    const uuid = randomUUID();
    await this.write(async (trx) => {
      await this.assertNameFree(organizationUuid, input.name, null, trx);
      const members = await this.validMembers(organizationUuid, input.members ?? [], trx);
      const at = this.now();
      await this.groups.create({ uuid, organizationUuid, name: input.name, userUuid: account.user.userUuid, at }, trx);
      await this.groups.addMembers(uuid, members, at, trx);
    });
    return this.withMembers(uuid);
  }

  async list(
    account: MemberAccount,
    query: { page?: number | undefined; pageSize?: number | undefined; includeMembers?: number | undefined; searchQuery?: string | undefined },
  ): Promise<GroupPage> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'Group', organizationUuid });
    const paginated = query.page !== undefined || query.pageSize !== undefined;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { groups, total } = await this.groups.list(organizationUuid, {
      search: query.searchQuery?.trim(),
      limit: paginated ? pageSize : undefined,
      offset: paginated ? (page - 1) * pageSize : 0,
    });
    let data: (Group | GroupWithMembers)[] = groups;
    if (query.includeMembers !== undefined) {
      const members = await this.groups.firstMembersOf(groups.map((g) => g.uuid), query.includeMembers);
      data = groups.map((g) => ({ ...g, members: members.get(g.uuid) ?? [] }));
    }
    if (!paginated) return { data };
    return { data, pagination: { page, pageSize, totalResults: total, totalPageCount: Math.ceil(total / pageSize) } };
  }

  /** The group alone, or with a window of its members when `includeMembers` is given. */
  async get(
    account: MemberAccount,
    groupUuid: string,
    window: { includeMembers?: number | undefined; offset?: number | undefined },
  ): Promise<Group | GroupWithMembers> {
    const group = await this.visible(account, groupUuid, 'view');
    if (window.includeMembers === undefined) return group;
    return { ...group, members: await this.groups.members(groupUuid, { limit: window.includeMembers, offset: window.offset }) };
  }

  async members(account: MemberAccount, groupUuid: string): Promise<GroupMember[]> {
    await this.visible(account, groupUuid, 'view');
    return this.groups.members(groupUuid);
  }

  /** Renames and/or replaces the whole member set, in one transaction. */
  async update(
    account: MemberAccount,
    groupUuid: string,
    input: { name?: string | undefined; members?: MemberRef[] | undefined },
  ): Promise<GroupWithMembers> {
    const group = await this.visible(account, groupUuid, 'manage');
    await this.write(async (trx) => {
      if (input.name !== undefined) await this.assertNameFree(group.organizationUuid, input.name, groupUuid, trx);
      const at = this.now();
      if (input.members !== undefined) {
        const members = await this.validMembers(group.organizationUuid, input.members, trx);
        await this.groups.removeAllMembers(groupUuid, trx);
        await this.groups.addMembers(groupUuid, members, at, trx);
      }
      await this.groups.touch(groupUuid, { name: input.name, userUuid: account.user.userUuid, at }, trx);
    });
    return this.withMembers(groupUuid);
  }

  async delete(account: MemberAccount, groupUuid: string): Promise<void> {
    await this.visible(account, groupUuid, 'manage');
    await this.groups.delete(groupUuid);
  }

  /** Idempotent: adding a current member changes nothing. */
  async addMember(account: MemberAccount, groupUuid: string, userUuid: string): Promise<void> {
    const group = await this.visible(account, groupUuid, 'manage');
    const user = userUuid.toLowerCase();
    if (!(await this.groups.organizationMembers(group.organizationUuid, [user])).has(user)) {
      throw new NotFoundError(`User ${userUuid} is not a member of this organization`);
    }
    await this.groups.transaction(async (trx) => {
      const at = this.now();
      if ((await this.groups.addMembers(groupUuid, [user], at, trx)) > 0) {
        await this.groups.touch(groupUuid, { userUuid: account.user.userUuid, at }, trx);
      }
    });
  }

  async removeMember(account: MemberAccount, groupUuid: string, userUuid: string): Promise<void> {
    await this.visible(account, groupUuid, 'manage');
    await this.groups.transaction(async (trx) => {
      if (!(await this.groups.removeMember(groupUuid, userUuid.toLowerCase(), trx))) {
        throw new NotFoundError(`User ${userUuid} is not a member of this group`);
      }
      await this.groups.touch(groupUuid, { userUuid: account.user.userUuid, at: this.now() }, trx);
    });
  }

  /** 404 for an unknown group, 403 when the policy refuses (other organization, or role too low). */
  private async visible(account: MemberAccount, groupUuid: string, action: 'view' | 'manage'): Promise<Group> {
    const group = await this.groups.find(groupUuid);
    if (!group) throw new NotFoundError(`Group ${groupUuid} not found`);
    assertCan(actorOf(account), action, { type: 'Group', organizationUuid: group.organizationUuid });
    return group;
  }

  private async withMembers(groupUuid: string): Promise<GroupWithMembers> {
    const group = await this.groups.find(groupUuid);
    if (!group) throw new NotFoundError(`Group ${groupUuid} not found`);
    return { ...group, members: await this.groups.members(groupUuid) };
  }

  private async assertNameFree(organizationUuid: string, name: string, self: string | null, trx: Transaction<Database>) {
    const existing = await this.groups.findUuidByName(organizationUuid, name, trx);
    if (existing !== undefined && existing !== self) {
      throw new AlreadyExistsError(`A group named "${name}" already exists in this organization`);
    }
  }

  /** Distinct member uuids, all of them users of the organization, or 400 naming the others. */
  private async validMembers(organizationUuid: string, members: MemberRef[], trx: Transaction<Database>): Promise<string[]> {
    const uuids = [...new Set(members.map((m) => m.userUuid.toLowerCase()))];
    const known = await this.groups.organizationMembers(organizationUuid, uuids, trx);
    const strangers = uuids.filter((u) => !known.has(u));
    if (strangers.length > 0) {
      throw new ParameterError(`Group members must be users of this organization: ${strangers.join(', ')}`, {
        userUuids: strangers,
      });
    }
    return uuids;
  }

  /** Runs a write in a transaction; a concurrent duplicate name (unique index) becomes 409, not 500. */
  private async write(work: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
    try {
      await this.groups.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyExistsError('A group with this name already exists in this organization');
      throw error;
    }
  }
}
