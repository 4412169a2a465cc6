import type { OrganizationRole } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewUser = {
  userUuid: string;
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string | null;
  isEmailVerified?: boolean;
};

/** Users, their organization membership, and the organizations table's create/delete. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async findByEmail(email: string, db: Db = this.db) {
    return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  }

  async create(user: NewUser, db: Db = this.db): Promise<void> {
    await db
      .insertInto('users')
      .values({
        user_uuid: user.userUuid,
        email: normaliseEmail(user.email),
        first_name: user.firstName,
        last_name: user.lastName,
        password_hash: user.passwordHash,
        is_email_verified: user.isEmailVerified ?? false,
      })
      .execute();
  }

  async activate(userUuid: string, values: { firstName: string; lastName: string; passwordHash: string }, db: Db = this.db) {
    await db
      .updateTable('users')
      .set({
        first_name: values.firstName,
        last_name: values.lastName,
        password_hash: values.passwordHash,
        updated_at: new Date(),
      })
      .where('user_uuid', '=', userUuid)
      .execute();
  }

  async createOrganization(organizationUuid: string, name: string, db: Db = this.db): Promise<void> {
    await db.insertInto('organizations').values({ organization_uuid: organizationUuid, name }).execute();
  }

  async addMembership(userUuid: string, organizationUuid: string, role: OrganizationRole, db: Db = this.db) {
    await db
      .insertInto('organization_memberships')
      .values({ user_uuid: userUuid, organization_uuid: organizationUuid, role })
      .execute();
  }

  async countAdmins(db: Db = this.db): Promise<number> {
    const row = await db
      .selectFrom('organization_memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async deleteUser(userUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('users').where('user_uuid', '=', userUuid).execute();
  }
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
