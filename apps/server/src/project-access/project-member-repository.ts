import { PROJECT_ROLES, type ProjectRole } from '@tessera/core';
import type { Kysely } from 'kysely';
import { normaliseEmail } from '../identity/user-repository.js';
import type { Database } from '../store/schema.js';

const isProjectRole = (role: string): role is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(role);

/** The spec's `ProjectMemberProfile`: a direct project membership with the user's name. */
export type ProjectMember = { projectUuid: string; userUuid: string; email: string; firstName: string; lastName: string; role: ProjectRole };
export type ProjectGroupGrant = { projectUuid: string; groupUuid: string; role: ProjectRole };

/**
 * Direct project memberships (`project_memberships`) and the group grants of a project, as the
 * access operations read and write them. Rows with an unknown stored role are left out.
 */
export class ProjectMemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private members(projectUuid: string) {
    return this.db
      .selectFrom('project_memberships as pm')
      .innerJoin('users as u', 'u.user_uuid', 'pm.user_uuid')
      .select(['pm.project_uuid', 'pm.user_uuid', 'pm.role', 'u.email', 'u.first_name', 'u.last_name'])
      .where('pm.project_uuid', '=', projectUuid);
  }

  async list(projectUuid: string): Promise<ProjectMember[]> {
    return (await this.members(projectUuid).orderBy('u.email').execute()).flatMap(toMember);
  }

  async find(projectUuid: string, userUuid: string): Promise<ProjectMember | undefined> {
    return (await this.members(projectUuid).where('pm.user_uuid', '=', userUuid).execute()).flatMap(toMember)[0];
  }

  /** The user of the organization with this email (any letter case), if there is one. */
  async findOrganizationUser(organizationUuid: string, email: string): Promise<{ userUuid: string; email: string } | undefined> {
    const row = await this.db
      .selectFrom('users as u')
      .innerJoin('organization_memberships as om', 'om.user_uuid', 'u.user_uuid')
      .select(['u.user_uuid', 'u.email'])
      .where('om.organization_uuid', '=', organizationUuid)
      .where('u.email', '=', normaliseEmail(email))
      .executeTakeFirst();
    return row && { userUuid: row.user_uuid, email: row.email };
  }

  /** Inserts the membership; false when the user already has one on this project. */
  async insert(projectUuid: string, userUuid: string, role: ProjectRole, at: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('project_memberships')
      .values({ project_uuid: projectUuid, user_uuid: userUuid, role, created_at: at })
      .onConflict((oc) => oc.columns(['project_uuid', 'user_uuid']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async update(projectUuid: string, userUuid: string, role: ProjectRole): Promise<boolean> {
    const result = await this.db
      .updateTable('project_memberships')
      .set({ role })
      .where('project_uuid', '=', projectUuid)
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(projectUuid: string, userUuid: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('project_memberships')
      .where('project_uuid', '=', projectUuid)
      .where('user_uuid', '=', userUuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The project's group grants (groups of the project's organization only), by group name. */
  async groupGrants(projectUuid: string): Promise<ProjectGroupGrant[]> {
    const rows = await this.db
      .selectFrom('project_group_access as pga')
      .innerJoin('groups as g', 'g.group_uuid', 'pga.group_uuid')
      .innerJoin('projects as p', (j) => j.onRef('p.project_uuid', '=', 'pga.project_uuid').onRef('p.organization_uuid', '=', 'g.organization_uuid'))
      .select(['pga.project_uuid', 'pga.group_uuid', 'pga.role'])
      .where('pga.project_uuid', '=', projectUuid)
      .orderBy('g.name')
      .execute();
    return rows.flatMap((r) => (isProjectRole(r.role) ? [{ projectUuid: r.project_uuid, groupUuid: r.group_uuid, role: r.role }] : []));
  }
}

const toMember = (r: { project_uuid: string; user_uuid: string; role: string; email: string; first_name: string; last_name: string }): ProjectMember[] =>
  isProjectRole(r.role)
    ? [{ projectUuid: r.project_uuid, userUuid: r.user_uuid, email: r.email, firstName: r.first_name, lastName: r.last_name, role: r.role }]
    : [];
