import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { OrganizationRole } from '@tessera/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type AppDeps } from '../app.js';
import { loadConfig } from '../config.js';
import type { BootstrapService } from '../identity/bootstrap-service.js';
import { hashPassword } from '../identity/password.js';
import { UserRepository } from '../identity/user-repository.js';
import type { Mailer } from '../mail/mailer.js';
import { migrateToLatest, openStore, type Store } from '../store/database.js';

/**
 * A real Tessera app on a real store for route tests: PGlite (from the migrated template made in
 * global-setup) under `npm test`, or a fresh schema on PostgreSQL when DATABASE_URL is set (CI).
 */
export const createTestStore = async (): Promise<Store> => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const store = await openStore({ kind: 'postgres', url, schema, poolSize: 4 });
    await migrateToLatest(store);
    return {
      ...store,
      close: async () => {
        await store.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const template = await readFile(inject('pgliteTemplate'));
  const store = await openStore({ kind: 'pglite', loadDataDir: new Blob([template]) });
  await migrateToLatest(store);
  return store;
};

export type Credentials = { cookie: string } | { apiKey: string };

export type TestUser = {
  userUuid: string;
  email: string;
  password: string;
  organizationUuid: string | null;
  role: OrganizationRole | null;
  /** Session cookie header value, from a real POST /api/v1/login. */
  cookie: string;
  /** A personal access token made with the session. */
  apiKey: string;
};

export type TestServer = {
  app: FastifyInstance;
  bootstrap: BootstrapService;
  store: Store;
  mail: { to: string; subject: string; text: string }[];
  clock: { now: Date; advance(ms: number): void };
  /** Sends a request; JSON bodies by default; `as` picks the credentials. */
  request(method: InjectOptions['method'], url: string, options?: { body?: unknown; as?: Credentials | TestUser | undefined; auth?: 'cookie' | 'apiKey'; headers?: Record<string, string>; payload?: string }): Promise<LightMyRequestResponse>;
  /** Creates an organization with an admin (the usual starting point). */
  createOrganization(name?: string): Promise<{ organizationUuid: string; admin: TestUser }>;
  /** Adds a user with a role to an organization (or none), signed in by cookie and token. */
  createUser(options?: { organizationUuid?: string | null; role?: OrganizationRole; email?: string }): Promise<TestUser>;
  close(): Promise<void>;
};

export const createTestServer = async (
  options: { env?: Record<string, string>; mailer?: Mailer } = {},
): Promise<TestServer> => {
  const store = await createTestStore();
  const config = loadConfig({ TESSERA_HOME: '/tmp/tessera-test-unused', LOG_LEVEL: 'silent', ...options.env });
  const mail: TestServer['mail'] = [];
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const deps: AppDeps = {
    config,
    store,
    secret: randomBytes(32).toString('hex'),
    now: () => clock.now,
    mailer: options.mailer ?? { send: async (m) => void mail.push(m) },
    logger: false,
  };
  const { app, bootstrap } = await buildApp(deps);
  await app.ready();
  const users = new UserRepository(store.db);

  const request: TestServer['request'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const as = opts.as;
    if (as) {
      const mode = opts.auth ?? ('cookie' in as ? 'cookie' : 'apiKey');
      if (mode === 'cookie' && 'cookie' in as) headers.cookie = as.cookie;
      else if ('apiKey' in as) headers.authorization = `ApiKey ${as.apiKey}`;
    }
    return app.inject({
      method,
      url,
      headers,
      ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  };

  const signIn = async (email: string, password: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/login', payload: { email, password } });
    if (login.statusCode !== 200) throw new Error(`test login failed: ${login.body}`);
    const setCookie = login.cookies.find((c) => c.name === 'connect.sid');
    if (!setCookie) throw new Error('login set no connect.sid cookie');
    const cookie = `connect.sid=${setCookie.value}`;
    const pat = await app.inject({
      method: 'POST',
      url: '/api/v1/user/me/personal-access-tokens',
      headers: { cookie },
      payload: { description: 'test', expiresAt: null },
    });
    if (pat.statusCode !== 200) throw new Error(`test token failed: ${pat.body}`);
    return { cookie, apiKey: (pat.json() as { results: { token: string } }).results.token };
  };

  const passwordHash = await hashPassword('correct horse 1');
  const createUser: TestServer['createUser'] = async (o = {}) => {
    const userUuid = randomUUID();
    const email = o.email ?? `user-${userUuid.slice(0, 8)}@example.com`;
    const password = 'correct horse 1';
    await users.create({ userUuid, email, firstName: 'Test', lastName: userUuid.slice(0, 4), passwordHash, isEmailVerified: true });
    const organizationUuid = o.organizationUuid ?? null;
    const role = organizationUuid ? (o.role ?? 'member') : null;
    if (organizationUuid && role) await users.addMembership(userUuid, organizationUuid, role);
    return { userUuid, email, password, organizationUuid, role, ...(await signIn(email, password)) };
  };

  return {
    app,
    bootstrap,
    store,
    mail,
    clock,
    request,
    createUser,
    async createOrganization(name = 'Test organization') {
      const organizationUuid = randomUUID();
      await users.createOrganization(organizationUuid, name);
      return { organizationUuid, admin: await createUser({ organizationUuid, role: 'admin' }) };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
};
