import type { Kysely, Selectable } from 'kysely';
import type { Database, UserWarehouseCredentialsTable } from '../store/schema.js';

/** A stored row: the public part in clear, the secret part only as ciphertext. */
export type StoredWarehouseCredentials = {
  uuid: string;
  userUuid: string;
  name: string;
  type: string;
  user: string | null;
  encryptedCredentials: string;
  createdAt: Date;
  updatedAt: Date;
};

const toStored = (row: Selectable<UserWarehouseCredentialsTable>): StoredWarehouseCredentials => ({
  uuid: row.user_warehouse_credentials_uuid,
  userUuid: row.user_uuid,
  name: row.name,
  type: row.warehouse_type,
  user: row.username,
  encryptedCredentials: row.encrypted_credentials,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type CredentialsValues = { name: string; type: string; user: string | null; encryptedCredentials: string };

export class WarehouseCredentialsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(values: CredentialsValues & { uuid: string; userUuid: string; at: Date }): Promise<StoredWarehouseCredentials> {
    const row = await this.db
      .insertInto('user_warehouse_credentials')
      .values({
        user_warehouse_credentials_uuid: values.uuid,
        user_uuid: values.userUuid,
        name: values.name,
        warehouse_type: values.type,
        username: values.user,
        encrypted_credentials: values.encryptedCredentials,
        created_at: values.at,
        updated_at: values.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStored(row);
  }

  async listForUser(userUuid: string): Promise<StoredWarehouseCredentials[]> {
    const rows = await this.db
      .selectFrom('user_warehouse_credentials')
      .selectAll()
      .where('user_uuid', '=', userUuid)
      .orderBy('created_at', 'asc')
      .orderBy('user_warehouse_credentials_uuid', 'asc')
      .execute();
    return rows.map(toStored);
  }

  async find(uuid: string): Promise<StoredWarehouseCredentials | undefined> {
    const row = await this.db
      .selectFrom('user_warehouse_credentials')
      .selectAll()
      .where('user_warehouse_credentials_uuid', '=', uuid)
      .executeTakeFirst();
    return row && toStored(row);
  }

  /** Updates the row only while it still belongs to `userUuid`; undefined when it is gone. */
  async update(
    uuid: string,
    userUuid: string,
    values: CredentialsValues & { at: Date },
  ): Promise<StoredWarehouseCredentials | undefined> {
    const row = await this.db
      .updateTable('user_warehouse_credentials')
      .set({
        name: values.name,
        warehouse_type: values.type,
        username: values.user,
        encrypted_credentials: values.encryptedCredentials,
        updated_at: values.at,
      })
      .where('user_warehouse_credentials_uuid', '=', uuid)
      .where('user_uuid', '=', userUuid)
      .returningAll()
      .executeTakeFirst();
    return row && toStored(row);
  }

  async delete(uuid: string, userUuid: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('user_warehouse_credentials')
      .where('user_warehouse_credentials_uuid', '=', uuid)
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
