import { randomUUID } from 'node:crypto';
import type { OrganizationRole } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { insertProject } from './organization-fixtures.js';

let server: TestServer;
let orgA: string;
let adminA: TestUser;
let adminB: TestUser;
const roles: Record<OrganizationRole, TestUser> = {} as Record<OrganizationRole, TestUser>;

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: orgA, admin: adminA } = await server.createOrganization('Org A'));
  ({ admin: adminB } = await server.createOrganization('Org B'));
  for (const role of ['member', 'viewer', 'interactive_viewer', 'editor', 'developer'] as const) {
    roles[role] = await server.createUser({ organizationUuid: orgA, role });
  }
  roles.admin = adminA;
});
afterAll(() => server?.close());

describe('GetMyOrganization', () => {
  it('answers every role, by cookie and by token, with needsProject while there is no project', async () => {
    for (const user of Object.values(roles)) {
      for (const auth of ['cookie', 'apiKey'] as const) {
        const res = await server.request('GET', '/api/v1/org', { as: user, auth });
        expectSpec(res, 'GetMyOrganization');
        expect(res.json().results).toEqual({ organizationUuid: orgA, name: 'Org A', needsProject: true });
      }
    }
  });

  it('is 401 anonymously and for a signed-in user without an organization', async () => {
    expectError(await server.request('GET', '/api/v1/org'), 401, 'AuthorizationError');
    expectError(await server.request('GET', '/api/v1/org', { as: await server.createUser() }), 401, 'AuthorizationError');
  });

  it("shows each user only their own organization", async () => {
    const res = await server.request('GET', '/api/v1/org', { as: adminB });
    expectSpec(res, 'GetMyOrganization');
    expect(res.json().results.name).toBe('Org B');
  });
});

describe('CreateOrganization', () => {
  it('makes a user without an organization the admin of a new one', async () => {
    const user = await server.createUser();
    const res = await server.request('PUT', '/api/v1/org', { as: user, body: { name: '  New Co  ' } });
    expectSpec(res, 'CreateOrganization');
    const org = await server.request('GET', '/api/v1/org', { as: user });
    expectSpec(org, 'GetMyOrganization');
    expect(org.json().results).toMatchObject({ name: 'New Co', needsProject: true });
    const me = await server.request('GET', '/api/v1/user', { as: user });
    expect(me.json().results).toMatchObject({ role: 'admin', organizationName: 'New Co' });
  });

  it('refuses a user who already belongs to an organization with 403, creating nothing', async () => {
    const before = await server.store.db.selectFrom('organizations').select('organization_uuid').execute();
    for (const user of [adminA, roles.member]) {
      expectError(await server.request('PUT', '/api/v1/org', { as: user, body: { name: 'Second' } }), 403, 'ForbiddenError');
    }
    const after = await server.store.db.selectFrom('organizations').select('organization_uuid').execute();
    expect(after.length).toBe(before.length);
  });

  it('is 401 anonymously and 422 for a missing, empty or non-string name', async () => {
    expectError(await server.request('PUT', '/api/v1/org', { body: { name: 'X' } }), 401);
    const user = await server.createUser();
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 42 }, { name: 'x'.repeat(256) }]) {
      const res = await server.request('PUT', '/api/v1/org', { as: user, body });
      expectError(res, 422, 'ValidateError');
      expectSpec(res, 'CreateOrganization');
    }
    expectError(await server.request('PUT', '/api/v1/org', { as: user, payload: '{bad json', headers: { 'content-type': 'application/json' } }), 400);
  });
});

