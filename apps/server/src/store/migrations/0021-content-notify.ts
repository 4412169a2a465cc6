import { sql, type Kysely } from 'kysely';

/**
 * Every change to what SpaceAccess and a dashboard tile read before running — spaces, space grants,
 * where a saved chart lives, its versions, a dashboard's space, config and tiles — notifies channel
 * `tessera_query_metadata` (the function of migration 0020), so the per-node content caches
 * (`SpaceAccessCache`, `SavedChartReader.tileCharts`, `DashboardLocator.tileContexts`) are cleared
 * on every node.
 * View counters (`views_count`, `first_viewed_at`), written by GET requests, do not notify: the
 * update triggers name the columns the caches depend on. Statement-level: one notification per
 * statement.
 */
const TRIGGERS: [table: string, events: string][] = [
  ['spaces', 'insert or update or delete or truncate'],
  ['space_user_access', 'insert or update or delete or truncate'],
  ['space_group_access', 'insert or update or delete or truncate'],
  ['saved_queries', 'insert or update of project_uuid, space_uuid, dashboard_uuid or delete or truncate'],
  ['saved_query_versions', 'insert or update or delete or truncate'],
  ['dashboards', 'insert or update of project_uuid, space_uuid, config or delete or truncate'],
  ['dashboard_tiles', 'insert or update or delete or truncate'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, events] of TRIGGERS) {
    await sql
      .raw(`create trigger ${table}_notify_content after ${events} on ${table} for each statement execute function tessera_notify_query_metadata()`)
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
