import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireAccount } from './account.js';
import { lightdashUserSchema, toLightdashUser } from './lightdash-user.js';

export const userRoutes = (app: FastifyInstance): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/user', {
    schema: {
      tags: ['My Account'],
      operationId: 'GetAuthenticatedUser',
      summary: 'The signed-in user',
      response: { 200: okSchema(lightdashUserSchema), ...errorResponses },
    },
  }, async (request) => ok(toLightdashUser(requireAccount(request))));
};
