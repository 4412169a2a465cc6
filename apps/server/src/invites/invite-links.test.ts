import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { DAY, expectInviteLink, inFuture, invite } from './invite-test-helpers.js';

let server: TestServer;
let admin: TestUser;
let organizationUuid: string;
let other: { organizationUuid: string; admin: TestUser };

beforeAll(async () => {
  server = await createTestServer({ env: { TESSERA_SITE_URL: 'https://bi.example.com/' } });
  ({ admin, organizationUuid } = await server.createOrganization('Acme'));
  other = await server.createOrganization('Globex');
});
afterAll(() => server.close());

const userRow = (email: string) =>
  server.store.db
    .selectFrom('users as u')
    .leftJoin('organization_memberships as m', 'm.user_uuid', 'u.user_uuid')
    .select(['u.user_uuid', 'u.password_hash', 'm.organization_uuid', 'm.role'])
    .where('u.email', '=', email)
    .executeTakeFirst();

const linksOf = (userUuid: string) =>
  server.store.db.selectFrom('invite_links').selectAll().where('user_uuid', '=', userUuid).execute();

describe('POST /api/v1/invite-links', () => {
  it('creates a pending user with the role, stores only the digest of the code and mails the link', async () => {
    const before = server.mail.length;
    const link = await invite(server, admin, { email: 'New.Person@Example.com', role: 'editor' });
    expect(link).toMatchObject({ email: 'new.person@example.com', organizationUuid });
    expect(link.inviteUrl).toBe(`https://bi.example.com/invite/${link.inviteCode}`);
    expect(link.inviteCode.length).toBeGreaterThanOrEqual(40);

    const row = await userRow('new.person@example.com');
    expect(row).toMatchObject({ user_uuid: link.userUuid, password_hash: null, organization_uuid: organizationUuid, role: 'editor' });
    const stored = await linksOf(link.userUuid);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.invite_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.invite_code_hash).not.toContain(link.inviteCode);

    const mail = server.mail.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: 'new.person@example.com' });
    expect(mail[0]?.subject).toContain('Acme');
    expect(mail[0]?.text).toContain(link.inviteUrl);
  });

  it('defaults the role to member', async () => {
    const link = await invite(server, admin, { email: 'plain@example.com' });
    expect((await userRow('plain@example.com'))?.role).toBe('member');
    expect(link.email).toBe('plain@example.com');
  });

  it('re-inviting a pending user issues a new link, replaces the old one and updates the role', async () => {
    const first = await invite(server, admin, { email: 'again@example.com', role: 'viewer' });
    const second = await invite(server, admin, { email: 'AGAIN@example.com', role: 'developer' });
    expect(second.userUuid).toBe(first.userUuid);
    expect(second.inviteCode).not.toBe(first.inviteCode);
    expect((await userRow('again@example.com'))?.role).toBe('developer');
    expect(await linksOf(first.userUuid)).toHaveLength(1);
    expectError(await server.request('GET', `/api/v1/invite-links/${first.inviteCode}`), 404, 'NotFoundError');
    expectInviteLink(await server.request('GET', `/api/v1/invite-links/${second.inviteCode}`));
    // Without a role the earlier role is kept.
    await invite(server, admin, { email: 'again@example.com' });
    expect((await userRow('again@example.com'))?.role).toBe('developer');
  });

  it('refuses (409) an active user, a pending user of another organization and a user without organization', async () => {
    const active = await server.createUser({ organizationUuid, role: 'viewer' });
    const noOrg = await server.createUser();
    const theirs = await invite(server, other.admin, { email: 'theirs@example.com' });
    const mailBefore = server.mail.length;
    for (const email of [active.email, admin.email, noOrg.email, theirs.email]) {
      const res = await server.request('POST', '/api/v1/invite-links', { as: admin, body: { email, expiresAt: inFuture(server, DAY) } });
      expectError(res, 409, 'AlreadyExistsError');
    }
    expect(server.mail.length).toBe(mailBefore);
    expect((await userRow(theirs.email))?.organization_uuid).toBe(other.organizationUuid);
    expect(await linksOf(theirs.userUuid)).toHaveLength(1);
  });

  it('requires expiresAt in the future (400) and a well-formed body (422), with no write', async () => {
    const past = await server.request('POST', '/api/v1/invite-links', {
      as: admin,
      body: { email: 'past@example.com', expiresAt: new Date(server.clock.now.getTime() - 1000).toISOString() },
    });
    expectError(past, 400, 'ParameterError');
    const bad = [
      { email: 'not-an-email', expiresAt: inFuture(server, DAY) },
      { email: 'x@example.com' },
      { email: 'x@example.com', expiresAt: 'tomorrow' },
      { email: 'x@example.com', expiresAt: inFuture(server, DAY), role: 'owner' },
    ];
    for (const body of bad) expectError(await server.request('POST', '/api/v1/invite-links', { as: admin, body }), 422, 'ValidateError');
    expect(await userRow('past@example.com')).toBeUndefined();
    expect(await userRow('x@example.com')).toBeUndefined();
  });

  it('is for organization admins only: 401 anonymous or without organization, 403 for lesser roles', async () => {
    const body = { email: 'nobody-invited@example.com', expiresAt: inFuture(server, DAY) };
    expectError(await server.request('POST', '/api/v1/invite-links', { body }), 401, 'AuthorizationError');
    expectError(await server.request('POST', '/api/v1/invite-links', { as: await server.createUser(), body }), 401);
    for (const role of ['member', 'viewer', 'interactive_viewer', 'editor', 'developer'] as const) {
      const user = await server.createUser({ organizationUuid, role });
      for (const auth of ['cookie', 'apiKey'] as const) {
        expectError(await server.request('POST', '/api/v1/invite-links', { as: user, auth, body }), 403, 'ForbiddenError');
      }
    }
    expect(await userRow('nobody-invited@example.com')).toBeUndefined();
    const viaApiKey = await server.request('POST', '/api/v1/invite-links', { as: admin, auth: 'apiKey', body });
    expectInviteLink(viaApiKey, 201);
  });
});

