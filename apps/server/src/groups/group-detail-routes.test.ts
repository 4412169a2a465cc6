import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

/** getGroup, updateGroup, deleteGroup and the member operations of one group. */
let server: TestServer;
let org: string;
let admin: TestUser;
let editor: TestUser;
let viewer: TestUser;
let member: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let otherAdmin: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  viewer = await server.createUser({ organizationUuid: org, role: 'viewer' });
  member = await server.createUser({ organizationUuid: org, role: 'member' });
  alice = await server.createUser({ organizationUuid: org, email: 'alice@example.com' });
  bob = await server.createUser({ organizationUuid: org, email: 'bob@example.com' });
  carol = await server.createUser({ organizationUuid: org, email: 'carol@example.com' });
  const other = await server.createOrganization('Other');
  otherAdmin = other.admin;
  stranger = await server.createUser({ organizationUuid: other.organizationUuid });
});
afterAll(() => server.close());

type Member = { userUuid: string; email: string };
const refs = (users: TestUser[]) => users.map((u) => ({ userUuid: u.userUuid }));
const createGroup = async (name: string, members: TestUser[] = []): Promise<string> => {
  const res = await server.request('POST', '/api/v1/org/groups', { as: admin, body: { name, members: refs(members) } });
  expectSpec(res, 'CreateGroupInOrganization');
  return res.json().results.uuid as string;
};
const memberEmails = async (groupUuid: string) => {
  const res = await server.request('GET', `/api/v1/groups/${groupUuid}/members`, { as: member });
  expectSpec(res, 'getGroupMembers');
  return res.json().results.map((m: Member) => m.email) as string[];
};
const forbiddenToOthers = async (method: 'GET' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown) => {
  for (const as of [otherAdmin, stranger]) expectError(await server.request(method, url, { as, body }), 403, 'ForbiddenError');
};

describe('getGroup', () => {
  let groupUuid: string;
  beforeAll(async () => {
    groupUuid = await createGroup('Readers', [alice, bob, carol]);
  });

  it('shows the group alone to any member, or with a window of members when includeMembers is given', async () => {
    for (const as of [member, viewer, editor, admin]) {
      const res = await server.request('GET', `/api/v1/groups/${groupUuid}`, { as });
      expectSpec(res, 'getGroup');
      expect(res.json().results).toMatchObject({ uuid: groupUuid, name: 'Readers', organizationUuid: org });
      expect(res.json().results.members).toBeUndefined();
    }
    const res = await server.request('GET', `/api/v1/groups/${groupUuid}?includeMembers=1&offset=1`, { as: member, auth: 'apiKey' });
    expectSpec(res, 'getGroup');
    expect(res.json().results.members.map((m: Member) => m.email)).toEqual(['bob@example.com']);
    expect(res.json().results.memberUuids).toEqual([bob.userUuid]);
  });

  it('answers 403 to other organizations, 404 for unknown groups, 422 for malformed ids, 401 anonymous', async () => {
    await forbiddenToOthers('GET', `/api/v1/groups/${groupUuid}`);
    expectError(await server.request('GET', `/api/v1/groups/${randomUUID()}`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('GET', '/api/v1/groups/not-a-uuid', { as: admin }), 422, 'ValidateError');
    expectError(await server.request('GET', `/api/v1/groups/${groupUuid}?offset=x`, { as: admin }), 422, 'ValidateError');
    expectError(await server.request('GET', `/api/v1/groups/${groupUuid}`), 401, 'AuthorizationError');
  });
});

describe('updateGroup', () => {
  it('renames and replaces the member set, stamping updatedAt and updatedByUserUuid', async () => {
    const groupUuid = await createGroup('Sales', [alice, bob]);
    server.clock.advance(60_000);
    const res = await server.request('PATCH', `/api/v1/groups/${groupUuid}`, {
      as: admin,
      body: { name: 'Sales EMEA', members: refs([carol, bob]) },
    });
    expectSpec(res, 'updateGroup');
    expect(res.json().results).toMatchObject({ name: 'Sales EMEA', updatedByUserUuid: admin.userUuid, updatedAt: server.clock.now.toISOString() });
    expect(res.json().results.members.map((m: Member) => m.email)).toEqual(['bob@example.com', 'carol@example.com']);
    expect(await memberEmails(groupUuid)).toEqual(['bob@example.com', 'carol@example.com']);

    const renameOnly = await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { as: admin, body: { name: 'SALES emea' } });
    expectSpec(renameOnly, 'updateGroup');
    expect(renameOnly.json().results.memberUuids).toHaveLength(2);
    const emptied = await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { as: admin, body: { members: [] } });
    expectSpec(emptied, 'updateGroup');
    expect(emptied.json().results).toMatchObject({ name: 'SALES emea', members: [] });
  });

  it('refuses a name taken by another group (any case) with 409, and outsiders with 400, writing nothing', async () => {
    await createGroup('Taken');
    const groupUuid = await createGroup('Keep', [alice]);
    const before = (await server.request('GET', `/api/v1/groups/${groupUuid}`, { as: admin })).json().results;
    expectError(await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { as: admin, body: { name: 'taken' } }), 409, 'AlreadyExistsError');
    for (const outsider of [stranger.userUuid, randomUUID()]) {
      const res = await server.request('PATCH', `/api/v1/groups/${groupUuid}`, {
        as: admin,
        body: { name: 'Renamed', members: [{ userUuid: bob.userUuid }, { userUuid: outsider }] },
      });
      expectError(res, 400, 'ParameterError');
    }
    const after = (await server.request('GET', `/api/v1/groups/${groupUuid}`, { as: admin })).json().results;
    expect(after).toEqual(before);
    expect(await memberEmails(groupUuid)).toEqual(['alice@example.com']);
  });

  it('is admin only, 403 across organizations, 404 unknown, 422 malformed', async () => {
    const groupUuid = await createGroup('Locked');
    for (const as of [editor, viewer, member]) {
      expectError(await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { as, body: { name: 'Mine' } }), 403, 'ForbiddenError');
    }
    await forbiddenToOthers('PATCH', `/api/v1/groups/${groupUuid}`, { name: 'Mine' });
    expectError(await server.request('PATCH', `/api/v1/groups/${randomUUID()}`, { as: admin, body: { name: 'Mine' } }), 404, 'NotFoundError');
    for (const body of [{ name: '' }, { members: [{ user: 'x' }] }, { members: {} }]) {
      expectError(await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { as: admin, body }), 422, 'ValidateError');
    }
    expectError(await server.request('PATCH', `/api/v1/groups/${groupUuid}`, { body: { name: 'Mine' } }), 401);
    expect((await server.request('GET', `/api/v1/groups/${groupUuid}`, { as: admin })).json().results.name).toBe('Locked');
  });
});

