import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { isUniqueViolation } from '../store/database-errors.js';
import { GroupRepository } from './group-repository.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let editor: TestUser;
let viewer: TestUser;
let member: TestUser;
let alice: TestUser;
let bob: TestUser;
let otherAdmin: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  viewer = await server.createUser({ organizationUuid: org, role: 'viewer' });
  member = await server.createUser({ organizationUuid: org, role: 'member' });
  alice = await server.createUser({ organizationUuid: org, role: 'member', email: 'alice@example.com' });
  bob = await server.createUser({ organizationUuid: org, role: 'member', email: 'bob@example.com' });
  const other = await server.createOrganization('Other');
  otherAdmin = other.admin;
  stranger = await server.createUser({ organizationUuid: other.organizationUuid, role: 'member' });
});
afterAll(() => server.close());

type GroupDto = { uuid: string; name: string; members?: { userUuid: string; email: string }[]; memberUuids?: string[] };

const createGroup = async (name: string, members: TestUser[] = []): Promise<GroupDto> => {
  const res = await server.request('POST', '/api/v1/org/groups', {
    as: admin,
    body: { name, members: members.map((m) => ({ userUuid: m.userUuid })) },
  });
  expectSpec(res, 'CreateGroupInOrganization');
  return res.json().results as GroupDto;
};
const groupCount = async (name: string) =>
  (await server.store.db.selectFrom('groups').select('group_uuid').where('name', '=', name).execute()).length;