describe('UpdateMyOrganization', () => {
  it('lets an admin rename, set chart colours and a default project of the organization', async () => {
    const projectUuid = await insertProject(server.store.db, orgA, { name: 'Jaffle' });
    const body = { name: 'Org A renamed', chartColors: ['#112233', '#445566'], defaultProjectUuid: projectUuid };
    const res = await server.request('PATCH', '/api/v1/org', { as: adminA, body });
    expectSpec(res, 'UpdateMyOrganization');
    const org = await server.request('GET', '/api/v1/org', { as: roles.member });
    expectSpec(org, 'GetMyOrganization');
    expect(org.json().results).toEqual({ organizationUuid: orgA, ...body, needsProject: false });
    // Partial update keeps the rest.
    expectSpec(await server.request('PATCH', '/api/v1/org', { as: adminA, body: { name: 'Org A' } }), 'UpdateMyOrganization');
    expect((await server.request('GET', '/api/v1/org', { as: adminA })).json().results).toMatchObject({
      name: 'Org A',
      chartColors: body.chartColors,
      defaultProjectUuid: projectUuid,
    });
    await server.store.db.deleteFrom('projects').where('project_uuid', '=', projectUuid).execute();
    const after = (await server.request('GET', '/api/v1/org', { as: adminA })).json().results;
    expect(after.defaultProjectUuid).toBeUndefined();
    expect(after.needsProject).toBe(true);
  });

  it('is 403 for every role below admin and changes nothing', async () => {
    for (const role of ['member', 'viewer', 'interactive_viewer', 'editor', 'developer'] as const) {
      expectError(await server.request('PATCH', '/api/v1/org', { as: roles[role], body: { name: 'Hacked' } }), 403, 'ForbiddenError');
    }
    expect((await server.request('GET', '/api/v1/org', { as: adminA })).json().results.name).toBe('Org A');
  });

  it("is 400 for a default project of another organization or an unknown one", async () => {
    const orgB = (await server.request('GET', '/api/v1/org', { as: adminB })).json().results.organizationUuid as string;
    const foreign = await insertProject(server.store.db, orgB);
    for (const defaultProjectUuid of [foreign, randomUUID()]) {
      const res = await server.request('PATCH', '/api/v1/org', { as: adminA, body: { defaultProjectUuid } });
      expectError(res, 400, 'ParameterError');
      expectSpec(res, 'UpdateMyOrganization');
    }
  });

  it('is 422 for malformed bodies and 401 anonymously', async () => {
    for (const body of [{ name: '' }, { chartColors: 'red' }, { chartColors: [1] }, { defaultProjectUuid: 'nope' }]) {
      expectError(await server.request('PATCH', '/api/v1/org', { as: adminA, body }), 422, 'ValidateError');
    }
    expectError(await server.request('PATCH', '/api/v1/org', { body: { name: 'x' } }), 401);
  });
});

describe('ListOrganizationProjects', () => {
  it('answers 200 [] when the organization has no visible project', async () => {
    const { admin } = await server.createOrganization('Empty');
    const res = await server.request('GET', '/api/v1/org/projects', { as: admin });
    expectSpec(res, 'ListOrganizationProjects');
    expect(res.json().results).toEqual([]);
  });

  it('is 401 anonymously', async () => {
    expectError(await server.request('GET', '/api/v1/org/projects'), 401);
  });
});

describe('DeleteMyOrganization', () => {
  it('is 403 for non-admins, for admins of another organization and for unknown organizations', async () => {
    for (const role of ['member', 'viewer', 'editor', 'developer'] as const) {
      expectError(await server.request('DELETE', `/api/v1/org/${orgA}`, { as: roles[role] }), 403, 'ForbiddenError');
    }
    expectError(await server.request('DELETE', `/api/v1/org/${orgA}`, { as: adminB }), 403, 'ForbiddenError');
    expectError(await server.request('DELETE', `/api/v1/org/${randomUUID()}`, { as: adminA }), 403, 'ForbiddenError');
    expectError(await server.request('DELETE', '/api/v1/org/not-a-uuid', { as: adminA }), 422, 'ValidateError');
    expectError(await server.request('DELETE', `/api/v1/org/${orgA}`), 401);
    expect((await server.request('GET', '/api/v1/org', { as: adminA })).statusCode).toBe(200);
  });

  it('deletes the organization, its projects and all its users, leaving other organizations alone', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Doomed');
    const member = await server.createUser({ organizationUuid, role: 'editor' });
    await insertProject(server.store.db, organizationUuid);
    const res = await server.request('DELETE', `/api/v1/org/${organizationUuid}`, { as: admin });
    expectSpec(res, 'DeleteMyOrganization');
    const db = server.store.db;
    expect(await db.selectFrom('organizations').selectAll().where('organization_uuid', '=', organizationUuid).execute()).toEqual([]);
    expect(await db.selectFrom('users').selectAll().where('user_uuid', 'in', [admin.userUuid, member.userUuid]).execute()).toEqual([]);
    expect(await db.selectFrom('projects').selectAll().where('organization_uuid', '=', organizationUuid).execute()).toEqual([]);
    expectError(await server.request('GET', '/api/v1/org', { as: member, auth: 'apiKey' }), 401);
    expect((await server.request('GET', '/api/v1/org', { as: adminB })).statusCode).toBe(200);
  });
});

describe('OpenAPI document', () => {
  it('documents every operation of this module under its spec operationId', async () => {
    const res = await server.request('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const ids = Object.values(res.json().paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    for (const id of [
      'GetMyOrganization', 'CreateOrganization', 'UpdateMyOrganization', 'DeleteMyOrganization', 'ListOrganizationProjects',
      'ListOrganizationMembers', 'GetOrganizationMemberByUuid', 'UpdateOrganizationMember', 'DeleteOrganizationMember',
      'ListOrganizationEmailDomains', 'UpdateOrganizationEmailDomains', 'ListMyAvailableOrganizations', 'JoinOrganization',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
