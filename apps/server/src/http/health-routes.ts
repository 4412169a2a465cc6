import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/schema.js';
import { ok, okSchema } from './envelope.js';

export const VERSION = '0.1.0';

/** Liveness answers without touching the store; health checks the store too. */
export const healthRoutes = (app: FastifyInstance, deps: { db: Kysely<Database>; storeKind: string }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/livez', {
    schema: { tags: ['Health'], response: { 200: okSchema(z.object({ alive: z.boolean() })) } },
  }, async () => ok({ alive: true }));

  r.get('/api/v1/health', {
    schema: {
      tags: ['Health'],
      response: {
        200: okSchema(
          z.object({
            healthy: z.boolean(),
            version: z.string(),
            metadataStore: z.string(),
            isAuthenticated: z.boolean(),
          }),
        ),
      },
    },
  }, async (request) => {
    await sql`select 1`.execute(deps.db);
    return ok({ healthy: true, version: VERSION, metadataStore: deps.storeKind, isAuthenticated: request.account !== null });
  });
};
