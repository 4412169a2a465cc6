import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Test fixtures: rows other domains own (projects, groups, invites), inserted directly. */
export const insertProject = async (
  db: Kysely<Database>,
  organizationUuid: string,
  values: { name?: string; type?: 'DEFAULT' | 'PREVIEW'; createdByUserUuid?: string | null } = {},
): Promise<string> => {
  const projectUuid = randomUUID();
  await db
    .insertInto('projects')
    .values({
      project_uuid: projectUuid,
      organization_uuid: organizationUuid,
      name: values.name ?? `Project ${projectUuid.slice(0, 6)}`,
      type: values.type ?? 'DEFAULT',
      warehouse_type: 'postgres',
      created_by_user_uuid: values.createdByUserUuid ?? null,
    })
    .execute();
  return projectUuid;
};

export const grantProject = async (db: Kysely<Database>, projectUuid: string, userUuid: string, role = 'viewer') => {
  await db.insertInto('project_memberships').values({ project_uuid: projectUuid, user_uuid: userUuid, role }).execute();
};

export const insertGroup = async (db: Kysely<Database>, organizationUuid: string, memberUuids: string[], name?: string) => {
  const groupUuid = randomUUID();
  await db
    .insertInto('groups')
    .values({ group_uuid: groupUuid, organization_uuid: organizationUuid, name: name ?? `Group ${groupUuid.slice(0, 6)}` })
    .execute();
  if (memberUuids.length > 0) {
    await db.insertInto('group_memberships').values(memberUuids.map((u) => ({ group_uuid: groupUuid, user_uuid: u }))).execute();
  }
  return groupUuid;
};

export const grantGroupProject = async (db: Kysely<Database>, projectUuid: string, groupUuid: string, role = 'viewer') => {
  await db.insertInto('project_group_access').values({ project_uuid: projectUuid, group_uuid: groupUuid, role }).execute();
};

/** A pending (invited, no password) member of the organization, with an invite link expiring at `expiresAt`. */
export const insertPendingMember = async (
  db: Kysely<Database>,
  organizationUuid: string,
  options: { email?: string; expiresAt?: Date | null; role?: string } = {},
): Promise<string> => {
  const userUuid = randomUUID();
  await db
    .insertInto('users')
    .values({ user_uuid: userUuid, email: options.email ?? `pending-${userUuid.slice(0, 8)}@example.com`, password_hash: null })
    .execute();
  await db
    .insertInto('organization_memberships')
    .values({ user_uuid: userUuid, organization_uuid: organizationUuid, role: options.role ?? 'member' })
    .execute();
  if (options.expiresAt) {
    await db
      .insertInto('invite_links')
      .values({ invite_code_hash: randomUUID(), organization_uuid: organizationUuid, user_uuid: userUuid, expires_at: options.expiresAt })
      .execute();
  }
  return userUuid;
};
