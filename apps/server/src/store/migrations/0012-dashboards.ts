import { sql, type Kysely } from 'kysely';

/**
 * Dashboards: one row per dashboard (in one space of its project; slugs unique per project) with its
 * filters, tabs, config and parameters as `json` (kept exactly as written), a version number that
 * grows with every change of tiles, filters, tabs, config or parameters, and its view count. Tiles
 * are rows in layout order; a saved-chart tile points at its chart (set null when the chart is
 * deleted, so the tile stays and shows the chart is gone). Charts owned by a dashboard
 * (`saved_queries.dashboard_uuid`) are deleted with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dashboards')
    .addColumn('dashboard_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('space_uuid', 'uuid', (c) => c.notNull().references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('filters', 'json', (c) => c.notNull())
    .addColumn('tabs', 'json', (c) => c.notNull())
    .addColumn('config', 'json')
    .addColumn('parameters', 'json')
    .addColumn('views_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_viewed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addUniqueConstraint('dashboards_project_slug_key', ['project_uuid', 'slug'])
    .execute();
  await db.schema.createIndex('dashboards_space_idx').on('dashboards').column('space_uuid').execute();

  await db.schema
    .createTable('dashboard_tiles')
    .addColumn('dashboard_uuid', 'uuid', (c) => c.notNull().references('dashboards.dashboard_uuid').onDelete('cascade'))
    .addColumn('tile_uuid', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('saved_chart', 'markdown', 'loom')`))
    .addColumn('x', 'integer', (c) => c.notNull())
    .addColumn('y', 'integer', (c) => c.notNull())
    .addColumn('w', 'integer', (c) => c.notNull())
    .addColumn('h', 'integer', (c) => c.notNull())
    .addColumn('tab_uuid', 'uuid')
    .addColumn('saved_chart_uuid', 'uuid', (c) => c.references('saved_queries.saved_query_uuid').onDelete('set null'))
    .addColumn('properties', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_tiles_pk', ['dashboard_uuid', 'tile_uuid'])
    .execute();
  await db.schema.createIndex('dashboard_tiles_chart_idx').on('dashboard_tiles').column('saved_chart_uuid').execute();

  await db.schema
    .alterTable('saved_queries')
    .addForeignKeyConstraint('saved_queries_dashboard_fk', ['dashboard_uuid'], 'dashboards', ['dashboard_uuid'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