describe('GET /api/v1/invite-links/{inviteCode}', () => {
  it('is public and answers the link; 404 for unknown codes; 406 once expired', async () => {
    const link = await invite(server, admin, { email: 'lookup@example.com', expiresAt: inFuture(server, 60 * 60_000) });
    const found = expectInviteLink(await server.request('GET', `/api/v1/invite-links/${link.inviteCode}`));
    expect(found).toEqual(link);
    expectError(await server.request('GET', '/api/v1/invite-links/no-such-code'), 404, 'NotFoundError');
    server.clock.advance(60 * 60_000 + 1);
    expectError(await server.request('GET', `/api/v1/invite-links/${link.inviteCode}`), 406, 'ExpiredError');
  });
});

describe('DELETE /api/v1/invite-links', () => {
  it("revokes every link of the admin's organization and nothing else", async () => {
    const mine = await invite(server, admin, { email: 'revoke-me@example.com' });
    const theirs = await invite(server, other.admin, { email: 'keep-me@example.com' });
    const res = await server.request('DELETE', '/api/v1/invite-links', { as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' }); // ApiSuccessEmpty
    expectError(await server.request('GET', `/api/v1/invite-links/${mine.inviteCode}`), 404);
    expectInviteLink(await server.request('GET', `/api/v1/invite-links/${theirs.inviteCode}`));
    const remaining = await server.store.db.selectFrom('invite_links').select('user_uuid').where('organization_uuid', '=', organizationUuid).execute();
    expect(remaining).toHaveLength(0);
    // The pending user stays a (pending) member; a new invite brings a working link.
    expect((await userRow('revoke-me@example.com'))?.organization_uuid).toBe(organizationUuid);
    const again = await invite(server, admin, { email: 'revoke-me@example.com' });
    expectInviteLink(await server.request('GET', `/api/v1/invite-links/${again.inviteCode}`));
  });

  it('is for admins only', async () => {
    const link = await invite(server, admin, { email: 'survivor@example.com' });
    expectError(await server.request('DELETE', '/api/v1/invite-links'), 401, 'AuthorizationError');
    for (const role of ['member', 'editor', 'developer'] as const) {
      const user = await server.createUser({ organizationUuid, role });
      expectError(await server.request('DELETE', '/api/v1/invite-links', { as: user }), 403, 'ForbiddenError');
    }
    expectInviteLink(await server.request('GET', `/api/v1/invite-links/${link.inviteCode}`));
  });
});
