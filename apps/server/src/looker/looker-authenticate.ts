import type { FastifyInstance } from 'fastify';
import type { LookerAuthService } from './looker-auth-service.js';

const LOOKER_SCHEME = /^(token|bearer)\s+/i;

/**
 * Resolves `request.account` from `Authorization: token <t>` or `Bearer <t>` on the Looker face
 * (after the app's own hook, which leaves these schemes alone). A bad token is a 401, never a
 * silent fall-back to the session cookie.
 */
export const registerLookerAuthentication = (app: FastifyInstance, auth: LookerAuthService): void => {
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined || !LOOKER_SCHEME.test(header)) return;
    request.account = await auth.authenticate(header.replace(LOOKER_SCHEME, '').trim());
  });
};

/**
 * Bodies of the Looker face: JSON as everywhere, and `application/x-www-form-urlencoded` (login).
 * A body without Content-Type (the official SDK's login) is read as form fields.
 */
export const registerLookerBodies = (app: FastifyInstance): void => {
  const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, form(body as string)));
  app.addHook('onRequest', async (request) => {
    if (request.headers['content-type'] === undefined && request.method === 'POST') request.headers['content-type'] = 'application/x-www-form-urlencoded';
  });
};
