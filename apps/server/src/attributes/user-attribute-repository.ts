import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UserAttributesTable } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type UserAttribute = {
  uuid: string;
  name: string;
  description: string | null;
  organizationUuid: string;
  createdAt: Date;
  attributeDefault: string | null;
  users: { userUuid: string; email: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};

export type UserAttributeFields = { name: string; description: string | null; attributeDefault: string | null };
export type AttributeValues = {
  users: { userUuid: string; value: string }[];
  groups: { groupUuid: string; value: string }[];
};

/** What §9.4 resolution needs for one user: the organization's attributes and the values that reach the user. */
export type AttributeSources = {
  attributes: { name: string; attributeDefault: string | null }[];
  userValues: { name: string; value: string }[];
  groupValues: { name: string; value: string }[];
};

type Row = Selectable<UserAttributesTable>;

/** User attributes of an organization and their per-user and per-group values. */
export class UserAttributeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(uuid: string, db: Db = this.db): Promise<UserAttribute | undefined> {
    const row = await db.selectFrom('user_attributes').selectAll().where('user_attribute_uuid', '=', uuid).executeTakeFirst();
    return row && (await this.withValues([row], db))[0];
  }

  async list(organizationUuid: string): Promise<UserAttribute[]> {
    const rows = await this.db
      .selectFrom('user_attributes')
      .selectAll()
      .where('organization_uuid', '=', organizationUuid)
      .orderBy('name')
      .execute();
    return this.withValues(rows, this.db);
  }

  async findUuidByName(organizationUuid: string, name: string, db: Db = this.db): Promise<string | undefined> {
    const row = await db
      .selectFrom('user_attributes')
      .select('user_attribute_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.user_attribute_uuid;
  }

  async create(values: UserAttributeFields & { uuid: string; organizationUuid: string; createdAt: Date }, db: Db): Promise<void> {
    await db
      .insertInto('user_attributes')
      .values({
        user_attribute_uuid: values.uuid,
        organization_uuid: values.organizationUuid,
        name: values.name,
        description: values.description,
        attribute_default: values.attributeDefault,
        created_at: values.createdAt,
      })
      .execute();
  }

  async update(uuid: string, values: UserAttributeFields, db: Db): Promise<void> {
    await db
      .updateTable('user_attributes')
      .set({ name: values.name, description: values.description, attribute_default: values.attributeDefault })
      .where('user_attribute_uuid', '=', uuid)
      .execute();
  }

  async delete(uuid: string): Promise<void> {
    await this.db.deleteFrom('user_attributes').where('user_attribute_uuid', '=', uuid).execute();
  }

  /** Replaces every per-user and per-group value of the attribute. */
  async replaceValues(uuid: string, values: AttributeValues, db: Db): Promise<void> {
    await db.deleteFrom('user_attribute_user_values').where('user_attribute_uuid', '=', uuid).execute();
    await db.deleteFrom('user_attribute_group_values').where('user_attribute_uuid', '=', uuid).execute();
    if (values.users.length > 0) {
      await db
        .insertInto('user_attribute_user_values')
        .values(values.users.map((v) => ({ user_attribute_uuid: uuid, user_uuid: v.userUuid, value: v.value })))
        .execute();
    }
    if (values.groups.length > 0) {
      await db
        .insertInto('user_attribute_group_values')
        .values(values.groups.map((v) => ({ user_attribute_uuid: uuid, group_uuid: v.groupUuid, value: v.value })))
        .execute();
    }
  }

  /** Which of these users belong to the organization. */
  async organizationMembers(organizationUuid: string, userUuids: readonly string[], db: Db): Promise<Set<string>> {
    if (userUuids.length === 0) return new Set();
    const rows = await db
      .selectFrom('organization_memberships')
      .select('user_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('user_uuid', 'in', [...userUuids])
      .execute();
    return new Set(rows.map((r) => r.user_uuid));
  }

  /** Which of these groups belong to the organization. */
  async organizationGroups(organizationUuid: string, groupUuids: readonly string[], db: Db): Promise<Set<string>> {
    if (groupUuids.length === 0) return new Set();
    const rows = await db
      .selectFrom('groups')
      .select('group_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('group_uuid', 'in', [...groupUuids])
      .execute();
    return new Set(rows.map((r) => r.group_uuid));
  }

  /** The organization's attributes, the user's own values, and the values of the user's groups. */
  async sourcesFor(userUuid: string, organizationUuid: string): Promise<AttributeSources> {
    const attributes = await this.db
      .selectFrom('user_attributes')
      .select(['name', 'attribute_default as attributeDefault'])
      .where('organization_uuid', '=', organizationUuid)
      .orderBy('name')
      .execute();
    const userValues = await this.db
      .selectFrom('user_attribute_user_values as v')
      .innerJoin('user_attributes as a', 'a.user_attribute_uuid', 'v.user_attribute_uuid')
      .select(['a.name as name', 'v.value as value'])
      .where('a.organization_uuid', '=', organizationUuid)
      .where('v.user_uuid', '=', userUuid)
      .execute();
    const groupValues = await this.db
      .selectFrom('user_attribute_group_values as v')
      .innerJoin('user_attributes as a', 'a.user_attribute_uuid', 'v.user_attribute_uuid')
      .innerJoin('groups as g', 'g.group_uuid', 'v.group_uuid')
      .innerJoin('group_memberships as gm', 'gm.group_uuid', 'g.group_uuid')
      .select(['a.name as name', 'v.value as value'])
      .where('a.organization_uuid', '=', organizationUuid)
      .where('g.organization_uuid', '=', organizationUuid)
      .where('gm.user_uuid', '=', userUuid)
      .orderBy('g.name')
      .orderBy('v.value')
      .execute();
    return { attributes, userValues, groupValues };
  }

  private async withValues(rows: Row[], db: Db): Promise<UserAttribute[]> {
    if (rows.length === 0) return [];
    const uuids = rows.map((r) => r.user_attribute_uuid);
    const users = await db
      .selectFrom('user_attribute_user_values as v')
      .innerJoin('users as u', 'u.user_uuid', 'v.user_uuid')
      .select(['v.user_attribute_uuid as attributeUuid', 'u.user_uuid as userUuid', 'u.email as email', 'v.value as value'])
      .where('v.user_attribute_uuid', 'in', uuids)
      .orderBy('u.email')
      .execute();
    const groups = await db
      .selectFrom('user_attribute_group_values as v')
      .innerJoin('groups as g', 'g.group_uuid', 'v.group_uuid')
      .select(['v.user_attribute_uuid as attributeUuid', 'g.group_uuid as groupUuid', 'v.value as value'])
      .where('v.user_attribute_uuid', 'in', uuids)
      .orderBy('g.name')
      .orderBy('g.group_uuid')
      .execute();
    return rows.map((row) => ({
      uuid: row.user_attribute_uuid,
      name: row.name,
      description: row.description,
      organizationUuid: row.organization_uuid,
      createdAt: row.created_at,
      attributeDefault: row.attribute_default,
      users: users
        .filter((u) => u.attributeUuid === row.user_attribute_uuid)
        .map(({ userUuid, email, value }) => ({ userUuid, email, value })),
      groups: groups
        .filter((g) => g.attributeUuid === row.user_attribute_uuid)
        .map(({ groupUuid, value }) => ({ groupUuid, value })),
    }));
  }
}
