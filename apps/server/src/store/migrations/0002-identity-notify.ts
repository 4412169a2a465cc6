import { sql, type Kysely } from 'kysely';

/**
 * Every change that can alter who a credential belongs to, or whether it still works, notifies
 * channel `tessera_identity`. Each server listens and drops its cached credential resolutions, so
 * a deleted token, a removed member or a changed role takes effect on every node at once.
 * Statement-level triggers: one notification per statement, whatever the row count.
 */
const TRIGGERS: [table: string, events: string][] = [
  ['users', 'update or delete'],
  ['organizations', 'update or delete'],
  ['organization_memberships', 'insert or update or delete'],
  ['personal_access_tokens', 'update of token_hash, expires_at or delete'],
  ['sessions', 'delete'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tessera_notify_identity() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tessera_identity', tg_table_name);
      return null;
    end
    $$`.execute(db);
  for (const [table, events] of TRIGGERS) {
    await sql
      .raw(
        `create trigger ${table}_notify_identity after ${events} on ${table} for each statement execute function tessera_notify_identity()`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
