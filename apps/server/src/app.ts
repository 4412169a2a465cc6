import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { registerUserAttributeModule } from './attributes/user-attribute-module.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { registerGroupModule } from './groups/group-module.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerCrossOriginProtection } from './http/cross-origin-protection.js';
import { registerErrorHandling } from './http/error-handler.js';
import { VERSION, healthRoutes } from './http/health-routes.js';
import { AccountRepository } from './identity/account-repository.js';
import { authRoutes } from './identity/auth-routes.js';
import { BootstrapService } from './identity/bootstrap-service.js';
import { LoginService } from './identity/login-service.js';
import { LoginThrottle } from './identity/login-throttle.js';
import { SessionRepository } from './identity/session-repository.js';
import { CredentialCache } from './identity/credential-cache.js';
import { SessionService, type SessionRecord } from './identity/session-service.js';
import { UserRepository } from './identity/user-repository.js';
import { userRoutes } from './identity/user-routes.js';
import { registerInviteModule } from './invites/invite-module.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { registerOrganizationModule } from './organizations/organization-module.js';
import { registerProjectModule } from './projects/projects-module.js';
import { registerExploreModule } from './explores/explores-module.js';
import { registerQueryModule } from './query/query-module.js';
import { createCipher } from './secrets/cipher.js';
import type { Store } from './store/database.js';
import { PersonalAccessTokenRepository } from './tokens/personal-access-token-repository.js';
import { personalAccessTokenRoutes } from './tokens/personal-access-token-routes.js';
import { PersonalAccessTokenService, type TokenRecord } from './tokens/personal-access-token-service.js';
import { registerWarehouseCredentialsModule } from './warehouse-credentials/warehouse-credentials-module.js';

export type AppDeps = {
  config: Config;
  store: Store;
  secret: string;
  now?: () => Date;
  mailer?: Mailer;
  logger?: boolean | object;
};

const CACHE_ENTRIES = 50_000;
const CACHE_TTL_MS = 5 * 60_000;

export type App = {
  app: FastifyInstance;
  bootstrap: BootstrapService;
  explores: ReturnType<typeof registerExploreModule>['explores'];
  projects: ReturnType<typeof registerProjectModule>;
  accounts: AccountRepository;
};

/**
 * The composition root: every repository and service is built here, once, with explicit
 * arguments, and handed to the route modules of its domain.
 */
export const buildApp = async (deps: AppDeps): Promise<App> => {
  const { config, store } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.TESSERA_BODY_LIMIT_BYTES,
    trustProxy: config.TESSERA_TRUST_PROXY,
    logController: new LogController({
      disableRequestLogging: config.LOG_LEVEL !== 'debug' && config.LOG_LEVEL !== 'trace',
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tessera API v1', version: VERSION, description: 'Lightdash-compatible API v1' },
      components: {
        securitySchemes: {
          session_cookie: { type: 'apiKey', in: 'cookie', name: 'connect.sid' },
          api_key: { type: 'apiKey', in: 'header', name: 'Authorization', description: "Value should be 'ApiKey <your key>'" },
        },
      },
      security: [{ session_cookie: [] }, { api_key: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const mailer = deps.mailer ?? createMailer(config.SMTP_URL, config.SMTP_FROM, app.log);
  const cipher = createCipher(deps.secret);
  const cookieSettings = { secure: config.TESSERA_SECURE_COOKIES, maxAgeSeconds: config.TESSERA_SESSION_MAX_AGE_HOURS * 3600 };

  const accounts = new AccountRepository(store.db);
  const users = new UserRepository(store.db);
  const sessionCache = new CredentialCache<SessionRecord>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const tokenCache = new CredentialCache<TokenRecord>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const caches = [sessionCache, tokenCache];
  const unlisten = await store.listen(
    'tessera_identity',
    () => caches.forEach((c) => c.clear()),
    (up) => caches.forEach((c) => c.setSubscribed(up)),
  );
  app.addHook('onClose', unlisten);
  // A write handled here clears the caches before its response leaves (see CredentialCache).
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') caches.forEach((c) => c.clear());
  });
  const sessionRepository = new SessionRepository(store.db);
  // Expired sessions are refused on use; this only keeps the table small.
  const pruneSessions = () =>
    sessionRepository.deleteExpired(now()).catch((error: unknown) => app.log.warn({ err: error }, 'could not prune sessions'));
  const pruning = setInterval(() => void pruneSessions(), 60 * 60_000).unref();
  app.addHook('onReady', pruneSessions);
  app.addHook('onClose', async () => clearInterval(pruning));
  const sessions = new SessionService(
    sessionRepository,
    accounts,
    cookieSettings.maxAgeSeconds * 1000,
    now,
    sessionCache,
  );
  const tokens = new PersonalAccessTokenService(
    new PersonalAccessTokenRepository(store.db),
    accounts,
    config.TESSERA_PAT_MAX_EXPIRATION_DAYS,
    now,
    tokenCache,
  );
  const bootstrap = new BootstrapService(store.db, users, now);
  const login = new LoginService(users, accounts, new LoginThrottle(config.TESSERA_LOGIN_MAX_FAILURES, now));

  registerCrossOriginProtection(app, config.TESSERA_TRUSTED_ORIGINS);
  registerAuthentication(app, { sessions, tokens, cookie: cookieSettings });

  healthRoutes(app, { db: store.db, storeKind: store.kind });
  authRoutes(app, { accounts, login, sessions, bootstrap, cookie: cookieSettings });
  userRoutes(app);
  personalAccessTokenRoutes(app, { tokens });

  const ctx: AppContext = { config, db: store.db, storeKind: store.kind, now, cipher, mailer, accounts, users, sessions, cookie: cookieSettings };
  registerOrganizationModule(app, ctx);
  registerGroupModule(app, ctx);
  registerUserAttributeModule(app, ctx);
  registerInviteModule(app, ctx);
  const credentials = registerWarehouseCredentialsModule(app, ctx);
  const projectModule = registerProjectModule(app, ctx);
  const { explores, jobs } = registerExploreModule(app, ctx, projectModule);
  registerQueryModule(app, ctx, { projects: projectModule, jobs, credentials });

  return { app, bootstrap, explores, projects: projectModule, accounts };
};
