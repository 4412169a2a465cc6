import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import {
  addSpaceGroupAccessBody,
  addSpaceUserAccessBody,
  createSpaceBody,
  spaceSchema,
  spaceSummarySchema,
  updateSpaceBody,
} from './space-schemas.js';
import type { SpaceService } from './space-service.js';
import type { SpaceSharingService } from './space-sharing-service.js';

const projectParams = z.object({ projectUuid: z.guid() });
const spaceParams = z.object({ projectUuid: z.guid(), spaceUuid: z.guid() });

export const spaceRoutes = (app: FastifyInstance, deps: { spaces: SpaceService; sharing: SpaceSharingService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { spaces, sharing } = deps;
  const tags = ['Spaces'];
  const base = '/api/v1/projects/:projectUuid/spaces';
  const one = `${base}/:spaceUuid`;

  r.get(base, {
    schema: {
      tags: ['Projects'],
      operationId: 'ListSpacesInProject',
      summary: 'The spaces of a project the user may view (admins see private ones too)',
      params: projectParams,
      response: { 200: okSchema(z.array(spaceSummarySchema)), ...errorResponses },
    },
  }, async (request) => ok(await spaces.list(requireMember(request), request.params.projectUuid)));

  r.post(base, {
    schema: {
      tags,
      operationId: 'CreateSpaceInProject',
      summary: 'Create a space (project editors and above), private by default; `parentSpaceUuid` nests it',
      params: projectParams,
      body: createSpaceBody,
      response: { 200: okSchema(spaceSchema), ...errorResponses },
    },
  }, async (request) => ok(await spaces.create(requireMember(request), request.params.projectUuid, request.body)));

  r.get(one, {
    schema: {
      tags,
      operationId: 'GetSpace',
      summary: 'A space with its charts, dashboards, child spaces and who can see it',
      params: spaceParams,
      response: { 200: okSchema(spaceSchema), ...errorResponses },
    },
  }, async (request) => ok(await spaces.get(requireMember(request), request.params.projectUuid, request.params.spaceUuid)));

  r.patch(one, {
    schema: {
      tags,
      operationId: 'UpdateSpace',
      summary: 'Rename a space or change its privacy (space admins)',
      params: spaceParams,
      body: updateSpaceBody,
      response: { 200: okSchema(spaceSchema), ...errorResponses },
    },
  }, async (request) => ok(await spaces.update(requireMember(request), request.params.projectUuid, request.params.spaceUuid, request.body)));

  r.delete(one, {
    schema: {
      tags,
      operationId: 'DeleteSpace',
      summary: 'Delete a space with all its content (space admins); answers 204 without a body',
      params: spaceParams,
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
  }, async (request, reply) => {
    await spaces.delete(requireMember(request), request.params.projectUuid, request.params.spaceUuid);
    return reply.code(204).send(null);
  });

  r.post(`${one}/share`, {
    schema: {
      tags,
      operationId: 'AddSpaceUserAccess',
      summary: 'Share a space with a member of the organization, or change their role (space admins)',
      params: spaceParams,
      body: addSpaceUserAccessBody,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    const { userUuid, spaceRole } = request.body;
    await sharing.shareWithUser(requireMember(request), request.params.projectUuid, request.params.spaceUuid, userUuid, spaceRole);
    return okEmpty();
  });

  r.delete(`${one}/share/:userUuid`, {
    schema: {
      tags,
      operationId: 'RevokeSpaceAccessForUser',
      summary: "Remove a user's direct access to a space (space admins)",
      params: spaceParams.extend({ userUuid: z.guid() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid, spaceUuid, userUuid } = request.params;
    await sharing.revokeUser(requireMember(request), projectUuid, spaceUuid, userUuid);
    return okEmpty();
  });

  r.post(`${one}/group/share`, {
    schema: {
      tags,
      operationId: 'AddSpaceGroupAccess',
      summary: 'Share a space with a group of the organization, or change its role (space admins)',
      params: spaceParams,
      body: addSpaceGroupAccessBody,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    const { groupUuid, spaceRole } = request.body;
    await sharing.shareWithGroup(requireMember(request), request.params.projectUuid, request.params.spaceUuid, groupUuid, spaceRole);
    return okEmpty();
  });

  r.delete(`${one}/group/share/:groupUuid`, {
    schema: {
      tags,
      operationId: 'RevokeGroupSpaceAccess',
      summary: "Remove a group's access to a space (space admins)",
      params: spaceParams.extend({ groupUuid: z.guid() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid, spaceUuid, groupUuid } = request.params;
    await sharing.revokeGroup(requireMember(request), projectUuid, spaceUuid, groupUuid);
    return okEmpty();
  });
};
