import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { GroupRepository } from './group-repository.js';
import { groupRoutes } from './group-routes.js';
import { GroupService } from './group-service.js';

/** Domain module: user groups and their members. Builds its repositories and services from the context and registers its routes. */
export const registerGroupModule = (app: FastifyInstance, ctx: AppContext): void => {
  groupRoutes(app, { groups: new GroupService(new GroupRepository(ctx.db), ctx.now) });
};
