import { sql, type Kysely } from 'kysely';

/**
 * Project content around charts and dashboards: tags (the catalog's categories) and each project's
 * pinned list. A tag name is unique per project, whatever its case. A project has at most one
 * pinned list, made on the first pin; each pinned item is exactly one chart, dashboard or space,
 * at most once per list, and goes when its chart, dashboard or space goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('tag_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index tags_project_name_idx on tags (project_uuid, lower(name))`.execute(db);

  await db.schema
    .createTable('pinned_lists')
    .addColumn('pinned_list_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().unique().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('pinned_items')
    .addColumn('pinned_item_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('pinned_list_uuid', 'uuid', (c) => c.notNull().references('pinned_lists.pinned_list_uuid').onDelete('cascade'))
    .addColumn('saved_query_uuid', 'uuid', (c) => c.references('saved_queries.saved_query_uuid').onDelete('cascade'))
    .addColumn('dashboard_uuid', 'uuid', (c) => c.references('dashboards.dashboard_uuid').onDelete('cascade'))
    .addColumn('space_uuid', 'uuid', (c) => c.references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('pinned_order', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('pinned_items_chart_key', ['pinned_list_uuid', 'saved_query_uuid'])
    .addUniqueConstraint('pinned_items_dashboard_key', ['pinned_list_uuid', 'dashboard_uuid'])
    .addUniqueConstraint('pinned_items_space_key', ['pinned_list_uuid', 'space_uuid'])
    .addCheckConstraint(
      'pinned_items_one_item',
      sql`num_nonnulls(saved_query_uuid, dashboard_uuid, space_uuid) = 1`,
    )
    .execute();
  // The foreign keys' own side, so deleting a chart, dashboard or space finds its pins by index.
  await db.schema.createIndex('pinned_items_chart_idx').on('pinned_items').column('saved_query_uuid').execute();
  await db.schema.createIndex('pinned_items_dashboard_idx').on('pinned_items').column('dashboard_uuid').execute();
  await db.schema.createIndex('pinned_items_space_idx').on('pinned_items').column('space_uuid').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
