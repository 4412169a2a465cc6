import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { grantGroupProject, grantProject, insertGroup, insertPendingMember, insertProject } from './organization-fixtures.js';

type Profile = { userUuid: string; email: string; role: string; isPending?: boolean; isInviteExpired?: boolean; isActive: boolean; groups?: unknown[] };

let server: TestServer;
let orgA: string;
let adminA: TestUser;
let editorA: TestUser;
let memberA: TestUser;
let orgB: string;
let adminB: TestUser;

const list = async (user: TestUser, query = '') => {
  const res = await server.request('GET', `/api/v1/org/users${query}`, { as: user });
  expectSpec(res, 'ListOrganizationMembers');
  return res.json().results as { data: Profile[]; pagination?: Record<string, number> };
};
const uuids = (page: { data: Profile[] }) => page.data.map((m) => m.userUuid).sort();

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: orgA, admin: adminA } = await server.createOrganization('Org A'));
  ({ organizationUuid: orgB, admin: adminB } = await server.createOrganization('Org B'));
  editorA = await server.createUser({ organizationUuid: orgA, role: 'editor' });
  memberA = await server.createUser({ organizationUuid: orgA, role: 'member' });
});
afterAll(() => server?.close());

describe('ListOrganizationMembers', () => {
  it('lists every member of the own organization, unpaginated, for admin, editor and member', async () => {
    for (const user of [adminA, editorA, memberA]) {
      const page = await list(user);
      expect(page.pagination).toBeUndefined();
      expect(uuids(page)).toEqual([adminA.userUuid, editorA.userUuid, memberA.userUuid].sort());
      expect(page.data.find((m) => m.userUuid === editorA.userUuid)).toMatchObject({
        email: editorA.email, role: 'editor', organizationUuid: orgA, isActive: true, isPending: false, isInviteExpired: false,
      });
    }
  });

  it('never shows members of another organization', async () => {
    const page = await list(adminB);
    expect(uuids(page)).toEqual([adminB.userUuid]);
    expect(uuids(await list(adminB, `?searchQuery=${encodeURIComponent(adminA.email)}`))).toEqual([]);
  });

  it('paginates when page or pageSize is given', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Paged');
    for (let i = 0; i < 4; i++) await server.createUser({ organizationUuid });
    const first = await list(admin, '?page=1&pageSize=2');
    expect(first.data).toHaveLength(2);
    expect(first.pagination).toEqual({ page: 1, pageSize: 2, totalResults: 5, totalPageCount: 3 });
    const third = await list(admin, '?page=3&pageSize=2');
    expect(third.data).toHaveLength(1);
    const all = [...first.data, ...(await list(admin, '?page=2&pageSize=2')).data, ...third.data].map((m) => m.userUuid);
    expect(new Set(all).size).toBe(5);
    expect((await list(admin, '?page=4&pageSize=2')).data).toEqual([]);
    expect((await list(admin, '?pageSize=3')).pagination).toEqual({ page: 1, pageSize: 3, totalResults: 5, totalPageCount: 2 });
    expect((await list(admin, '?page=1')).pagination).toEqual({ page: 1, pageSize: 100, totalResults: 5, totalPageCount: 1 });
  });

  it('searches names and e-mails case-insensitively, treating LIKE wildcards literally', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Search');
    const ada = await server.createUser({ organizationUuid, email: 'ada_lovelace@search.test' });
    const bob = await server.createUser({ organizationUuid, email: 'bob%@search.test' });
    await server.store.db.updateTable('users').set({ first_name: 'Ada', last_name: 'Lovelace' }).where('user_uuid', '=', ada.userUuid).execute();
    const q = async (s: string) => uuids(await list(admin, `?searchQuery=${encodeURIComponent(s)}`));
    expect(await q('ADA LOVE')).toEqual([ada.userUuid]);
    expect(await q('lovelace')).toEqual([ada.userUuid]);
    expect(await q('BOB%')).toEqual([bob.userUuid]);
    expect(await q('_')).toEqual([ada.userUuid]);
    expect(await q('%')).toEqual([bob.userUuid]);
    expect(await q('\\')).toEqual([]);
    expect(await q('nobody')).toEqual([]);
    expect((await q('')).length).toBe(3);
    const paged = await list(admin, '?searchQuery=search.test&page=1&pageSize=1');
    expect(paged.pagination).toEqual({ page: 1, pageSize: 1, totalResults: 2, totalPageCount: 2 });
  });

  it('filters to members who can view a project: viewer+ org roles, direct and group grants', async () => {
    const db = server.store.db;
    const { organizationUuid, admin } = await server.createOrganization('Projects');
    const project = await insertProject(db, organizationUuid);
    const viewer = await server.createUser({ organizationUuid, role: 'viewer' });
    const direct = await server.createUser({ organizationUuid, role: 'member' });
    const viaGroup = await server.createUser({ organizationUuid, role: 'member' });
    await server.createUser({ organizationUuid, role: 'member' });
    await grantProject(db, project, direct.userUuid);
    await grantGroupProject(db, project, await insertGroup(db, organizationUuid, [viaGroup.userUuid]));
    expect(uuids(await list(admin, `?projectUuid=${project}`))).toEqual(
      [admin.userUuid, viewer.userUuid, direct.userUuid, viaGroup.userUuid].sort(),
    );
    const foreign = await insertProject(db, orgB);
    expect(await list(admin, `?projectUuid=${foreign}`)).toEqual({ data: [] });
    expect(await list(adminB, `?projectUuid=${project}&page=1&pageSize=5`)).toEqual({
      data: [], pagination: { page: 1, pageSize: 5, totalResults: 0, totalPageCount: 0 },
    });
  });

  it('includes up to includeGroups groups per member when asked', async () => {
    const db = server.store.db;
    const { organizationUuid, admin } = await server.createOrganization('Groups');
    await insertGroup(db, organizationUuid, [admin.userUuid], 'b-team');
    await insertGroup(db, organizationUuid, [admin.userUuid], 'a-team');
    expect((await list(admin, '?includeGroups=1')).data[0]?.groups).toEqual([{ uuid: expect.any(String), name: 'a-team' }]);
    expect((await list(admin, '?includeGroups=5')).data[0]?.groups).toHaveLength(2);
    expect((await list(admin)).data[0]?.groups).toBeUndefined();
  });

  it('reports pending members and whether their invites expired', async () => {
    const db = server.store.db;
    const { organizationUuid, admin } = await server.createOrganization('Invites');
    const live = await insertPendingMember(db, organizationUuid, { expiresAt: new Date(server.clock.now.getTime() + 60_000) });
    const expired = await insertPendingMember(db, organizationUuid, { expiresAt: new Date(server.clock.now.getTime() - 60_000) });
    const noLink = await insertPendingMember(db, organizationUuid);
    await db.updateTable('users').set({ is_active: false }).where('user_uuid', '=', noLink).execute();
    const byUuid = async () => new Map((await list(admin)).data.map((m) => [m.userUuid, m]));
    let members = await byUuid();
    expect(members.get(live)).toMatchObject({ isPending: true, isInviteExpired: false, isActive: true });
    expect(members.get(expired)).toMatchObject({ isPending: true, isInviteExpired: true });
    expect(members.get(noLink)).toMatchObject({ isPending: true, isInviteExpired: false, isActive: false });
    expect(members.get(admin.userUuid)).toMatchObject({ isPending: false, isInviteExpired: false });
    server.clock.advance(120_000);
    members = await byUuid();
    expect(members.get(live)?.isInviteExpired).toBe(true);
  });

  it('is 422 for malformed query parameters and 401 anonymously', async () => {
    for (const q of ['page=0', 'page=abc', 'pageSize=0', 'pageSize=5000', 'page=1.5', 'includeGroups=-1', 'projectUuid=nope', `searchQuery=${'x'.repeat(300)}`]) {
      const res = await server.request('GET', `/api/v1/org/users?${q}`, { as: adminA });
      expectError(res, 422, 'ValidateError');
      expectSpec(res, 'ListOrganizationMembers');
    }
    expectError(await server.request('GET', '/api/v1/org/users'), 401);
  });
});

