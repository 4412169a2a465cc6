import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { ProjectGroupAccessRepository } from './project-group-access-repository.js';
import { projectGroupAccessRoutes } from './project-group-access-routes.js';
import { ProjectGroupAccessService } from './project-group-access-service.js';
import { ProjectGuard } from './project-guard.js';
import { ProjectRepository } from './project-repository.js';
import { ProjectRoleResolver } from './project-role-resolver.js';
import { projectRoutes } from './project-routes.js';
import { ProjectService } from './project-service.js';
import { projectSettingsRoutes } from './project-settings-routes.js';
import { ProjectSettingsService } from './project-settings-service.js';
import { ProjectVault } from './project-vault.js';

export type ProjectModule = { projects: ProjectService; roles: ProjectRoleResolver; guard: ProjectGuard };

/**
 * Domain module: projects, their connections and settings, and group ↔ project access. Returns the
 * services other domains need: `projects.compileSource` (model compiler, query engine), `roles`
 * (effective project roles for the policy) and `guard` (load a project + check the policy).
 */
export const registerProjectModule = (app: FastifyInstance, ctx: AppContext): ProjectModule => {
  const repository = new ProjectRepository(ctx.db);
  const roles = new ProjectRoleResolver(ctx.db);
  const guard = new ProjectGuard(repository, roles);
  const vault = new ProjectVault(ctx.cipher);
  const projects = new ProjectService(repository, roles, guard, vault, ctx.now);
  projectRoutes(app, { projects });
  const settings = new ProjectSettingsService(repository, guard, vault, ctx.now, (p, u) => projects.sourceChanged(p, u));
  projectSettingsRoutes(app, { settings });
  projectGroupAccessRoutes(app, { access: new ProjectGroupAccessService(new ProjectGroupAccessRepository(ctx.db), guard) });
  return { projects, roles, guard };
};
