import { PROJECT_ROLES, highestRole, type Actor, type ProjectRole } from '@tessera/core';
import type { Kysely } from 'kysely';
import { actorOf, type Account } from '../identity/account.js';
import type { Database } from '../store/schema.js';

const isProjectRole = (role: string): role is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(role);

/**
 * Resolves the project roles granted to a user — the highest of the direct membership and the
 * grants of the user's groups — with one query, and builds the policy's Actor with them. The
 * organization role is not looked at here: the policy adds it (`effectiveProjectRole`).
 */
export class ProjectRoleResolver {
  constructor(private readonly db: Kysely<Database>) {}

  async grantedRoles(userUuid: string, projectUuids: readonly string[]): Promise<Record<string, ProjectRole>> {
    const uuids = [...new Set(projectUuids)];
    if (uuids.length === 0) return {};
    const rows = await this.db
      .selectFrom('project_grants')
      .select(['project_uuid', 'role'])
      .where('user_uuid', '=', userUuid)
      .where('project_uuid', 'in', uuids)
      .execute();
    const byProject = new Map<string, ProjectRole[]>();
    for (const row of rows) {
      // An unknown stored role grants nothing rather than failing the request.
      if (!isProjectRole(row.role)) continue;
      byProject.set(row.project_uuid, [...(byProject.get(row.project_uuid) ?? []), row.role]);
    }
    const roles: Record<string, ProjectRole> = {};
    for (const [project, granted] of byProject) {
      const best = highestRole(granted);
      if (best) roles[project] = best;
    }
    return roles;
  }

  /** The account as a policy Actor, with its granted roles on the given projects. */
  async actorFor(account: Account, projectUuids: readonly (string | null)[]): Promise<Actor> {
    const uuids = projectUuids.filter((u): u is string => u !== null);
    return { ...actorOf(account), projectRoles: await this.grantedRoles(account.user.userUuid, uuids) };
  }
}
