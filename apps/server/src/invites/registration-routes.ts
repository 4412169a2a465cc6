import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { setSessionCookie, type CookieSettings } from '../http/authenticate.js';
import type { AccountRepository } from '../identity/account-repository.js';
import { lightdashUserSchema, toLightdashUser } from '../identity/lightdash-user.js';
import type { SessionService } from '../identity/session-service.js';
import type { LoginOptionsService } from './login-options-service.js';
import type { RegisterInput, RegistrationService } from './registration-service.js';

type Deps = {
  registration: RegistrationService;
  loginOptions: LoginOptionsService;
  accounts: AccountRepository;
  sessions: SessionService;
  cookie: CookieSettings;
};

const registerBody = z
  .object({
    inviteCode: z.string().min(1).max(256).optional(),
    email: z.email().max(254).optional(),
    firstName: z.string().trim().min(1).max(255),
    lastName: z.string().trim().max(255),
    password: z.string().min(1).max(1024),
  })
  .refine((b) => (b.inviteCode === undefined) !== (b.email === undefined), {
    message: 'Send either inviteCode (to accept an invite) or email (to sign up), not both',
  });

const loginOptionsSchema = z
  .object({
    showOptions: z.array(z.enum(['email', 'apiToken', 'google', 'okta', 'oneLogin', 'azuread', 'oidc'])),
    forceRedirect: z.boolean().optional(),
    redirectUri: z.string().optional(),
  })
  .meta({ id: 'LoginOptions' });

export const registrationRoutes = (app: FastifyInstance, deps: Deps): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['My Account'];

  r.post('/api/v1/user', {
    schema: {
      tags,
      operationId: 'RegisterUser',
      summary: 'Register (open sign-up or allowed e-mail domain) or accept an invite; signs the new user in',
      security: [],
      body: registerBody,
      response: { 200: okSchema(lightdashUserSchema), ...errorResponses },
    },
  }, async (request, reply) => {
    const { inviteCode, email, firstName, lastName, password } = request.body;
    const input: RegisterInput =
      inviteCode !== undefined ? { inviteCode, firstName, lastName, password } : { email: email ?? '', firstName, lastName, password };
    const userUuid = await deps.registration.register(input);
    const { sessionId, expiresAt } = await deps.sessions.start(userUuid);
    setSessionCookie(reply, sessionId, expiresAt, deps.cookie);
    const account = await deps.accounts.byUserUuid(userUuid);
    if (!account) throw new Error('The user just registered was not found');
    return ok(toLightdashUser(account));
  });

  r.get('/api/v1/user/login-options', {
    schema: {
      tags,
      operationId: 'getLoginOptions',
      summary: 'Sign-in methods; the same answer whether or not the e-mail has an account',
      security: [],
      querystring: z.object({ email: z.string().max(320).optional() }),
      response: { 200: okSchema(loginOptionsSchema), ...errorResponses },
    },
  }, async (request) => ok(deps.loginOptions.options(request.query.email)));
};