describe('GetOrganizationMemberByUuid', () => {
  it('returns a member of the own organization to any member', async () => {
    for (const user of [adminA, editorA, memberA]) {
      const res = await server.request('GET', `/api/v1/org/users/${editorA.userUuid}`, { as: user });
      expectSpec(res, 'GetOrganizationMemberByUuid');
      expect(res.json().results).toMatchObject({ userUuid: editorA.userUuid, role: 'editor', organizationUuid: orgA });
    }
  });

  it('is 403 for a user of another organization, 404 for an unknown user, 422 for a malformed id', async () => {
    const res = await server.request('GET', `/api/v1/org/users/${adminA.userUuid}`, { as: adminB });
    expectError(res, 403, 'ForbiddenError');
    expect(res.body).not.toContain(adminA.email);
    expectError(await server.request('GET', `/api/v1/org/users/${randomUUID()}`, { as: adminA }), 404, 'NotFoundError');
    expectError(await server.request('GET', '/api/v1/org/users/123', { as: adminA }), 422, 'ValidateError');
    expectError(await server.request('GET', `/api/v1/org/users/${adminA.userUuid}`), 401);
  });
});

describe('UpdateOrganizationMember', () => {
  it("lets an admin change a member's role", async () => {
    const user = await server.createUser({ organizationUuid: orgA, role: 'member' });
    const res = await server.request('PATCH', `/api/v1/org/users/${user.userUuid}`, { as: adminA, body: { role: 'developer' } });
    expectSpec(res, 'UpdateOrganizationMember');
    expect(res.json().results).toMatchObject({ userUuid: user.userUuid, role: 'developer', organizationUuid: orgA });
    expect((await server.request('GET', '/api/v1/user', { as: user })).json().results.role).toBe('developer');
  });

  it('is 403 for non-admins and for users of another organization; 404 unknown; 422 malformed', async () => {
    const target = await server.createUser({ organizationUuid: orgA, role: 'viewer' });
    for (const user of [editorA, memberA, await server.createUser({ organizationUuid: orgA, role: 'developer' })]) {
      expectError(await server.request('PATCH', `/api/v1/org/users/${target.userUuid}`, { as: user, body: { role: 'admin' } }), 403, 'ForbiddenError');
    }
    expectError(await server.request('PATCH', `/api/v1/org/users/${target.userUuid}`, { as: adminB, body: { role: 'member' } }), 403, 'ForbiddenError');
    expectError(await server.request('PATCH', `/api/v1/org/users/${adminB.userUuid}`, { as: adminA, body: { role: 'member' } }), 403, 'ForbiddenError');
    expectError(await server.request('PATCH', `/api/v1/org/users/${randomUUID()}`, { as: adminA, body: { role: 'member' } }), 404, 'NotFoundError');
    for (const body of [{}, { role: 'owner' }, { role: null }]) {
      expectError(await server.request('PATCH', `/api/v1/org/users/${target.userUuid}`, { as: adminA, body }), 422, 'ValidateError');
    }
    const [row] = await server.store.db.selectFrom('organization_memberships').select('role').where('user_uuid', '=', target.userUuid).execute();
    expect(row?.role).toBe('viewer');
    expect((await server.request('GET', `/api/v1/org/users/${adminB.userUuid}`, { as: adminB })).json().results.role).toBe('admin');
  });

  it('refuses to demote the last admin, and allows it once there is another', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Admins');
    const res = await server.request('PATCH', `/api/v1/org/users/${admin.userUuid}`, { as: admin, body: { role: 'editor' } });
    expectError(res, 400, 'ParameterError');
    expect(res.json().error.message).toMatch(/at least one admin/);
    expectSpec(await server.request('PATCH', `/api/v1/org/users/${admin.userUuid}`, { as: admin, body: { role: 'admin' } }), 'UpdateOrganizationMember');
    const second = await server.createUser({ organizationUuid, role: 'admin' });
    expectSpec(await server.request('PATCH', `/api/v1/org/users/${admin.userUuid}`, { as: admin, body: { role: 'editor' } }), 'UpdateOrganizationMember');
    expectError(await server.request('PATCH', `/api/v1/org/users/${second.userUuid}`, { as: second, body: { role: 'viewer' } }), 400, 'ParameterError');
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Race');
    const other = await server.createUser({ organizationUuid, role: 'admin' });
    const results = await Promise.all([
      server.request('PATCH', `/api/v1/org/users/${other.userUuid}`, { as: admin, body: { role: 'viewer' } }),
      server.request('PATCH', `/api/v1/org/users/${admin.userUuid}`, { as: other, body: { role: 'viewer' } }),
    ]);
    // The loser is refused either as the last admin (400) or, if it ran second, as no longer an admin (403).
    const [okRes, refused] = [...results].sort((a, b) => a.statusCode - b.statusCode);
    expect(okRes?.statusCode).toBe(200);
    expect([400, 403]).toContain(refused?.statusCode);
    const admins = await server.store.db.selectFrom('organization_memberships').select('user_uuid')
      .where('organization_uuid', '=', organizationUuid).where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });
});

