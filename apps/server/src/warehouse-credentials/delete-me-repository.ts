import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Trx = Transaction<Database>;

/**
 * The store side of deleting one's own account. Everything a user owns hangs off `users` with
 * `on delete cascade` (sessions, tokens, credentials, memberships) or `set null` (authorship), and
 * everything an organization owns hangs off `organizations` the same way; the tests check that.
 */
export class DeleteMeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async membership(userUuid: string, trx: Trx): Promise<{ organizationUuid: string; role: string } | undefined> {
    const row = await trx
      .selectFrom('organization_memberships')
      .select(['organization_uuid', 'role'])
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return row && { organizationUuid: row.organization_uuid, role: row.role };
  }

  /** Serialises concurrent self-deletions in one organization so two last admins cannot both leave. */
  async lockOrganization(organizationUuid: string, trx: Trx): Promise<void> {
    await trx
      .selectFrom('organizations')
      .select('organization_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .forUpdate()
      .execute();
  }

  async countMembers(organizationUuid: string, trx: Trx): Promise<{ members: number; admins: number }> {
    const row = await trx
      .selectFrom('organization_memberships')
      .select((eb) => [
        eb.fn.countAll<number>().as('members'),
        eb.fn.count<number>(eb.case().when('role', '=', 'admin').then(1).end()).as('admins'),
      ])
      .where('organization_uuid', '=', organizationUuid)
      .executeTakeFirstOrThrow();
    return { members: Number(row.members), admins: Number(row.admins) };
  }

  async deleteOrganization(organizationUuid: string, trx: Trx): Promise<void> {
    await trx.deleteFrom('organizations').where('organization_uuid', '=', organizationUuid).execute();
  }

  async deleteUser(userUuid: string, trx: Trx): Promise<boolean> {
    const result = await trx.deleteFrom('users').where('user_uuid', '=', userUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
