import { AlreadyExistsError, NotFoundError, assertCan, type ProjectRole } from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import type { ProjectGroupAccessRepository } from './project-group-access-repository.js';
import type { ProjectGuard } from './project-guard.js';

export type ProjectGroupAccess = { projectUuid: string; groupUuid: string; role: ProjectRole };

/**
 * A group's role in a project. Changing it needs `manage ProjectAccess` (effective project admin);
 * the group must be one of the user's organization (403 otherwise) and exist (404 first).
 */
export class ProjectGroupAccessService {
  constructor(
    private readonly access: ProjectGroupAccessRepository,
    private readonly guard: ProjectGuard,
  ) {}

  /** 409 when the group already has a role in the project (change it with PATCH). */
  async add(account: Account, groupUuid: string, projectUuid: string, role: ProjectRole): Promise<ProjectGroupAccess> {
    const { group, project } = await this.authorize(account, groupUuid, projectUuid);
    if (!(await this.access.insert(project, group, role))) {
      throw new AlreadyExistsError('This group already has access to this project: update its role instead');
    }
    return { projectUuid: project, groupUuid: group, role };
  }

  async update(account: Account, groupUuid: string, projectUuid: string, role: ProjectRole): Promise<ProjectGroupAccess> {
    const { group, project } = await this.authorize(account, groupUuid, projectUuid);
    if (!(await this.access.update(project, group, role))) throw new NotFoundError('This group has no access to this project');
    return { projectUuid: project, groupUuid: group, role };
  }

  async remove(account: Account, groupUuid: string, projectUuid: string): Promise<void> {
    const { group, project } = await this.authorize(account, groupUuid, projectUuid);
    if (!(await this.access.delete(project, group))) throw new NotFoundError('This group has no access to this project');
  }

  private async authorize(account: Account, groupUuid: string, projectUuid: string) {
    const group = await this.access.findGroup(groupUuid.toLowerCase());
    if (!group) throw new NotFoundError(`Group ${groupUuid} not found`);
    assertCan(actorOf(account), 'view', { type: 'Group', organizationUuid: group.organizationUuid });
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'manage');
    return { group: group.groupUuid, project: project.projectUuid };
  }
}
