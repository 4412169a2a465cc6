import type { OrganizationRole } from '@tessera/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Account } from './account.js';

type AccountRow = {
  user_uuid: string;
  email: string;
  first_name: string;
  last_name: string;
  password_hash_set: boolean;
  is_email_verified: boolean;
  is_active: boolean;
  is_setup_complete: boolean;
  is_marketing_opted_in: boolean;
  is_tracking_anonymized: boolean;
  created_at: Date;
  updated_at: Date;
  organization_uuid: string | null;
  organization_name: string | null;
  organization_created_at: Date | null;
  role: string | null;
};

/** Resolves credentials to an Account in one round trip each; the hot path of every request. */
export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db
      .selectFrom('users as u')
      .leftJoin('organization_memberships as m', 'm.user_uuid', 'u.user_uuid')
      .leftJoin('organizations as o', 'o.organization_uuid', 'm.organization_uuid')
      .select((eb) => [
        'u.user_uuid',
        'u.email',
        'u.first_name',
        'u.last_name',
        eb('u.password_hash', 'is not', null).as('password_hash_set'),
        'u.is_email_verified',
        'u.is_active',
        'u.is_setup_complete',
        'u.is_marketing_opted_in',
        'u.is_tracking_anonymized',
        'u.created_at',
        'u.updated_at',
        'o.organization_uuid',
        'o.name as organization_name',
        'o.created_at as organization_created_at',
        'm.role',
      ]);
  }

  async byUserUuid(userUuid: string): Promise<Omit<Account, 'authentication'> | undefined> {
    const row = await this.base().where('u.user_uuid', '=', userUuid).executeTakeFirst();
    return row && toAccount(row as AccountRow);
  }

  async bySession(sessionHash: string) {
    const row = await this.base()
      .innerJoin('sessions as s', 's.user_uuid', 'u.user_uuid')
      .select(['s.expires_at as session_expires_at'])
      .where('s.session_hash', '=', sessionHash)
      .executeTakeFirst();
    return row && { account: toAccount(row as AccountRow), expiresAt: row.session_expires_at };
  }

  async byPersonalAccessToken(tokenHash: string) {
    const row = await this.base()
      .innerJoin('personal_access_tokens as t', 't.user_uuid', 'u.user_uuid')
      .select(['t.personal_access_token_uuid', 't.expires_at as token_expires_at', 't.last_used_at'])
      .where('t.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        account: toAccount(row as AccountRow),
        tokenUuid: row.personal_access_token_uuid,
        expiresAt: row.token_expires_at,
        lastUsedAt: row.last_used_at,
      }
    );
  }
}

const toAccount = (row: AccountRow): Omit<Account, 'authentication'> => ({
  user: {
    userUuid: row.user_uuid,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    isEmailVerified: row.is_email_verified,
    isActive: row.is_active,
    isPending: !row.password_hash_set,
    isSetupComplete: row.is_setup_complete,
    isMarketingOptedIn: row.is_marketing_opted_in,
    isTrackingAnonymized: row.is_tracking_anonymized,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  },
  organization:
    row.organization_uuid === null
      ? null
      : {
          organizationUuid: row.organization_uuid,
          name: row.organization_name ?? '',
          createdAt: row.organization_created_at ?? new Date(0),
        },
  role: (row.role as OrganizationRole | null) ?? null,
});
