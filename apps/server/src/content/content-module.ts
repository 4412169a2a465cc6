import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { ProjectModule } from '../projects/projects-module.js';
import { ContentGuard } from './content-guard.js';
import { ContentListingService } from './content-listing-service.js';
import { contentListingRoutes } from './content-listing-routes.js';
import { ContentSummaryRepository } from './content-summary-repository.js';
import { PinService } from './pin-service.js';
import { pinRoutes } from './pin-routes.js';
import { PinnedItemsService } from './pinned-items-service.js';
import { PinnedListRepository } from './pinned-list-repository.js';
import { TagRepository } from './tag-repository.js';
import { tagRoutes } from './tag-routes.js';
import { TagService } from './tag-service.js';

/**
 * Domain module: project tags, pinned lists and the home-page listings. Returns the pinned-list
 * repository, whose `statusOf` gives other domains the `pinnedListUuid` / `pinnedListOrder` of
 * their charts, dashboards and spaces.
 */
export const registerContentModule = (app: FastifyInstance, ctx: AppContext, deps: { projects: ProjectModule }): { pins: PinnedListRepository } => {
  const guard = new ContentGuard(deps.projects.guard, deps.projects.roles);
  const pins = new PinnedListRepository(ctx.db);
  const summaries = new ContentSummaryRepository(ctx.db);
  tagRoutes(app, { tags: new TagService(new TagRepository(ctx.db), guard, ctx.now) });
  pinRoutes(app, {
    pins: new PinService(pins, summaries, guard, ctx.spaceAccess, ctx.now),
    pinnedItems: new PinnedItemsService(pins, summaries, guard, ctx.spaceAccess),
  });
  contentListingRoutes(app, { listing: new ContentListingService(summaries, pins, deps.projects.guard, ctx.spaceAccess) });
  return { pins };
};
