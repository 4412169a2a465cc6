import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireAccount, requireMember } from '../identity/account.js';
import type { EmailDomainService } from './email-domain-service.js';
import {
  allowedEmailDomainsSchema,
  updateAllowedEmailDomainsSchema,
  userAllowedOrganizationSchema,
} from './organization-schemas.js';

export const emailDomainRoutes = (app: FastifyInstance, deps: { emailDomains: EmailDomainService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organizations'];
  const parse = (v: Awaited<ReturnType<EmailDomainService['get']>>) => allowedEmailDomainsSchema.parse(v);

  r.get('/api/v1/org/allowedEmailDomains', {
    schema: {
      tags,
      operationId: 'ListOrganizationEmailDomains',
      summary: 'The e-mail domains whose verified users may join the organization (admin)',
      response: { 200: okSchema(allowedEmailDomainsSchema), ...errorResponses },
    },
  }, async (request) => ok(parse(await deps.emailDomains.get(requireMember(request)))));

  r.patch('/api/v1/org/allowedEmailDomains', {
    schema: {
      tags,
      operationId: 'UpdateOrganizationEmailDomains',
      summary: 'Replace the allowed e-mail domains, the role they join with and their project roles (admin)',
      body: updateAllowedEmailDomainsSchema,
      response: { 200: okSchema(allowedEmailDomainsSchema), ...errorResponses },
    },
  }, async (request) => ok(parse(await deps.emailDomains.update(requireMember(request), request.body))));

  r.get('/api/v1/user/me/allowedOrganizations', {
    schema: {
      tags: ['My Account'],
      operationId: 'ListMyAvailableOrganizations',
      summary: "Organizations the caller can join with their verified e-mail's domain",
      response: { 200: okSchema(z.array(userAllowedOrganizationSchema)), ...errorResponses },
    },
  }, async (request) =>
    ok((await deps.emailDomains.joinable(requireAccount(request))).map((o) => ({
      organizationUuid: o.organizationUuid,
      name: o.name,
      membersCount: o.membersCount,
    }))));

  r.post('/api/v1/user/me/joinOrganization/:organizationUuid', {
    schema: {
      tags: ['My Account'],
      operationId: 'JoinOrganization',
      summary: 'Join an organization that accepts the verified e-mail domain of the caller',
      params: z.object({ organizationUuid: z.uuid() }),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.emailDomains.join(requireAccount(request), request.params.organizationUuid);
    return okEmpty();
  });
};
