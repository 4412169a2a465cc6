import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup } from '../organizations/organization-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { SecretTracker, countRows, createBody, createProject, expectProjectSpec, warehouseBodies, type Project } from './project-test-helpers.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let developer: TestUser;
let editor: TestUser;
let viewer: TestUser;
let member: TestUser;
let outsider: TestUser;
let project: Project;
const t = new SecretTracker();
let bodies: ReturnType<typeof warehouseBodies>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
const send = async (method: Method, url: string, as: TestUser | undefined, body?: unknown) => {
  const res = await server.request(method, url, { as, body });
  t.responses.push(res);
  return res;
};
const row = (projectUuid: string) =>
  server.store.db.selectFrom('projects').selectAll().where('project_uuid', '=', projectUuid).executeTakeFirstOrThrow();

/** Runs the shared negative paths of a project-scoped write: 401, 403 by role and organization, 404, 422 uuid. */
const expectGuarded = async (method: Method, suffix: string, body: unknown, operationId: string) => {
  const url = (uuid: string) => `/api/v1/projects/${uuid}${suffix}`;
  const check = async (res: Awaited<ReturnType<typeof send>>, status: number, name?: string) => {
    expectSpec(res, operationId);
    expectError(res, status, name);
  };
  await check(await send(method, url(project.projectUuid), undefined, body), 401, 'AuthorizationError');
  for (const user of [editor, viewer, member, outsider]) await check(await send(method, url(project.projectUuid), user, body), 403, 'ForbiddenError');
  await check(await send(method, url(randomUUID()), admin, body), 404, 'NotFoundError');
  await check(await send(method, url('nope'), admin, body), 422, 'ValidateError');
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  developer = await server.createUser({ organizationUuid: org, role: 'developer' });
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  viewer = await server.createUser({ organizationUuid: org, role: 'viewer' });
  member = await server.createUser({ organizationUuid: org, role: 'member' });
  outsider = (await server.createOrganization('Other')).admin;
  bodies = warehouseBodies(t);
  project = await createProject(server, admin, createBody(bodies.postgres!), t);
});
afterEach(() => t.checkResponses());
afterAll(async () => {
  if (!server) return;
  await t.checkStore(server);
  await server.close();
});

describe('updateProjectMetadata', () => {
  it('sets and clears the upstream project (developers and above)', async () => {
    const upstream = await createProject(server, admin, createBody(bodies.duckdb!, { name: 'Prod' }), t);
    const res = await send('PATCH', `/api/v1/projects/${project.projectUuid}/metadata`, developer, { upstreamProjectUuid: upstream.projectUuid });
    expectSpec(res, 'updateProjectMetadata');
    expect(res.statusCode).toBe(200);
    expect((await row(project.projectUuid)).upstream_project_uuid).toBe(upstream.projectUuid);
    expect((await send('PATCH', `/api/v1/projects/${project.projectUuid}/metadata`, admin, {})).statusCode).toBe(200);
    expect((await row(project.projectUuid)).upstream_project_uuid).toBe(upstream.projectUuid);
    expectSpec(await send('PATCH', `/api/v1/projects/${project.projectUuid}/metadata`, admin, { upstreamProjectUuid: null }), 'updateProjectMetadata');
    expect((await row(project.projectUuid)).upstream_project_uuid).toBeNull();
  });

  it('refuses itself, cycles, unknown and foreign upstreams (400), and checks access', async () => {
    const a = await createProject(server, admin, createBody(bodies.duckdb!), t);
    const b = await createProject(server, admin, createBody(bodies.duckdb!), t);
    const foreign = await createProject(server, outsider, createBody(bodies.duckdb!), t);
    const patch = (uuid: string, upstreamProjectUuid: unknown) => send('PATCH', `/api/v1/projects/${uuid}/metadata`, admin, { upstreamProjectUuid });
    expect((await patch(a.projectUuid, b.projectUuid)).statusCode).toBe(200);
    for (const [uuid, upstream] of [[a.projectUuid, a.projectUuid], [b.projectUuid, a.projectUuid], [a.projectUuid, randomUUID()], [a.projectUuid, foreign.projectUuid]]) {
      const res = await patch(uuid!, upstream);
      expectSpec(res, 'updateProjectMetadata');
      expectError(res, 400, 'ParameterError');
    }
    expect((await row(b.projectUuid)).upstream_project_uuid).toBeNull();
    expectError(await patch(a.projectUuid, 'not-a-uuid'), 422, 'ValidateError');
    await expectGuarded('PATCH', '/metadata', { upstreamProjectUuid: null }, 'updateProjectMetadata');
  });

  it('deleting a project clears it as upstream of its previews', async () => {
    const source = await createProject(server, admin, createBody(bodies.duckdb!), t);
    const preview = await createProject(server, admin, createBody(bodies.duckdb!, { type: 'PREVIEW', upstreamProjectUuid: source.projectUuid }), t);
    expect((await send('DELETE', `/api/v1/org/projects/${source.projectUuid}`, admin)).statusCode).toBe(200);
    expect((await row(preview.projectUuid)).upstream_project_uuid).toBeNull();
  });
});

