import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { insertProject } from './organization-fixtures.js';

let server: TestServer;
let orgA: string;
let adminA: TestUser;
let orgB: string;
let adminB: TestUser;
let projectA: string;
let projectB: string;

const patchDomains = (user: TestUser, body: unknown) =>
  server.request('PATCH', '/api/v1/org/allowedEmailDomains', { as: user, body });
const available = async (user: TestUser) => {
  const res = await server.request('GET', '/api/v1/user/me/allowedOrganizations', { as: user });
  expectSpec(res, 'ListMyAvailableOrganizations');
  return res.json().results as { organizationUuid: string; name: string; membersCount: number }[];
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: orgA, admin: adminA } = await server.createOrganization('Acme'));
  ({ organizationUuid: orgB, admin: adminB } = await server.createOrganization('Beta Corp'));
  projectA = await insertProject(server.store.db, orgA, { name: 'Acme analytics' });
  projectB = await insertProject(server.store.db, orgB);
});
afterAll(() => server?.close());

describe('ListOrganizationEmailDomains / UpdateOrganizationEmailDomains', () => {
  it('answers the defaults before anything is stored', async () => {
    const res = await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: adminA });
    expectSpec(res, 'ListOrganizationEmailDomains');
    expect(res.json().results).toEqual({ organizationUuid: orgA, emailDomains: [], role: 'viewer', projects: [] });
  });

  it('stores normalised domains, the role and project roles; GET returns them', async () => {
    const res = await patchDomains(adminA, {
      emailDomains: ['Acme.example', 'acme.example', 'eu.acme.example'],
      role: 'member',
      projects: [{ projectUuid: projectA, role: 'editor' }],
    });
    expectSpec(res, 'UpdateOrganizationEmailDomains');
    const expected = { organizationUuid: orgA, emailDomains: ['acme.example', 'eu.acme.example'], role: 'member', projects: [{ projectUuid: projectA, role: 'editor' }] };
    expect(res.json().results).toEqual(expected);
    const get = await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: adminA, auth: 'apiKey' });
    expectSpec(get, 'ListOrganizationEmailDomains');
    expect(get.json().results).toEqual(expected);
    // Org B is unaffected.
    expect((await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: adminB })).json().results.emailDomains).toEqual([]);
  });

  it('is 403 for every non-admin role, on both operations', async () => {
    for (const role of ['member', 'viewer', 'editor', 'developer'] as const) {
      const user = await server.createUser({ organizationUuid: orgA, role });
      expectError(await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: user }), 403, 'ForbiddenError');
      expectError(await patchDomains(user, { emailDomains: ['evil.example'], role: 'editor', projects: [] }), 403, 'ForbiddenError');
    }
    expectError(await server.request('GET', '/api/v1/org/allowedEmailDomains'), 401);
    expectError(await server.request('PATCH', '/api/v1/org/allowedEmailDomains', { body: { emailDomains: [], role: 'viewer', projects: [] } }), 401);
  });

  it('is 400 for public or malformed domains and for projects outside the organization, storing nothing', async () => {
    const before = (await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: adminA })).json().results;
    for (const domain of ['gmail.com', 'Outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com']) {
      const res = await patchDomains(adminA, { emailDomains: ['ok.example', domain], role: 'viewer', projects: [] });
      expectError(res, 400, 'ParameterError');
      expectSpec(res, 'UpdateOrganizationEmailDomains');
    }
    for (const domain of ['', 'localhost', '@acme.example', 'user@acme.example', 'acme..example', '-acme.example', 'acme.example/', 'acme .example', 'acme.123']) {
      expectError(await patchDomains(adminA, { emailDomains: [domain], role: 'viewer', projects: [] }), 400, 'ParameterError');
    }
    for (const projectUuid of [projectB, randomUUID()]) {
      expectError(await patchDomains(adminA, { emailDomains: ['ok.example'], role: 'viewer', projects: [{ projectUuid, role: 'viewer' }] }), 400, 'ParameterError');
    }
    expectError(
      await patchDomains(adminA, { emailDomains: [], role: 'viewer', projects: [{ projectUuid: projectA, role: 'viewer' }, { projectUuid: projectA, role: 'editor' }] }),
      400,
      'ParameterError',
    );
    expect((await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: adminA })).json().results).toEqual(before);
  });

  it('is 422 for roles outside the spec enums and malformed bodies', async () => {
    const bodies = [
      { emailDomains: ['ok.example'], role: 'admin', projects: [] },
      { emailDomains: ['ok.example'], role: 'developer', projects: [] },
      { emailDomains: ['ok.example'], role: 'viewer', projects: [{ projectUuid: projectA, role: 'admin' }] },
      { emailDomains: ['ok.example'], role: 'viewer', projects: [{ projectUuid: projectA, role: 'developer' }] },
      { emailDomains: ['ok.example'], role: 'viewer', projects: [{ projectUuid: 'x', role: 'viewer' }] },
      { emailDomains: 'ok.example', role: 'viewer', projects: [] },
      { role: 'viewer', projects: [] },
      { emailDomains: ['ok.example'], projects: [] },
    ];
    for (const body of bodies) expectError(await patchDomains(adminA, body), 422, 'ValidateError');
  });
});

