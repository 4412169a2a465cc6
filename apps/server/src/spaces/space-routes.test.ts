import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup, insertProject } from '../organizations/organization-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import type { SpaceDto, SpaceSummaryDto } from './space-schemas.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let project: string;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;

const spacesUrl = (p = project) => `/api/v1/projects/${p}/spaces`;
const spaceUrl = (s: string, p = project) => `${spacesUrl(p)}/${s}`;

const createSpace = async (as: TestUser, body: Record<string, unknown>, p = project): Promise<SpaceDto> => {
  const res = await server.request('POST', spacesUrl(p), { as, body });
  expectSpec(res, 'CreateSpaceInProject');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: SpaceDto }).results;
};
const list = async (as: TestUser, p = project): Promise<SpaceSummaryDto[]> => {
  const res = await server.request('GET', spacesUrl(p), { as });
  expectSpec(res, 'ListSpacesInProject');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: SpaceSummaryDto[] }).results;
};
const get = (as: TestUser, s: string, p = project) => server.request('GET', spaceUrl(s, p), { as });

/** A chart and a dashboard stored in the space (rows the charts and dashboards domains own). */
const fillSpace = async (spaceUuid: string) => {
  const chart = randomUUID();
  const dashboard = randomUUID();
  await server.store.db
    .insertInto('saved_queries')
    .values({ saved_query_uuid: chart, project_uuid: project, space_uuid: spaceUuid, name: 'Revenue', slug: `revenue-${chart}`, chart_kind: 'vertical_bar', chart_type: 'cartesian', created_by_user_uuid: admin.userUuid, updated_by_user_uuid: admin.userUuid })
    .execute();
  await server.store.db
    .insertInto('dashboards')
    .values({ dashboard_uuid: dashboard, project_uuid: project, space_uuid: spaceUuid, name: 'Overview', description: 'KPIs', slug: `overview-${dashboard}`, filters: JSON.stringify({ dimensions: [], metrics: [], tableCalculations: [] }), tabs: '[]' })
    .execute();
  return { chart, dashboard };
};

beforeAll(async () => {
  server = await createTestServer();
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  project = await insertProject(server.store.db, org);
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  viewer = await server.createUser({ organizationUuid: org, role: 'member' });
  await grantProject(server.store.db, project, viewer.userUuid, 'viewer');
  outsider = (await server.createOrganization('Other')).admin;
});
afterAll(() => server?.close());

