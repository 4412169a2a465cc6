import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let editor: TestUser;
let developer: TestUser;
let member: TestUser;
let alice: TestUser;
let bob: TestUser;
let otherAdmin: TestUser;
let stranger: TestUser;
let sales: string;
let support: string;
let foreignGroup: string;

const group = async (as: TestUser, name: string) => {
  const res = await server.request('POST', '/api/v1/org/groups', { as, body: { name } });
  expectSpec(res, 'CreateGroupInOrganization');
  return res.json().results.uuid as string;
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  developer = await server.createUser({ organizationUuid: org, role: 'developer' });
  member = await server.createUser({ organizationUuid: org, role: 'member' });
  alice = await server.createUser({ organizationUuid: org, email: 'alice@example.com' });
  bob = await server.createUser({ organizationUuid: org, email: 'bob@example.com' });
  const other = await server.createOrganization('Other');
  otherAdmin = other.admin;
  stranger = await server.createUser({ organizationUuid: other.organizationUuid });
  sales = await group(admin, 'Sales');
  support = await group(admin, 'Support');
  foreignGroup = await group(otherAdmin, 'Foreign');
});
afterAll(() => server.close());

const body = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: 'Sales region',
  attributeDefault: 'EMEA',
  users: [{ userUuid: bob.userUuid, value: 'US' }, { userUuid: alice.userUuid, value: 'APAC' }],
  groups: [{ groupUuid: sales, value: 'LATAM' }],
  ...extra,
});
const create = (as: TestUser, payload: unknown) => server.request('POST', '/api/v1/org/attributes', { as, body: payload });
const stored = async (name: string) =>
  server.store.db.selectFrom('user_attributes').selectAll().where('organization_uuid', '=', org).where('name', '=', name).execute();

