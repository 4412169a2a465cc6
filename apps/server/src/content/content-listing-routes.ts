import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ContentListingService } from './content-listing-service.js';
import { mostPopularAndRecentlyUpdatedSchema } from './content-schemas.js';

/** The anchor's home-page listing (not in the spec). */
export const contentListingRoutes = (app: FastifyInstance, deps: { listing: ContentListingService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/projects/:projectUuid/most-popular-and-recently-updated', {
    schema: {
      tags: ['Content'],
      operationId: 'getMostPopularAndRecentlyUpdated',
      summary: 'The ten most viewed and the ten most recently updated charts and dashboards you may view',
      params: z.object({ projectUuid: z.guid() }),
      response: { 200: okSchema(mostPopularAndRecentlyUpdatedSchema), ...errorResponses },
    },
  }, async (request) => ok(await deps.listing.mostPopularAndRecentlyUpdated(requireMember(request), request.params.projectUuid)));
};
