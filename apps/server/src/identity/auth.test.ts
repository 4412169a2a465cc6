import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { expectError, expectSpec, expectSpecSchema } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await createTestServer({ env: { TESSERA_LOGIN_MAX_FAILURES: '3' } });
  ({ admin } = await server.createOrganization('Acme'));
});
afterAll(() => server.close());

describe('login and sessions', () => {
  it('logs in with e-mail and password and sets an HttpOnly SameSite=Lax connect.sid cookie', async () => {
    const res = await server.request('POST', '/api/v1/login', { body: { email: admin.email.toUpperCase(), password: admin.password } });
    expectSpec(res, 'GetAuthenticatedUser');
    expect(res.json().results).toMatchObject({ userUuid: admin.userUuid, role: 'admin', organizationName: 'Acme' });
    const cookie = res.cookies.find((c) => c.name === 'connect.sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('answers GET /user for a session and for a personal access token alike', async () => {
    for (const auth of ['cookie', 'apiKey'] as const) {
      const res = await server.request('GET', '/api/v1/user', { as: admin, auth });
      expectSpec(res, 'GetAuthenticatedUser');
      expect(res.json().results.email).toBe(admin.email);
    }
  });

  it('refuses anonymous, wrong-password and unknown-user requests with 401', async () => {
    expectError(await server.request('GET', '/api/v1/user'), 401, 'AuthorizationError');
    const user = await server.createUser();
    expectError(
      await server.request('POST', '/api/v1/login', { body: { email: user.email, password: 'wrong password 1' } }),
      401,
      'AuthorizationError',
    );
    expectError(
      await server.request('POST', '/api/v1/login', { body: { email: 'nobody@example.com', password: 'whatever 1' } }),
      401,
    );
  });

  it('ends the session on logout', async () => {
    const user = await server.createUser();
    const out = await server.request('GET', '/api/v1/logout', { as: user, auth: 'cookie' });
    expect(out.statusCode).toBe(200);
    expectError(await server.request('GET', '/api/v1/user', { as: user, auth: 'cookie' }), 401);
    expect((await server.request('GET', '/api/v1/user', { as: user, auth: 'apiKey' })).statusCode).toBe(200);
  });

  it('throttles repeated failures per e-mail with 429 and Retry-After', async () => {
    const user = await server.createUser();
    for (let i = 0; i < 3; i++) {
      expectError(await server.request('POST', '/api/v1/login', { body: { email: user.email, password: 'nope nope 1' } }), 401);
    }
    const blocked = await server.request('POST', '/api/v1/login', { body: { email: user.email, password: user.password } });
    expectError(blocked, 429, 'TooManyRequestsError');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    server.clock.advance(16 * 60_000);
    expect((await server.request('POST', '/api/v1/login', { body: { email: user.email, password: user.password } })).statusCode).toBe(200);
  });
});

describe('secure cookies', () => {
  it('marks the session cookie Secure when configured', async () => {
    const secure = await createTestServer({ env: { TESSERA_SECURE_COOKIES: 'true' } });
    try {
      const { admin: a } = await secure.createOrganization();
      const res = await secure.request('POST', '/api/v1/login', { body: { email: a.email, password: a.password } });
      expect(res.cookies.find((c) => c.name === 'connect.sid')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('cross-origin protection', () => {
  it('refuses a cookie-authenticated write from another origin, allows same origin and ApiKey clients', async () => {
    const body = { description: 'x', expiresAt: null };
    const evil = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body,
      headers: { origin: 'https://evil.example' },
    });
    expectError(evil, 403, 'ForbiddenError');
    const crossSite = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectError(crossSite, 403);
    const same = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body,
      headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(200);
    const apiKey = await server.request('DELETE', `/api/v1/user/me/personal-access-tokens/${same.json().results.uuid}`, {
      as: admin,
      auth: 'apiKey',
      headers: { origin: 'https://evil.example' },
    });
    expect(apiKey.statusCode).toBe(200);
  });
});

describe('personal access tokens', () => {
  it('creates (shown once, prefixed), lists without secrets, records last use, deletes', async () => {
    const created = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body: { description: 'ci', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expectSpecSchema(created, 'PersonalAccessTokenWithToken');
    const { token, uuid } = created.json().results;
    expect(token).toMatch(/^tspat_/);

    expect((await server.request('GET', '/api/v1/user', { as: { apiKey: token } })).statusCode).toBe(200);
    const list = await server.request('GET', '/api/v1/user/me/personal-access-tokens', { as: admin });
    expectSpecSchema(list, 'PersonalAccessToken', { array: true });
    const listed = list.json().results.find((t: { uuid: string }) => t.uuid === uuid);
    expect(listed).not.toHaveProperty('token');
    expect(listed.lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(token);

    const stored = await server.store.db.selectFrom('personal_access_tokens').select('token_hash').where('personal_access_token_uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await server.request('DELETE', `/api/v1/user/me/personal-access-tokens/${uuid}`, { as: admin })).statusCode).toBe(200);
    expectError(await server.request('GET', '/api/v1/user', { as: { apiKey: token } }), 401, 'AuthorizationError');
    expectError(await server.request('DELETE', `/api/v1/user/me/personal-access-tokens/${uuid}`, { as: admin }), 404, 'NotFoundError');
  });

  it('expires tokens', async () => {
    const created = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body: { description: 'short', expiresAt: new Date(server.clock.now.getTime() + 60_000).toISOString() },
    });
    const { token } = created.json().results;
    expect((await server.request('GET', '/api/v1/user', { as: { apiKey: token } })).statusCode).toBe(200);
    server.clock.advance(61_000);
    expectError(await server.request('GET', '/api/v1/user', { as: { apiKey: token } }), 401);
  });

  it('rotates: new secret works, the old one is refused at once', async () => {
    const created = await server.request('POST', '/api/v1/user/me/personal-access-tokens', {
      as: admin,
      auth: 'cookie',
      body: { description: 'rotating', expiresAt: new Date(server.clock.now.getTime() + 86_400_000).toISOString() },
    });
    const { token: old, uuid } = created.json().results;
    const rotated = await server.request('PATCH', `/api/v1/user/me/personal-access-tokens/${uuid}/rotate`, {
      as: admin,
      body: { expiresAt: new Date(server.clock.now.getTime() + 2 * 86_400_000).toISOString() },
    });
    expectSpec(rotated, 'Rotate personal access token');
    expect(rotated.json().results).toMatchObject({ uuid });
    expect(rotated.json().results.rotatedAt).not.toBeNull();
    expectError(await server.request('GET', '/api/v1/user', { as: { apiKey: old } }), 401);
    expect((await server.request('GET', '/api/v1/user', { as: { apiKey: rotated.json().results.token } })).statusCode).toBe(200);
    const again = await server.request('PATCH', `/api/v1/user/me/personal-access-tokens/${uuid}/rotate`, {
      as: admin,
      body: { expiresAt: new Date(server.clock.now.getTime() + 3 * 86_400_000).toISOString() },
    });
    expectSpec(again, 'Rotate personal access token');
    expectError(again, 400, 'ParameterError');
  });

  it('refuses bad input with 4xx and never creates a token from a token', async () => {
    expectError(
      await server.request('POST', '/api/v1/user/me/personal-access-tokens', { as: admin, auth: 'cookie', body: { description: 'past', expiresAt: '2001-01-01T00:00:00Z' } }),
      400,
      'ParameterError',
    );
    expectError(
      await server.request('POST', '/api/v1/user/me/personal-access-tokens', { as: admin, auth: 'cookie', body: { description: 42 } }),
      422,
      'ValidateError',
    );
    expectError(
      await server.request('POST', '/api/v1/user/me/personal-access-tokens', { as: admin, auth: 'apiKey', body: { description: 'nested', expiresAt: null } }),
      403,
      'ForbiddenError',
    );
    expectError(
      await server.request('PATCH', '/api/v1/user/me/personal-access-tokens/not-a-uuid/rotate', { as: admin, body: { expiresAt: '2100-01-01T00:00:00Z' } }),
      422,
    );
    expectError(await server.request('GET', '/api/v1/user', { as: { apiKey: 'tspat_made-up' } }), 401);
  });
});

describe('the HTTP edge', () => {
  it('answers malformed JSON, oversized bodies and unknown routes with the error envelope', async () => {
    expectError(
      await server.request('POST', '/api/v1/login', { payload: '{"email": ', headers: { 'content-type': 'application/json' } }),
      400,
      'ParameterError',
    );
    const huge = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2_000_000) });
    expectError(
      await server.request('POST', '/api/v1/login', { payload: huge, headers: { 'content-type': 'application/json' } }),
      413,
      'PayloadTooLargeError',
    );
    expectError(await server.request('GET', '/api/v1/nope'), 404, 'NotFoundError');
  });

  it('serves health, livez and the generated OpenAPI document', async () => {
    const health = await server.request('GET', '/api/v1/health');
    expect(health.json()).toMatchObject({ status: 'ok', results: { healthy: true } });
    expect((await server.request('GET', '/api/v1/livez')).statusCode).toBe(200);
    const doc = (await server.request('GET', '/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/user/me/personal-access-tokens/{personalAccessTokenUuid}/rotate']).toBeDefined();
    expect((await server.request('GET', '/api/docs/')).statusCode).toBe(200);
  });
});

describe('credential cache', () => {
  it('sees a change made by another server (straight in the store) through the store notification', async () => {
    const user = await server.createUser();
    const org = await server.createOrganization('Other');
    expect((await server.request('GET', '/api/v1/user', { as: user, auth: 'apiKey' })).json().results.role).toBeUndefined();
    // Another node (or an operator) adds the membership; this node hears it through NOTIFY.
    await server.store.db
      .insertInto('organization_memberships')
      .values({ user_uuid: user.userUuid, organization_uuid: org.organizationUuid, role: 'editor' })
      .execute();
    let role: string | undefined;
    for (let i = 0; i < 50 && role !== 'editor'; i++) {
      role = (await server.request('GET', '/api/v1/user', { as: user, auth: 'apiKey' })).json().results.role;
      if (role !== 'editor') await new Promise((r) => setTimeout(r, 20));
    }
    expect(role).toBe('editor');
    await server.store.db.deleteFrom('personal_access_tokens').where('user_uuid', '=', user.userUuid).execute();
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i++) {
      status = (await server.request('GET', '/api/v1/user', { as: user, auth: 'apiKey' })).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
  });
});

describe('session housekeeping', () => {
  it('prunes expired sessions from the store when the server starts', async () => {
    const other = await createTestServer();
    try {
      const { admin: a } = await other.createOrganization();
      await other.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_uuid', '=', a.userUuid).execute();
      // A second server on the same store, as after a restart.
      const { app } = await buildApp({
        config: loadConfig({ TESSERA_HOME: '/tmp/tessera-test-unused', LOG_LEVEL: 'silent' }),
        store: other.store,
        secret: 'x'.repeat(64),
        logger: false,
        mailer: { send: async () => undefined },
      });
      await app.ready();
      await app.close();
      expect(await other.store.db.selectFrom('sessions').selectAll().where('user_uuid', '=', a.userUuid).execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
