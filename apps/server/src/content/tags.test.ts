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
let foreignProject: string;

const tagsUrl = (p: string) => `/api/v1/projects/${p}/tags`;
const tagUrl = (p: string, t: string) => `/api/v1/projects/${p}/tags/${t}`;
type TagDto = { tagUuid: string; name: string; color: string; projectUuid: string; createdBy: { userUuid: string } | null };

const create = async (as: TestUser, body: unknown, p = project) => server.request('POST', tagsUrl(p), { as, body });
const list = async (as: TestUser, p = project) => {
  const res = await server.request('GET', tagsUrl(p), { as });
  expectSpec(res, 'getTags');
  return res;
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  const other = await server.createOrganization('Other');
  outsider = other.admin;
  project = await insertProject(server.store.db, org);
  foreignProject = await insertProject(server.store.db, other.organizationUuid);
});
afterAll(() => server?.close());

describe('project tags', () => {
  it('creates (201), lists, updates and deletes (204) a tag', async () => {
    const created = await create(admin, { name: 'Revenue', color: '#7262FF' });
    expectSpec(created, 'createTag');
    expect(created.statusCode).toBe(201);
    const { tagUuid } = (created.json() as { results: { tagUuid: string } }).results;

    const listed = (await list(admin)).json() as { results: TagDto[] };
    expect(listed.results).toEqual([
      expect.objectContaining({ tagUuid, projectUuid: project, name: 'Revenue', color: '#7262FF', createdBy: expect.objectContaining({ userUuid: admin.userUuid }) }),
    ]);

    const updated = await server.request('PATCH', tagUrl(project, tagUuid), { as: admin, auth: 'apiKey', body: { name: 'Sales' } });
    expectSpec(updated, 'updateTag');
    expect(updated.json()).toEqual({ status: 'ok' });
    const recoloured = await server.request('PATCH', tagUrl(project, tagUuid), { as: admin, body: { color: 'green' } });
    expectSpec(recoloured, 'updateTag');
    expect(((await list(admin)).json() as { results: TagDto[] }).results[0]).toMatchObject({ name: 'Sales', color: 'green' });

    const deleted = await server.request('DELETE', tagUrl(project, tagUuid), { as: admin });
    expectSpec(deleted, 'deleteTag');
    expect(deleted.statusCode).toBe(204);
    expect(((await list(admin)).json() as { results: TagDto[] }).results).toEqual([]);
    expectError(await server.request('DELETE', tagUrl(project, tagUuid), { as: admin }), 404);
  });

  it('lists by name and keeps the tag when its creator is deleted (createdBy null)', async () => {
    const p = await insertProject(server.store.db, org);
    const editor = await server.createUser({ organizationUuid: org, role: 'editor' });
    expect((await create(editor, { name: 'zeta', color: 'red' }, p)).statusCode).toBe(201);
    expect((await create(admin, { name: 'Alpha', color: 'blue' }, p)).statusCode).toBe(201);
    await server.store.db.deleteFrom('users').where('user_uuid', '=', editor.userUuid).execute();
    const tags = ((await list(admin, p)).json() as { results: TagDto[] }).results;
    expect(tags.map((t) => [t.name, t.createdBy?.userUuid ?? null])).toEqual([['Alpha', admin.userUuid], ['zeta', null]]);
  });

  it('refuses a second tag with the same name in any case (409), allows it in another project', async () => {
    expect((await create(admin, { name: 'Finance', color: 'red' })).statusCode).toBe(201);
    const again = await create(admin, { name: '  finance ', color: 'blue' });
    expectError(again, 409, 'AlreadyExistsError');
    expectSpec(again, 'createTag');
    const other = await create(admin, { name: 'Other', color: 'blue' });
    const otherUuid = (other.json() as { results: { tagUuid: string } }).results.tagUuid;
    expectError(await server.request('PATCH', tagUrl(project, otherUuid), { as: admin, body: { name: 'FINANCE' } }), 409);
    const p = await insertProject(server.store.db, org);
    expect((await create(admin, { name: 'Finance', color: 'red' }, p)).statusCode).toBe(201);
  });

  it('viewers list, editors and above manage; members without a project role get 403', async () => {
    const tag = ((await create(admin, { name: `t-${randomUUID()}`, color: 'red' })).json() as { results: { tagUuid: string } }).results.tagUuid;
    const expectations: [TestUser, number, number][] = [];
    for (const [role, view, manage] of [
      ['member', 403, 403],
      ['viewer', 200, 403],
      ['interactive_viewer', 200, 403],
      ['editor', 200, 201],
      ['developer', 200, 201],
    ] as const) {
      expectations.push([await server.createUser({ organizationUuid: org, role }), view, manage]);
    }
    // A project role through a group counts like a direct one.
    const grouped = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantGroupProject(server.store.db, project, await insertGroup(server.store.db, org, [grouped.userUuid]), 'editor');
    expectations.push([grouped, 200, 201]);
    const direct = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantProject(server.store.db, project, direct.userUuid, 'viewer');
    expectations.push([direct, 200, 403]);

    for (const [user, view, manage] of expectations) {
      const listed = await server.request('GET', tagsUrl(project), { as: user });
      expect(listed.statusCode, user.role ?? '').toBe(view);
      expectSpec(listed, 'getTags');
      const created = await create(user, { name: `n-${randomUUID()}`, color: 'red' });
      expect(created.statusCode).toBe(manage);
      expectSpec(created, 'createTag');
      const patched = await server.request('PATCH', tagUrl(project, tag), { as: user, body: { color: 'blue' } });
      expect(patched.statusCode).toBe(manage === 201 ? 200 : manage);
      expectSpec(patched, 'updateTag');
    }
    const viewer = expectations[1]![0];
    const refused = await server.request('DELETE', tagUrl(project, tag), { as: viewer });
    expectError(refused, 403);
    expectSpec(refused, 'deleteTag');
    expectError(await server.request('GET', tagsUrl(project)), 401);
  });

  it('another organization: 403 on its project, its tags unreachable through ours (404)', async () => {
    const foreign = ((await create(outsider, { name: 'Theirs', color: 'red' }, foreignProject)).json() as { results: { tagUuid: string } }).results
      .tagUuid;
    expectError(await server.request('GET', tagsUrl(foreignProject), { as: admin }), 403);
    expectError(await create(admin, { name: 'x', color: 'red' }, foreignProject), 403);
    expectError(await server.request('PATCH', tagUrl(foreignProject, foreign), { as: admin, body: { name: 'Mine' } }), 403);
    expectError(await server.request('DELETE', tagUrl(foreignProject, foreign), { as: admin }), 403);
    // Our project, their tag: not a tag of this project.
    expectError(await server.request('PATCH', tagUrl(project, foreign), { as: admin, body: { name: 'Mine' } }), 404);
    expectError(await server.request('DELETE', tagUrl(project, foreign), { as: admin }), 404);
    const theirs = ((await list(outsider, foreignProject)).json() as { results: TagDto[] }).results;
    expect(theirs.map((t) => t.name)).toEqual(['Theirs']);
  });

  it('unknown ids 404, malformed ids and bad bodies 4xx', async () => {
    expectError(await server.request('GET', tagsUrl(randomUUID()), { as: admin }), 404);
    expectError(await create(admin, { name: 'x', color: 'red' }, randomUUID()), 404);
    expectError(await server.request('PATCH', tagUrl(project, randomUUID()), { as: admin, body: { name: 'y' } }), 404);
    expectError(await server.request('GET', tagsUrl('not-a-uuid'), { as: admin }), 422);
    expectError(await server.request('DELETE', tagUrl(project, 'nope'), { as: admin }), 422);
    for (const body of [{}, { name: 'x' }, { color: 'red' }, { name: '   ', color: 'red' }, { name: 'x', color: '' }, { name: 5, color: 'red' }, []]) {
      const res = await create(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectSpec(res, 'createTag');
    }
    const tag = ((await create(admin, { name: `b-${randomUUID()}`, color: 'red' })).json() as { results: { tagUuid: string } }).results.tagUuid;
    for (const body of [{ name: '' }, { color: 7 }, 'text']) {
      const res = await server.request('PATCH', tagUrl(project, tag), { as: admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});
