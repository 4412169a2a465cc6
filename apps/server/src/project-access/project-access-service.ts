import { AlreadyExistsError, NotFoundError, type ProjectRole } from '@tessera/core';
import type { Mailer } from '../mail/mailer.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ProjectGroupGrant, ProjectMember, ProjectMemberRepository } from './project-member-repository.js';

/**
 * Who may use a project: direct members (by email, within the project's organization) and the
 * list of group grants. Reading needs `view ProjectAccess` (project viewer+), changes `manage`
 * (effective project admin). Unknown project → 404, another organization's → 403.
 *
 * Every change here is a metadata write: the per-node caches of project roles are cleared before
 * the response leaves (`keepFresh` on every non-GET request) and on other nodes by the store's
 * notification, so the very next request of the user sees the new role.
 */
export class ProjectAccessService {
  constructor(
    private readonly members: ProjectMemberRepository,
    private readonly guard: ProjectGuard,
    private readonly mailer: Mailer,
    private readonly siteUrl: string,
    private readonly now: () => Date,
  ) {}

  async list(account: MemberAccount, projectUuid: string): Promise<ProjectMember[]> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'view');
    return this.members.list(project.projectUuid);
  }

  async get(account: MemberAccount, projectUuid: string, userUuid: string): Promise<ProjectMember> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'view');
    const member = await this.members.find(project.projectUuid, userUuid.toLowerCase());
    if (!member) throw new NotFoundError('This user has no direct access to this project');
    return member;
  }

  /**
   * Gives a member of the organization a role in the project. 404 when no member has that email,
   * 409 when they already have a direct role (change it with PATCH). `sendEmail` sends a short
   * notice; a delivery failure is logged by the mailer and does not undo the grant.
   */
  async grant(account: MemberAccount, projectUuid: string, input: { email: string; role: ProjectRole; sendEmail: boolean }): Promise<void> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'manage');
    const user = await this.members.findOrganizationUser(project.organizationUuid, input.email);
    if (!user) throw new NotFoundError(`No member of this organization has the email ${input.email}: invite them to the organization first`);
    if (!(await this.members.insert(project.projectUuid, user.userUuid, input.role, this.now()))) {
      throw new AlreadyExistsError('This user already has access to this project: update their role instead');
    }
    if (input.sendEmail) {
      const url = `${this.siteUrl}/projects/${project.projectUuid}/home`;
      this.mailer
        .send({ to: user.email, subject: `You have been added to ${project.name}`, text: `You now have ${input.role} access to the project "${project.name}": ${url}` })
        .catch(() => undefined);
    }
  }

  async update(account: MemberAccount, projectUuid: string, userUuid: string, role: ProjectRole): Promise<void> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'manage');
    if (!(await this.members.update(project.projectUuid, userUuid.toLowerCase(), role))) {
      throw new NotFoundError('This user has no direct access to this project');
    }
  }

  async revoke(account: MemberAccount, projectUuid: string, userUuid: string): Promise<void> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'manage');
    if (!(await this.members.delete(project.projectUuid, userUuid.toLowerCase()))) {
      throw new NotFoundError('This user has no direct access to this project');
    }
  }

  async groupGrants(account: MemberAccount, projectUuid: string): Promise<ProjectGroupGrant[]> {
    const project = await this.guard.authorizeAccess(account, projectUuid.toLowerCase(), 'view');
    return this.members.groupGrants(project.projectUuid);
  }
}
