import { sql, type Kysely } from 'kysely';

/**
 * Saved charts and their versions. A chart lives in exactly one place: a space (`space_uuid`) or a
 * dashboard (`dashboard_uuid`, whose foreign key the dashboards migration adds); it then takes the
 * dashboard's space. Slugs are unique per project. Each change of the query or the visualisation
 * is a new row in `saved_query_versions`, numbered per chart; the chart's latest version is the
 * highest number. The version payloads are `json` (not `jsonb`) so they come back exactly as they
 * were written, key order included. `chart_kind`/`chart_type` repeat the latest version's, for
 * listings that should not read the payloads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_queries')
    .addColumn('saved_query_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('space_uuid', 'uuid', (c) => c.references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('dashboard_uuid', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('chart_kind', 'text', (c) => c.notNull())
    .addColumn('chart_type', 'text', (c) => c.notNull())
    .addColumn('views_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_viewed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addUniqueConstraint('saved_queries_project_slug_key', ['project_uuid', 'slug'])
    .addCheckConstraint('saved_queries_one_home', sql`(space_uuid is null) <> (dashboard_uuid is null)`)
    .execute();
  await db.schema.createIndex('saved_queries_space_idx').on('saved_queries').column('space_uuid').execute();
  await db.schema.createIndex('saved_queries_dashboard_idx').on('saved_queries').column('dashboard_uuid').execute();

  await db.schema
    .createTable('saved_query_versions')
    .addColumn('saved_query_version_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('saved_query_uuid', 'uuid', (c) => c.notNull().references('saved_queries.saved_query_uuid').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('metric_query', 'json', (c) => c.notNull())
    .addColumn('chart_config', 'json', (c) => c.notNull())
    .addColumn('table_config', 'json', (c) => c.notNull())
    .addColumn('pivot_config', 'json')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addUniqueConstraint('saved_query_versions_number_key', ['saved_query_uuid', 'version_number'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
