import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { MemberService } from './member-service.js';
import { memberPageSchema, memberProfileSchema, organizationRoleSchema, toMemberDto } from './organization-schemas.js';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

export const memberRoutes = (app: FastifyInstance, deps: { members: MemberService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];

  r.get('/api/v1/org/users', {
    schema: {
      tags,
      operationId: 'ListOrganizationMembers',
      summary: 'Members of the current organization; paginated when page or pageSize is given',
      querystring: z.object({
        page: positiveInt(1_000_000).optional(),
        pageSize: positiveInt(1000).optional(),
        includeGroups: z.coerce.number().int().min(0).max(1000).optional(),
        searchQuery: z.string().max(255).optional(),
        projectUuid: z.uuid().optional(),
      }),
      response: { 200: okSchema(memberPageSchema), ...errorResponses },
    },
  }, async (request) => {
    const page = await deps.members.list(requireMember(request), request.query);
    return ok({ ...page, data: page.data.map(toMemberDto) });
  });

  r.get('/api/v1/org/users/:userUuid', {
    schema: {
      tags,
      operationId: 'GetOrganizationMemberByUuid',
      summary: 'A member of the current organization',
      params: z.object({ userUuid: z.uuid() }),
      response: { 200: okSchema(memberProfileSchema), ...errorResponses },
    },
  }, async (request) => ok(toMemberDto(await deps.members.get(requireMember(request), request.params.userUuid))));

  r.patch('/api/v1/org/users/:userUuid', {
    schema: {
      tags: ['Roles & Permissions', ...tags],
      operationId: 'UpdateOrganizationMember',
      summary: "Change a member's organization role (admin); the last admin cannot be demoted",
      params: z.object({ userUuid: z.uuid() }),
      body: z.object({ role: organizationRoleSchema }),
      response: { 200: okSchema(memberProfileSchema), ...errorResponses },
    },
  }, async (request) =>
    ok(toMemberDto(await deps.members.updateRole(requireMember(request), request.params.userUuid, request.body.role))));

  r.delete('/api/v1/org/user/:userUuid', {
    schema: {
      tags,
      operationId: 'DeleteOrganizationMember',
      summary: 'Delete a user of the current organization (admin; not yourself)',
      params: z.object({ userUuid: z.uuid() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.members.delete(requireMember(request), request.params.userUuid);
    return okEmpty();
  });
};