describe('creating and listing spaces', () => {
  it('creates private spaces by default, shared with the creator as admin; slugs are unique per project', async () => {
    const space = await createSpace(editor, { name: 'Sales Team' });
    expect(space).toMatchObject({ name: 'Sales Team', slug: 'sales-team', isPrivate: true, projectUuid: project, organizationUuid: org, queries: [], dashboards: [], groupsAccess: [], childSpaces: [], parentSpaceUuid: null, pinnedListUuid: null });
    expect(space.access.find((a) => a.userUuid === editor.userUuid)).toMatchObject({ role: 'admin', hasDirectAccess: true });
    // Organization admins see private spaces too; the viewer does not.
    expect(space.access.map((a) => a.userUuid).sort()).toEqual([admin.userUuid, editor.userUuid].sort());
    expect((await createSpace(admin, { name: 'Sales team!', isPrivate: false })).slug).toBe('sales-team-1');
  });

  it('creates with initial access; 400 for users outside the organization', async () => {
    const space = await createSpace(admin, { name: 'Shared', isPrivate: true, access: [{ userUuid: viewer.userUuid, role: 'viewer' }] });
    expect(space.access.find((a) => a.userUuid === viewer.userUuid)).toMatchObject({ role: 'viewer', hasDirectAccess: true, projectRole: 'viewer' });
    expect(space.access.some((a) => a.userUuid === admin.userUuid && a.inheritedFrom === 'organization' && a.role === 'admin')).toBe(true);
    const res = await server.request('POST', spacesUrl(), { as: admin, body: { name: 'x', access: [{ userUuid: outsider.userUuid, role: 'viewer' }] } });
    expectSpec(res, 'CreateSpaceInProject');
    expectError(res, 400, 'ParameterError');
  });

  it('lists what each user may view, with counts, direct access and the user’s own role', async () => {
    const open = await createSpace(admin, { name: 'Open', isPrivate: false });
    const closed = await createSpace(admin, { name: 'Closed', isPrivate: true });
    const shared = await createSpace(admin, { name: 'Shared with viewer', isPrivate: true, access: [{ userUuid: viewer.userUuid, role: 'editor' }] });
    await fillSpace(open.uuid);
    const seen = await list(viewer);
    const uuids = seen.map((s) => s.uuid);
    expect(uuids).toContain(open.uuid);
    expect(uuids).toContain(shared.uuid);
    expect(uuids).not.toContain(closed.uuid);
    expect(seen.find((s) => s.uuid === open.uuid)).toMatchObject({ chartCount: 1, dashboardCount: 1, isPrivate: false, userAccess: { userUuid: viewer.userUuid, role: 'viewer', hasDirectAccess: false } });
    expect(seen.find((s) => s.uuid === shared.uuid)).toMatchObject({ access: expect.arrayContaining([viewer.userUuid]), userAccess: { role: 'editor', hasDirectAccess: true } });
    expect((await list(admin)).map((s) => s.uuid)).toContain(closed.uuid);
    // An organization member without a project role sees nothing; another organization gets 403; an unknown project 404.
    expect(await list(await server.createUser({ organizationUuid: org, role: 'member' }))).toEqual([]);
    const foreign = await server.request('GET', spacesUrl(), { as: outsider });
    expectSpec(foreign, 'ListSpacesInProject');
    expectError(foreign, 403, 'ForbiddenError');
    const unknown = await server.request('GET', spacesUrl(randomUUID()), { as: admin });
    expectSpec(unknown, 'ListSpacesInProject');
    expectError(unknown, 404, 'NotFoundError');
  });

  it('403 for viewers and members without a project role, and in other organizations; 422 on bad bodies', async () => {
    for (const as of [viewer, await server.createUser({ organizationUuid: org, role: 'member' }), outsider]) {
      const res = await server.request('POST', spacesUrl(), { as, body: { name: 'Nope' } });
      expectSpec(res, 'CreateSpaceInProject');
      expectError(res, 403, 'ForbiddenError');
    }
    for (const body of [{}, { name: '' }, { name: 'x', isPrivate: 'yes' }, { name: 'x', access: [{ userUuid: 'nope', role: 'viewer' }] }, { name: 'x', access: [{ userUuid: viewer.userUuid, role: 'owner' }] }]) {
      const res = await server.request('POST', spacesUrl(), { as: admin, body });
      expectSpec(res, 'CreateSpaceInProject');
      expectError(res, 422);
    }
    expectError(await server.request('POST', spacesUrl(randomUUID()), { as: admin, body: { name: 'x' } }), 404, 'NotFoundError');
    expectError(await server.request('POST', spacesUrl(), { body: { name: 'x' } }), 401);
  });
});

