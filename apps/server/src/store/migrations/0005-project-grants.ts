import { sql, type Kysely } from 'kysely';

/**
 * `project_grants`: every project role a user holds, directly or through one of their groups (a
 * group counts only on projects of its own organization). The one definition of "who has a grant on
 * which project"; listings, member filters and the role resolver all read it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create view project_grants as
      select pm.project_uuid, pm.user_uuid, pm.role
        from project_memberships pm
      union all
      select pga.project_uuid, gm.user_uuid, pga.role
        from project_group_access pga
        join group_memberships gm on gm.group_uuid = pga.group_uuid
        join groups g on g.group_uuid = pga.group_uuid
        join projects p on p.project_uuid = pga.project_uuid and p.organization_uuid = g.organization_uuid`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back');
}
