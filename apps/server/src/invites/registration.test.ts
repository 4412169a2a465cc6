import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { expectInviteLink, invite, inFuture, sessionCookieOf } from './invite-test-helpers.js';

let server: TestServer;
let admin: TestUser;
let organizationUuid: string;

const PASSWORD = 'a good password 1';

beforeAll(async () => {
  // Invite-only (TESSERA_OPEN_REGISTRATION defaults to false).
  server = await createTestServer();
  ({ admin, organizationUuid } = await server.createOrganization('Acme'));
  await server.store.db
    .insertInto('organization_allowed_email_domains')
    .values({ organization_uuid: organizationUuid, email_domains: JSON.stringify(['Acme.example']), role: 'viewer', projects: '[]' })
    .execute();
});
afterAll(() => server.close());

const register = (body: object) => server.request('POST', '/api/v1/user', { body });

const userByEmail = (email: string) =>
  server.store.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

describe('RegisterUser with an invite code', () => {
  it('invite → register → GET /user → logout → login: the full round trip', async () => {
    const link = await invite(server, admin, { email: 'ada@example.com', role: 'editor' });
    const res = await register({ inviteCode: link.inviteCode, firstName: ' Ada ', lastName: 'Lovelace', password: PASSWORD });
    expectSpec(res, 'RegisterUser');
    expect(res.json().results).toMatchObject({
      userUuid: link.userUuid,
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationUuid,
      organizationName: 'Acme',
      role: 'editor',
      isActive: true,
      isPending: false,
    });
    const cookie = sessionCookieOf(res);
    const me = await server.request('GET', '/api/v1/user', { as: { cookie } });
    expectSpec(me, 'GetAuthenticatedUser');
    expect(me.json().results.userUuid).toBe(link.userUuid);

    const row = await userByEmail('ada@example.com');
    expect(row?.is_email_verified).toBe(true);
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await server.store.db.selectFrom('invite_links').selectAll().where('user_uuid', '=', link.userUuid).execute()).toEqual([]);

    // The link is spent.
    expectError(await server.request('GET', `/api/v1/invite-links/${link.inviteCode}`), 404, 'NotFoundError');
    const again = await register({ inviteCode: link.inviteCode, firstName: 'Eve', lastName: 'X', password: PASSWORD });
    expectError(again, 404, 'NotFoundError');
    // An active user cannot be invited again.
    const reinvite = await server.request('POST', '/api/v1/invite-links', { as: admin, body: { email: 'ada@example.com', expiresAt: inFuture(server, 60_000) } });
    expectError(reinvite, 409, 'AlreadyExistsError');

    await server.request('GET', '/api/v1/logout', { as: { cookie } });
    expectError(await server.request('GET', '/api/v1/user', { as: { cookie } }), 401);
    const login = await server.request('POST', '/api/v1/login', { body: { email: 'ada@example.com', password: PASSWORD } });
    expectSpec(login, 'GetAuthenticatedUser');
    expect(login.json().results.role).toBe('editor');
  });

  it('a pending user cannot log in before accepting the invite', async () => {
    await invite(server, admin, { email: 'pending-login@example.com' });
    const login = await server.request('POST', '/api/v1/login', { body: { email: 'pending-login@example.com', password: PASSWORD } });
    expectError(login, 401, 'AuthorizationError');
  });

  it('refuses an expired link with 406 and writes nothing', async () => {
    const link = await invite(server, admin, { email: 'late@example.com', expiresAt: inFuture(server, 60_000) });
    server.clock.advance(60_001);
    const res = await register({ inviteCode: link.inviteCode, firstName: 'Late', lastName: 'Comer', password: PASSWORD });
    expectError(res, 406, 'ExpiredError');
    const row = await userByEmail('late@example.com');
    expect(row).toMatchObject({ password_hash: null, first_name: '', is_email_verified: false });
    expect(await server.store.db.selectFrom('invite_links').selectAll().where('user_uuid', '=', link.userUuid).execute()).toHaveLength(1);
    expect(res.cookies.find((c) => c.name === 'connect.sid')).toBeUndefined();
  });

  it('checks the password rule (400) and keeps the link usable', async () => {
    const link = await invite(server, admin, { email: 'weak@example.com' });
    for (const password of ['short1', 'onlyletters', '12345678']) {
      const res = await register({ inviteCode: link.inviteCode, firstName: 'Weak', lastName: 'P', password });
      expectError(res, 400, 'ParameterError');
    }
    expect((await userByEmail('weak@example.com'))?.password_hash).toBeNull();
    expectInviteLink(await server.request('GET', `/api/v1/invite-links/${link.inviteCode}`));
    expectSpec(await register({ inviteCode: link.inviteCode, firstName: 'Weak', lastName: 'P', password: PASSWORD }), 'RegisterUser');
  });

  it('404 for an unknown code; concurrent use of one code succeeds once', async () => {
    expectError(await register({ inviteCode: 'nope', firstName: 'A', lastName: 'B', password: PASSWORD }), 404, 'NotFoundError');
    const link = await invite(server, admin, { email: 'race@example.com' });
    const body = { inviteCode: link.inviteCode, firstName: 'Race', lastName: 'R', password: PASSWORD };
    const results = await Promise.all([register(body), register(body), register(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404, 404]);
    const sessions = await server.store.db.selectFrom('sessions').selectAll().where('user_uuid', '=', link.userUuid).execute();
    expect(sessions).toHaveLength(1);
  });

  it('422 for malformed bodies (both inviteCode and email, missing names, empty password)', async () => {
    const link = await invite(server, admin, { email: 'malformed@example.com' });
    const bad = [
      { inviteCode: link.inviteCode, email: 'malformed@example.com', firstName: 'A', lastName: 'B', password: PASSWORD },
      { inviteCode: link.inviteCode, lastName: 'B', password: PASSWORD },
      { inviteCode: link.inviteCode, firstName: '  ', lastName: 'B', password: PASSWORD },
      { inviteCode: link.inviteCode, firstName: 'A', lastName: 'B', password: '' },
      { firstName: 'A', lastName: 'B', password: PASSWORD },
      { email: 'not-an-email', firstName: 'A', lastName: 'B', password: PASSWORD },
    ];
    for (const body of bad) expectError(await register(body), 422, 'ValidateError');
    expect((await userByEmail('malformed@example.com'))?.password_hash).toBeNull();
  });
});

