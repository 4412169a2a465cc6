import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, NotFoundError, ParameterError, assertCan } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../store/database-errors.js';
import { actorOf, type requireMember } from '../identity/account.js';
import type { Database } from '../store/schema.js';
import { resolveAttributeValues, type UserAttributeValues } from './resolve-user-attributes.js';
import { UserAttributeRepository, type UserAttribute } from './user-attribute-repository.js';

type MemberAccount = ReturnType<typeof requireMember>;

export type UserAttributeInput = {
  name: string;
  description?: string | null | undefined;
  attributeDefault: string | null;
  users: { userUuid: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};

/** Attribute names are used in SQL templates as `${lightdash.attributes.<name>}`. */
export const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_]*$/i;

/**
 * User attributes (row-level security values) of an organization: admin only, names unique per
 * organization, values only for users and groups of the same organization. Writes replace the whole
 * value sets in one transaction, so a refused request writes nothing.
 */
export class UserAttributeService {
  constructor(
    private readonly attributes: UserAttributeRepository,
    private readonly now: () => Date,
  ) {}

  list(account: MemberAccount): Promise<UserAttribute[]> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'view', { type: 'UserAttribute', organizationUuid });
    return this.attributes.list(organizationUuid);
  }

  async create(account: MemberAccount, input: UserAttributeInput): Promise<UserAttribute> {
    const organizationUuid = account.organization.organizationUuid;
    assertCan(actorOf(account), 'manage', { type: 'UserAttribute', organizationUuid });
    const uuid = randomUUID();
    await this.write(async (trx) => {
      const fields = await this.validFields(organizationUuid, input, null, trx);
      const values = await this.validValues(organizationUuid, input, trx);
      await this.attributes.create({ ...fields, uuid, organizationUuid, createdAt: this.now() }, trx);
      await this.attributes.replaceValues(uuid, values, trx);
    });
    return this.found(uuid);
  }

  async update(account: MemberAccount, uuid: string, input: UserAttributeInput): Promise<UserAttribute> {
    const existing = await this.manageable(account, uuid);
    await this.write(async (trx) => {
      const fields = await this.validFields(existing.organizationUuid, input, uuid, trx);
      const values = await this.validValues(existing.organizationUuid, input, trx);
      await this.attributes.update(uuid, fields, trx);
      await this.attributes.replaceValues(uuid, values, trx);
    });
    return this.found(uuid);
  }

  async delete(account: MemberAccount, uuid: string): Promise<void> {
    await this.manageable(account, uuid);
    await this.attributes.delete(uuid);
  }

  /**
   * The attribute values that apply to a user of an organization (reference §9.4), for the query
   * engine's `${lightdash.attributes.<name>}` and row filters. No permission check: the caller
   * resolves the values of the account it is already acting for.
   */
  async resolveUserAttributes(userUuid: string, organizationUuid: string): Promise<UserAttributeValues> {
    return resolveAttributeValues(await this.attributes.sourcesFor(userUuid.toLowerCase(), organizationUuid));
  }

  private async manageable(account: MemberAccount, uuid: string): Promise<UserAttribute> {
    const existing = await this.attributes.find(uuid);
    if (!existing) throw new NotFoundError(`User attribute ${uuid} not found`);
    assertCan(actorOf(account), 'manage', { type: 'UserAttribute', organizationUuid: existing.organizationUuid });
    return existing;
  }

  private async found(uuid: string): Promise<UserAttribute> {
    const attribute = await this.attributes.find(uuid);
    if (!attribute) throw new NotFoundError(`User attribute ${uuid} not found`);
    return attribute;
  }

  private async validFields(organizationUuid: string, input: UserAttributeInput, self: string | null, trx: Transaction<Database>) {
    if (!ATTRIBUTE_NAME.test(input.name)) {
      throw new ParameterError(
        `Invalid user attribute name "${input.name}": use only letters, digits and underscores, not starting with a digit ` +
          '(it is referenced in SQL as ${lightdash.attributes.<name>})',
      );
    }
    const taken = await this.attributes.findUuidByName(organizationUuid, input.name, trx);
    if (taken !== undefined && taken !== self) {
      throw new AlreadyExistsError(`A user attribute named "${input.name}" already exists in this organization`);
    }
    return { name: input.name, description: input.description ?? null, attributeDefault: input.attributeDefault };
  }

  /** Each user and group at most once, all of them in the organization; 400 otherwise. */
  private async validValues(organizationUuid: string, input: UserAttributeInput, trx: Transaction<Database>) {
    const users = input.users.map((v) => ({ userUuid: v.userUuid.toLowerCase(), value: v.value }));
    const groups = input.groups.map((v) => ({ groupUuid: v.groupUuid.toLowerCase(), value: v.value }));
    const userUuids = distinct(users.map((v) => v.userUuid), 'user');
    const groupUuids = distinct(groups.map((v) => v.groupUuid), 'group');
    const members = await this.attributes.organizationMembers(organizationUuid, userUuids, trx);
    const strangers = userUuids.filter((u) => !members.has(u));
    if (strangers.length > 0) {
      throw new ParameterError(`Users must belong to this organization: ${strangers.join(', ')}`, { userUuids: strangers });
    }
    const known = await this.attributes.organizationGroups(organizationUuid, groupUuids, trx);
    const unknown = groupUuids.filter((g) => !known.has(g));
    if (unknown.length > 0) {
      throw new ParameterError(`Groups must belong to this organization: ${unknown.join(', ')}`, { groupUuids: unknown });
    }
    return { users, groups };
  }

  private async write(work: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
    try {
      await this.attributes.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyExistsError('A user attribute with this name already exists in this organization');
      throw error;
    }
  }
}

const distinct = (uuids: string[], what: 'user' | 'group'): string[] => {
  const seen = new Set<string>();
  for (const uuid of uuids) {
    if (seen.has(uuid)) throw new ParameterError(`Each ${what} may have only one value: ${uuid} appears more than once`);
    seen.add(uuid);
  }
  return uuids;
};

/** For the query engine: resolves attribute values straight from the store. */
export const createUserAttributeResolver = (db: Kysely<Database>, now: () => Date = () => new Date()): Pick<UserAttributeService, 'resolveUserAttributes'> =>
  new UserAttributeService(new UserAttributeRepository(db), now);
