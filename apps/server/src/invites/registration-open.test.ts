import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { invite, sessionCookieOf } from './invite-test-helpers.js';

let server: TestServer;
const PASSWORD = 'open sesame 42';

beforeAll(async () => {
  server = await createTestServer({ env: { TESSERA_OPEN_REGISTRATION: 'true' } });
});
afterAll(() => server.close());

const register = (body: object) => server.request('POST', '/api/v1/user', { body });

describe('RegisterUser with TESSERA_OPEN_REGISTRATION=true', () => {
  it('registers any e-mail, signs the user in, and the password works for login', async () => {
    const res = await register({ email: 'Solo@Anywhere.example', firstName: 'Solo', lastName: '', password: PASSWORD });
    expectSpec(res, 'RegisterUser');
    const user = res.json().results;
    expect(user).toMatchObject({ email: 'solo@anywhere.example', firstName: 'Solo', lastName: '', isActive: true, isPending: false });
    expect(user.organizationUuid).toBeUndefined();

    const cookie = sessionCookieOf(res);
    const me = await server.request('GET', '/api/v1/user', { as: { cookie } });
    expectSpec(me, 'GetAuthenticatedUser');
    expect(me.json().results.userUuid).toBe(user.userUuid);

    const row = await server.store.db.selectFrom('users').selectAll().where('user_uuid', '=', user.userUuid).executeTakeFirstOrThrow();
    expect(row.is_email_verified).toBe(false);
    expect(row.password_hash).not.toContain(PASSWORD);
    const memberships = await server.store.db.selectFrom('organization_memberships').selectAll().where('user_uuid', '=', user.userUuid).execute();
    expect(memberships).toEqual([]);

    const login = await server.request('POST', '/api/v1/login', { body: { email: 'solo@anywhere.example', password: PASSWORD } });
    expectSpec(login, 'GetAuthenticatedUser');
  });

  it('409 for an existing address (any case) without touching the existing account', async () => {
    const existing = await server.createUser({ email: 'taken@anywhere.example' });
    const before = await server.store.db.selectFrom('users').selectAll().where('user_uuid', '=', existing.userUuid).executeTakeFirstOrThrow();
    const res = await register({ email: 'TAKEN@anywhere.example', firstName: 'Other', lastName: 'Person', password: PASSWORD });
    expectError(res, 409, 'AlreadyExistsError');
    expect(res.json().error.message).toBe('A user with this email address already exists');
    expect(res.cookies.find((c) => c.name === 'connect.sid')).toBeUndefined();
    const after = await server.store.db.selectFrom('users').selectAll().where('user_uuid', '=', existing.userUuid).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('concurrent registrations of one address create one user', async () => {
    const body = { email: 'twice@anywhere.example', firstName: 'T', lastName: 'W', password: PASSWORD };
    const results = await Promise.all([register(body), register(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    for (const r of results) if (r.statusCode === 409) expectError(r, 409, 'AlreadyExistsError');
    const rows = await server.store.db.selectFrom('users').select('user_uuid').where('email', '=', 'twice@anywhere.example').execute();
    expect(rows).toHaveLength(1);
  });

  it('invite codes still work alongside open registration', async () => {
    const { admin, organizationUuid } = await server.createOrganization('Open Org');
    const link = await invite(server, admin, { email: 'invitee@anywhere.example', role: 'viewer' });
    const res = await register({ inviteCode: link.inviteCode, firstName: 'In', lastName: 'Vitee', password: PASSWORD });
    expectSpec(res, 'RegisterUser');
    expect(res.json().results).toMatchObject({ organizationUuid, role: 'viewer' });
  });

  it('400 for a weak password, 422 for a malformed body; nothing written', async () => {
    expectError(await register({ email: 'weak@anywhere.example', firstName: 'W', lastName: 'P', password: 'password' }), 400, 'ParameterError');
    expectError(await register({ email: 'weak@anywhere.example', lastName: 'P', password: PASSWORD }), 422, 'ValidateError');
    expectError(await register({ email: 'weak@anywhere.example', firstName: 'W', lastName: 'P', password: PASSWORD, inviteCode: 'x' }), 422);
    const rows = await server.store.db.selectFrom('users').select('user_uuid').where('email', '=', 'weak@anywhere.example').execute();
    expect(rows).toEqual([]);
  });
});
