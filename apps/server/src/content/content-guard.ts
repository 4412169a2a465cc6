import { assertCan, type Action, type ProjectContentSubject } from '@tessera/core';
import type { Account } from '../identity/account.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { ProjectRecord } from '../projects/project-repository.js';
import type { ProjectRoleResolver } from '../projects/project-role-resolver.js';

/**
 * Loads a project and checks the policy on its tags or pinned list: 404 for an unknown project
 * (checked first), 403 when the user's effective project role is too low or the project belongs to
 * another organization.
 */
export class ContentGuard {
  constructor(
    private readonly projects: ProjectGuard,
    private readonly roles: ProjectRoleResolver,
  ) {}

  async authorize(account: Account, projectUuid: string, type: ProjectContentSubject['type'], action: Action): Promise<ProjectRecord> {
    const project = await this.projects.find(projectUuid.toLowerCase());
    const actor = await this.roles.actorFor(account, [project.projectUuid]);
    assertCan(actor, action, { type, organizationUuid: project.organizationUuid, projectUuid: project.projectUuid });
    return project;
  }
}
