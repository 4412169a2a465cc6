import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { ProjectModule } from '../projects/projects-module.js';
import { projectAccessRoutes } from './project-access-routes.js';
import { ProjectAccessService } from './project-access-service.js';
import { ProjectMemberRepository } from './project-member-repository.js';

/** Domain module: a project's direct members and the listing of its group grants. */
export const registerProjectAccessModule = (app: FastifyInstance, ctx: AppContext, deps: { projects: ProjectModule }): void => {
  const access = new ProjectAccessService(new ProjectMemberRepository(ctx.db), deps.projects.guard, ctx.mailer, ctx.config.siteUrl, ctx.now);
  projectAccessRoutes(app, { access });
};