describe('deleteGroup', () => {
  it('lets an admin delete a group with its memberships', async () => {
    const groupUuid = await createGroup('Doomed', [alice]);
    for (const as of [editor, viewer, member]) {
      expectError(await server.request('DELETE', `/api/v1/groups/${groupUuid}`, { as }), 403, 'ForbiddenError');
    }
    await forbiddenToOthers('DELETE', `/api/v1/groups/${groupUuid}`);
    const res = await server.request('DELETE', `/api/v1/groups/${groupUuid}`, { as: admin });
    expectSpec(res, 'deleteGroup');
    expectError(await server.request('GET', `/api/v1/groups/${groupUuid}`, { as: admin }), 404, 'NotFoundError');
    const rows = await server.store.db.selectFrom('group_memberships').selectAll().where('group_uuid', '=', groupUuid).execute();
    expect(rows).toEqual([]);
    expectError(await server.request('DELETE', `/api/v1/groups/${groupUuid}`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('DELETE', `/api/v1/groups/${groupUuid}`), 401);
  });
});

describe('group members', () => {
  let groupUuid: string;
  beforeAll(async () => {
    groupUuid = await createGroup('Team', [alice]);
  });

  it('adds a member idempotently and stamps the group', async () => {
    server.clock.advance(60_000);
    for (let i = 0; i < 2; i++) {
      const res = await server.request('PUT', `/api/v1/groups/${groupUuid}/members/${bob.userUuid}`, { as: admin });
      expectSpec(res, 'addUserToGroup');
    }
    expect(await memberEmails(groupUuid)).toEqual(['alice@example.com', 'bob@example.com']);
    const group = (await server.request('GET', `/api/v1/groups/${groupUuid}`, { as: admin })).json().results;
    expect(group.updatedAt).toBe(server.clock.now.toISOString());
  });

  it('refuses users outside the organization (404), other organizations (403) and non-admins (403)', async () => {
    expectError(await server.request('PUT', `/api/v1/groups/${groupUuid}/members/${stranger.userUuid}`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('PUT', `/api/v1/groups/${groupUuid}/members/${randomUUID()}`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('PUT', `/api/v1/groups/${randomUUID()}/members/${carol.userUuid}`, { as: admin }), 404, 'NotFoundError');
    await forbiddenToOthers('PUT', `/api/v1/groups/${groupUuid}/members/${carol.userUuid}`);
    await forbiddenToOthers('PUT', `/api/v1/groups/${groupUuid}/members/${stranger.userUuid}`);
    for (const as of [editor, viewer, member]) {
      expectError(await server.request('PUT', `/api/v1/groups/${groupUuid}/members/${carol.userUuid}`, { as }), 403, 'ForbiddenError');
    }
    expectError(await server.request('PUT', `/api/v1/groups/${groupUuid}/members/nope`, { as: admin }), 422, 'ValidateError');
    expectError(await server.request('PUT', `/api/v1/groups/${groupUuid}/members/${carol.userUuid}`), 401);
    expect(await memberEmails(groupUuid)).not.toContain('carol@example.com');
  });

  it('removes a member, and answers 404 when the user is not a member', async () => {
    const url = `/api/v1/groups/${groupUuid}/members/${bob.userUuid}`;
    for (const as of [editor, viewer, member]) expectError(await server.request('DELETE', url, { as }), 403, 'ForbiddenError');
    await forbiddenToOthers('DELETE', url);
    expectSpec(await server.request('DELETE', url, { as: admin }), 'removeUserFromGroup');
    expect(await memberEmails(groupUuid)).toEqual(['alice@example.com']);
    expectError(await server.request('DELETE', url, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('DELETE', `/api/v1/groups/${randomUUID()}/members/${bob.userUuid}`, { as: admin }), 404);
    expectError(await server.request('DELETE', url), 401);
  });

  it('lists members to any member of the organization only', async () => {
    const res = await server.request('GET', `/api/v1/groups/${groupUuid}/members`, { as: viewer, auth: 'apiKey' });
    expectSpec(res, 'getGroupMembers');
    expect(res.json().results).toEqual([{ userUuid: alice.userUuid, email: 'alice@example.com', firstName: 'Test', lastName: alice.userUuid.slice(0, 4) }]);
    await forbiddenToOthers('GET', `/api/v1/groups/${groupUuid}/members`);
    expectError(await server.request('GET', `/api/v1/groups/${randomUUID()}/members`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('GET', `/api/v1/groups/${groupUuid}/members`), 401);
  });
});
