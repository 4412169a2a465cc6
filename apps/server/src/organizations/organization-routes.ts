import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireAccount, requireMember } from '../identity/account.js';
import type { OrganizationService } from './organization-service.js';
import {
  organizationProjectSchema,
  organizationSchema,
  toOrganizationDto,
  toOrganizationProjectDto,
} from './organization-schemas.js';

const name = z.string().trim().min(1).max(255);

export const organizationRoutes = (app: FastifyInstance, deps: { organizations: OrganizationService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];

  r.get('/api/v1/org', {
    schema: {
      tags,
      operationId: 'GetMyOrganization',
      summary: "Get the current user's organization",
      response: { 200: okSchema(organizationSchema), ...errorResponses },
    },
  }, async (request) => ok(toOrganizationDto(await deps.organizations.get(requireMember(request)))));

  r.put('/api/v1/org', {
    schema: {
      tags,
      operationId: 'CreateOrganization',
      summary: 'Create an organization; the caller (who must not be in one yet) becomes its admin',
      body: z.object({ name }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.organizations.create(requireAccount(request), request.body.name);
    return okEmpty();
  });

  r.patch('/api/v1/org', {
    schema: {
      tags,
      operationId: 'UpdateMyOrganization',
      summary: "Update the current user's organization (admin)",
      body: z.object({
        name: name.optional(),
        chartColors: z.array(z.string().min(1).max(64)).max(100).optional(),
        defaultProjectUuid: z.uuid().optional(),
      }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.organizations.update(requireMember(request), request.body);
    return okEmpty();
  });

  r.delete('/api/v1/org/:organizationUuid', {
    schema: {
      tags,
      operationId: 'DeleteMyOrganization',
      summary: 'Delete an organization and all users inside it (admin of that organization)',
      params: z.object({ organizationUuid: z.uuid() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.organizations.delete(requireAccount(request), request.params.organizationUuid);
    return okEmpty();
  });

  r.get('/api/v1/org/projects', {
    schema: {
      tags,
      operationId: 'ListOrganizationProjects',
      summary: 'The projects of the current organization that the caller can view',
      response: { 200: okSchema(z.array(organizationProjectSchema)), ...errorResponses },
    },
  }, async (request) => ok((await deps.organizations.listProjects(requireMember(request))).map(toOrganizationProjectDto)));
};
