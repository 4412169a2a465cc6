import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The writes and look-ups of self-service registration that the identity repositories do not have. */
export class RegistrationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Whether some organization lists this (lower-case) domain among its allowed e-mail domains. */
  async isEmailDomainAllowed(domain: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organization_allowed_email_domains as d')
      .select('d.organization_uuid')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom(sql<{ value: string }>`jsonb_array_elements_text(d.email_domains)`.as('e'))
            .select('e.value')
            .where(sql<string>`lower(e.value)`, '=', domain),
        ),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Gives a pending user (no password yet) a name and password; the e-mail counts as verified since
   * the invite reached it. False when the user is no longer pending or was deactivated.
   */
  async activatePendingUser(
    userUuid: string,
    values: { firstName: string; lastName: string; passwordHash: string; now: Date },
    db: Db = this.db,
  ): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({
        first_name: values.firstName,
        last_name: values.lastName,
        password_hash: values.passwordHash,
        is_email_verified: true,
        updated_at: values.now,
      })
      .where('user_uuid', '=', userUuid)
      .where('password_hash', 'is', null)
      .where('is_active', '=', true)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
