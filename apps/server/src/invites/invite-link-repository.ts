import type { OrganizationRole } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type StoredInviteLink = {
  organizationUuid: string;
  userUuid: string;
  email: string;
  expiresAt: Date;
};

/** The user an invite is aimed at, with what decides whether a (new) invite may be issued. */
export type InviteTarget = {
  userUuid: string;
  hasPassword: boolean;
  isActive: boolean;
  organizationUuid: string | null;
};

/** Invite links (stored by the SHA-256 of their code) and the pending users they point at. */
export class InviteLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async findTarget(email: string, db: Db = this.db): Promise<InviteTarget | undefined> {
    const row = await db
      .selectFrom('users as u')
      .leftJoin('organization_memberships as m', 'm.user_uuid', 'u.user_uuid')
      .select((eb) => [
        'u.user_uuid',
        eb('u.password_hash', 'is not', null).as('has_password'),
        'u.is_active',
        'm.organization_uuid',
      ])
      .where('u.email', '=', email)
      .executeTakeFirst();
    return (
      row && {
        userUuid: row.user_uuid,
        hasPassword: Boolean(row.has_password),
        isActive: row.is_active,
        organizationUuid: row.organization_uuid,
      }
    );
  }

  async setRole(userUuid: string, organizationUuid: string, role: OrganizationRole, db: Db = this.db): Promise<void> {
    await db
      .updateTable('organization_memberships')
      .set({ role })
      .where('user_uuid', '=', userUuid)
      .where('organization_uuid', '=', organizationUuid)
      .execute();
  }

  async insert(
    link: { codeHash: string; organizationUuid: string; userUuid: string; expiresAt: Date; createdAt: Date },
    db: Db = this.db,
  ): Promise<void> {
    await db
      .insertInto('invite_links')
      .values({
        invite_code_hash: link.codeHash,
        organization_uuid: link.organizationUuid,
        user_uuid: link.userUuid,
        expires_at: link.expiresAt,
        created_at: link.createdAt,
      })
      .execute();
  }

  async find(codeHash: string): Promise<StoredInviteLink | undefined> {
    const row = await this.db
      .selectFrom('invite_links as l')
      .innerJoin('users as u', 'u.user_uuid', 'l.user_uuid')
      .select(['l.organization_uuid', 'l.user_uuid', 'l.expires_at', 'u.email'])
      .where('l.invite_code_hash', '=', codeHash)
      .executeTakeFirst();
    return (
      row && { organizationUuid: row.organization_uuid, userUuid: row.user_uuid, email: row.email, expiresAt: row.expires_at }
    );
  }

  /** Deletes the link and returns what it was: only one caller can ever spend a code. */
  async consume(codeHash: string, db: Db = this.db): Promise<Omit<StoredInviteLink, 'email'> | undefined> {
    const row = await db
      .deleteFrom('invite_links')
      .where('invite_code_hash', '=', codeHash)
      .returning(['organization_uuid', 'user_uuid', 'expires_at'])
      .executeTakeFirst();
    return row && { organizationUuid: row.organization_uuid, userUuid: row.user_uuid, expiresAt: row.expires_at };
  }

  async deleteForUser(userUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('invite_links').where('user_uuid', '=', userUuid).execute();
  }

  /** Removes a just-issued link, and the pending user it created when given (only while still pending). */
  async withdraw(codeHash: string, createdUserUuid: string | undefined): Promise<void> {
    await this.transaction(async (trx) => {
      await trx.deleteFrom('invite_links').where('invite_code_hash', '=', codeHash).execute();
      if (createdUserUuid !== undefined) {
        await trx.deleteFrom('users').where('user_uuid', '=', createdUserUuid).where('password_hash', 'is', null).execute();
      }
    });
  }

  async deleteForOrganization(organizationUuid: string): Promise<number> {
    const result = await this.db
      .deleteFrom('invite_links')
      .where('organization_uuid', '=', organizationUuid)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async organizationName(organizationUuid: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('organizations')
      .select('name')
      .where('organization_uuid', '=', organizationUuid)
      .executeTakeFirst();
    return row?.name;
  }
}
