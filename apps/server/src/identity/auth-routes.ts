import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { SESSION_COOKIE, setSessionCookie, type CookieSettings } from '../http/authenticate.js';
import type { AccountRepository } from './account-repository.js';
import type { BootstrapService } from './bootstrap-service.js';
import { lightdashUserSchema, toLightdashUser } from './lightdash-user.js';
import type { LoginService } from './login-service.js';
import type { SessionService } from './session-service.js';

type Deps = {
  accounts: AccountRepository;
  login: LoginService; sessions: SessionService; bootstrap: BootstrapService; cookie: CookieSettings };

export const authRoutes = (app: FastifyInstance, deps: Deps): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/login', {
    schema: {
      tags: ['Session'],
      summary: 'Sign in with e-mail and password; sets the connect.sid session cookie',
      body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
      response: { 200: okSchema(lightdashUserSchema), ...errorResponses },
    },
  }, async (request, reply) => {
    const account = await deps.login.login(request.body.email, request.body.password, request.ip);
    const { sessionId, expiresAt } = await deps.sessions.start(account.user.userUuid);
    setSessionCookie(reply, sessionId, expiresAt, deps.cookie);
    return ok(toLightdashUser(account));
  });

  r.get('/api/v1/logout', {
    schema: { tags: ['Session'], summary: 'End the current session', response: { 200: okEmptySchema, ...errorResponses } },
  }, async (request, reply) => {
    if (request.account?.authentication.kind === 'session') {
      await deps.sessions.end(request.account.authentication.sessionHash);
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return okEmpty();
  });

  r.post('/api/v1/setup', {
    schema: {
      tags: ['Session'],
      summary: 'Create the first admin and organization with the one-time link printed at start-up',
      body: z.object({
        token: z.string().min(1),
        email: z.email(),
        password: z.string().min(1).max(1024),
        firstName: z.string().min(1).max(255),
        lastName: z.string().max(255).default(''),
        organizationName: z.string().min(1).max(255),
      }),
      response: { 200: okSchema(lightdashUserSchema), ...errorResponses },
    },
  }, async (request, reply) => {
    const { token, ...admin } = request.body;
    const userUuid = await deps.bootstrap.completeSetup(token, admin);
    const { sessionId, expiresAt } = await deps.sessions.start(userUuid);
    setSessionCookie(reply, sessionId, expiresAt, deps.cookie);
    const account = await deps.accounts.byUserUuid(userUuid);
    if (!account) throw new Error('The admin just created was not found');
    return ok(toLightdashUser(account));
  });
};