describe('createUserAttribute and getUserAttributes', () => {
  it('lets an admin create an attribute with user and group values and list it', async () => {
    const res = await create(admin, body('region'));
    expectSpec(res, 'createUserAttribute');
    const attribute = res.json().results;
    expect(attribute).toMatchObject({
      name: 'region',
      description: 'Sales region',
      organizationUuid: org,
      attributeDefault: 'EMEA',
      createdAt: server.clock.now.toISOString(),
      users: [
        { userUuid: alice.userUuid, email: 'alice@example.com', value: 'APAC' },
        { userUuid: bob.userUuid, email: 'bob@example.com', value: 'US' },
      ],
      groups: [{ groupUuid: sales, value: 'LATAM' }],
    });
    const minimal = await create(admin, { name: 'Is_PII_viewer', attributeDefault: null, users: [], groups: [] });
    expectSpec(minimal, 'createUserAttribute');
    expect(minimal.json().results).not.toHaveProperty('description');

    const list = await server.request('GET', '/api/v1/org/attributes', { as: admin, auth: 'apiKey' });
    expectSpec(list, 'getUserAttributes');
    expect(list.json().results.map((a: { name: string }) => a.name)).toEqual(['Is_PII_viewer', 'region']);
  });

  it('shows other organizations only their own attributes', async () => {
    const res = await server.request('GET', '/api/v1/org/attributes', { as: otherAdmin });
    expectSpec(res, 'getUserAttributes');
    expect(res.json().results).toEqual([]);
  });

  it('is admin only, reads included: 403 for editor, developer and member; 401 anonymous', async () => {
    for (const as of [editor, developer, member, stranger]) {
      expectError(await server.request('GET', '/api/v1/org/attributes', { as }), 403, 'ForbiddenError');
    }
    for (const as of [editor, developer, member]) expectError(await create(as, body('nope')), 403, 'ForbiddenError');
    expectError(await server.request('GET', '/api/v1/org/attributes'), 401, 'AuthorizationError');
    expectError(await server.request('POST', '/api/v1/org/attributes', { body: body('nope') }), 401);
    expect(await stored('nope')).toEqual([]);
  });

  it('refuses a duplicate name with 409, but allows it in another organization', async () => {
    await create(admin, body('team', { users: [], groups: [] }));
    const dup = await create(admin, body('team'));
    expectError(dup, 409, 'AlreadyExistsError');
    expectSpec(dup, 'createUserAttribute');
    expectSpec(await create(otherAdmin, body('team', { users: [], groups: [] })), 'createUserAttribute');
  });

  it('answers concurrent creates of one name with one 200 and 409s, never a 500', async () => {
    const results = await Promise.all([1, 2, 3].map(() => create(admin, body('race', { users: [], groups: [] }))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('refuses names that cannot be used in ${lightdash.attributes.<name>} with 400', async () => {
    for (const name of ['1st', 'sales region', 'région', 'a-b', 'a.b', '${x}']) {
      const res = await create(admin, body(name));
      expectError(res, 400, 'ParameterError');
      expect(res.json().error.message).toContain('letters, digits and underscores');
    }
  });

  it('refuses users and groups of other organizations, unknown ones and duplicates with 400, writing nothing', async () => {
    const bad = [
      { users: [{ userUuid: alice.userUuid, value: 'x' }, { userUuid: stranger.userUuid, value: 'y' }] },
      { users: [{ userUuid: randomUUID(), value: 'y' }] },
      { groups: [{ groupUuid: support, value: 'x' }, { groupUuid: foreignGroup, value: 'y' }] },
      { groups: [{ groupUuid: randomUUID(), value: 'y' }] },
      { users: [{ userUuid: alice.userUuid, value: 'x' }, { userUuid: alice.userUuid, value: 'y' }] },
      { groups: [{ groupUuid: sales, value: 'x' }, { groupUuid: sales, value: 'y' }] },
    ];
    for (const extra of bad) expectError(await create(admin, body('partial', extra)), 400, 'ParameterError');
    expect(await stored('partial')).toEqual([]);
  });

  it('answers malformed bodies with 422', async () => {
    const base = body('malformed');
    const { attributeDefault: _d, ...noDefault } = base;
    const { users: _u, ...noUsers } = base;
    for (const payload of [
      {},
      noDefault,
      noUsers,
      { ...base, name: '' },
      { ...base, attributeDefault: 3 },
      { ...base, users: [{ userUuid: 'x', value: 'y' }] },
      { ...base, users: [{ userUuid: alice.userUuid }] },
      { ...base, groups: [{ groupUuid: sales, value: null }] },
    ]) {
      expectError(await create(admin, payload), 422, 'ValidateError');
    }
    expect(await stored('malformed')).toEqual([]);
  });
});

describe('updateUserAttribute', () => {
  it('replaces name, description, default and both value sets', async () => {
    const uuid = (await create(admin, body('country'))).json().results.uuid;
    const res = await server.request('PUT', `/api/v1/org/attributes/${uuid}`, {
      as: admin,
      body: { name: 'country_code', attributeDefault: null, users: [{ userUuid: bob.userUuid, value: 'FR' }], groups: [{ groupUuid: support, value: 'DE' }] },
    });
    expectSpec(res, 'updateUserAttribute');
    expect(res.json().results).toEqual({
      uuid,
      name: 'country_code',
      organizationUuid: org,
      createdAt: expect.any(String),
      attributeDefault: null,
      users: [{ userUuid: bob.userUuid, email: 'bob@example.com', value: 'FR' }],
      groups: [{ groupUuid: support, value: 'DE' }],
    });
    const same = await server.request('PUT', `/api/v1/org/attributes/${uuid}`, { as: admin, body: body('country_code', { users: [], groups: [] }) });
    expectSpec(same, 'updateUserAttribute');
    expect(same.json().results).toMatchObject({ users: [], groups: [], attributeDefault: 'EMEA' });
  });

  it('writes nothing when refused: 409 for a taken name, 400 for outsiders or bad names', async () => {
    const uuid = (await create(admin, body('city'))).json().results.uuid;
    await create(admin, body('town', { users: [], groups: [] }));
    const before = (await server.request('GET', '/api/v1/org/attributes', { as: admin })).json().results;
    const put = (payload: unknown) => server.request('PUT', `/api/v1/org/attributes/${uuid}`, { as: admin, body: payload });
    expectError(await put(body('town', { users: [] })), 409, 'AlreadyExistsError');
    expectError(await put(body('city', { users: [{ userUuid: stranger.userUuid, value: 'x' }] })), 400, 'ParameterError');
    expectError(await put(body('city', { users: [], groups: [{ groupUuid: foreignGroup, value: 'x' }] })), 400, 'ParameterError');
    expectError(await put(body('city 2', { users: [] })), 400, 'ParameterError');
    expectError(await put({ name: 'city' }), 422, 'ValidateError');
    const after = (await server.request('GET', '/api/v1/org/attributes', { as: admin })).json().results;
    expect(after).toEqual(before);
  });

  it('is admin only, 403 across organizations, 404 unknown, 422 malformed id', async () => {
    const uuid = (await create(admin, body('dept', { users: [], groups: [] }))).json().results.uuid;
    for (const as of [editor, developer, member, otherAdmin, stranger]) {
      expectError(await server.request('PUT', `/api/v1/org/attributes/${uuid}`, { as, body: body('dept') }), 403, 'ForbiddenError');
    }
    expectError(await server.request('PUT', `/api/v1/org/attributes/${randomUUID()}`, { as: admin, body: body('dept') }), 404, 'NotFoundError');
    expectError(await server.request('PUT', '/api/v1/org/attributes/nope', { as: admin, body: body('dept') }), 422, 'ValidateError');
    expectError(await server.request('PUT', `/api/v1/org/attributes/${uuid}`, { body: body('dept') }), 401);
    const rows = await server.store.db.selectFrom('user_attribute_user_values').selectAll().where('user_attribute_uuid', '=', uuid).execute();
    expect(rows).toEqual([]);
  });
});

describe('removeUserAttribute', () => {
  it('lets an admin remove an attribute and its values', async () => {
    const uuid = (await create(admin, body('doomed'))).json().results.uuid;
    for (const as of [editor, developer, member, otherAdmin, stranger]) {
      expectError(await server.request('DELETE', `/api/v1/org/attributes/${uuid}`, { as }), 403, 'ForbiddenError');
    }
    expectError(await server.request('DELETE', `/api/v1/org/attributes/${uuid}`), 401);
    expectSpec(await server.request('DELETE', `/api/v1/org/attributes/${uuid}`, { as: admin }), 'removeUserAttribute');
    expect(await stored('doomed')).toEqual([]);
    const values = await server.store.db.selectFrom('user_attribute_user_values').selectAll().where('user_attribute_uuid', '=', uuid).execute();
    expect(values).toEqual([]);
    expectError(await server.request('DELETE', `/api/v1/org/attributes/${uuid}`, { as: admin }), 404, 'NotFoundError');
  });

  it('drops group values when their group is deleted', async () => {
    const temp = await group(admin, 'Temporary');
    const uuid = (await create(admin, body('shortlived', { users: [], groups: [{ groupUuid: temp, value: 'x' }] }))).json().results.uuid;
    expectSpec(await server.request('DELETE', `/api/v1/groups/${temp}`, { as: admin }), 'deleteGroup');
    const list = (await server.request('GET', '/api/v1/org/attributes', { as: admin })).json().results;
    expect(list.find((a: { uuid: string }) => a.uuid === uuid).groups).toEqual([]);
  });
});