describe('RegisterUser with an e-mail while registration is invite-only', () => {
  it('refuses e-mails outside the allowed domains with 403 saying an invite is needed, and writes nothing', async () => {
    const res = await register({ email: 'stranger@elsewhere.example', firstName: 'S', lastName: 'T', password: PASSWORD });
    expectError(res, 403, 'ForbiddenError');
    expect(res.json().error.message).toMatch(/invite/i);
    expect(await userByEmail('stranger@elsewhere.example')).toBeUndefined();
    // Existing addresses get the same 403: nothing is revealed about them.
    const existing = await register({ email: admin.email, firstName: 'S', lastName: 'T', password: PASSWORD });
    expectError(existing, 403, 'ForbiddenError');
    expect(existing.json().error.message).toBe(res.json().error.message);
  });

  it("allows an e-mail whose domain an organization allows; the user starts without organization, unverified", async () => {
    const res = await register({ email: 'Grace@ACME.example', firstName: 'Grace', lastName: 'Hopper', password: PASSWORD });
    expectSpec(res, 'RegisterUser');
    const user = res.json().results;
    expect(user).toMatchObject({ email: 'grace@acme.example', firstName: 'Grace', isPending: false });
    expect(user.organizationUuid).toBeUndefined();
    expect(user.role).toBeUndefined();
    expect((await userByEmail('grace@acme.example'))?.is_email_verified).toBe(false);
    const me = await server.request('GET', '/api/v1/user', { as: { cookie: sessionCookieOf(res) } });
    expectSpec(me, 'GetAuthenticatedUser');

    const dup = await register({ email: 'grace@acme.example', firstName: 'G', lastName: 'H', password: PASSWORD });
    expectError(dup, 409, 'AlreadyExistsError');
  });

  it('answers 409 with the same message for a pending (invited) address in an allowed domain', async () => {
    await invite(server, admin, { email: 'invited@acme.example' });
    const pending = await register({ email: 'invited@acme.example', firstName: 'I', lastName: 'P', password: PASSWORD });
    expectError(pending, 409, 'AlreadyExistsError');
    const active = await register({ email: 'grace@acme.example', firstName: 'G', lastName: 'H', password: PASSWORD });
    expect(pending.json().error.message).toBe(active.json().error.message);
    expect((await userByEmail('invited@acme.example'))?.password_hash).toBeNull();
  });

  it('checks the password rule before anything is written', async () => {
    const res = await register({ email: 'weak@acme.example', firstName: 'W', lastName: 'P', password: 'weak' });
    expectError(res, 400, 'ParameterError');
    expect(await userByEmail('weak@acme.example')).toBeUndefined();
  });
});

describe('getLoginOptions', () => {
  it('is public and gives the same answer for known, pending, unknown and no e-mail', async () => {
    await invite(server, admin, { email: 'pending-options@example.com' });
    const answers = [];
    for (const query of ['', `?email=${encodeURIComponent(admin.email)}`, '?email=pending-options%40example.com', '?email=nobody%40nowhere.example', '?email=garbage']) {
      const res = await server.request('GET', `/api/v1/user/login-options${query}`);
      expectSpec(res, 'getLoginOptions');
      answers.push(res.body);
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0] ?? '{}')).toEqual({ status: 'ok', results: { showOptions: ['email'] } });
  });
});
