import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ProjectGroupAccessService } from './project-group-access-service.js';
import { projectRoleSchema } from './project-schemas.js';

const params = z.object({ groupUuid: z.guid(), projectUuid: z.guid() });
const roleBody = z.object({ role: projectRoleSchema });
const accessSchema = z
  .object({ projectUuid: z.string(), groupUuid: z.string(), role: projectRoleSchema })
  .meta({ id: 'ProjectGroupAccess' });

export const projectGroupAccessRoutes = (app: FastifyInstance, deps: { access: ProjectGroupAccessService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { access } = deps;
  const tags = ['User Groups'];
  const path = '/api/v1/groups/:groupUuid/projects/:projectUuid';

  r.post(path, {
    schema: {
      tags,
      operationId: 'addProjectAccessToGroup',
      summary: 'Give a group a role in a project (project admins)',
      params,
      body: roleBody,
      response: { 200: okSchema(accessSchema), ...errorResponses },
    },
  }, async (request) => {
    const { groupUuid, projectUuid } = request.params;
    return ok(await access.add(requireMember(request), groupUuid, projectUuid, request.body.role));
  });

  r.patch(path, {
    schema: {
      tags,
      operationId: 'updateProjectAccessForGroup',
      summary: 'Change a group’s role in a project',
      params,
      body: roleBody,
      response: { 200: okSchema(accessSchema), ...errorResponses },
    },
  }, async (request) => {
    const { groupUuid, projectUuid } = request.params;
    return ok(await access.update(requireMember(request), groupUuid, projectUuid, request.body.role));
  });

  r.delete(path, {
    schema: {
      tags,
      operationId: 'removeProjectAccessFromGroup',
      summary: 'Remove a group’s access to a project',
      params,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await access.remove(requireMember(request), request.params.groupUuid, request.params.projectUuid);
    return okEmpty();
  });
};
