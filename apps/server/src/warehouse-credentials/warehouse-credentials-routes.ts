import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireAccount } from '../identity/account.js';
import { updateBodySchema, upsertBodySchema, userWarehouseCredentialsSchema } from './warehouse-credentials-schemas.js';
import type { UserWarehouseCredentials, WarehouseCredentialsService } from './warehouse-credentials-service.js';

const toDto = (c: UserWarehouseCredentials) => ({
  uuid: c.uuid,
  userUuid: c.userUuid,
  name: c.name,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  credentials: c.credentials,
});

export const warehouseCredentialsRoutes = (
  app: FastifyInstance,
  deps: { credentials: WarehouseCredentialsService },
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['My Account'];
  const params = z.object({ uuid: z.uuid() });

  r.get('/api/v1/user/warehouseCredentials', {
    schema: {
      tags,
      operationId: 'getWarehouseCredentials',
      summary: 'List my warehouse credentials (without secrets)',
      response: { 200: okSchema(z.array(userWarehouseCredentialsSchema)), ...errorResponses },
    },
  }, async (request) => ok((await deps.credentials.list(requireAccount(request))).map(toDto)));

  r.post('/api/v1/user/warehouseCredentials', {
    schema: {
      tags,
      operationId: 'createWarehouseCredentials',
      summary: 'Save warehouse credentials for myself; the secret is stored encrypted and never returned',
      body: upsertBodySchema,
      response: { 200: okSchema(userWarehouseCredentialsSchema), ...errorResponses },
    },
  }, async (request) => ok(toDto(await deps.credentials.create(requireAccount(request), request.body))));

  r.patch('/api/v1/user/warehouseCredentials/:uuid', {
    schema: {
      tags,
      operationId: 'updateWarehouseCredentials',
      summary: 'Replace my warehouse credentials; omit the secret to keep it (same type only)',
      params,
      body: updateBodySchema,
      response: { 200: okSchema(userWarehouseCredentialsSchema), ...errorResponses },
    },
  }, async (request) =>
    ok(toDto(await deps.credentials.update(requireAccount(request), request.params.uuid, request.body))));

  r.delete('/api/v1/user/warehouseCredentials/:uuid', {
    schema: {
      tags,
      operationId: 'deleteWarehouseCredentials',
      summary: 'Delete my warehouse credentials',
      params,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.credentials.delete(requireAccount(request), request.params.uuid);
    return okEmpty();
  });
};
