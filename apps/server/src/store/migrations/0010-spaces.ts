import { sql, type Kysely } from 'kysely';

/**
 * Spaces: folders of a project's content, optionally nested (`parent_space_uuid`), private or
 * public, shared with users and groups at a space role (viewer / editor / admin). A nested space
 * inherits its root's privacy and grants (decided by the policy in core); its own `is_private` and
 * grant rows are kept but not consulted. Everything dies with its project, space, user or group.
 * Slugs are unique per project.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('spaces')
    .addColumn('space_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('parent_space_uuid', 'uuid', (c) => c.references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('is_private', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('spaces_project_slug_unique', ['project_uuid', 'slug'])
    .execute();
  await db.schema.createIndex('spaces_parent_idx').on('spaces').column('parent_space_uuid').execute();

  await db.schema
    .createTable('space_user_access')
    .addColumn('space_uuid', 'uuid', (c) => c.notNull().references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('space_role', 'text', (c) => c.notNull().check(sql`space_role in ('viewer', 'editor', 'admin')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('space_user_access_pk', ['space_uuid', 'user_uuid'])
    .execute();
  await db.schema.createIndex('space_user_access_user_idx').on('space_user_access').column('user_uuid').execute();

  await db.schema
    .createTable('space_group_access')
    .addColumn('space_uuid', 'uuid', (c) => c.notNull().references('spaces.space_uuid').onDelete('cascade'))
    .addColumn('group_uuid', 'uuid', (c) => c.notNull().references('groups.group_uuid').onDelete('cascade'))
    .addColumn('space_role', 'text', (c) => c.notNull().check(sql`space_role in ('viewer', 'editor', 'admin')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('space_group_access_pk', ['space_uuid', 'group_uuid'])
    .execute();
  await db.schema.createIndex('space_group_access_group_idx').on('space_group_access').column('group_uuid').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
