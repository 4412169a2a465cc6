import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export type StoredPasscode = { email: string; passcodeHash: string; numberOfAttempts: number; createdAt: Date };

/** One e-mail passcode per user (table email_one_time_passcodes), stored as a digest. */
export class EmailPasscodeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(userUuid: string): Promise<StoredPasscode | undefined> {
    const row = await this.db
      .selectFrom('email_one_time_passcodes')
      .selectAll()
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return (
      row && {
        email: row.email,
        passcodeHash: row.passcode_hash,
        numberOfAttempts: row.number_of_attempts,
        createdAt: row.created_at,
      }
    );
  }

  /** Stores a new passcode in place of any earlier one, with no attempts. */
  async replace(userUuid: string, email: string, passcodeHash: string, createdAt: Date): Promise<void> {
    await this.db
      .insertInto('email_one_time_passcodes')
      .values({ user_uuid: userUuid, email, passcode_hash: passcodeHash, number_of_attempts: 0, created_at: createdAt })
      .onConflict((oc) =>
        oc.column('user_uuid').doUpdateSet({ email, passcode_hash: passcodeHash, number_of_attempts: 0, created_at: createdAt }),
      )
      .execute();
  }

  /**
   * Counts one attempt atomically and returns the stored digest, but only for a live passcode of
   * this e-mail (created after `createdAfter`, fewer than `maxAttempts` attempts). Concurrent
   * guesses each spend an attempt, so the limit holds under parallel requests.
   */
  async spendAttempt(userUuid: string, email: string, createdAfter: Date, maxAttempts: number): Promise<string | undefined> {
    const row = await this.db
      .updateTable('email_one_time_passcodes')
      .set((eb) => ({ number_of_attempts: eb('number_of_attempts', '+', 1) }))
      .where('user_uuid', '=', userUuid)
      .where('email', '=', email)
      .where('created_at', '>', createdAfter)
      .where('number_of_attempts', '<', maxAttempts)
      .returning('passcode_hash')
      .executeTakeFirst();
    return row?.passcode_hash;
  }

  /** Marks the e-mail verified (if it is still the user's address) and drops the passcode, together. */
  async markVerified(userUuid: string, email: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ is_email_verified: true, updated_at: now })
        .where('user_uuid', '=', userUuid)
        .where('email', '=', email)
        .execute();
      await trx.deleteFrom('email_one_time_passcodes').where('user_uuid', '=', userUuid).execute();
    });
  }

  async delete(userUuid: string): Promise<void> {
    await this.db.deleteFrom('email_one_time_passcodes').where('user_uuid', '=', userUuid).execute();
  }
}