describe('ListMyAvailableOrganizations / JoinOrganization', () => {
  it('lists organizations matching the verified e-mail domain of a user without an organization', async () => {
    const user = await server.createUser({ email: `new-${randomUUID().slice(0, 6)}@EU.acme.example` });
    const members = await server.store.db.selectFrom('organization_memberships').select('user_uuid').where('organization_uuid', '=', orgA).execute();
    expect(await available(user)).toEqual([{ organizationUuid: orgA, name: 'Acme', membersCount: members.length }]);
    expect(await available(await server.createUser({ email: `x-${randomUUID().slice(0, 6)}@other.example` }))).toEqual([]);
    // Subdomains are not implied: only listed domains match.
    expect(await available(await server.createUser({ email: `y-${randomUUID().slice(0, 6)}@us.acme.example` }))).toEqual([]);
  });

  it('lists nothing for unverified e-mails or users who already have an organization', async () => {
    const user = await server.createUser({ email: `unverified-${randomUUID().slice(0, 6)}@acme.example` });
    await server.store.db.updateTable('users').set({ is_email_verified: false }).where('user_uuid', '=', user.userUuid).execute();
    expect(await available(user)).toEqual([]);
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${orgA}`, { as: user }), 403, 'ForbiddenError');
    const member = await server.createUser({ organizationUuid: orgB, email: `member-${randomUUID().slice(0, 6)}@acme.example` });
    expect(await available(member)).toEqual([]);
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${orgA}`, { as: member }), 403, 'ForbiddenError');
    expectError(await server.request('GET', '/api/v1/user/me/allowedOrganizations'), 401);
  });

  it('joins with the configured role and project roles', async () => {
    const user = await server.createUser({ email: `joiner-${randomUUID().slice(0, 6)}@acme.example` });
    const res = await server.request('POST', `/api/v1/user/me/joinOrganization/${orgA}`, { as: user });
    expectSpec(res, 'JoinOrganization');
    const me = await server.request('GET', '/api/v1/user', { as: user });
    expect(me.json().results).toMatchObject({ organizationUuid: orgA, role: 'member' });
    const grants = await server.store.db.selectFrom('project_memberships').select(['project_uuid', 'role']).where('user_uuid', '=', user.userUuid).execute();
    expect(grants).toEqual([{ project_uuid: projectA, role: 'editor' }]);
    const projects = await server.request('GET', '/api/v1/org/projects', { as: user });
    expect(projects.json().results.map((p: { projectUuid: string }) => p.projectUuid)).toEqual([projectA]);
    expect(await available(user)).toEqual([]);
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${orgA}`, { as: user }), 403, 'ForbiddenError');
  });

  it('is 403 for organizations that do not accept the domain or do not exist; 422 malformed; 401 anonymous', async () => {
    const user = await server.createUser({ email: `outsider-${randomUUID().slice(0, 6)}@acme.example` });
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${orgB}`, { as: user }), 403, 'ForbiddenError');
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${randomUUID()}`, { as: user }), 403, 'ForbiddenError');
    expectError(await server.request('POST', '/api/v1/user/me/joinOrganization/acme', { as: user }), 422, 'ValidateError');
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${orgA}`), 401);
    const rows = await server.store.db.selectFrom('organization_memberships').selectAll().where('user_uuid', '=', user.userUuid).execute();
    expect(rows).toEqual([]);
  });

  it('stops offering an organization once its domains are removed, and drops deleted projects', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Gamma');
    const project = await insertProject(server.store.db, organizationUuid);
    expectSpec(await patchDomains(admin, { emailDomains: ['gamma.example'], role: 'editor', projects: [{ projectUuid: project, role: 'viewer' }] }), 'UpdateOrganizationEmailDomains');
    await server.store.db.deleteFrom('projects').where('project_uuid', '=', project).execute();
    expect((await server.request('GET', '/api/v1/org/allowedEmailDomains', { as: admin })).json().results.projects).toEqual([]);
    const first = await server.createUser({ email: `g1-${randomUUID().slice(0, 6)}@gamma.example` });
    expectSpec(await server.request('POST', `/api/v1/user/me/joinOrganization/${organizationUuid}`, { as: first }), 'JoinOrganization');
    expect((await server.request('GET', '/api/v1/user', { as: first })).json().results.role).toBe('editor');
    const second = await server.createUser({ email: `g2-${randomUUID().slice(0, 6)}@gamma.example` });
    expect(await available(second)).toEqual([{ organizationUuid, name: 'Gamma', membersCount: 2 }]);
    expectSpec(await patchDomains(admin, { emailDomains: [], role: 'viewer', projects: [] }), 'UpdateOrganizationEmailDomains');
    expect(await available(second)).toEqual([]);
    expectError(await server.request('POST', `/api/v1/user/me/joinOrganization/${organizationUuid}`, { as: second }), 403);
  });
});
