import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup, insertProject } from '../organizations/organization-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let outsider: TestUser;
let project: string;

const accessUrl = (p = project) => `/api/v1/projects/${p}/access`;
const memberUrl = (u: string, p = project) => `/api/v1/projects/${p}/access/${u}`;
/** A project route that authorizes through the query engine's per-node cache of project roles. */
const viewThroughCache = (as: TestUser, p = project) => server.request('GET', `/api/v1/projects/${p}/custom-metrics`, { as });

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  outsider = (await server.createOrganization('Other')).admin;
  project = await insertProject(server.store.db, org, { name: 'Analytics' });
});
afterAll(() => server?.close());

describe('project members', () => {
  it('grants by email (any case), lists, reads, updates and revokes — each seen by the very next request', async () => {
    const user = await server.createUser({ organizationUuid: org, role: 'member', email: `Ann-${randomUUID().slice(0, 6)}@example.com` });
    expectError(await viewThroughCache(user), 403);
    expectError(await viewThroughCache(user), 403);

    const grant = await server.request('POST', accessUrl(), { as: admin, body: { email: user.email.toUpperCase(), role: 'viewer', sendEmail: true } });
    expectSpec(grant, 'GrantProjectAccessToUser');
    expect(grant.json()).toEqual({ status: 'ok' });
    expect(server.mail.at(-1)).toMatchObject({ to: user.email.toLowerCase(), subject: expect.stringContaining('Analytics') });
    expect((await viewThroughCache(user)).statusCode).toBe(200);

    const listed = await server.request('GET', accessUrl(), { as: user });
    expectSpec(listed, 'GetProjectAccessList');
    expect(listed.json().results).toContainEqual({ projectUuid: project, userUuid: user.userUuid, email: user.email.toLowerCase(), firstName: 'Test', lastName: expect.any(String), role: 'viewer' });

    const one = await server.request('GET', `/api/v1/projects/${project}/user/${user.userUuid}`, { as: admin });
    expectSpec(one, 'GetProjectMemberAccess');
    expect(one.json().results).toMatchObject({ userUuid: user.userUuid, role: 'viewer' });

    // Viewer → admin: the user can now manage access themselves.
    const cannot = await server.request('GET', `/api/v1/projects/${project}/groupAccesses`, { as: user });
    expect(cannot.statusCode).toBe(200);
    expectError(await server.request('PATCH', memberUrl(user.userUuid), { as: user, body: { role: 'admin' } }), 403);
    const update = await server.request('PATCH', memberUrl(user.userUuid), { as: admin, body: { role: 'admin' } });
    expectSpec(update, 'UpdateProjectAccessForUser');
    expect(update.json()).toEqual({ status: 'ok' });
    expect((await server.request('PATCH', memberUrl(user.userUuid), { as: user, body: { role: 'admin' } })).statusCode).toBe(200);

    // Warm this node's cache of the user's roles, then revoke: the very next request is refused.
    expect((await viewThroughCache(user)).statusCode).toBe(200);
    expect((await viewThroughCache(user)).statusCode).toBe(200);
    const revoke = await server.request('DELETE', memberUrl(user.userUuid), { as: admin });
    expectSpec(revoke, 'RevokeProjectAccessForUser');
    expect(revoke.json()).toEqual({ status: 'ok' });
    expectError(await viewThroughCache(user), 403, 'ForbiddenError');
    expectError(await server.request('GET', accessUrl(), { as: user }), 403);
  });

  it('404 for emails outside the organization and unknown members; 409 on a second grant', async () => {
    for (const email of [outsider.email, 'nobody@example.com']) {
      const res = await server.request('POST', accessUrl(), { as: admin, body: { email, role: 'viewer', sendEmail: false } });
      expectSpec(res, 'GrantProjectAccessToUser');
      expectError(res, 404, 'NotFoundError');
    }
    const user = await server.createUser({ organizationUuid: org, role: 'member' });
    expect((await server.request('POST', accessUrl(), { as: admin, body: { email: user.email, role: 'editor', sendEmail: false } })).statusCode).toBe(200);
    const again = await server.request('POST', accessUrl(), { as: admin, body: { email: user.email, role: 'admin', sendEmail: false } });
    expectSpec(again, 'GrantProjectAccessToUser');
    expectError(again, 409, 'AlreadyExistsError');
    const stranger = randomUUID();
    for (const [method, url, operationId, body] of [
      ['GET', `/api/v1/projects/${project}/user/${stranger}`, 'GetProjectMemberAccess', undefined],
      ['PATCH', memberUrl(stranger), 'UpdateProjectAccessForUser', { role: 'viewer' }],
      ['DELETE', memberUrl(stranger), 'RevokeProjectAccessForUser', undefined],
    ] as const) {
      const res = await server.request(method, url, { as: admin, body });
      expectSpec(res, operationId);
      expectError(res, 404, 'NotFoundError');
    }
    const unknownProject = await server.request('GET', accessUrl(randomUUID()), { as: admin });
    expectSpec(unknownProject, 'GetProjectAccessList');
    expectError(unknownProject, 404, 'NotFoundError');
  });

  it('changes need an effective project admin; reading a viewer; nothing across organizations', async () => {
    const target = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantProject(server.store.db, project, target.userUuid, 'viewer');
    for (const role of ['developer', 'editor', 'viewer'] as const) {
      const user = await server.createUser({ organizationUuid: org, role });
      for (const [method, url, operationId, body] of [
        ['POST', accessUrl(), 'GrantProjectAccessToUser', { email: target.email, role: 'viewer', sendEmail: false }],
        ['PATCH', memberUrl(target.userUuid), 'UpdateProjectAccessForUser', { role: 'admin' }],
        ['DELETE', memberUrl(target.userUuid), 'RevokeProjectAccessForUser', undefined],
      ] as const) {
        const res = await server.request(method, url, { as: user, body });
        expectSpec(res, operationId);
        expectError(res, 403, 'ForbiddenError');
      }
      expect((await server.request('GET', accessUrl(), { as: user })).statusCode).toBe(200);
    }
    // A project admin through a group manages access.
    const groupAdmin = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantGroupProject(server.store.db, project, await insertGroup(server.store.db, org, [groupAdmin.userUuid]), 'admin');
    expect((await server.request('PATCH', memberUrl(target.userUuid), { as: groupAdmin, body: { role: 'editor' } })).statusCode).toBe(200);
    // Another organization: 403 on every operation; a member without a project role may not read.
    const member = await server.createUser({ organizationUuid: org, role: 'member' });
    for (const [as, method, url, operationId] of [
      [outsider, 'GET', accessUrl(), 'GetProjectAccessList'],
      [outsider, 'GET', `/api/v1/projects/${project}/user/${target.userUuid}`, 'GetProjectMemberAccess'],
      [outsider, 'DELETE', memberUrl(target.userUuid), 'RevokeProjectAccessForUser'],
      [outsider, 'GET', `/api/v1/projects/${project}/groupAccesses`, 'GetProjectGroupAccesses'],
      [member, 'GET', accessUrl(), 'GetProjectAccessList'],
    ] as const) {
      const res = await server.request(method, url, { as });
      expectSpec(res, operationId);
      expectError(res, 403, 'ForbiddenError');
    }
    expect((await server.store.db.selectFrom('project_memberships').select('role').where('user_uuid', '=', target.userUuid).executeTakeFirst())?.role).toBe('editor');
  });

  it('422 on bad bodies and ids; 401 anonymously', async () => {
    for (const body of [{}, { email: 'a@b.c', role: 'owner', sendEmail: false }, { email: 'a@b.c', role: 'viewer' }, { role: 'viewer', sendEmail: true }]) {
      const res = await server.request('POST', accessUrl(), { as: admin, body });
      expectSpec(res, 'GrantProjectAccessToUser');
      expectError(res, 422);
    }
    expectError(await server.request('PATCH', memberUrl(admin.userUuid), { as: admin, body: { role: 'member' } }), 422);
    expectError(await server.request('DELETE', memberUrl('nope'), { as: admin }), 422);
    expectError(await server.request('GET', accessUrl('nope'), { as: admin }), 422);
    expectError(await server.request('GET', accessUrl()), 401);
  });
});

describe('project group accesses', () => {
  it('lists the groups with a role in the project (not other projects’ or organizations’)', async () => {
    const own = await insertGroup(server.store.db, org, [], 'Analysts');
    const elsewhere = await insertGroup(server.store.db, org, [], 'Elsewhere');
    await grantGroupProject(server.store.db, project, own, 'editor');
    await grantGroupProject(server.store.db, await insertProject(server.store.db, org), elsewhere, 'viewer');
    const res = await server.request('GET', `/api/v1/projects/${project}/groupAccesses`, { as: admin });
    expectSpec(res, 'GetProjectGroupAccesses');
    expect(res.json().results).toContainEqual({ projectUuid: project, groupUuid: own, role: 'editor' });
    expect(res.json().results.map((g: { groupUuid: string }) => g.groupUuid)).not.toContain(elsewhere);
    const unknown = await server.request('GET', `/api/v1/projects/${randomUUID()}/groupAccesses`, { as: admin });
    expectSpec(unknown, 'GetProjectGroupAccesses');
    expectError(unknown, 404);
  });
});
