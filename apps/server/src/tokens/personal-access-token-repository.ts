import type { Kysely, Selectable } from 'kysely';
import type { Database, PersonalAccessTokensTable } from '../store/schema.js';

export type PersonalAccessToken = {
  uuid: string;
  description: string;
  createdAt: Date;
  expiresAt: Date | null;
  rotatedAt: Date | null;
  lastUsedAt: Date | null;
};

const toToken = (row: Selectable<PersonalAccessTokensTable>): PersonalAccessToken => ({
  uuid: row.personal_access_token_uuid,
  description: row.description,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  rotatedAt: row.rotated_at,
  lastUsedAt: row.last_used_at,
});

export class PersonalAccessTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(values: { uuid: string; userUuid: string; tokenHash: string; description: string; expiresAt: Date | null }) {
    const row = await this.db
      .insertInto('personal_access_tokens')
      .values({
        personal_access_token_uuid: values.uuid,
        user_uuid: values.userUuid,
        token_hash: values.tokenHash,
        description: values.description,
        expires_at: values.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async listForUser(userUuid: string): Promise<PersonalAccessToken[]> {
    const rows = await this.db
      .selectFrom('personal_access_tokens')
      .selectAll()
      .where('user_uuid', '=', userUuid)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async findForUser(userUuid: string, uuid: string): Promise<PersonalAccessToken | undefined> {
    const row = await this.db
      .selectFrom('personal_access_tokens')
      .selectAll()
      .where('user_uuid', '=', userUuid)
      .where('personal_access_token_uuid', '=', uuid)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async rotate(uuid: string, tokenHash: string, expiresAt: Date, rotatedAt: Date): Promise<PersonalAccessToken> {
    const row = await this.db
      .updateTable('personal_access_tokens')
      .set({ token_hash: tokenHash, expires_at: expiresAt, rotated_at: rotatedAt })
      .where('personal_access_token_uuid', '=', uuid)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async deleteForUser(userUuid: string, uuid: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('personal_access_tokens')
      .where('user_uuid', '=', userUuid)
      .where('personal_access_token_uuid', '=', uuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async touch(uuid: string, at: Date): Promise<void> {
    await this.db
      .updateTable('personal_access_tokens')
      .set({ last_used_at: at })
      .where('personal_access_token_uuid', '=', uuid)
      .execute();
  }
}
