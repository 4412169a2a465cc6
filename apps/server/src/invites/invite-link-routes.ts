import { ORGANIZATION_ROLES } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { InviteLink, InviteLinkService } from './invite-link-service.js';

export const inviteLinkSchema = z
  .object({
    inviteCode: z.string(),
    inviteUrl: z.string(),
    expiresAt: z.iso.datetime(),
    organizationUuid: z.string(),
    userUuid: z.string(),
    email: z.string(),
  })
  .meta({ id: 'InviteLink' });

const toDto = (link: InviteLink): z.infer<typeof inviteLinkSchema> => ({
  inviteCode: link.inviteCode,
  inviteUrl: link.inviteUrl,
  expiresAt: link.expiresAt.toISOString(),
  organizationUuid: link.organizationUuid,
  userUuid: link.userUuid,
  email: link.email,
});

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date');

/** Invite links: not in the public spec; shapes follow the anchor's invite-links router. */
export const inviteLinkRoutes = (app: FastifyInstance, deps: { invites: InviteLinkService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];

  r.post('/api/v1/invite-links', {
    schema: {
      tags,
      summary: 'Invite an e-mail address to the organization (admin); creates a pending user and mails the link',
      body: z.object({
        email: z.email().max(254),
        expiresAt: isoDate,
        role: z.enum(ORGANIZATION_ROLES).optional(),
      }),
      response: { 201: okSchema(inviteLinkSchema), ...errorResponses },
    },
  }, async (request, reply) => {
    const link = await deps.invites.create(requireMember(request), request.body);
    return reply.code(201).send(ok(toDto(link)));
  });

  r.get('/api/v1/invite-links/:inviteCode', {
    schema: {
      tags,
      summary: 'Look up an invite link by its code (public)',
      security: [],
      params: z.object({ inviteCode: z.string().min(1).max(256) }),
      response: { 200: okSchema(inviteLinkSchema), ...errorResponses },
    },
  }, async (request) => ok(toDto(await deps.invites.get(request.params.inviteCode))));

  r.delete('/api/v1/invite-links', {
    schema: {
      tags,
      summary: "Revoke all of the organization's invite links (admin)",
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.invites.revokeAll(requireMember(request));
    return okEmpty();
  });
};
