import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const admin = { email: 'first@example.com', password: 'first-admin-1', firstName: 'Ada', lastName: 'L', organizationName: 'Acme' };

describe('first admin', () => {
  it('creates the admin and organization from the environment, once', async () => {
    expect(await server.bootstrap.ensureFirstAdmin(admin)).toEqual({ created: 'first@example.com' });
    expect(await server.bootstrap.ensureFirstAdmin(admin)).toEqual({});
    const login = await server.request('POST', '/api/v1/login', { body: { email: admin.email, password: admin.password } });
    expectSpec(login, 'GetAuthenticatedUser');
    expect(login.json().results).toMatchObject({ role: 'admin', organizationName: 'Acme', isSetupComplete: true });
  });

  it('hands out a one-time setup link that creates the admin and signs them in, then stops working', async () => {
    const { setupToken } = await server.bootstrap.ensureFirstAdmin(undefined);
    expect(setupToken).toBeTruthy();
    expectError(await server.request('POST', '/api/v1/setup', { body: { ...admin, token: 'guess' } }), 404, 'NotFoundError');
    expectError(await server.request('POST', '/api/v1/setup', { body: { ...admin, token: setupToken, password: 'short' } }), 400, 'ParameterError');

    const done = await server.request('POST', '/api/v1/setup', { body: { ...admin, token: setupToken } });
    expectSpec(done, 'GetAuthenticatedUser');
    const cookie = done.cookies.find((c) => c.name === 'connect.sid');
    const me = await server.request('GET', '/api/v1/user', { headers: { cookie: `connect.sid=${cookie?.value}` } });
    expect(me.json().results).toMatchObject({ email: admin.email, role: 'admin' });

    expectError(await server.request('POST', '/api/v1/setup', { body: { ...admin, email: 'second@example.com', token: setupToken } }), 404);
    expect(await server.bootstrap.ensureFirstAdmin(undefined)).toEqual({});
  });

  it('refuses setup once any admin exists, even with a fresh link', async () => {
    const { setupToken } = await server.bootstrap.ensureFirstAdmin(undefined);
    await server.createOrganization();
    expectError(await server.request('POST', '/api/v1/setup', { body: { ...admin, token: setupToken } }), 403, 'ForbiddenError');
  });

  it('expires setup links after a day', async () => {
    const { setupToken } = await server.bootstrap.ensureFirstAdmin(undefined);
    server.clock.advance(25 * 3600_000);
    expectError(await server.request('POST', '/api/v1/setup', { body: { ...admin, token: setupToken } }), 403);
  });
});
