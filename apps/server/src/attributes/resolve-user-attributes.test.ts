import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { resolveAttributeValues } from './resolve-user-attributes.js';
import { createUserAttributeResolver } from './user-attribute-service.js';

describe('resolveAttributeValues (pure)', () => {
  it('combines own and group values, falls back to the default, and leaves unset attributes out', () => {
    const resolved = resolveAttributeValues({
      attributes: [
        { name: 'fruit', attributeDefault: 'default_fruit' },
        { name: 'vegetable', attributeDefault: 'default_vegetable' },
        { name: 'section', attributeDefault: null },
        { name: 'category', attributeDefault: null },
        { name: 'area', attributeDefault: 'default_area' },
        { name: 'blank', attributeDefault: '' },
      ],
      userValues: [
        { name: 'fruit', value: 'user_fruit' },
        { name: 'section', value: 'user_section' },
      ],
      groupValues: [
        { name: 'fruit', value: 'group_fruit' },
        { name: 'fruit', value: 'user_fruit' },
        { name: 'area', value: 'group_area_1' },
        { name: 'area', value: 'group_area_2' },
      ],
    });
    expect(resolved).toEqual({
      fruit: ['user_fruit', 'group_fruit'],
      vegetable: ['default_vegetable'],
      section: ['user_section'],
      area: ['group_area_1', 'group_area_2'],
      blank: [''],
    });
    expect(resolved).not.toHaveProperty('category');
  });

  it('ignores values of attributes the organization does not have', () => {
    expect(resolveAttributeValues({ attributes: [], userValues: [{ name: 'x', value: '1' }], groupValues: [] })).toEqual({});
  });
});

describe('resolveUserAttributes (store)', () => {
  let server: TestServer;
  let org: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let otherOrg: string;
  let otherAdmin: TestUser;

  beforeAll(async () => {
    server = await createTestServer();
    ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
    alice = await server.createUser({ organizationUuid: org });
    bob = await server.createUser({ organizationUuid: org });
    ({ organizationUuid: otherOrg, admin: otherAdmin } = await server.createOrganization('Other'));
    const post = async (as: TestUser, url: string, body: unknown) => {
      const res = await server.request('POST', url, { as, body });
      if (res.statusCode !== 200) throw new Error(res.body);
      return res.json().results.uuid as string;
    };
    const emea = await post(admin, '/api/v1/org/groups', { name: 'EMEA', members: [{ userUuid: alice.userUuid }] });
    const apac = await post(admin, '/api/v1/org/groups', { name: 'APAC', members: [{ userUuid: alice.userUuid }, { userUuid: bob.userUuid }] });
    await post(admin, '/api/v1/org/attributes', {
      name: 'region',
      attributeDefault: 'GLOBAL',
      users: [{ userUuid: alice.userUuid, value: 'FR' }],
      groups: [{ groupUuid: emea, value: 'EU' }, { groupUuid: apac, value: 'ASIA' }],
    });
    await post(admin, '/api/v1/org/attributes', { name: 'tier', attributeDefault: 'free', users: [{ userUuid: bob.userUuid, value: 'gold' }], groups: [] });
    await post(admin, '/api/v1/org/attributes', { name: 'secret', attributeDefault: null, users: [{ userUuid: bob.userUuid, value: 's' }], groups: [] });
    await post(otherAdmin, '/api/v1/org/attributes', { name: 'region', attributeDefault: 'OTHER', users: [], groups: [] });
  });
  afterAll(() => server.close());

  it('resolves own values, group values and defaults for each user of the organization', async () => {
    const resolver = createUserAttributeResolver(server.store.db);
    expect(await resolver.resolveUserAttributes(alice.userUuid, org)).toEqual({ region: ['FR', 'ASIA', 'EU'], tier: ['free'] });
    expect(await resolver.resolveUserAttributes(bob.userUuid, org)).toEqual({ region: ['ASIA'], tier: ['gold'], secret: ['s'] });
    expect(await resolver.resolveUserAttributes(admin.userUuid, org)).toEqual({ region: ['GLOBAL'], tier: ['free'] });
  });

  it("uses only the given organization's attributes", async () => {
    const resolver = createUserAttributeResolver(server.store.db);
    expect(await resolver.resolveUserAttributes(otherAdmin.userUuid, otherOrg)).toEqual({ region: ['OTHER'] });
    expect(await resolver.resolveUserAttributes(alice.userUuid, otherOrg)).toEqual({ region: ['OTHER'] });
  });
});
