import { sql, type Kysely } from 'kysely';

/**
 * Accounts, organizations, sessions, tokens, invites, groups, user attributes, user warehouse
 * credentials, and the base of projects (extended by the projects migration). Secrets are never stored
 * in clear: token and code columns hold SHA-256 digests, credentials hold AES-GCM ciphertext.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('organizations')
    .addColumn('organization_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('chart_colors', 'jsonb')
    .addColumn('default_project_uuid', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('user_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('password_hash', 'text')
    .addColumn('is_email_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('is_setup_complete', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_marketing_opted_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_tracking_anonymized', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // One organization per user (the anchor's model); the unique user_uuid enforces it.
  await db.schema
    .createTable('organization_memberships')
    .addColumn('user_uuid', 'uuid', (c) => c.primaryKey().references('users.user_uuid').onDelete('cascade'))
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.notNull().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('organization_memberships_org_idx')
    .on('organization_memberships')
    .column('organization_uuid')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('session_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_uuid').execute();

  await db.schema
    .createTable('personal_access_tokens')
    .addColumn('personal_access_token_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('rotated_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('pat_user_idx').on('personal_access_tokens').column('user_uuid').execute();

  await db.schema
    .createTable('invite_links')
    .addColumn('invite_code_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.notNull().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('invite_links_user_idx').on('invite_links').column('user_uuid').execute();

  // One-time setup link printed when no admin exists yet.
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_one_time_passcodes')
    .addColumn('user_uuid', 'uuid', (c) => c.primaryKey().references('users.user_uuid').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('passcode_hash', 'text', (c) => c.notNull())
    .addColumn('number_of_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('organization_allowed_email_domains')
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.primaryKey().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('email_domains', 'jsonb', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('projects', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('group_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.notNull().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .execute();
  await sql`create unique index groups_org_name_idx on groups (organization_uuid, lower(name))`.execute(db);

  await db.schema
    .createTable('group_memberships')
    .addColumn('group_uuid', 'uuid', (c) => c.notNull().references('groups.group_uuid').onDelete('cascade'))
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('group_memberships_pk', ['group_uuid', 'user_uuid'])
    .execute();
  await db.schema.createIndex('group_memberships_user_idx').on('group_memberships').column('user_uuid').execute();

  await db.schema
    .createTable('user_attributes')
    .addColumn('user_attribute_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.notNull().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('attribute_default', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('user_attributes_org_name_unique', ['organization_uuid', 'name'])
    .execute();

  await db.schema
    .createTable('user_attribute_user_values')
    .addColumn('user_attribute_uuid', 'uuid', (c) =>
      c.notNull().references('user_attributes.user_attribute_uuid').onDelete('cascade'),
    )
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_attribute_user_values_pk', ['user_attribute_uuid', 'user_uuid'])
    .execute();

  await db.schema
    .createTable('user_attribute_group_values')
    .addColumn('user_attribute_uuid', 'uuid', (c) =>
      c.notNull().references('user_attributes.user_attribute_uuid').onDelete('cascade'),
    )
    .addColumn('group_uuid', 'uuid', (c) => c.notNull().references('groups.group_uuid').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_attribute_group_values_pk', ['user_attribute_uuid', 'group_uuid'])
    .execute();

  await db.schema
    .createTable('user_warehouse_credentials')
    .addColumn('user_warehouse_credentials_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('warehouse_type', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('encrypted_credentials', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('user_warehouse_credentials_user_idx')
    .on('user_warehouse_credentials')
    .column('user_uuid')
    .execute();

  // Base of projects; the projects migration adds connections and model sources.
  await db.schema
    .createTable('projects')
    .addColumn('project_uuid', 'uuid', (c) => c.primaryKey())
    .addColumn('organization_uuid', 'uuid', (c) =>
      c.notNull().references('organizations.organization_uuid').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('DEFAULT'))
    .addColumn('warehouse_type', 'text', (c) => c.notNull())
    .addColumn('require_user_credentials', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('upstream_project_uuid', 'uuid')
    .addColumn('created_by_user_uuid', 'uuid', (c) => c.references('users.user_uuid').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('project_memberships')
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('user_uuid', 'uuid', (c) => c.notNull().references('users.user_uuid').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('project_memberships_pk', ['project_uuid', 'user_uuid'])
    .execute();

  await db.schema
    .createTable('project_group_access')
    .addColumn('project_uuid', 'uuid', (c) => c.notNull().references('projects.project_uuid').onDelete('cascade'))
    .addColumn('group_uuid', 'uuid', (c) => c.notNull().references('groups.group_uuid').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_group_access_pk', ['project_uuid', 'group_uuid'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