describe('updateSchedulerSettings', () => {
  it('stores an IANA time zone, shown by GetProject', async () => {
    const res = await send('PATCH', `/api/v1/projects/${project.projectUuid}/schedulerSettings`, developer, { schedulerTimezone: 'Europe/Paris' });
    expectSpec(res, 'updateSchedulerSettings');
    expect(res.statusCode).toBe(200);
    const fetched = await send('GET', `/api/v1/projects/${project.projectUuid}`, viewer);
    expectSpec(fetched, 'GetProject');
    expect(fetched.json().results.schedulerTimezone).toBe('Europe/Paris');
  });

  it('refuses unknown zones (400) and malformed bodies (422), and checks access', async () => {
    const url = `/api/v1/projects/${project.projectUuid}/schedulerSettings`;
    expectError(await send('PATCH', url, admin, { schedulerTimezone: 'Mars/Olympus' }), 400, 'ParameterError');
    expectError(await send('PATCH', url, admin, {}), 422, 'ValidateError');
    expectError(await send('PATCH', url, admin, { schedulerTimezone: 5 }), 422, 'ValidateError');
    expect((await row(project.projectUuid)).scheduler_timezone).toBe('Europe/Paris');
    await expectGuarded('PATCH', '/schedulerSettings', { schedulerTimezone: 'UTC' }, 'updateSchedulerSettings');
  });
});

describe('semantic layer connection', () => {
  const url = () => `/api/v1/projects/${project.projectUuid}/semantic-layer-connection`;

  it('stores the connection encrypted, updates it partially, never returns the token, and deletes it', async () => {
    const token = t.make('sl-token');
    const res = await send('PATCH', url(), developer, { type: 'DBT', environmentId: '42', domain: 'https://sl.example', token });
    expectSpec(res, 'updateProjectSemanticLayerConnection');
    expect(res.statusCode).toBe(200);
    expect((await row(project.projectUuid)).semantic_layer_connection_encrypted).toMatch(/^v1\./);
    // Same type: the token may be left out and is kept.
    expect((await send('PATCH', url(), admin, { type: 'DBT', environmentId: '43' })).statusCode).toBe(200);
    // A new type needs all its fields.
    const incomplete = await send('PATCH', url(), admin, { type: 'CUBE', domain: 'https://cube.example' });
    expectSpec(incomplete, 'updateProjectSemanticLayerConnection');
    expectError(incomplete, 400, 'ParameterError');
    const fetched = await send('GET', `/api/v1/projects/${project.projectUuid}`, admin);
    expectSpec(fetched, 'GetProject');
    expect(fetched.json().results).not.toHaveProperty('semanticLayerConnection');
    const deleted = await send('DELETE', url(), developer);
    expectSpec(deleted, 'deleteProjectSemanticLayerConnection');
    expect(deleted.statusCode).toBe(200);
    expect((await row(project.projectUuid)).semantic_layer_connection_encrypted).toBeNull();
    expect((await send('DELETE', url(), admin)).statusCode).toBe(200);
    // After deletion a partial update is incomplete again.
    expectError(await send('PATCH', url(), admin, { type: 'DBT', environmentId: '1' }), 400);
  });

  it('refuses malformed bodies (422) and checks access', async () => {
    for (const body of [{}, { type: 'LOOKER' }, { type: 'DBT', token: '' }]) expectError(await send('PATCH', url(), admin, body), 422, 'ValidateError');
    await expectGuarded('PATCH', '/semantic-layer-connection', { type: 'CUBE', domain: 'd', token: 'x' }, 'updateProjectSemanticLayerConnection');
    await expectGuarded('DELETE', '/semantic-layer-connection', undefined, 'deleteProjectSemanticLayerConnection');
  });
});

