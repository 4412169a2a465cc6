import { PROJECT_ROLES } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ProjectAccessService } from './project-access-service.js';

const role = z.enum(PROJECT_ROLES);
const projectParams = z.object({ projectUuid: z.guid() });
const userParams = projectParams.extend({ userUuid: z.guid() });

const memberSchema = z
  .object({ projectUuid: z.string(), userUuid: z.string(), email: z.string(), firstName: z.string(), lastName: z.string(), role })
  .meta({ id: 'ProjectMemberProfile' });
const groupGrantSchema = z.object({ projectUuid: z.string(), groupUuid: z.string(), role });
const createMemberBody = z
  .object({ email: z.string().trim().min(3).max(254), role, sendEmail: z.boolean() })
  .meta({ id: 'CreateProjectMember' });

export const projectAccessRoutes = (app: FastifyInstance, deps: { access: ProjectAccessService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;
  const tags = ['Roles & Permissions', 'Projects'];

  r.get('/api/v1/projects/:projectUuid/access', {
    schema: {
      tags,
      operationId: 'GetProjectAccessList',
      summary: "The project's direct members and their roles (project viewers and above)",
      params: projectParams,
      response: { 200: okSchema(z.array(memberSchema)), ...errorResponses },
    },
  }, async (request) => ok(await access.list(requireMember(request), request.params.projectUuid)));

  r.post('/api/v1/projects/:projectUuid/access', {
    schema: {
      tags,
      operationId: 'GrantProjectAccessToUser',
      summary: 'Give a member of the organization a role in the project, by email (project admins)',
      params: projectParams,
      body: createMemberBody,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await access.grant(requireMember(request), request.params.projectUuid, request.body);
    return okEmpty();
  });

  r.get('/api/v1/projects/:projectUuid/user/:userUuid', {
    schema: {
      tags,
      operationId: 'GetProjectMemberAccess',
      summary: "A user's direct role in the project (project viewers and above)",
      params: userParams,
      response: { 200: okSchema(memberSchema), ...errorResponses },
    },
  }, async (request) => ok(await access.get(requireMember(request), request.params.projectUuid, request.params.userUuid)));

  r.patch('/api/v1/projects/:projectUuid/access/:userUuid', {
    schema: {
      tags,
      operationId: 'UpdateProjectAccessForUser',
      summary: "Change a member's role in the project (project admins)",
      params: userParams,
      body: z.object({ role }).meta({ id: 'UpdateProjectMember' }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await access.update(requireMember(request), request.params.projectUuid, request.params.userUuid, request.body.role);
    return okEmpty();
  });

  r.delete('/api/v1/projects/:projectUuid/access/:userUuid', {
    schema: {
      tags,
      operationId: 'RevokeProjectAccessForUser',
      summary: "Remove a member's direct role in the project (project admins)",
      params: userParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await access.revoke(requireMember(request), request.params.projectUuid, request.params.userUuid);
    return okEmpty();
  });

  r.get('/api/v1/projects/:projectUuid/groupAccesses', {
    schema: {
      tags: ['Projects'],
      operationId: 'GetProjectGroupAccesses',
      summary: "The groups with a role in the project (project viewers and above)",
      params: projectParams,
      response: { 200: okSchema(z.array(groupGrantSchema)), ...errorResponses },
    },
  }, async (request) => ok(await access.groupGrants(requireMember(request), request.params.projectUuid)));
};
