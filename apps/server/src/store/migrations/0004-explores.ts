import { sql, type Kysely } from 'kysely';

/**
 * Compiled explores per project (replaced whole by each compile or SetExplores), which tables a
 * project shows, and background jobs (compiles) whose status clients poll.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_explores')
    .addColumn('project_uuid', 'uuid', (c) => c.primaryKey().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('explores', 'jsonb', (c) => c.notNull())
    .addColumn('compiled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('project_tables_configuration')
    .addColumn('project_uuid', 'uuid', (c) => c.primaryKey().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('table_selection', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('job_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('project_uuid', 'uuid', (c) => c.references('projects.project_uuid').onDelete('cascade'))
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('job_status', 'text', (c) => c.notNull())
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    .addColumn('error_message', 'text')
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('jobs_project_idx').on('jobs').column('project_uuid').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
