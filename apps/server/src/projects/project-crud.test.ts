import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup } from '../organizations/organization-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import {
  SecretTracker,
  countRows,
  createBody,
  createProject,
  expectProjectSpec,
  makeDbtProjectDir,
  warehouseBodies,
  type Project,
} from './project-test-helpers.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let outsider: TestUser;
const t = new SecretTracker();
let bodies: ReturnType<typeof warehouseBodies>;

const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as?: TestUser, body?: unknown) => {
  const res = await server.request(method, url, { as, body });
  t.responses.push(res);
  return res;
};
const get = async (projectUuid: string, as: TestUser | undefined = admin) => {
  const res = await send('GET', `/api/v1/projects/${projectUuid}`, as);
  expectProjectSpec(res, 'GetProject');
  return res;
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  outsider = (await server.createOrganization('Other')).admin;
  bodies = warehouseBodies(t);
});
afterEach(() => t.checkResponses());
afterAll(async () => {
  if (!server) return;
  await t.checkStore(server);
  await server.close();
});

describe('create (POST /api/v1/org/projects)', () => {
  it('creates a project with each warehouse type; the response and GET carry no secret', async () => {
    for (const [type, warehouse] of Object.entries(bodies)) {
      const project = await createProject(server, admin, createBody(warehouse, { name: `P ${type}` }), t);
      expect(project).toMatchObject({ name: `P ${type}`, type: 'DEFAULT', organizationUuid: org, createdByUserUuid: admin.userUuid });
      expect(project.warehouseConnection?.type).toBe(type);
      expect(project).toMatchObject({ dbtVersion: 'v1.8', schedulerTimezone: 'UTC', dbtConnection: { type: 'none' } });
      const fetched = (await get(project.projectUuid)).json().results;
      expect(fetched).toEqual(project);
      for (const field of ['user', 'password', 'keyfileContents', 'personalAccessToken', 'privateKey', 'sshTunnelPrivateKey']) {
        expect(project.warehouseConnection).not.toHaveProperty(field);
      }
      const row = await server.store.db.selectFrom('projects').selectAll().where('project_uuid', '=', project.projectUuid).executeTakeFirstOrThrow();
      expect(row.warehouse_type).toBe(type);
      expect(row.warehouse_connection_encrypted).toMatch(/^v1\./);
    }
  });

  it('makes the creator project admin, and accepts a dbt project directory', async () => {
    const dir = await makeDbtProjectDir();
    const project = await createProject(server, admin, createBody(bodies.postgres!, { dbtConnection: { type: 'dbt', project_dir: dir, target: 'prod', environment: [{ key: 'K', value: 'v' }] }, dbtVersion: 'v1.7' }), t);
    expect(project.dbtConnection).toEqual({ type: 'dbt', project_dir: dir, target: 'prod', environment: [{ key: 'K', value: 'v' }] });
    expect(project.dbtVersion).toBe('v1.7');
    const member = await server.store.db.selectFrom('project_memberships').selectAll().where('project_uuid', '=', project.projectUuid).execute();
    expect(member.map((m) => [m.user_uuid, m.role])).toEqual([[admin.userUuid, 'admin']]);
  });

  it('refuses network dbt types, a missing dbt or LookML directory and DEFAULT + upstream with 400, writing nothing', async () => {
    const before = await countRows(server, 'projects');
    const upstream = await createProject(server, admin, createBody(bodies.duckdb!), t);
    const cases: Record<string, unknown>[] = [
      { dbtConnection: { type: 'github', personal_access_token: t.make('gh'), repository: 'a/b', branch: 'main', project_sub_path: '/' } },
      { dbtConnection: { type: 'dbt_cloud_ide', api_key: t.make('dbtc'), environment_id: '1' } },
      { dbtConnection: { type: 'gitlab', personal_access_token: t.make('gl'), repository: 'a/b', branch: 'main', project_sub_path: '/' } },
      { dbtConnection: { type: 'lookml', project_dir: '/nonexistent/tessera-lookml' } },
      { dbtConnection: { type: 'dbt', project_dir: '/nonexistent/tessera-dbt' } },
      { dbtConnection: { type: 'dbt', project_dir: 'relative/dir' } },
      { type: 'DEFAULT', upstreamProjectUuid: upstream.projectUuid },
      { type: 'PREVIEW', upstreamProjectUuid: randomUUID() },
      { type: 'PREVIEW', upstreamProjectUuid: (await createProject(server, outsider, createBody(bodies.duckdb!), t)).projectUuid },
    ];
    const after = await countRows(server, 'projects');
    for (const overrides of cases) {
      const res = await send('POST', '/api/v1/org/projects', admin, createBody(bodies.postgres!, overrides));
      expectError(res, 400, 'ParameterError');
    }
    expect(await countRows(server, 'projects')).toBe(after);
    expect(after).toBe(before + 2);
    const network = await send('POST', '/api/v1/org/projects', admin, createBody(bodies.postgres!, cases[0]));
    expect(network.json().error.message).toMatch(/needs network access, not available in this installation/);
  });

  it('answers 422 to malformed bodies and missing secrets, writing nothing', async () => {
    const before = await countRows(server, 'projects');
    const { password: _password, ...noPassword } = bodies.postgres!;
    const malformed: unknown[] = [
      {},
      createBody(bodies.postgres!, { name: '' }),
      createBody(bodies.postgres!, { type: 'OTHER' }),
      createBody({ ...bodies.postgres, port: 'x' }),
      createBody({ type: 'oracle', host: 'x' }),
      createBody(noPassword),
      createBody({ ...bodies.bigquery, keyfileContents: undefined }),
      createBody(bodies.postgres!, { dbtConnection: { type: 'github' } }),
      createBody(bodies.postgres!, { dbtConnection: { type: 'lookml' } }),
      createBody(bodies.postgres!, { dbtVersion: 'v0.1' }),
      createBody(bodies.postgres!, { upstreamProjectUuid: 'nope' }),
    ];
    for (const body of malformed) expectError(await send('POST', '/api/v1/org/projects', admin, body), 422, 'ValidateError');
    expectError(await server.request('POST', '/api/v1/org/projects', { as: admin, payload: '{bad', headers: { 'content-type': 'application/json' } }), 400);
    expect(await countRows(server, 'projects')).toBe(before);
  });
});

