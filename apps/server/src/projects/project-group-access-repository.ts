import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Project roles granted to user groups (table `project_group_access`). */
export class ProjectGroupAccessRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findGroup(groupUuid: string): Promise<{ groupUuid: string; organizationUuid: string } | undefined> {
    const row = await this.db
      .selectFrom('groups')
      .select(['group_uuid', 'organization_uuid'])
      .where('group_uuid', '=', groupUuid)
      .executeTakeFirst();
    return row && { groupUuid: row.group_uuid, organizationUuid: row.organization_uuid };
  }

  async find(projectUuid: string, groupUuid: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('project_group_access')
      .select('role')
      .where('project_uuid', '=', projectUuid)
      .where('group_uuid', '=', groupUuid)
      .executeTakeFirst();
    return row?.role;
  }

  /** Inserts the grant; false when the group already has one on this project. */
  async insert(projectUuid: string, groupUuid: string, role: string): Promise<boolean> {
    const result = await this.db
      .insertInto('project_group_access')
      .values({ project_uuid: projectUuid, group_uuid: groupUuid, role })
      .onConflict((oc) => oc.columns(['project_uuid', 'group_uuid']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async update(projectUuid: string, groupUuid: string, role: string): Promise<boolean> {
    const result = await this.db
      .updateTable('project_group_access')
      .set({ role })
      .where('project_uuid', '=', projectUuid)
      .where('group_uuid', '=', groupUuid)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(projectUuid: string, groupUuid: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('project_group_access')
      .where('project_uuid', '=', projectUuid)
      .where('group_uuid', '=', groupUuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