describe('DeleteOrganizationMember', () => {
  it('lets an admin delete a member of the organization (the user is gone)', async () => {
    const user = await server.createUser({ organizationUuid: orgA, role: 'editor' });
    const res = await server.request('DELETE', `/api/v1/org/user/${user.userUuid}`, { as: adminA });
    expectSpec(res, 'DeleteOrganizationMember');
    expect(await server.store.db.selectFrom('users').selectAll().where('user_uuid', '=', user.userUuid).execute()).toEqual([]);
    expectError(await server.request('GET', '/api/v1/user', { as: user }), 401);
    expectError(await server.request('GET', `/api/v1/org/users/${user.userUuid}`, { as: adminA }), 404);
  });

  it('is 403 for yourself, non-admins and other organizations; 404 unknown; 422 malformed', async () => {
    const target = await server.createUser({ organizationUuid: orgA, role: 'viewer' });
    expectError(await server.request('DELETE', `/api/v1/org/user/${adminA.userUuid}`, { as: adminA }), 403, 'ForbiddenError');
    for (const user of [editorA, memberA]) {
      expectError(await server.request('DELETE', `/api/v1/org/user/${target.userUuid}`, { as: user }), 403, 'ForbiddenError');
    }
    expectError(await server.request('DELETE', `/api/v1/org/user/${target.userUuid}`, { as: adminB }), 403, 'ForbiddenError');
    expectError(await server.request('DELETE', `/api/v1/org/user/${adminB.userUuid}`, { as: adminA }), 403, 'ForbiddenError');
    expectError(await server.request('DELETE', `/api/v1/org/user/${randomUUID()}`, { as: adminA }), 404, 'NotFoundError');
    expectError(await server.request('DELETE', '/api/v1/org/user/xyz', { as: adminA }), 422, 'ValidateError');
    expectError(await server.request('DELETE', `/api/v1/org/user/${target.userUuid}`), 401);
    const still = await server.store.db.selectFrom('users').select('user_uuid').where('user_uuid', 'in', [target.userUuid, adminB.userUuid]).execute();
    expect(still).toHaveLength(2);
  });
});
