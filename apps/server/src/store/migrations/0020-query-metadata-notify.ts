import { sql, type Kysely } from 'kysely';

/**
 * Every change to what a query reads before it compiles — a project (its connection), who holds a
 * role on it (directly or through a group), user attribute values, the project's explores —
 * notifies channel
 * `tessera_query_metadata`. Each server listens and clears its query metadata caches
 * (`QueryMetadataCache`), so a revoked access or a changed attribute takes effect on every node.
 * Statement-level triggers: one notification per statement, whatever the row count.
 */
const TABLES = [
  'projects',
  'project_memberships',
  'project_group_access',
  'groups',
  'group_memberships',
  'user_attributes',
  'user_attribute_user_values',
  'user_attribute_group_values',
  'project_explores',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tessera_notify_query_metadata() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tessera_query_metadata', tg_table_name);
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql
      .raw(
        `create trigger ${table}_notify_query_metadata after insert or update or delete or truncate on ${table} for each statement execute function tessera_notify_query_metadata()`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