describe('nested spaces', () => {
  it('inherit the root’s privacy and access; need edit rights in the parent', async () => {
    const root = await createSpace(admin, { name: 'Finance', isPrivate: true, access: [{ userUuid: editor.userUuid, role: 'editor' }] });
    const child = await createSpace(editor, { name: 'Budgets', isPrivate: false, parentSpaceUuid: root.uuid });
    expect(child).toMatchObject({ parentSpaceUuid: root.uuid, isPrivate: true });
    expect(child.access.map((a) => a.userUuid).sort()).toEqual(root.access.map((a) => a.userUuid).sort());
    const grandchild = await createSpace(admin, { name: 'Q1', parentSpaceUuid: child.uuid });
    // The viewer is not shared the root: nothing in the chain is visible to them.
    for (const s of [root, child, grandchild]) expectError(await get(viewer, s.uuid), 403, 'ForbiddenError');
    const parentRes = await get(editor, root.uuid);
    expectSpec(parentRes, 'GetSpace');
    expect((parentRes.json() as { results: SpaceDto }).results.childSpaces.map((c) => c.uuid)).toEqual([child.uuid]);

    // The viewer may not create inside; access on a nested space is refused; an unknown or foreign parent too.
    const bad = [
      [viewer, { name: 'x', parentSpaceUuid: root.uuid }, 403],
      [admin, { name: 'x', parentSpaceUuid: root.uuid, access: [{ userUuid: viewer.userUuid, role: 'viewer' }] }, 400],
      [admin, { name: 'x', parentSpaceUuid: randomUUID() }, 404],
    ] as const;
    for (const [as, body, status] of bad) {
      const res = await server.request('POST', spacesUrl(), { as, body });
      expectSpec(res, 'CreateSpaceInProject');
      expectError(res, status);
    }
    const otherProject = await insertProject(server.store.db, org);
    expectError(await server.request('POST', spacesUrl(otherProject), { as: admin, body: { name: 'x', parentSpaceUuid: root.uuid } }), 404);

    // Sharing the root reaches the whole chain at once.
    const share = await server.request('POST', `${spaceUrl(root.uuid)}/share`, { as: admin, body: { userUuid: viewer.userUuid, spaceRole: 'viewer' } });
    expectSpec(share, 'AddSpaceUserAccess');
    for (const s of [root, child, grandchild]) expect((await get(viewer, s.uuid)).statusCode).toBe(200);
    // Sharing a nested space, or giving it its own privacy, is refused with the root to use instead.
    const nestedShare = await server.request('POST', `${spaceUrl(child.uuid)}/share`, { as: admin, body: { userUuid: viewer.userUuid, spaceRole: 'editor' } });
    expectSpec(nestedShare, 'AddSpaceUserAccess');
    expectError(nestedShare, 400, 'ParameterError');
    expect(nestedShare.json().error.message).toContain(root.uuid);
    const nestedPrivacy = await server.request('PATCH', spaceUrl(child.uuid), { as: admin, body: { name: 'Budgets', isPrivate: false } });
    expectSpec(nestedPrivacy, 'UpdateSpace');
    expectError(nestedPrivacy, 400, 'ParameterError');
    const renamed = await server.request('PATCH', spaceUrl(child.uuid), { as: editor, body: { name: 'Budgets 2025', isPrivate: true } });
    expect(renamed.statusCode).toBe(403);
    // Making the root public makes the chain public.
    expect((await server.request('PATCH', spaceUrl(root.uuid), { as: admin, body: { name: 'Finance', isPrivate: false } })).statusCode).toBe(200);
    expect(((await get(admin, grandchild.uuid)).json() as { results: SpaceDto }).results.isPrivate).toBe(false);
  });
});

