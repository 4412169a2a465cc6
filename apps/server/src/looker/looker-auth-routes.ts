import { ParameterError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../identity/account.js';
import type { LookerAuthService } from './looker-auth-service.js';
import type { Api3Credentials } from './looker-credentials-repository.js';
import { selectFields } from './looker-fields.js';

const credentialsDto = (c: Api3Credentials, userUuid: string, base: string) => ({
  can: {},
  id: c.id,
  client_id: c.clientId,
  created_at: c.createdAt.toISOString(),
  is_disabled: c.isDisabled,
  type: 'api3',
  url: `${base}/users/${userUuid}/credentials_api3/${c.id}`,
});

const loginFields = z.looseObject({ client_id: z.string().max(255).optional(), client_secret: z.string().max(1024).optional() });
const userParams = z.object({ user_id: z.guid() });
const credentialsParams = userParams.extend({ credentials_api3_id: z.coerce.number().int().positive() });
const fieldsQuery = z.object({ fields: z.string().max(2000).optional() });

/** Login and logout (ApiAuth): also served under /api/4.0, where the official SDK logs in. */
export const lookerLoginRoutes = (app: FastifyInstance, deps: { auth: LookerAuthService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/login', { schema: { hide: true, querystring: loginFields, body: loginFields.optional() } }, async (request) => {
    const clientId = request.body?.client_id ?? request.query.client_id;
    const clientSecret = request.body?.client_secret ?? request.query.client_secret;
    if (!clientId || !clientSecret) throw new ParameterError('Send client_id and client_secret (form-encoded body or query string)');
    return deps.auth.login(clientId, clientSecret);
  });
  r.delete('/logout', { schema: { hide: true } }, async (request, reply) => {
    await deps.auth.logout(request.account);
    return reply.status(204).send();
  });
};

/** API3 credentials of a user (`{user_id}` is the Tessera user uuid). */
export const lookerCredentialsRoutes = (app: FastifyInstance, deps: { auth: LookerAuthService; base: string }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, base } = deps;
  r.post('/users/:user_id/credentials_api3', { schema: { hide: true, params: userParams, querystring: fieldsQuery } }, async (request) => {
    const created = await auth.createCredentials(requireAccount(request), request.params.user_id.toLowerCase());
    const dto = { ...credentialsDto(created, request.params.user_id, base), client_secret: created.clientSecret };
    return selectFields(dto, request.query.fields);
  });
  r.get('/users/:user_id/credentials_api3', { schema: { hide: true, params: userParams, querystring: fieldsQuery } }, async (request) => {
    const list = await auth.listCredentials(requireAccount(request), request.params.user_id.toLowerCase());
    return selectFields(list.map((c) => credentialsDto(c, request.params.user_id, base)), request.query.fields);
  });
  r.get('/users/:user_id/credentials_api3/:credentials_api3_id', { schema: { hide: true, params: credentialsParams, querystring: fieldsQuery } }, async (request) => {
    const found = await auth.getCredentials(requireAccount(request), request.params.user_id.toLowerCase(), request.params.credentials_api3_id);
    return selectFields(credentialsDto(found, request.params.user_id, base), request.query.fields);
  });
  r.delete('/users/:user_id/credentials_api3/:credentials_api3_id', { schema: { hide: true, params: credentialsParams } }, async (request, reply) => {
    await auth.deleteCredentials(requireAccount(request), request.params.user_id.toLowerCase(), request.params.credentials_api3_id);
    return reply.status(204).send();
  });
};
