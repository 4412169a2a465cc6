import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { Group } from './group-repository.js';
import type { GroupService, GroupWithMembers } from './group-service.js';

const groupSchema = z
  .object({
    uuid: z.string(),
    name: z.string(),
    organizationUuid: z.string(),
    createdAt: z.iso.datetime(),
    createdByUserUuid: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    updatedByUserUuid: z.string().nullable(),
  })
  .meta({ id: 'Group' });
const memberSchema = z
  .object({ userUuid: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() })
  .meta({ id: 'GroupMember' });
const groupWithMembersSchema = groupSchema
  .extend({ members: z.array(memberSchema), memberUuids: z.array(z.string()) })
  .meta({ id: 'GroupWithMembers' });
// Richer shape first: the serializer keeps the first union member that matches, and objects strip unknown keys.
const anyGroupSchema = z.union([groupWithMembersSchema, groupSchema]);

const groupName = z.string().trim().min(1).max(255);
const memberRefs = z.array(z.object({ userUuid: z.guid() })).max(10_000);
const count = z.coerce.number().int().min(0);
const groupParams = z.object({ groupUuid: z.guid() });
const memberParams = z.object({ groupUuid: z.guid(), userUuid: z.guid() });

const toGroupDto = (g: Group) => ({
  uuid: g.uuid,
  name: g.name,
  organizationUuid: g.organizationUuid,
  createdAt: g.createdAt.toISOString(),
  createdByUserUuid: g.createdByUserUuid,
  updatedAt: g.updatedAt.toISOString(),
  updatedByUserUuid: g.updatedByUserUuid,
});
const toGroupWithMembersDto = (g: GroupWithMembers) => ({
  ...toGroupDto(g),
  members: g.members,
  memberUuids: g.members.map((m) => m.userUuid),
});
const toAnyDto = (g: Group | GroupWithMembers) => ('members' in g ? toGroupWithMembersDto(g) : toGroupDto(g));

export const groupRoutes = (app: FastifyInstance, deps: { groups: GroupService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { groups } = deps;
  const tags = ['User Groups'];

  r.post('/api/v1/org/groups', {
    schema: {
      tags: ['Organizations'],
      operationId: 'CreateGroupInOrganization',
      summary: "Creates a new group in the current user's organization",
      body: z.object({ name: groupName, members: memberRefs.optional() }),
      response: { 200: okSchema(groupWithMembersSchema), ...errorResponses },
    },
  }, async (request) => ok(toGroupWithMembersDto(await groups.create(requireMember(request), request.body))));

  r.get('/api/v1/org/groups', {
    schema: {
      tags: ['Organizations'],
      operationId: 'ListGroupsInOrganization',
      summary: "Gets the groups in the current user's organization (paginated when page or pageSize is given)",
      querystring: z.object({
        page: z.coerce.number().int().min(1).optional(),
        pageSize: z.coerce.number().int().min(1).max(1000).optional(),
        includeMembers: count.max(1000).optional(),
        searchQuery: z.string().max(255).optional(),
      }),
      response: {
        200: okSchema(
          z.object({
            data: z.array(anyGroupSchema),
            pagination: z
              .object({ page: z.number(), pageSize: z.number(), totalResults: z.number(), totalPageCount: z.number() })
              .optional(),
          }),
        ),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const result = await groups.list(requireMember(request), request.query);
    return ok({ ...result, data: result.data.map(toAnyDto) });
  });

  r.get('/api/v1/groups/:groupUuid', {
    schema: {
      tags,
      operationId: 'getGroup',
      summary: 'Get group details (with a window of its members when includeMembers is given)',
      params: groupParams,
      querystring: z.object({ includeMembers: count.optional(), offset: count.optional() }),
      response: { 200: okSchema(anyGroupSchema), ...errorResponses },
    },
  }, async (request) => ok(toAnyDto(await groups.get(requireMember(request), request.params.groupUuid, request.query))));

  r.patch('/api/v1/groups/:groupUuid', {
    schema: {
      tags,
      operationId: 'updateGroup',
      summary: 'Rename a group and/or replace its members',
      params: groupParams,
      body: z.object({ name: groupName.optional(), members: memberRefs.optional() }),
      response: { 200: okSchema(anyGroupSchema), ...errorResponses },
    },
  }, async (request) => ok(toAnyDto(await groups.update(requireMember(request), request.params.groupUuid, request.body))));

  r.delete('/api/v1/groups/:groupUuid', {
    schema: { tags, operationId: 'deleteGroup', summary: 'Delete a group', params: groupParams, response: { 200: okEmptySchema, ...errorResponses } },
  }, async (request) => {
    await groups.delete(requireMember(request), request.params.groupUuid);
    return okEmpty();
  });

  r.get('/api/v1/groups/:groupUuid/members', {
    schema: {
      tags,
      operationId: 'getGroupMembers',
      summary: 'View members of a group',
      params: groupParams,
      response: { 200: okSchema(z.array(memberSchema)), ...errorResponses },
    },
  }, async (request) => ok(await groups.members(requireMember(request), request.params.groupUuid)));

  r.put('/api/v1/groups/:groupUuid/members/:userUuid', {
    schema: {
      tags,
      operationId: 'addUserToGroup',
      summary: 'Add a user of the organization to a group (idempotent)',
      params: memberParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await groups.addMember(requireMember(request), request.params.groupUuid, request.params.userUuid);
    return okEmpty();
  });

  r.delete('/api/v1/groups/:groupUuid/members/:userUuid', {
    schema: {
      tags,
      operationId: 'removeUserFromGroup',
      summary: 'Remove a user from a group',
      params: memberParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await groups.removeMember(requireMember(request), request.params.groupUuid, request.params.userUuid);
    return okEmpty();
  });
};