describe('CreateGroupInOrganization', () => {
  it('lets an admin create a group with members, by cookie or ApiKey', async () => {
    const res = await server.request('POST', '/api/v1/org/groups', {
      as: admin,
      auth: 'apiKey',
      body: { name: '  Analysts ', members: [{ userUuid: alice.userUuid }, { userUuid: bob.userUuid }, { userUuid: alice.userUuid }] },
    });
    expectSpec(res, 'CreateGroupInOrganization');
    const group = res.json().results;
    expect(group).toMatchObject({ name: 'Analysts', organizationUuid: org, createdByUserUuid: admin.userUuid, updatedByUserUuid: admin.userUuid });
    expect(group.createdAt).toBe(server.clock.now.toISOString());
    expect(group.members.map((m: { email: string }) => m.email)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(group.memberUuids).toEqual([alice.userUuid, bob.userUuid]);
    const empty = await createGroup('Empty');
    expect(empty.members).toEqual([]);
  });

  it('refuses a duplicate name in the same organization, ignoring letter case, but not in another', async () => {
    await createGroup('Finance');
    const dup = await server.request('POST', '/api/v1/org/groups', { as: admin, body: { name: 'FINANCE' } });
    expectError(dup, 409, 'AlreadyExistsError');
    expectSpec(dup, 'CreateGroupInOrganization');
    const elsewhere = await server.request('POST', '/api/v1/org/groups', { as: otherAdmin, body: { name: 'Finance' } });
    expectSpec(elsewhere, 'CreateGroupInOrganization');
  });

  it('answers concurrent creates of one name with one 200 and 409s, never a 500', async () => {
    const results = await Promise.all(
      ['Race', 'race', 'RACE'].map((name) => server.request('POST', '/api/v1/org/groups', { as: admin, body: { name } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'AlreadyExistsError');
  });

  it('is backed by the unique index, whose violation the service recognises', async () => {
    const repo = new GroupRepository(server.store.db);
    const row = { organizationUuid: org, userUuid: admin.userUuid, at: new Date() };
    await repo.create({ ...row, uuid: randomUUID(), name: 'Indexed' });
    const error = await repo.create({ ...row, uuid: randomUUID(), name: 'INDEXED' }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('refuses members outside the organization with 400 and writes nothing', async () => {
    for (const userUuid of [stranger.userUuid, randomUUID()]) {
      const res = await server.request('POST', '/api/v1/org/groups', {
        as: admin,
        body: { name: 'Mixed', members: [{ userUuid: alice.userUuid }, { userUuid }] },
      });
      expectError(res, 400, 'ParameterError');
      expect(res.json().error.message).toContain(userUuid);
    }
    expect(await groupCount('Mixed')).toBe(0);
  });

  it('is admin only: 403 for editor, viewer and member; 401 anonymous or without an organization', async () => {
    for (const user of [editor, viewer, member]) {
      expectError(await server.request('POST', '/api/v1/org/groups', { as: user, body: { name: 'Nope' } }), 403, 'ForbiddenError');
    }
    expectError(await server.request('POST', '/api/v1/org/groups', { body: { name: 'Nope' } }), 401, 'AuthorizationError');
    const loner = await server.createUser();
    expectError(await server.request('POST', '/api/v1/org/groups', { as: loner, body: { name: 'Nope' } }), 401);
    expect(await groupCount('Nope')).toBe(0);
  });

  it('answers malformed bodies with 422', async () => {
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 42 }, { name: 'X', members: 'all' }, { name: 'X', members: [{ userUuid: 'nope' }] }, { name: 'x'.repeat(256) }]) {
      expectError(await server.request('POST', '/api/v1/org/groups', { as: admin, body }), 422, 'ValidateError');
    }
    expectError(await server.request('POST', '/api/v1/org/groups', { as: admin, payload: '{nope', headers: { 'content-type': 'application/json' } }), 400);
  });
});

describe('ListGroupsInOrganization', () => {
  let org2: string;
  let listAdmin: TestUser;
  let listMember: TestUser;
  beforeAll(async () => {
    ({ organizationUuid: org2, admin: listAdmin } = await server.createOrganization('Listing'));
    listMember = await server.createUser({ organizationUuid: org2, role: 'member', email: 'zed@example.com' });
    const carol = await server.createUser({ organizationUuid: org2, role: 'viewer', email: 'carol@example.com' });
    for (const [name, members] of [['Beta', [listMember, carol]], ['alpha', [carol]], ['Gamma 100%', []]] as const) {
      const res = await server.request('POST', '/api/v1/org/groups', {
        as: listAdmin,
        body: { name, members: members.map((m) => ({ userUuid: m.userUuid })) },
      });
      expectSpec(res, 'CreateGroupInOrganization');
    }
  });
  const list = (as: TestUser, query = '') => server.request('GET', `/api/v1/org/groups${query}`, { as });

  it('lets any member list the groups of their own organization, by name, without pagination by default', async () => {
    const res = await list(listMember);
    expectSpec(res, 'ListGroupsInOrganization');
    expect(res.json().results.data.map((g: GroupDto) => g.name)).toEqual(['alpha', 'Beta', 'Gamma 100%']);
    expect(res.json().results.pagination).toBeUndefined();
    expect(res.json().results.data[0].members).toBeUndefined();
    expect(res.json().results.data.every((g: { organizationUuid: string }) => g.organizationUuid === org2)).toBe(true);
  });

  it("shows users of other organizations only their own organization's groups", async () => {
    const res = await list(stranger);
    expectSpec(res, 'ListGroupsInOrganization');
    expect(res.json().results.data.map((g: GroupDto) => g.name)).toEqual(['Finance']);
    expect(res.json().results.data[0].organizationUuid).toBe(stranger.organizationUuid);
    const fresh = await server.createOrganization('Fresh');
    const empty = await list(fresh.admin);
    expectSpec(empty, 'ListGroupsInOrganization');
    expect(empty.json().results.data).toEqual([]);
    const mine = await list(member);
    expectSpec(mine, 'ListGroupsInOrganization');
    expect(mine.json().results.data.map((g: GroupDto) => g.name)).not.toContain('Beta');
  });

  it('paginates and counts', async () => {
    const res = await list(listMember, '?page=2&pageSize=2');
    expectSpec(res, 'ListGroupsInOrganization');
    expect(res.json().results).toMatchObject({
      data: [{ name: 'Gamma 100%' }],
      pagination: { page: 2, pageSize: 2, totalResults: 3, totalPageCount: 2 },
    });
  });

  it('includes up to N members per group with includeMembers=N', async () => {
    const res = await list(listMember, '?includeMembers=1');
    expectSpec(res, 'ListGroupsInOrganization');
    const beta = res.json().results.data.find((g: GroupDto) => g.name === 'Beta');
    expect(beta.members.map((m: { email: string }) => m.email)).toEqual(['carol@example.com']);
    expect(beta.memberUuids).toHaveLength(1);
    const gamma = res.json().results.data.find((g: GroupDto) => g.name === 'Gamma 100%');
    expect(gamma.members).toEqual([]);
  });

  it('searches names case-insensitively and literally', async () => {
    const res = await list(listMember, '?searchQuery=ALP');
    expectSpec(res, 'ListGroupsInOrganization');
    expect(res.json().results.data.map((g: GroupDto) => g.name)).toEqual(['alpha']);
    const percent = await list(listMember, `?searchQuery=${encodeURIComponent('0%')}&page=1&pageSize=10`);
    expectSpec(percent, 'ListGroupsInOrganization');
    expect(percent.json().results.data.map((g: GroupDto) => g.name)).toEqual(['Gamma 100%']);
    expect(percent.json().results.pagination.totalResults).toBe(1);
    const none = await list(listMember, `?searchQuery=${encodeURIComponent('_')}`);
    expect(none.json().results.data).toEqual([]);
  });

  it('answers 401 anonymous and 422 for bad paging', async () => {
    expectError(await server.request('GET', '/api/v1/org/groups'), 401, 'AuthorizationError');
    for (const q of ['?page=0', '?pageSize=abc', '?includeMembers=-1', '?pageSize=1.5']) {
      expectError(await list(listMember, q), 422, 'ValidateError');
    }
  });
});
