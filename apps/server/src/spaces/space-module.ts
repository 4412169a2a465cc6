import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { ProjectModule } from '../projects/projects-module.js';
import type { Database } from '../store/schema.js';
import { SpaceAccess } from './space-access.js';
import type { SpaceAccessCache } from './space-access-cache.js';
import { SpaceContentRepository } from './space-content-repository.js';
import { SpaceGrantRepository } from './space-grant-repository.js';
import { SpaceMemberRepository } from './space-member-repository.js';
import { SpaceRepository } from './space-repository.js';
import { spaceRoutes } from './space-routes.js';
import { SpaceService } from './space-service.js';
import { SpaceSharingService } from './space-sharing-service.js';
import { SpaceViews } from './space-views.js';

/**
 * The shared space authorization, built once at the composition root and handed out on the
 * AppContext; with a cache, its reads go through it (the caller keeps the cache fresh: `keepFresh`).
 */
export const createSpaceAccess = (db: Kysely<Database>, cache?: SpaceAccessCache): SpaceAccess =>
  new SpaceAccess(new SpaceRepository(db), new SpaceGrantRepository(db), new SpaceMemberRepository(db), cache);

/** Domain module: spaces of a project and their sharing. Authorization: `ctx.spaceAccess`. */
export const registerSpaceModule = (app: FastifyInstance, ctx: AppContext, deps: { projects: ProjectModule }): void => {
  const grants = new SpaceGrantRepository(ctx.db);
  const members = new SpaceMemberRepository(ctx.db);
  const views = new SpaceViews(ctx.spaceAccess, new SpaceContentRepository(ctx.db), grants);
  const spaces = new SpaceService(new SpaceRepository(ctx.db), grants, members, ctx.spaceAccess, views, deps.projects.guard, ctx.now);
  spaceRoutes(app, { spaces, sharing: new SpaceSharingService(spaces, grants, members) });
};
