import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { UserAttributeRepository } from './user-attribute-repository.js';
import { userAttributeRoutes } from './user-attribute-routes.js';
import { UserAttributeService } from './user-attribute-service.js';

export { resolveAttributeValues, type UserAttributeValues } from './resolve-user-attributes.js';
export { UserAttributeService, createUserAttributeResolver } from './user-attribute-service.js';

/** Domain module: user attributes (row-level security values). Builds its repositories and services from the context and registers its routes. */
export const registerUserAttributeModule = (app: FastifyInstance, ctx: AppContext): void => {
  userAttributeRoutes(app, { attributes: new UserAttributeService(new UserAttributeRepository(ctx.db), ctx.now) });
};