describe('createPreview', () => {
  it('copies settings and connections into a PREVIEW with the source as upstream; the creator is its admin', async () => {
    const manifestProject = await createProject(server, admin, createBody(bodies.snowflake!, { dbtConnection: { type: 'manifest' } }), t);
    const manifest = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes: { 'model.a.b': { name: 'b' } } };
    expect((await send('PUT', `/api/v1/projects/${manifestProject.projectUuid}/manifest`, admin, manifest)).statusCode).toBe(200);
    await send('PATCH', `/api/v1/projects/${manifestProject.projectUuid}/schedulerSettings`, admin, { schedulerTimezone: 'Asia/Tokyo' });

    const res = await send('POST', `/api/v1/projects/${manifestProject.projectUuid}/createPreview`, developer, { name: 'My preview', copyContent: false });
    expectSpec(res, 'createPreview');
    expect(res.statusCode, res.body).toBe(200);
    const previewUuid = res.json().results as string;
    const fetched = await send('GET', `/api/v1/projects/${previewUuid}`, developer);
    expectProjectSpec(fetched, 'GetProject');
    expect(fetched.json().results).toEqual({
      ...(await send('GET', `/api/v1/projects/${manifestProject.projectUuid}`, admin)).json().results,
      projectUuid: previewUuid,
      name: 'My preview',
      type: 'PREVIEW',
      upstreamProjectUuid: manifestProject.projectUuid,
      createdByUserUuid: developer.userUuid,
      schedulerTimezone: 'Asia/Tokyo',
    });
    const copied = await server.store.db.selectFrom('project_manifests').select('manifest').where('project_uuid', '=', previewUuid).executeTakeFirstOrThrow();
    expect(JSON.parse(copied.manifest)).toEqual(manifest);
    const members = await server.store.db.selectFrom('project_memberships').selectAll().where('project_uuid', '=', previewUuid).execute();
    expect(members.map((m) => [m.user_uuid, m.role])).toEqual([[developer.userUuid, 'admin']]);
    // The developer may delete their own preview.
    expect((await send('DELETE', `/api/v1/org/projects/${previewUuid}`, developer)).statusCode).toBe(200);
  });

  it('lets project developers (direct or by group) preview; refuses copyContent, lower roles and strangers', async () => {
    const url = (uuid = project.projectUuid) => `/api/v1/projects/${uuid}/createPreview`;
    const direct = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantProject(server.store.db, project.projectUuid, direct.userUuid, 'developer');
    const grouped = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantGroupProject(server.store.db, project.projectUuid, await insertGroup(server.store.db, org, [grouped.userUuid]), 'developer');
    for (const user of [direct, grouped]) {
      const res = await send('POST', url(), user, { name: 'p', copyContent: false });
      expectSpec(res, 'createPreview');
      expect(res.statusCode, res.body).toBe(200);
    }
    const before = await countRows(server, 'projects');
    const refused = await send('POST', url(), admin, { name: 'p', copyContent: true });
    expectSpec(refused, 'createPreview');
    expectError(refused, 400, 'ParameterError');
    expect(refused.json().error.message).toMatch(/copyContent is not available yet/);
    for (const body of [{ name: 'p' }, { name: '', copyContent: false }, { copyContent: false }]) {
      expectError(await send('POST', url(), admin, body), 422, 'ValidateError');
    }
    await expectGuarded('POST', '/createPreview', { name: 'p', copyContent: false }, 'createPreview');
    expect(await countRows(server, 'projects')).toBe(before);
  });
});

describe('manifest upload (PUT /api/v1/projects/{projectUuid}/manifest)', () => {
  it('stores the manifest of a manifest project, replaces it, and drops it when the type changes', async () => {
    const p = await createProject(server, admin, createBody(bodies.duckdb!, { dbtConnection: { type: 'manifest' } }), t);
    const url = `/api/v1/projects/${p.projectUuid}/manifest`;
    const manifest = (n: number) => ({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v11.json' }, nodes: { [`model.x.m${n}`]: {} } });
    const res = await send('PUT', url, developer, manifest(1));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual({ projectUuid: p.projectUuid, uploadedAt: server.clock.now.toISOString() });
    expect((await send('PUT', url, admin, manifest(2))).statusCode).toBe(200);
    const stored = await server.store.db.selectFrom('project_manifests').selectAll().where('project_uuid', '=', p.projectUuid).execute();
    expect(stored.map((s) => JSON.parse(s.manifest))).toEqual([manifest(2)]);
    for (const body of [{ nodes: {} }, { metadata: { dbt_schema_version: 'https://x/catalog/v1.json' }, nodes: {} }]) {
      expectError(await send('PUT', url, admin, body), 400, 'ParameterError');
    }
    expectError(await send('PUT', url, admin, [1, 2]), 422, 'ValidateError');
    for (const user of [editor, viewer, member, outsider]) expectError(await send('PUT', url, user, manifest(3)), 403, 'ForbiddenError');
    expectError(await send('PUT', url, undefined, manifest(3)), 401);
    expectError(await send('PUT', `/api/v1/projects/${project.projectUuid}/manifest`, admin, manifest(3)), 400, 'ParameterError');

    // Larger than the server's general body limit (1 MiB): the manifest route has its own.
    const big = { ...manifest(4), nodes: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`model.x.m${i}`, { description: 'x'.repeat(100) }])) };
    const bigRes = await send('PUT', url, admin, big);
    expect(bigRes.statusCode, bigRes.body.slice(0, 200)).toBe(200);
    expect(JSON.stringify(big).length).toBeGreaterThan(2 * 1024 * 1024);

    const patched = await send('PATCH', `/api/v1/projects/${p.projectUuid}`, admin, { dbtConnection: { type: 'none' } });
    expect(patched.statusCode).toBe(200);
    expect(await server.store.db.selectFrom('project_manifests').selectAll().where('project_uuid', '=', p.projectUuid).execute()).toEqual([]);
  });
});
