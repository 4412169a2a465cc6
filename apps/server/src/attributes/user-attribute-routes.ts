import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { UserAttribute } from './user-attribute-repository.js';
import type { UserAttributeService } from './user-attribute-service.js';

const userAttributeSchema = z
  .object({
    uuid: z.string(),
    name: z.string(),
    description: z.string().optional(),
    organizationUuid: z.string(),
    createdAt: z.iso.datetime(),
    attributeDefault: z.string().nullable(),
    users: z.array(z.object({ userUuid: z.string(), email: z.string(), value: z.string() })),
    groups: z.array(z.object({ groupUuid: z.string(), value: z.string() })),
  })
  .meta({ id: 'UserAttribute' });

const value = z.string().max(10_000);
const createUserAttributeBody = z.object({
  name: z.string().min(1).max(255),
  description: z.string().max(10_000).nullable().optional(),
  attributeDefault: value.nullable(),
  users: z.array(z.object({ userUuid: z.guid(), value })).max(100_000),
  groups: z.array(z.object({ groupUuid: z.guid(), value })).max(10_000),
});
const params = z.object({ userAttributeUuid: z.guid() });

const toDto = (a: UserAttribute) => ({
  uuid: a.uuid,
  name: a.name,
  ...(a.description !== null ? { description: a.description } : {}),
  organizationUuid: a.organizationUuid,
  createdAt: a.createdAt.toISOString(),
  attributeDefault: a.attributeDefault,
  users: a.users,
  groups: a.groups,
});

export const userAttributeRoutes = (app: FastifyInstance, deps: { attributes: UserAttributeService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { attributes } = deps;
  const tags = ['User attributes'];

  r.get('/api/v1/org/attributes', {
    schema: {
      tags,
      operationId: 'getUserAttributes',
      summary: 'Get all user attributes of the organization',
      response: { 200: okSchema(z.array(userAttributeSchema)), ...errorResponses },
    },
  }, async (request) => ok((await attributes.list(requireMember(request))).map(toDto)));

  r.post('/api/v1/org/attributes', {
    schema: {
      tags,
      operationId: 'createUserAttribute',
      summary: 'Creates a user attribute (name: letters, digits, underscores)',
      body: createUserAttributeBody,
      response: { 200: okSchema(userAttributeSchema), ...errorResponses },
    },
  }, async (request) => ok(toDto(await attributes.create(requireMember(request), request.body))));

  r.put('/api/v1/org/attributes/:userAttributeUuid', {
    schema: {
      tags,
      operationId: 'updateUserAttribute',
      summary: 'Updates a user attribute, replacing its user and group values',
      params,
      body: createUserAttributeBody,
      response: { 200: okSchema(userAttributeSchema), ...errorResponses },
    },
  }, async (request) =>
    ok(toDto(await attributes.update(requireMember(request), request.params.userAttributeUuid, request.body))));

  r.delete('/api/v1/org/attributes/:userAttributeUuid', {
    schema: {
      tags,
      operationId: 'removeUserAttribute',
      summary: 'Remove a user attribute',
      params,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await attributes.delete(requireMember(request), request.params.userAttributeUuid);
    return okEmpty();
  });
};