describe('role matrix', () => {
  let users: Record<'developer' | 'editor' | 'viewer' | 'member', TestUser>;
  let target: Project;

  beforeAll(async () => {
    const make = (role: 'developer' | 'editor' | 'viewer' | 'member') => server.createUser({ organizationUuid: org, role });
    users = { developer: await make('developer'), editor: await make('editor'), viewer: await make('viewer'), member: await make('member') };
    target = await createProject(server, admin, createBody(bodies.postgres!, { name: 'Matrix' }), t);
  });

  /** A member with `role` on the project, directly or through a group. */
  const memberWith = async (role: string, via: 'direct' | 'group', projectUuid = target.projectUuid) => {
    const user = await server.createUser({ organizationUuid: org, role: 'member' });
    if (via === 'direct') await grantProject(server.store.db, projectUuid, user.userUuid, role);
    else await grantGroupProject(server.store.db, projectUuid, await insertGroup(server.store.db, org, [user.userUuid]), role);
    return user;
  };

  it('create DEFAULT: org admins only', async () => {
    for (const user of [users.developer, users.editor, users.viewer, users.member, await memberWith('admin', 'direct')]) {
      expectError(await send('POST', '/api/v1/org/projects', user, createBody(bodies.duckdb!)), 403, 'ForbiddenError');
    }
    expectError(await send('POST', '/api/v1/org/projects', undefined, createBody(bodies.duckdb!)), 401, 'AuthorizationError');
    expectError(await send('POST', '/api/v1/org/projects', await server.createUser(), createBody(bodies.duckdb!)), 401);
    // Another organization's admin creates in their own organization, never in this one.
    const theirs = await createProject(server, outsider, createBody(bodies.duckdb!), t);
    expect(theirs.organizationUuid).not.toBe(org);
  });

  it('create PREVIEW: org developers, and developers of the upstream project (directly or by group)', async () => {
    const preview = (upstreamProjectUuid?: string) => createBody(bodies.duckdb!, { type: 'PREVIEW', ...(upstreamProjectUuid ? { upstreamProjectUuid } : {}) });
    expect((await createProject(server, users.developer, preview(), t)).type).toBe('PREVIEW');
    expect((await createProject(server, admin, preview(target.projectUuid), t)).upstreamProjectUuid).toBe(target.projectUuid);
    for (const via of ['direct', 'group'] as const) {
      const dev = await memberWith('developer', via);
      const created = await createProject(server, dev, preview(target.projectUuid), t);
      expect(created.createdByUserUuid).toBe(dev.userUuid);
      expectError(await send('POST', '/api/v1/org/projects', dev, preview()), 403);
      expectError(await send('POST', '/api/v1/org/projects', await memberWith('editor', via), preview(target.projectUuid)), 403);
    }
    for (const user of [users.editor, users.viewer, users.member]) expectError(await send('POST', '/api/v1/org/projects', user, preview()), 403);
  });

  it('get: viewers and above, members only with a project role', async () => {
    for (const user of [admin, users.developer, users.editor, users.viewer, await memberWith('viewer', 'direct'), await memberWith('viewer', 'group')]) {
      expect((await get(target.projectUuid, user)).statusCode).toBe(200);
    }
    expectError(await get(target.projectUuid, users.member), 403, 'ForbiddenError');
    expectError(await get(target.projectUuid, outsider), 403, 'ForbiddenError');
    // A stray grant on another organization's project gives nothing.
    const stray = await server.createUser({ organizationUuid: (await server.createOrganization()).organizationUuid, role: 'admin' });
    await grantProject(server.store.db, target.projectUuid, stray.userUuid, 'admin');
    expectError(await get(target.projectUuid, stray), 403);
    const anonymous = await send('GET', `/api/v1/projects/${target.projectUuid}`);
    expectSpec(anonymous, 'GetProject');
    expectError(anonymous, 401, 'AuthorizationError');
    expectError(await get(target.projectUuid, await server.createUser()), 401, 'AuthorizationError');
    expectError(await get(randomUUID()), 404, 'NotFoundError');
    expectError(await send('GET', '/api/v1/projects/not-a-uuid', admin), 422, 'ValidateError');
  });

  it('update: developers and above (org role or project role)', async () => {
    const patch = async (user: TestUser | undefined, name: string) => {
      const res = await send('PATCH', `/api/v1/projects/${target.projectUuid}`, user, { name });
      expectProjectSpec(res, null);
      return res;
    };
    for (const user of [admin, users.developer, await memberWith('developer', 'direct'), await memberWith('admin', 'group')]) {
      expect((await patch(user, `Renamed by ${user.userUuid}`)).statusCode).toBe(200);
    }
    for (const user of [users.editor, users.viewer, users.member, await memberWith('editor', 'direct'), await memberWith('editor', 'group'), outsider]) {
      expectError(await patch(user, 'nope'), 403, 'ForbiddenError');
    }
    expectError(await patch(undefined, 'nope'), 401);
    expect((await get(target.projectUuid)).json().results.name).not.toBe('nope');
    expectError(await send('PATCH', `/api/v1/projects/${randomUUID()}`, admin, { name: 'x' }), 404, 'NotFoundError');
  });

  it('delete: admins (org or project); developers only their own previews', async () => {
    const del = (user: TestUser | undefined, projectUuid: string) => send('DELETE', `/api/v1/org/projects/${projectUuid}`, user);
    const victim = await createProject(server, admin, createBody(bodies.duckdb!), t);
    for (const user of [users.developer, users.editor, users.viewer, users.member, await memberWith('developer', 'direct', victim.projectUuid), outsider]) {
      expectError(await del(user, victim.projectUuid), 403, 'ForbiddenError');
    }
    expectError(await del(undefined, victim.projectUuid), 401);
    const ownPreview = await createProject(server, users.developer, createBody(bodies.duckdb!, { type: 'PREVIEW' }), t);
    const othersPreview = await createProject(server, admin, createBody(bodies.duckdb!, { type: 'PREVIEW' }), t);
    expectError(await del(users.developer, othersPreview.projectUuid), 403);
    expect((await del(users.developer, ownPreview.projectUuid)).json()).toEqual({ status: 'ok' });
    for (const via of ['direct', 'group'] as const) {
      const project = await createProject(server, admin, createBody(bodies.duckdb!), t);
      const res = await del(await memberWith('admin', via, project.projectUuid), project.projectUuid);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await del(admin, victim.projectUuid)).statusCode).toBe(200);
    expectError(await get(victim.projectUuid), 404, 'NotFoundError');
    expectError(await del(admin, victim.projectUuid), 404, 'NotFoundError');
    expect(await countRows(server, 'projects')).toBeGreaterThan(0);
    const leftovers = await server.store.db.selectFrom('project_memberships').selectAll().where('project_uuid', '=', victim.projectUuid).execute();
    expect(leftovers).toEqual([]);
  });
});