describe('reading, updating and deleting a space', () => {
  it('GetSpace returns its charts (not dashboard-owned ones), dashboards and who can see it', async () => {
    const space = await createSpace(admin, { name: 'Marketing', isPrivate: false });
    const { chart, dashboard } = await fillSpace(space.uuid);
    const res = await get(viewer, space.uuid);
    expectSpec(res, 'GetSpace');
    const body = (res.json() as { results: SpaceDto }).results;
    expect(body.queries).toEqual([
      expect.objectContaining({ uuid: chart, name: 'Revenue', spaceUuid: space.uuid, spaceName: 'Marketing', chartKind: 'vertical_bar', dashboardUuid: null, views: 0, firstViewedAt: null, updatedByUser: expect.objectContaining({ userUuid: admin.userUuid }) }),
    ]);
    expect(body.dashboards).toEqual([expect.objectContaining({ uuid: dashboard, name: 'Overview', description: 'KPIs', spaceUuid: space.uuid })]);
    // Public: everyone with a project role, by the converted role.
    const roles = Object.fromEntries(body.access.map((a) => [a.userUuid, a.role]));
    expect(roles).toMatchObject({ [admin.userUuid]: 'admin', [editor.userUuid]: 'editor', [viewer.userUuid]: 'viewer' });
    expect(body.access.find((a) => a.userUuid === viewer.userUuid)).toMatchObject({ hasDirectAccess: false, inheritedFrom: 'project', inheritedRole: 'viewer' });
  });

  it('404 unknown or under another project, 403 another organization, 422 malformed', async () => {
    const space = await createSpace(admin, { name: 'Ops', isPrivate: false });
    for (const [as, url, status] of [
      [admin, spaceUrl(randomUUID()), 404],
      [admin, spaceUrl(space.uuid, await insertProject(server.store.db, org)), 404],
      [outsider, spaceUrl(space.uuid), 403],
      [admin, spaceUrl('nope'), 422],
    ] as const) {
      const res = await server.request('GET', url, { as });
      expectSpec(res, 'GetSpace');
      expectError(res, status);
    }
  });

  it('UpdateSpace: space admins rename and change privacy; viewers and editors of public spaces may not', async () => {
    const space = await createSpace(admin, { name: 'Product', isPrivate: false });
    for (const as of [viewer, editor, outsider]) {
      const res = await server.request('PATCH', spaceUrl(space.uuid), { as, body: { name: 'Hacked', isPrivate: true } });
      expectSpec(res, 'UpdateSpace');
      expectError(res, 403, 'ForbiddenError');
    }
    // Through the API (a write on this node clears its caches at once; a direct store write would only
    // reach them through NOTIFY, asynchronously on PostgreSQL).
    expect((await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body: { userUuid: editor.userUuid, spaceRole: 'admin' } })).statusCode).toBe(200);
    const res = await server.request('PATCH', spaceUrl(space.uuid), { as: editor, body: { name: 'Product team', isPrivate: true } });
    expectSpec(res, 'UpdateSpace');
    expect((res.json() as { results: SpaceDto }).results).toMatchObject({ name: 'Product team', isPrivate: true, slug: 'product' });
    // Now private and not shared with the viewer.
    expectError(await get(viewer, space.uuid), 403);
    for (const body of [{ name: 'x' }, { isPrivate: true }, { name: '', isPrivate: true }]) {
      const bad = await server.request('PATCH', spaceUrl(space.uuid), { as: admin, body });
      expectSpec(bad, 'UpdateSpace');
      expectError(bad, 422);
    }
  });

  it('DeleteSpace: 204, with everything inside (nested spaces, charts, dashboards, grants)', async () => {
    const space = await createSpace(admin, { name: 'Temp', isPrivate: true, access: [{ userUuid: viewer.userUuid, role: 'viewer' }] });
    const child = await createSpace(admin, { name: 'Temp child', parentSpaceUuid: space.uuid });
    const { chart } = await fillSpace(child.uuid);
    for (const as of [viewer, outsider]) {
      const res = await server.request('DELETE', spaceUrl(space.uuid), { as });
      expectSpec(res, 'DeleteSpace');
      expectError(res, 403, 'ForbiddenError');
    }
    const res = await server.request('DELETE', spaceUrl(space.uuid), { as: admin });
    expectSpec(res, 'DeleteSpace');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const db = server.store.db;
    expect(await db.selectFrom('spaces').select('space_uuid').where('space_uuid', 'in', [space.uuid, child.uuid]).execute()).toEqual([]);
    expect(await db.selectFrom('saved_queries').select('saved_query_uuid').where('saved_query_uuid', '=', chart).execute()).toEqual([]);
    expect(await db.selectFrom('space_user_access').select('user_uuid').where('space_uuid', '=', space.uuid).execute()).toEqual([]);
    const again = await server.request('DELETE', spaceUrl(space.uuid), { as: admin });
    expectSpec(again, 'DeleteSpace');
    expectError(again, 404, 'NotFoundError');
  });
});

