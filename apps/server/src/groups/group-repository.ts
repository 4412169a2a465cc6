import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, GroupsTable } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Group = {
  uuid: string;
  name: string;
  organizationUuid: string;
  createdAt: Date;
  createdByUserUuid: string | null;
  updatedAt: Date;
  updatedByUserUuid: string | null;
};

export type GroupMember = { userUuid: string; email: string; firstName: string; lastName: string };

const toGroup = (row: Selectable<GroupsTable>): Group => ({
  uuid: row.group_uuid,
  name: row.name,
  organizationUuid: row.organization_uuid,
  createdAt: row.created_at,
  createdByUserUuid: row.created_by_user_uuid,
  updatedAt: row.updated_at,
  updatedByUserUuid: row.updated_by_user_uuid,
});

/** Escapes LIKE metacharacters so a search term matches literally (PostgreSQL's default escape is `\`). */
const likeContains = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Groups and their memberships. Names are unique per organization, case-insensitively (index on lower(name)). */
export class GroupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(groupUuid: string, db: Db = this.db): Promise<Group | undefined> {
    const row = await db.selectFrom('groups').selectAll().where('group_uuid', '=', groupUuid).executeTakeFirst();
    return row && toGroup(row);
  }

  /** The uuid of the organization's group with this name (any letter case), if there is one. */
  async findUuidByName(organizationUuid: string, name: string, db: Db = this.db): Promise<string | undefined> {
    const row = await db
      .selectFrom('groups')
      .select('group_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
      .executeTakeFirst();
    return row?.group_uuid;
  }

  async create(
    values: { uuid: string; organizationUuid: string; name: string; userUuid: string; at: Date },
    db: Db = this.db,
  ): Promise<void> {
    await db
      .insertInto('groups')
      .values({
        group_uuid: values.uuid,
        organization_uuid: values.organizationUuid,
        name: values.name,
        created_at: values.at,
        created_by_user_uuid: values.userUuid,
        updated_at: values.at,
        updated_by_user_uuid: values.userUuid,
      })
      .execute();
  }

  async touch(groupUuid: string, values: { name?: string; userUuid: string; at: Date }, db: Db = this.db): Promise<void> {
    await db
      .updateTable('groups')
      .set({
        ...(values.name !== undefined ? { name: values.name } : {}),
        updated_at: values.at,
        updated_by_user_uuid: values.userUuid,
      })
      .where('group_uuid', '=', groupUuid)
      .execute();
  }

  async delete(groupUuid: string): Promise<void> {
    await this.db.deleteFrom('groups').where('group_uuid', '=', groupUuid).execute();
  }

  /** One page of the organization's groups by name, with the total count of matches. */
  async list(
    organizationUuid: string,
    options: { search?: string | undefined; limit?: number | undefined; offset: number },
  ): Promise<{ groups: Group[]; total: number }> {
    let query = this.db.selectFrom('groups').where('organization_uuid', '=', organizationUuid);
    if (options.search) query = query.where('name', 'ilike', likeContains(options.search));
    const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    let page = query.selectAll().orderBy((eb) => eb.fn('lower', ['name'])).orderBy('group_uuid').offset(options.offset);
    if (options.limit !== undefined) page = page.limit(options.limit);
    return { groups: (await page.execute()).map(toGroup), total: Number(counted.n) };
  }

  /** Which of these users belong to the organization (group members must). */
  async organizationMembers(organizationUuid: string, userUuids: readonly string[], db: Db = this.db): Promise<Set<string>> {
    if (userUuids.length === 0) return new Set();
    const rows = await db
      .selectFrom('organization_memberships')
      .select('user_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('user_uuid', 'in', [...userUuids])
      .execute();
    return new Set(rows.map((r) => r.user_uuid));
  }

  /** Adds members, ignoring those already in the group; returns how many were new. */
  async addMembers(groupUuid: string, userUuids: readonly string[], at: Date, db: Db = this.db): Promise<number> {
    if (userUuids.length === 0) return 0;
    const result = await db
      .insertInto('group_memberships')
      .values(userUuids.map((userUuid) => ({ group_uuid: groupUuid, user_uuid: userUuid, created_at: at })))
      .onConflict((oc) => oc.columns(['group_uuid', 'user_uuid']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  async removeAllMembers(groupUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('group_memberships').where('group_uuid', '=', groupUuid).execute();
  }

  async removeMember(groupUuid: string, userUuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db
      .deleteFrom('group_memberships')
      .where('group_uuid', '=', groupUuid)
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Members of one group by e-mail, optionally one window of them. */
  async members(groupUuid: string, window: { limit?: number | undefined; offset?: number | undefined } = {}, db: Db = this.db): Promise<GroupMember[]> {
    let query = db
      .selectFrom('group_memberships as gm')
      .innerJoin('users as u', 'u.user_uuid', 'gm.user_uuid')
      .select(['u.user_uuid as userUuid', 'u.email as email', 'u.first_name as firstName', 'u.last_name as lastName'])
      .where('gm.group_uuid', '=', groupUuid)
      .orderBy('u.email')
      .offset(window.offset ?? 0);
    if (window.limit !== undefined) query = query.limit(window.limit);
    return query.execute();
  }

  /** The first `limit` members (by e-mail) of each of these groups. */
  async firstMembersOf(groupUuids: readonly string[], limit: number): Promise<Map<string, GroupMember[]>> {
    const byGroup = new Map<string, GroupMember[]>(groupUuids.map((uuid) => [uuid, []]));
    if (groupUuids.length === 0 || limit <= 0) return byGroup;
    const ranked = this.db
      .selectFrom('group_memberships as gm')
      .innerJoin('users as u', 'u.user_uuid', 'gm.user_uuid')
      .select((eb) => [
        'gm.group_uuid as groupUuid',
        'u.user_uuid as userUuid',
        'u.email as email',
        'u.first_name as firstName',
        'u.last_name as lastName',
        eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('gm.group_uuid').orderBy('u.email')).as('rank'),
      ])
      .where('gm.group_uuid', 'in', [...groupUuids]);
    const rows = await this.db
      .selectFrom(ranked.as('m'))
      .selectAll()
      .where('m.rank', '<=', limit)
      .orderBy('m.groupUuid')
      .orderBy('m.email')
      .execute();
    for (const { groupUuid, userUuid, email, firstName, lastName } of rows) {
      byGroup.get(groupUuid)?.push({ userUuid, email, firstName, lastName });
    }
    return byGroup;
  }
}
