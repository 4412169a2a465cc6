import { sql, type Kysely } from 'kysely';

/**
 * Projects get their connections and settings. Connections are stored only as AES-256-GCM
 * ciphertext (they hold passwords, keys and dbt environment values); the types a compiler or a
 * listing needs stay in clear (`warehouse_type` from 0001, `dbt_connection_type`). Every new column
 * has a default so rows written before (or by fixtures that know only 0001) stay valid: no
 * connection means dbt type `none` and no warehouse connection. An uploaded dbt manifest lives in
 * its own table, read only by the model compiler.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('dbt_connection_type', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('dbt_connection_encrypted', 'text')
    .addColumn('warehouse_connection_encrypted', 'text')
    .addColumn('semantic_layer_connection_encrypted', 'text')
    .addColumn('dbt_version', 'text', (c) => c.notNull().defaultTo('v1.8'))
    .addColumn('scheduler_timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('projects')
    .addForeignKeyConstraint('projects_upstream_fk', ['upstream_project_uuid'], 'projects', ['project_uuid'], (c) =>
      c.onDelete('set null'),
    )
    .execute();
  await db.schema.createIndex('projects_org_idx').on('projects').column('organization_uuid').execute();
  await db.schema.createIndex('projects_upstream_idx').on('projects').column('upstream_project_uuid').execute();
  await db.schema.createIndex('project_group_access_group_idx').on('project_group_access').column('group_uuid').execute();
  await db.schema.createIndex('project_memberships_user_idx').on('project_memberships').column('user_uuid').execute();

  await db.schema
    .createTable('project_manifests')
    .addColumn('project_uuid', 'uuid', (c) => c.primaryKey().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('uploaded_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
