import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { grantGroupProject, grantProject, insertGroup, insertProject } from './organization-fixtures.js';

let server: TestServer;
let orgA: string;
let adminA: TestUser;
let adminB: TestUser;
let orgB: string;
let alpha: string;
let beta: string;
let preview: string;
let foreign: string;

const names = async (user: TestUser) => {
  const res = await server.request('GET', '/api/v1/org/projects', { as: user });
  expectSpec(res, 'ListOrganizationProjects');
  return (res.json().results as { name: string }[]).map((p) => p.name);
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: orgA, admin: adminA } = await server.createOrganization('Org A'));
  ({ organizationUuid: orgB, admin: adminB } = await server.createOrganization('Org B'));
  const db = server.store.db;
  alpha = await insertProject(db, orgA, { name: 'Alpha', createdByUserUuid: adminA.userUuid });
  beta = await insertProject(db, orgA, { name: 'Beta' });
  preview = await insertProject(db, orgA, { name: 'Gamma preview', type: 'PREVIEW' });
  await db.updateTable('projects').set({ upstream_project_uuid: alpha, require_user_credentials: true }).where('project_uuid', '=', preview).execute();
  foreign = await insertProject(db, orgB, { name: 'Foreign' });
});
afterAll(() => server?.close());

describe('ListOrganizationProjects', () => {
  it('returns every project of the organization to admins, in the spec shape', async () => {
    const res = await server.request('GET', '/api/v1/org/projects', { as: adminA, auth: 'apiKey' });
    expectSpec(res, 'ListOrganizationProjects');
    expect(res.json().results).toEqual([
      { projectUuid: alpha, name: 'Alpha', type: 'DEFAULT', createdByUserUuid: adminA.userUuid, upstreamProjectUuid: null, warehouseType: 'postgres', requireUserCredentials: false },
      { projectUuid: beta, name: 'Beta', type: 'DEFAULT', createdByUserUuid: null, upstreamProjectUuid: null, warehouseType: 'postgres', requireUserCredentials: false },
      { projectUuid: preview, name: 'Gamma preview', type: 'PREVIEW', createdByUserUuid: null, upstreamProjectUuid: alpha, warehouseType: 'postgres', requireUserCredentials: true },
    ]);
  });

  it('shows every project to org roles viewer and above', async () => {
    for (const role of ['viewer', 'interactive_viewer', 'editor', 'developer'] as const) {
      const user = await server.createUser({ organizationUuid: orgA, role });
      expect(await names(user)).toEqual(['Alpha', 'Beta', 'Gamma preview']);
    }
  });

  it('shows an org member nothing without grants', async () => {
    expect(await names(await server.createUser({ organizationUuid: orgA, role: 'member' }))).toEqual([]);
  });

  it('shows an org member the projects granted directly or through their groups, only', async () => {
    const db = server.store.db;
    const member = await server.createUser({ organizationUuid: orgA, role: 'member' });
    await grantProject(db, beta, member.userUuid, 'editor');
    expect(await names(member)).toEqual(['Beta']);
    const group = await insertGroup(db, orgA, [member.userUuid]);
    await grantGroupProject(db, preview, group, 'viewer');
    expect(await names(member)).toEqual(['Beta', 'Gamma preview']);
    // A group the member is not in grants them nothing.
    const other = await insertGroup(db, orgA, [adminA.userUuid]);
    await grantGroupProject(db, alpha, other);
    expect(await names(member)).toEqual(['Beta', 'Gamma preview']);
  });

  it('never lists projects of another organization, even with a stray grant on one', async () => {
    expect(await names(adminB)).toEqual(['Foreign']);
    const member = await server.createUser({ organizationUuid: orgA, role: 'member' });
    await grantProject(server.store.db, foreign, member.userUuid);
    expect(await names(member)).toEqual([]);
    const userB = await server.createUser({ organizationUuid: orgB, role: 'editor' });
    expect(await names(userB)).not.toContain('Alpha');
  });

  it('is 401 anonymously and without an organization', async () => {
    expectError(await server.request('GET', '/api/v1/org/projects'), 401, 'AuthorizationError');
    expectError(await server.request('GET', '/api/v1/org/projects', { as: await server.createUser() }), 401);
  });
});