describe('sharing', () => {
  it('users: add, change, revoke — the very next request sees it', async () => {
    const space = await createSpace(admin, { name: 'Board', isPrivate: true });
    expectError(await get(viewer, space.uuid), 403);
    const add = await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body: { userUuid: viewer.userUuid, spaceRole: 'viewer' } });
    expectSpec(add, 'AddSpaceUserAccess');
    expect(add.json()).toEqual({ status: 'ok' });
    expect((await get(viewer, space.uuid)).statusCode).toBe(200);
    // A project viewer shared as admin still only views (the project role caps it).
    await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body: { userUuid: viewer.userUuid, spaceRole: 'admin' } });
    expectError(await server.request('PATCH', spaceUrl(space.uuid), { as: viewer, body: { name: 'Mine', isPrivate: false } }), 403);
    const revoke = await server.request('DELETE', `${spaceUrl(space.uuid)}/share/${viewer.userUuid}`, { as: admin });
    expectSpec(revoke, 'RevokeSpaceAccessForUser');
    expect(revoke.json()).toEqual({ status: 'ok' });
    expectError(await get(viewer, space.uuid), 403, 'ForbiddenError');
    const again = await server.request('DELETE', `${spaceUrl(space.uuid)}/share/${viewer.userUuid}`, { as: admin });
    expectSpec(again, 'RevokeSpaceAccessForUser');
    expectError(again, 404, 'NotFoundError');
  });

  it('users: only space admins share; members of the organization only; bad bodies 422', async () => {
    const space = await createSpace(admin, { name: 'Legal', isPrivate: false });
    for (const as of [viewer, editor, outsider]) {
      const res = await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as, body: { userUuid: viewer.userUuid, spaceRole: 'admin' } });
      expectSpec(res, 'AddSpaceUserAccess');
      expectError(res, 403, 'ForbiddenError');
      const revoke = await server.request('DELETE', `${spaceUrl(space.uuid)}/share/${viewer.userUuid}`, { as });
      expectSpec(revoke, 'RevokeSpaceAccessForUser');
      expectError(revoke, 403, 'ForbiddenError');
    }
    for (const userUuid of [outsider.userUuid, randomUUID()]) {
      const res = await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body: { userUuid, spaceRole: 'viewer' } });
      expectError(res, 400, 'ParameterError');
    }
    for (const body of [{}, { userUuid: viewer.userUuid }, { userUuid: viewer.userUuid, spaceRole: 'owner' }, { userUuid: 'x', spaceRole: 'viewer' }]) {
      const res = await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body });
      expectSpec(res, 'AddSpaceUserAccess');
      expectError(res, 422);
    }
    expectError(await server.request('POST', `${spaceUrl(randomUUID())}/share`, { as: admin, body: { userUuid: viewer.userUuid, spaceRole: 'viewer' } }), 404);
  });

  it('groups: add, revoke; a direct grant beats the group’s; foreign groups 403, unknown 404', async () => {
    const space = await createSpace(admin, { name: 'Data team', isPrivate: true });
    const member = await server.createUser({ organizationUuid: org, role: 'member' });
    const team = await insertGroup(server.store.db, org, [member.userUuid], 'Data');
    await grantGroupProject(server.store.db, project, team, 'editor');
    expectError(await get(member, space.uuid), 403);

    const add = await server.request('POST', `${spaceUrl(space.uuid)}/group/share`, { as: admin, body: { groupUuid: team, spaceRole: 'admin' } });
    expectSpec(add, 'AddSpaceGroupAccess');
    expect(add.json()).toEqual({ status: 'ok' });
    const seen = await get(member, space.uuid);
    expect(seen.statusCode).toBe(200);
    const body = (seen.json() as { results: SpaceDto }).results;
    expect(body.groupsAccess).toEqual([{ groupUuid: team, groupName: 'Data', spaceRole: 'admin' }]);
    expect(body.access.find((a) => a.userUuid === member.userUuid)).toMatchObject({ role: 'admin', hasDirectAccess: false, inheritedFrom: 'space_group' });
    expect((await server.request('PATCH', spaceUrl(space.uuid), { as: member, body: { name: 'Data team', isPrivate: true } })).statusCode).toBe(200);
    expect((await server.request('POST', `${spaceUrl(space.uuid)}/share`, { as: admin, body: { userUuid: member.userUuid, spaceRole: 'viewer' } })).statusCode).toBe(200);
    expectError(await server.request('PATCH', spaceUrl(space.uuid), { as: member, body: { name: 'Data team', isPrivate: true } }), 403);
    await server.request('DELETE', `${spaceUrl(space.uuid)}/share/${member.userUuid}`, { as: admin });

    const foreignGroup = await insertGroup(server.store.db, (await server.createOrganization('Third')).organizationUuid, []);
    for (const [groupUuid, status] of [[foreignGroup, 403], [randomUUID(), 404]] as const) {
      const res = await server.request('POST', `${spaceUrl(space.uuid)}/group/share`, { as: admin, body: { groupUuid, spaceRole: 'viewer' } });
      expectSpec(res, 'AddSpaceGroupAccess');
      expectError(res, status);
    }
    const bad = await server.request('POST', `${spaceUrl(space.uuid)}/group/share`, { as: admin, body: { groupUuid: team, spaceRole: 'boss' } });
    expectError(bad, 422);
    expectError(await server.request('POST', `${spaceUrl(space.uuid)}/group/share`, { as: viewer, body: { groupUuid: team, spaceRole: 'viewer' } }), 403);

    const revoke = await server.request('DELETE', `${spaceUrl(space.uuid)}/group/share/${team}`, { as: admin });
    expectSpec(revoke, 'RevokeGroupSpaceAccess');
    expect(revoke.json()).toEqual({ status: 'ok' });
    expectError(await get(member, space.uuid), 403, 'ForbiddenError');
    const again = await server.request('DELETE', `${spaceUrl(space.uuid)}/group/share/${team}`, { as: admin });
    expectSpec(again, 'RevokeGroupSpaceAccess');
    expectError(again, 404, 'NotFoundError');
    expectError(await server.request('DELETE', `${spaceUrl(space.uuid)}/group/share/${team}`, { as: outsider }), 403);
  });
});
