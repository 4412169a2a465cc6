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
import { createSavedChartReader, registerChartModule } from './charts/charts-module.js';
import type { AppContext } from './context.js';
import { registerContentModule } from './content/content-module.js';
import { createTileContextCache } from './dashboards/dashboard-locator.js';
import { registerDashboardModule } from './dashboards/dashboard-module.js';
import { registerGroupModule } from './groups/group-module.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerCrossOriginProtection } from './http/cross-origin-protection.js';
import { registerErrorHandling } from './http/error-handler.js';
import { VERSION, healthRoutes } from './http/health-routes.js';
import { keepFresh } from './http/cache-invalidation.js';
import { registerServerTiming } from './http/server-timing.js';
import { AccountRepository } from './identity/account-repository.js';
import { authRoutes } from './identity/auth-routes.js';
import { BootstrapService } from './identity/bootstrap-service.js';
import { LoginService } from './identity/login-service.js';
import { LoginThrottle } from './identity/login-throttle.js';
import { SessionRepository } from './identity/session-repository.js';
import { SessionService, type SessionRecord } from './identity/session-service.js';
import { UserRepository } from './identity/user-repository.js';
import { userRoutes } from './identity/user-routes.js';
import { registerInviteModule } from './invites/invite-module.js';
import { registerLookerModule } from './looker/looker-module.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { registerOrganizationModule } from './organizations/organization-module.js';
import { registerProjectModule } from './projects/projects-module.js';
import { registerExploreModule } from './explores/explores-module.js';
import { QUERY_METADATA_CHANNEL } from './query/query-metadata-cache.js';
import { registerQueryModule } from './query/query-module.js';
import { createCipher } from './secrets/cipher.js';
import { SpaceAccessCache } from './spaces/space-access-cache.js';
import { createSpaceAccess, registerSpaceModule } from './spaces/space-module.js';
import { registerProjectAccessModule } from './project-access/project-access-module.js';
import type { Store } from './store/database.js';
import { NotifiedCache } from './store/notified-cache.js';
import { PersonalAccessTokenRepository } from './tokens/personal-access-token-repository.js';
import { personalAccessTokenRoutes } from './tokens/personal-access-token-routes.js';
import { PersonalAccessTokenService, type TokenRecord } from './tokens/personal-access-token-service.js';
import { registerWarehouseCredentialsModule } from './warehouse-credentials/warehouse-credentials-module.js';
import { registerWebModule } from './web/web-module.js';

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
  // First of the request hooks, so `total` covers authentication too.
  registerServerTiming(app);

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
  const sessionCache = new NotifiedCache<SessionRecord>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const tokenCache = new NotifiedCache<TokenRecord>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  await keepFresh(app, store, 'tessera_identity', [sessionCache, tokenCache]);
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

  // Space decisions and tile charts are read through per-node caches, kept fresh with the query metadata (migration 0021).
  const spaceCache = new SpaceAccessCache(now);
  const spaceAccess = createSpaceAccess(store.db, spaceCache);
  const savedCharts = createSavedChartReader(store.db, spaceAccess, now);
  const tileContexts = createTileContextCache(now);
  const tileExploreVersions = new NotifiedCache<string>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const ctx: AppContext = { config, db: store.db, storeKind: store.kind, now, cipher, mailer, accounts, users, sessions, cookie: cookieSettings, spaceAccess, savedCharts };
  registerOrganizationModule(app, ctx);
  registerGroupModule(app, ctx);
  registerUserAttributeModule(app, ctx);
  registerInviteModule(app, ctx);
  const credentials = registerWarehouseCredentialsModule(app, ctx);
  const projectModule = registerProjectModule(app, ctx);
  const { explores, jobs } = registerExploreModule(app, ctx, projectModule);
  const query = registerQueryModule(app, ctx, { projects: projectModule, jobs, credentials, explores });
  await keepFresh(app, store, QUERY_METADATA_CHANNEL, [...query.metadataCaches, ...spaceCache.caches, savedCharts.tileCharts, tileContexts, tileExploreVersions]);
  registerChartModule(app, ctx, { projects: projectModule, queries: query.queries, exports: query.exports, explores });
  registerDashboardModule(app, ctx, { projects: projectModule, queries: query.queries, tileContexts, exploreVersions: tileExploreVersions });
  registerContentModule(app, ctx, { projects: projectModule });
  registerSpaceModule(app, ctx, { projects: projectModule });
  registerProjectAccessModule(app, ctx, { projects: projectModule });
  await registerLookerModule(app, ctx, { projects: projectModule, queries: query.queries, explores: query.explores });

  // Last: the web app answers GET paths outside /api/ that no API route claims.
  registerWebModule(app);

  return { app, bootstrap, explores, projects: projectModule, accounts };
};
