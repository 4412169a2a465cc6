import type { OrganizationRole } from '@tessera/core';
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
type Eb = ExpressionBuilder<Database & { u: Database['users']; m: Database['organization_memberships'] }, 'u' | 'm'>;

export type MemberProfile = {
  userUuid: string;
  email: string;
  firstName: string;
  lastName: string;
  organizationUuid: string;
  role: OrganizationRole;
  isActive: boolean;
  isPending: boolean;
  isInviteExpired: boolean;
  userCreatedAt: Date;
  userUpdatedAt: Date;
};

export type MemberFilter = {
  /** Matched case-insensitively and literally as a substring of "first last" or of the e-mail. */
  search?: string | undefined;
  /** Only members who can view this project (it must be a project of the organization). */
  projectUuid?: string | undefined;
  page?: { offset: number; limit: number } | undefined;
};

/** `\`, `%` and `_` are LIKE metacharacters; escaped, the user's text is matched literally. */
export const likeSubstring = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Organization members as profiles: listing with search/filters, lookup, role change, removal. */
export class MemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  private profiles(now: Date, db: Db = this.db) {
    return db
      .selectFrom('users as u')
      .innerJoin('organization_memberships as m', 'm.user_uuid', 'u.user_uuid')
      .select((eb) => [
        'u.user_uuid',
        'u.email',
        'u.first_name',
        'u.last_name',
        'u.is_active',
        'u.created_at',
        'u.updated_at',
        'm.organization_uuid',
        'm.role',
        eb('u.password_hash', 'is', null).as('is_pending'),
        eb.exists(
          eb.selectFrom('invite_links as i').select('i.user_uuid').whereRef('i.user_uuid', '=', 'u.user_uuid'),
        ).as('has_invite'),
        eb.exists(
          eb
            .selectFrom('invite_links as i')
            .select('i.user_uuid')
            .whereRef('i.user_uuid', '=', 'u.user_uuid')
            .where('i.expires_at', '>', now),
        ).as('has_live_invite'),
      ]);
  }

  async list(organizationUuid: string, filter: MemberFilter, now: Date): Promise<{ members: MemberProfile[]; total: number }> {
    const where = (eb: Eb) => {
      const conditions = [eb('m.organization_uuid', '=', organizationUuid)];
      if (filter.search) {
        const pattern = likeSubstring(filter.search);
        conditions.push(
          eb.or([
            eb('u.email', 'ilike', pattern),
            eb(sql<string>`concat(${sql.ref('u.first_name')}, ' ', ${sql.ref('u.last_name')})`, 'ilike', pattern),
          ]),
        );
      }
      if (filter.projectUuid) conditions.push(canViewProject(eb, filter.projectUuid));
      return eb.and(conditions);
    };
    const countRow = await this.db
      .selectFrom('users as u')
      .innerJoin('organization_memberships as m', 'm.user_uuid', 'u.user_uuid')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    let query = this.profiles(now)
      .where(where)
      .orderBy('u.first_name')
      .orderBy('u.last_name')
      .orderBy('u.email')
      .orderBy('u.user_uuid');
    if (filter.page) query = query.offset(filter.page.offset).limit(filter.page.limit);
    const rows = await query.execute();
    return { members: rows.map(toProfile), total: Number(countRow.n) };
  }

  /** The user's profile in whatever organization they belong to; `organizationUuid` tells which. */
  async find(userUuid: string, now: Date, db: Db = this.db): Promise<MemberProfile | undefined> {
    const row = await this.profiles(now, db).where('u.user_uuid', '=', userUuid).executeTakeFirst();
    return row && toProfile(row);
  }

  async userExists(userUuid: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('user_uuid').where('user_uuid', '=', userUuid).executeTakeFirst();
    return row !== undefined;
  }

  /** Up to `limit` groups (by name) of each user, within the organization. */
  async groupsOf(organizationUuid: string, userUuids: readonly string[], limit: number) {
    const byUser = new Map<string, { uuid: string; name: string }[]>();
    if (userUuids.length === 0 || limit <= 0) return byUser;
    const rows = await this.db
      .selectFrom('group_memberships as gm')
      .innerJoin('groups as g', 'g.group_uuid', 'gm.group_uuid')
      .select(['gm.user_uuid', 'g.group_uuid', 'g.name'])
      .where('g.organization_uuid', '=', organizationUuid)
      .where('gm.user_uuid', 'in', [...userUuids])
      .orderBy('g.name')
      .orderBy('g.group_uuid')
      .execute();
    for (const row of rows) {
      const groups = byUser.get(row.user_uuid) ?? [];
      if (groups.length < limit) groups.push({ uuid: row.group_uuid, name: row.name });
      byUser.set(row.user_uuid, groups);
    }
    return byUser;
  }

  /** Locks the organization's admin memberships (for the rest of the transaction) and returns their users. */
  async lockAdmins(organizationUuid: string, trx: Transaction<Database>): Promise<string[]> {
    const rows = await trx
      .selectFrom('organization_memberships')
      .select('user_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('role', '=', 'admin')
      .forUpdate()
      .execute();
    return rows.map((r) => r.user_uuid);
  }

  async updateRole(organizationUuid: string, userUuid: string, role: OrganizationRole, db: Db = this.db): Promise<void> {
    await db
      .updateTable('organization_memberships')
      .set({ role })
      .where('organization_uuid', '=', organizationUuid)
      .where('user_uuid', '=', userUuid)
      .execute();
  }

  async deleteUser(userUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('users').where('user_uuid', '=', userUuid).execute();
  }
}

/** Org role viewer+ (every project), a direct project membership, or a grant through one of their groups. */
const canViewProject = (eb: Eb, projectUuid: string) =>
  eb.or([
    eb('m.role', 'in', ['viewer', 'interactive_viewer', 'editor', 'developer', 'admin']),
    eb.exists(
      eb
        .selectFrom('project_grants as pg')
        .select('pg.user_uuid')
        .whereRef('pg.user_uuid', '=', 'u.user_uuid')
        .where('pg.project_uuid', '=', projectUuid),
    ),
  ]);

type ProfileRow = {
  user_uuid: string;
  email: string;
  first_name: string;
  last_name: string;
  is_active: boolean;
  created_at: Date;
  updated_at: Date;
  organization_uuid: string;
  role: string;
  is_pending: unknown;
  has_invite: unknown;
  has_live_invite: unknown;
};

const toProfile = (row: ProfileRow): MemberProfile => {
  const isPending = Boolean(row.is_pending);
  return {
    userUuid: row.user_uuid,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    organizationUuid: row.organization_uuid,
    role: row.role as OrganizationRole,
    isActive: row.is_active,
    isPending,
    isInviteExpired: isPending && Boolean(row.has_invite) && !row.has_live_invite,
    userCreatedAt: row.created_at,
    userUpdatedAt: row.updated_at,
  };
};
