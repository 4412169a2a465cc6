import { sql, type Kysely } from 'kysely';

/**
 * The Looker API 3.x face (apps/server/src/looker/):
 * - `looker_api3_credentials`: a user's API3 client id + secret (only the secret's SHA-256 digest is
 *   kept); the integer id is the one Looker clients see.
 * - `looker_access_tokens`: access tokens handed out by `POST /login` (digest only), each expiring.
 * - Looker's dashboard settings as columns of the SAME `dashboards` table (one content model):
 *   the soft-delete flag (`deleted_at`, `deleter_user_uuid`), `hidden`, `refresh_interval`,
 *   `query_timezone`, the colours and other appearance settings (`looker_appearance`, json as
 *   written), `lookml_link_id` (the LookML dashboard a dashboard was imported from) and
 *   `looker_number`, an integer per dashboard for the places Looker's API speaks of integer ids
 *   (sync_lookml_dashboard's answer; numeric ids in paths).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('looker_api3_credentials')
    .addColumn('credentials_id', 'serial', (c) => c.primaryKey())
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('client_secret_hash', 'text', (c) => c.notNull())
    .addColumn('is_disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('looker_api3_credentials_user_idx').on('looker_api3_credentials').column('user_uuid').execute();

  await db.schema
    .createTable('looker_access_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('credentials_id', 'integer', (c) => c.references('looker_api3_credentials.credentials_id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('looker_access_tokens_expiry_idx').on('looker_access_tokens').column('expires_at').execute();

  await db.schema
    .alterTable('dashboards')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('deleter_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('refresh_interval', 'text')
    .addColumn('query_timezone', 'text')
    .addColumn('looker_appearance', 'json')
    .addColumn('lookml_link_id', 'text')
    .addColumn('looker_number', 'serial', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('dashboards_lookml_link_idx').on('dashboards').column('lookml_link_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
