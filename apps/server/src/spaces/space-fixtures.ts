import { randomUUID } from 'node:crypto';
import type { SpaceRole } from '@tessera/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Test fixtures: spaces and grants inserted directly (other domains' tests use them too). */
export const insertSpace = async (
  db: Kysely<Database>,
  projectUuid: string,
  values: { name?: string; isPrivate?: boolean; parentSpaceUuid?: string | null; createdByUserUuid?: string | null } = {},
): Promise<string> => {
  const spaceUuid = randomUUID();
  await db
    .insertInto('spaces')
    .values({
      space_uuid: spaceUuid,
      project_uuid: projectUuid,
      parent_space_uuid: values.parentSpaceUuid ?? null,
      name: values.name ?? `Space ${spaceUuid.slice(0, 6)}`,
      slug: `space-${spaceUuid}`,
      is_private: values.isPrivate ?? false,
      created_by_user_uuid: values.createdByUserUuid ?? null,
    })
    .execute();
  return spaceUuid;
};

export const shareSpace = async (db: Kysely<Database>, spaceUuid: string, userUuid: string, role: SpaceRole) => {
  await db.insertInto('space_user_access').values({ space_uuid: spaceUuid, user_uuid: userUuid, space_role: role }).execute();
};

export const shareSpaceWithGroup = async (db: Kysely<Database>, spaceUuid: string, groupUuid: string, role: SpaceRole) => {
  await db.insertInto('space_group_access').values({ space_uuid: spaceUuid, group_uuid: groupUuid, space_role: role }).execute();
};
