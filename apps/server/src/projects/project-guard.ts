import { NotFoundError, assertCan, type Action, type Actor, type ProjectSubject } from '@tessera/core';
import type { Account } from '../identity/account.js';
import type { ProjectRecord, ProjectRepository } from './project-repository.js';
import type { ProjectRoleResolver } from './project-role-resolver.js';

export const projectSubject = (p: ProjectRecord): ProjectSubject => ({
  type: 'Project',
  organizationUuid: p.organizationUuid,
  projectUuid: p.projectUuid,
  projectType: p.type,
  createdByUserUuid: p.createdByUserUuid,
  upstreamProjectUuid: p.upstreamProjectUuid,
});

/**
 * Loads a project and checks the policy on it: 404 for an unknown uuid (checked first), 403 when
 * the user's effective project role is too low or the project belongs to another organization.
 */
export class ProjectGuard {
  constructor(
    private readonly projects: Pick<ProjectRepository, 'find'>,
    private readonly roles: Pick<ProjectRoleResolver, 'actorFor'>,
  ) {}

  async find(projectUuid: string): Promise<ProjectRecord> {
    const project = await this.projects.find(projectUuid);
    if (!project) throw new NotFoundError(`Project ${projectUuid} not found`);
    return project;
  }

  async authorize(account: Account, projectUuid: string, action: Action): Promise<{ project: ProjectRecord; actor: Actor }> {
    const project = await this.find(projectUuid);
    const actor = await this.roles.actorFor(account, [projectUuid]);
    assertCan(actor, action, projectSubject(project));
    return { project, actor };
  }

  /** Checks access management (members, group grants) on a project. */
  async authorizeAccess(account: Account, projectUuid: string, action: Action): Promise<ProjectRecord> {
    const project = await this.find(projectUuid);
    const actor = await this.roles.actorFor(account, [projectUuid]);
    assertCan(actor, action, { type: 'ProjectAccess', organizationUuid: project.organizationUuid, projectUuid });
    return project;
  }
}
