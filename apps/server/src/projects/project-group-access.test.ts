import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup } from '../organizations/organization-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { createBody, createProject, type Project } from './project-test-helpers.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let outsider: TestUser;
let project: Project;
let foreignProject: Project;
let group: string;
let foreignGroup: string;

const duckdb = { type: 'duckdb', path: '/tmp/w.duckdb', schema: 'main' };
const url = (g: string, p: string) => `/api/v1/groups/${g}/projects/${p}`;
const access = async (p: string, g: string) =>
  server.store.db.selectFrom('project_group_access').select('role').where('project_uuid', '=', p).where('group_uuid', '=', g).executeTakeFirst();

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  const other = await server.createOrganization('Other');
  outsider = other.admin;
  project = await createProject(server, admin, createBody(duckdb));
  foreignProject = await createProject(server, outsider, createBody(duckdb));
  group = await insertGroup(server.store.db, org, []);
  foreignGroup = await insertGroup(server.store.db, other.organizationUuid, []);
});
afterAll(() => server?.close());

describe('group ↔ project access', () => {
  it('adds, updates and removes a group’s role; the role reaches the group’s members', async () => {
    const member = await server.createUser({ organizationUuid: org, role: 'member' });
    const team = await insertGroup(server.store.db, org, [member.userUuid]);
    const view = () => server.request('GET', `/api/v1/projects/${project.projectUuid}`, { as: member });
    expectError(await view(), 403);

    const added = await server.request('POST', url(team, project.projectUuid), { as: admin, body: { role: 'viewer' } });
    expectSpec(added, 'addProjectAccessToGroup');
    expect(added.json().results).toEqual({ projectUuid: project.projectUuid, groupUuid: team, role: 'viewer' });
    expect((await view()).statusCode).toBe(200);
    expectError(await server.request('PATCH', `/api/v1/projects/${project.projectUuid}`, { as: member, body: { name: 'x' } }), 403);

    const updated = await server.request('PATCH', url(team, project.projectUuid), { as: admin, auth: 'apiKey', body: { role: 'developer' } });
    expectSpec(updated, 'updateProjectAccessForGroup');
    expect(updated.json().results).toEqual({ projectUuid: project.projectUuid, groupUuid: team, role: 'developer' });
    expect((await server.request('PATCH', `/api/v1/projects/${project.projectUuid}`, { as: member, body: { name: 'Renamed' } })).statusCode).toBe(200);

    const removed = await server.request('DELETE', url(team, project.projectUuid), { as: admin });
    expectSpec(removed, 'removeProjectAccessFromGroup');
    expect(removed.json()).toEqual({ status: 'ok' });
    expect(await access(project.projectUuid, team)).toBeUndefined();
    expectError(await view(), 403);
  });

  it('409 on a second add, 404 on update/remove without a grant, unknown group or project', async () => {
    expect((await server.request('POST', url(group, project.projectUuid), { as: admin, body: { role: 'editor' } })).statusCode).toBe(200);
    const again = await server.request('POST', url(group, project.projectUuid), { as: admin, body: { role: 'admin' } });
    expectSpec(again, 'addProjectAccessToGroup');
    expectError(again, 409, 'AlreadyExistsError');
    expect(await access(project.projectUuid, group)).toEqual({ role: 'editor' });
    await server.request('DELETE', url(group, project.projectUuid), { as: admin });
    for (const [method, operationId] of [['PATCH', 'updateProjectAccessForGroup'], ['DELETE', 'removeProjectAccessFromGroup']] as const) {
      const res = await server.request(method, url(group, project.projectUuid), { as: admin, body: method === 'PATCH' ? { role: 'viewer' } : undefined });
      expectSpec(res, operationId);
      expectError(res, 404, 'NotFoundError');
    }
    for (const target of [url(randomUUID(), project.projectUuid), url(group, randomUUID())]) {
      const res = await server.request('POST', target, { as: admin, body: { role: 'viewer' } });
      expectSpec(res, 'addProjectAccessToGroup');
      expectError(res, 404, 'NotFoundError');
    }
  });

  it('422 on malformed roles and uuids; 401 anonymously', async () => {
    for (const body of [{}, { role: 'member' }, { role: 'owner' }]) {
      const res = await server.request('POST', url(group, project.projectUuid), { as: admin, body });
      expectSpec(res, 'addProjectAccessToGroup');
      expectError(res, 422, 'ValidateError');
    }
    expectError(await server.request('PATCH', url(group, project.projectUuid), { as: admin, body: { role: 'boss' } }), 422);
    expectError(await server.request('DELETE', url('nope', project.projectUuid), { as: admin }), 422);
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      expectError(await server.request(method, url(group, project.projectUuid), { body: method === 'DELETE' ? undefined : { role: 'viewer' } }), 401, 'AuthorizationError');
    }
    expect(await access(project.projectUuid, group)).toBeUndefined();
  });

  it('needs an effective project admin (org admin, or project admin directly or by group); 403 across organizations', async () => {
    const roles = ['developer', 'editor', 'viewer', 'member'] as const;
    for (const role of roles) {
      const user = await server.createUser({ organizationUuid: org, role });
      for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
        const res = await server.request(method, url(group, project.projectUuid), { as: user, body: method === 'DELETE' ? undefined : { role: 'viewer' } });
        expectError(res, 403, 'ForbiddenError');
      }
    }
    const projectAdmin = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantProject(server.store.db, project.projectUuid, projectAdmin.userUuid, 'admin');
    expect((await server.request('POST', url(group, project.projectUuid), { as: projectAdmin, body: { role: 'viewer' } })).statusCode).toBe(200);
    const groupAdmin = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantGroupProject(server.store.db, project.projectUuid, await insertGroup(server.store.db, org, [groupAdmin.userUuid]), 'admin');
    expect((await server.request('PATCH', url(group, project.projectUuid), { as: groupAdmin, body: { role: 'editor' } })).statusCode).toBe(200);
    expect((await server.request('DELETE', url(group, project.projectUuid), { as: groupAdmin })).statusCode).toBe(200);
    // A project admin who is not in the project's organization, groups and projects of other organizations.
    for (const [user, g, p] of [
      [outsider, group, project.projectUuid],
      [admin, foreignGroup, project.projectUuid],
      [admin, group, foreignProject.projectUuid],
      [outsider, foreignGroup, project.projectUuid],
    ] as const) {
      const res = await server.request('POST', url(g, p), { as: user, body: { role: 'viewer' } });
      expectSpec(res, 'addProjectAccessToGroup');
      expectError(res, 403, 'ForbiddenError');
    }
    expect(await access(project.projectUuid, foreignGroup)).toBeUndefined();
  });
});
