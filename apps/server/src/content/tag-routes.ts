import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { Tag } from './tag-repository.js';
import type { TagService } from './tag-service.js';

const name = z.string().trim().min(1).max(255);
const color = z.string().trim().min(1).max(64);
const projectParams = z.object({ projectUuid: z.guid() });
const tagParams = z.object({ projectUuid: z.guid(), tagUuid: z.guid() });

const tagSchema = z
  .object({
    tagUuid: z.string(),
    projectUuid: z.string(),
    name: z.string(),
    color: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ userUuid: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
  })
  .meta({ id: 'Tag' });

const toDto = (t: Tag): z.infer<typeof tagSchema> => ({ ...t, createdAt: t.createdAt.toISOString() });

export const tagRoutes = (app: FastifyInstance, deps: { tags: TagService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tags } = deps;
  const openApiTags = ['Projects'];

  r.post('/api/v1/projects/:projectUuid/tags', {
    schema: {
      tags: openApiTags,
      operationId: 'createTag',
      summary: 'Create a tag (a catalog category) in a project (project editors and above)',
      params: projectParams,
      body: z.object({ name, color }),
      response: { 201: okSchema(z.object({ tagUuid: z.string() })), ...errorResponses },
    },
  }, async (request, reply) =>
    reply.code(201).send(ok({ tagUuid: await tags.create(requireMember(request), request.params.projectUuid, request.body) })));

  r.get('/api/v1/projects/:projectUuid/tags', {
    schema: {
      tags: openApiTags,
      operationId: 'getTags',
      summary: "List a project's tags by name (project viewers and above)",
      params: projectParams,
      response: { 200: okSchema(z.array(tagSchema)), ...errorResponses },
    },
  }, async (request) => ok((await tags.list(requireMember(request), request.params.projectUuid)).map(toDto)));

  r.patch('/api/v1/projects/:projectUuid/tags/:tagUuid', {
    schema: {
      tags: openApiTags,
      operationId: 'updateTag',
      summary: 'Rename or recolour a tag (project editors and above)',
      params: tagParams,
      body: z.object({ name: name.optional(), color: color.optional() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await tags.update(requireMember(request), request.params.projectUuid, request.params.tagUuid, request.body);
    return okEmpty();
  });

  r.delete('/api/v1/projects/:projectUuid/tags/:tagUuid', {
    schema: {
      tags: openApiTags,
      operationId: 'deleteTag',
      summary: 'Delete a tag (project editors and above); answers 204 without a body',
      params: tagParams,
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
  }, async (request, reply) => {
    await tags.delete(requireMember(request), request.params.projectUuid, request.params.tagUuid);
    return reply.code(204).send(null);
  });
};
