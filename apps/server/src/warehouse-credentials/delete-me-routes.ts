import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { errorResponses, okEmpty, okEmptySchema } from '../http/envelope.js';
import { requireAccount } from '../identity/account.js';
import type { DeleteMeService } from './delete-me-service.js';

export const deleteMeRoutes = (app: FastifyInstance, deps: { deleteMe: DeleteMeService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.delete('/api/v1/user/me', {
    schema: {
      tags: ['My Account'],
      operationId: 'DeleteMe',
      summary: 'Delete my account and everything of mine; ends the session',
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request, reply) => {
    await deps.deleteMe.deleteMe(requireAccount(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return okEmpty();
  });
};