describe('update (PATCH /api/v1/projects/{projectUuid})', () => {
  it('re-posting what GET returned keeps the stored secrets', async () => {
    for (const [type, warehouse] of Object.entries(bodies)) {
      const project = await createProject(server, admin, createBody(warehouse, { name: `Round trip ${type}` }), t);
      const before = (await server.store.db.selectFrom('projects').select('warehouse_connection_encrypted').where('project_uuid', '=', project.projectUuid).executeTakeFirstOrThrow()).warehouse_connection_encrypted;
      const fetched = (await get(project.projectUuid)).json().results;
      const res = await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { ...fetched, name: `${fetched.name}!` });
      expectProjectSpec(res, null);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results).toEqual({ ...fetched, name: `${fetched.name}!` });
      const row = await server.store.db.selectFrom('projects').select('warehouse_connection_encrypted').where('project_uuid', '=', project.projectUuid).executeTakeFirstOrThrow();
      // Re-encrypted (fresh IV); the required secrets survived, or the merge would have answered 422.
      expect(row.warehouse_connection_encrypted).not.toBe(before);
    }
  });

  it('changing the warehouse type needs the new secrets (422), and writes nothing when refused', async () => {
    const project = await createProject(server, admin, createBody(bodies.postgres!), t);
    const { password: _p, user: _u, ...noSecrets } = bodies.trino!;
    expectError(await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { name: 'Changed', warehouseConnection: noSecrets }), 422, 'ValidateError');
    expect((await get(project.projectUuid)).json().results).toEqual(project);
    const res = await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { warehouseConnection: bodies.trino });
    expect(res.json().results.warehouseConnection.type).toBe('trino');
    expectError(await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { dbtConnection: { type: 'bitbucket', username: 'u', personal_access_token: t.make('bb'), repository: 'r', branch: 'b', project_sub_path: '/' } }), 400, 'ParameterError');
    expectError(await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { warehouseConnection: { type: 'postgres' } }), 422);
    expectError(await send('PATCH', `/api/v1/projects/${project.projectUuid}`, admin, { dbtConnection: { type: 'dbt', project_dir: '/nonexistent' } }), 400);
    expect((await get(project.projectUuid)).json().results.warehouseConnection.type).toBe('trino');
  });

  it('never shows a secret stored in the clear columns or the response', async () => {
    const project = await createProject(server, admin, createBody(bodies.snowflake!), t);
    const row = await server.store.db.selectFrom('projects').selectAll().where('project_uuid', '=', project.projectUuid).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(String(bodies.snowflake!.privateKey));
    expect(await countRows(server, 'projects')).toBeGreaterThan(0);
    expectSpec(await get(project.projectUuid), 'GetProject');
  });
});
