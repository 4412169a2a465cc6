import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export type Api3Credentials = { id: number; userUuid: string; clientId: string; isDisabled: boolean; createdAt: Date };
export type LookerAccessToken = { userUuid: string; expiresAt: Date };

/**
 * API3 credentials (client id + digest of the secret) and the access tokens `POST /login` hands
 * out (digest only). Secrets and tokens never reach the store in plain text.
 */
export class LookerCredentialsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createCredentials(values: { userUuid: string; clientId: string; secretHash: string; at: Date }): Promise<Api3Credentials> {
    const row = await this.db
      .insertInto('looker_api3_credentials')
      .values({ user_uuid: values.userUuid, client_id: values.clientId, client_secret_hash: values.secretHash, created_at: values.at })
      .returning(['credentials_id', 'user_uuid', 'client_id', 'is_disabled', 'created_at'])
      .executeTakeFirstOrThrow();
    return toCredentials(row);
  }

  async listForUser(userUuid: string): Promise<Api3Credentials[]> {
    const rows = await this.db
      .selectFrom('looker_api3_credentials')
      .select(['credentials_id', 'user_uuid', 'client_id', 'is_disabled', 'created_at'])
      .where('user_uuid', '=', userUuid)
      .orderBy('credentials_id')
      .execute();
    return rows.map(toCredentials);
  }

  async deleteForUser(userUuid: string, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('looker_api3_credentials').where('user_uuid', '=', userUuid).where('credentials_id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The enabled credentials with this client id, with the digest of their secret. */
  async findByClientId(clientId: string): Promise<(Api3Credentials & { secretHash: string }) | undefined> {
    const row = await this.db
      .selectFrom('looker_api3_credentials')
      .select(['credentials_id', 'user_uuid', 'client_id', 'is_disabled', 'created_at', 'client_secret_hash'])
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && { ...toCredentials(row), secretHash: row.client_secret_hash };
  }

  async insertToken(values: { tokenHash: string; userUuid: string; credentialsId: number; at: Date; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('looker_access_tokens')
      .values({ token_hash: values.tokenHash, user_uuid: values.userUuid, credentials_id: values.credentialsId, created_at: values.at, expires_at: values.expiresAt })
      .execute();
  }

  async findToken(tokenHash: string): Promise<LookerAccessToken | undefined> {
    const row = await this.db.selectFrom('looker_access_tokens').select(['user_uuid', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && { userUuid: row.user_uuid, expiresAt: new Date(row.expires_at) };
  }

  async deleteToken(tokenHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('looker_access_tokens').where('token_hash', '=', tokenHash).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Expired tokens are refused on use; this only keeps the table small. */
  async deleteExpiredTokens(now: Date): Promise<void> {
    await this.db.deleteFrom('looker_access_tokens').where('expires_at', '<=', now).execute();
  }
}

const toCredentials = (row: { credentials_id: number; user_uuid: string; client_id: string; is_disabled: boolean; created_at: Date | string }): Api3Credentials => ({
  id: row.credentials_id,
  userUuid: row.user_uuid,
  clientId: row.client_id,
  isDisabled: row.is_disabled,
  createdAt: new Date(row.created_at),
});
