import { randomUUID } from 'node:crypto';
import type { OrganizationRole } from '@tessera/core';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  if (server) await server.close();
});

const deleteMe = async (user: TestUser | undefined, auth: 'cookie' | 'apiKey' = 'cookie') => {
  const res = await server.request('DELETE', '/api/v1/user/me', { as: user, auth });
  expectSpec(res, 'DeleteMe');
  return res;
};

const count = async (table: 'users' | 'sessions' | 'personal_access_tokens' | 'user_warehouse_credentials' | 'organization_memberships' | 'group_memberships', userUuid: string) =>
  Number(
    (
      await server.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_uuid', '=', userUuid)
        .executeTakeFirstOrThrow()
    ).n,
  );

const organizationExists = async (organizationUuid: string) =>
  (await server.store.db
    .selectFrom('organizations')
    .select('organization_uuid')
    .where('organization_uuid', '=', organizationUuid)
    .executeTakeFirst()) !== undefined;

const expectCookieCleared = (res: LightMyRequestResponse) => {
  const cleared = res.cookies.find((c) => c.name === 'connect.sid');
  expect(cleared?.value).toBe('');
  expect(cleared?.expires?.getTime() ?? 0).toBeLessThanOrEqual(Date.now());
};

/** Gives the user one of everything: credentials, a group membership, authorship of the group. */
const furnish = async (user: TestUser, organizationUuid: string) => {
  const created = await server.request('POST', '/api/v1/user/warehouseCredentials', {
    as: user,
    body: { name: 'pg', credentials: { type: 'postgres', user: 'u', password: 'p' } },
  });
  expect(created.statusCode).toBe(200);
  const groupUuid = randomUUID();
  await server.store.db
    .insertInto('groups')
    .values({ group_uuid: groupUuid, organization_uuid: organizationUuid, name: `g-${groupUuid}`, created_by_user_uuid: user.userUuid })
    .execute();
  await server.store.db.insertInto('group_memberships').values({ group_uuid: groupUuid, user_uuid: user.userUuid }).execute();
  return groupUuid;
};

const expectGone = async (user: TestUser) => {
  for (const table of ['users', 'sessions', 'personal_access_tokens', 'user_warehouse_credentials', 'organization_memberships', 'group_memberships'] as const) {
    expect(await count(table, user.userUuid), table).toBe(0);
  }
  expectError(await server.request('GET', '/api/v1/user', { as: user, auth: 'cookie' }), 401, 'AuthorizationError');
  expectError(await server.request('GET', '/api/v1/user', { as: user, auth: 'apiKey' }), 401, 'AuthorizationError');
  const login = await server.request('POST', '/api/v1/login', { body: { email: user.email, password: user.password } });
  expectError(login, 401, 'AuthorizationError');
};

describe('DeleteMe', () => {
  it('deletes a member and everything of theirs, ends the session and clears the cookie', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Keeps going');
    const member = await server.createUser({ organizationUuid, role: 'editor' });
    const groupUuid = await furnish(member, organizationUuid);
    expect(await count('user_warehouse_credentials', member.userUuid)).toBe(1);

    const res = await deleteMe(member);
    expect(res.statusCode).toBe(200);
    expectCookieCleared(res);
    await expectGone(member);

    expect(await organizationExists(organizationUuid)).toBe(true);
    const group = await server.store.db.selectFrom('groups').selectAll().where('group_uuid', '=', groupUuid).executeTakeFirstOrThrow();
    expect(group.created_by_user_uuid).toBeNull();
    expect((await server.request('GET', '/api/v1/user', { as: admin })).statusCode).toBe(200);
  });

  it('lets any role delete itself, by session or by ApiKey', async () => {
    const { organizationUuid } = await server.createOrganization('Roles');
    const roles: OrganizationRole[] = ['member', 'viewer', 'interactive_viewer', 'editor', 'developer'];
    for (const [i, role] of roles.entries()) {
      const user = await server.createUser({ organizationUuid, role });
      const auth = i % 2 === 0 ? 'apiKey' : 'cookie';
      expect((await deleteMe(user, auth)).statusCode).toBe(200);
      await expectGone(user);
    }
  });

  it('refuses the last admin of an organization with other members (403), deleting nothing', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Needs an admin');
    const viewer = await server.createUser({ organizationUuid, role: 'viewer' });
    for (const auth of ['cookie', 'apiKey'] as const) {
      const res = await deleteMe(admin, auth);
      expectError(res, 403, 'ForbiddenError');
      expect(res.json().error.message).toMatch(/last admin.*make another member an admin/);
    }
    expect(await count('users', admin.userUuid)).toBe(1);
    expect(await count('organization_memberships', admin.userUuid)).toBe(1);
    expect((await server.request('GET', '/api/v1/user', { as: admin })).statusCode).toBe(200);
    expect(await organizationExists(organizationUuid)).toBe(true);

    // With a second admin the first may go.
    const second = await server.createUser({ organizationUuid, role: 'admin' });
    expect((await deleteMe(admin)).statusCode).toBe(200);
    await expectGone(admin);
    expect(await organizationExists(organizationUuid)).toBe(true);
    expectError(await deleteMe(second), 403, 'ForbiddenError');
    expect((await server.request('GET', '/api/v1/user', { as: viewer })).statusCode).toBe(200);
  });

  it('deletes the organization with its only member', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Solo');
    const groupUuid = await furnish(admin, organizationUuid);
    const res = await deleteMe(admin, 'apiKey');
    expect(res.statusCode).toBe(200);
    await expectGone(admin);
    expect(await organizationExists(organizationUuid)).toBe(false);
    const group = await server.store.db.selectFrom('groups').select('group_uuid').where('group_uuid', '=', groupUuid).executeTakeFirst();
    expect(group).toBeUndefined();
  });

  it('deletes the organization when a non-admin is its only member', async () => {
    const organizationUuid = randomUUID();
    await server.store.db.insertInto('organizations').values({ organization_uuid: organizationUuid, name: 'Orphan' }).execute();
    const viewer = await server.createUser({ organizationUuid, role: 'viewer' });
    expect((await deleteMe(viewer)).statusCode).toBe(200);
    await expectGone(viewer);
    expect(await organizationExists(organizationUuid)).toBe(false);
  });

  it('deletes a user without an organization', async () => {
    const loner = await server.createUser({ organizationUuid: null });
    expect((await deleteMe(loner, 'apiKey')).statusCode).toBe(200);
    await expectGone(loner);
  });

  it('refuses anonymous requests with 401', async () => {
    expectError(await deleteMe(undefined), 401, 'AuthorizationError');
  });

  it('finds every foreign key to users and organizations cascading or setting null', async () => {
    const { rows } = await sql<{ tbl: string; ref: string; rule: string }>`
      select conrelid::regclass::text as tbl, confrelid::regclass::text as ref, confdeltype::text as rule
      from pg_constraint
      where contype = 'f' and confrelid in ('users'::regclass, 'organizations'::regclass)
    `.execute(server.store.db);
    expect(rows.length).toBeGreaterThan(10);
    const blocking = rows.filter((r) => r.rule !== 'c' && r.rule !== 'n');
    expect(blocking).toEqual([]);
  });
});
