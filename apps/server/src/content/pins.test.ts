import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, insertGroup, insertProject } from '../organizations/organization-fixtures.js';
import { insertSpace, shareSpace } from '../spaces/space-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { insertChart, insertDashboard } from './content-fixtures.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let editor: TestUser;
let viewer: TestUser;
let shared: TestUser;
let outsider: TestUser;
let project: string;
let foreignProject: string;
const space = { public: '', shared: '', hidden: '' };
const chart = { public: '', shared: '', hidden: '', inDashboard: '' };
const dashboard = { public: '', hidden: '' };

type Item = { type: 'chart' | 'dashboard' | 'space'; data: { uuid: string; pinnedListUuid: string | null; pinnedListOrder: number | null } };
type Toggle = { pinnedListUuid: string; projectUuid: string; spaceUuid: string; isPinned: boolean };

const pinUrl = {
  chart: (uuid: string) => `/api/v1/saved/${uuid}/pinning`,
  dashboard: (uuid: string) => `/api/v1/dashboards/${uuid}/pinning`,
  space: (uuid: string, p = project) => `/api/v1/projects/${p}/spaces/${uuid}/pinning`,
};
const itemsUrl = (list: string, p = project) => `/api/v1/projects/${p}/pinned-lists/${list}/items`;

const toggle = (as: TestUser, kind: keyof typeof pinUrl, uuid: string) => server.request('PATCH', pinUrl[kind](uuid), { as, body: {} });
const pin = async (as: TestUser, kind: keyof typeof pinUrl, uuid: string): Promise<Toggle> => {
  const res = await toggle(as, kind, uuid);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: Toggle }).results;
};
const items = async (as: TestUser, list: string, p = project) => {
  const res = await server.request('GET', itemsUrl(list, p), { as });
  expectSpec(res, 'getPinnedItems');
  return res;
};
const uuidsOf = async (as: TestUser, list: string) => ((await items(as, list)).json() as { results: Item[] }).results.map((i) => i.data.uuid);

beforeAll(async () => {
  server = await createTestServer();
  const db = () => server.store.db;
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  const other = await server.createOrganization('Other');
  outsider = other.admin;
  editor = await server.createUser({ organizationUuid: org, role: 'editor' });
  viewer = await server.createUser({ organizationUuid: org, role: 'viewer' });
  shared = await server.createUser({ organizationUuid: org, role: 'editor' });
  project = await insertProject(db(), org);
  foreignProject = await insertProject(db(), other.organizationUuid);
  space.public = await insertSpace(db(), project, { name: 'Public', isPrivate: false });
  space.shared = await insertSpace(db(), project, { name: 'Shared', isPrivate: true });
  space.hidden = await insertSpace(db(), project, { name: 'Hidden', isPrivate: true });
  await shareSpace(db(), space.shared, shared.userUuid, 'viewer');
  chart.public = await insertChart(db(), project, { spaceUuid: space.public }, { updatedByUserUuid: admin.userUuid });
  chart.shared = await insertChart(db(), project, { spaceUuid: space.shared });
  chart.hidden = await insertChart(db(), project, { spaceUuid: space.hidden });
  dashboard.public = await insertDashboard(db(), project, space.public);
  dashboard.hidden = await insertDashboard(db(), project, space.hidden);
  chart.inDashboard = await insertChart(db(), project, { dashboardUuid: dashboard.hidden });
});
afterAll(() => server?.close());

describe('pinned lists', () => {
  let list: string;

  it('pins a chart, a dashboard and a space; the project gets its pinned list on first use', async () => {
    const before = await server.request('GET', `/api/v1/projects/${project}`, { as: viewer });
    expectSpec(before, 'GetProject');
    expect((before.json() as { results: { pinnedListUuid?: string } }).results.pinnedListUuid).toBeUndefined();

    const first = await pin(editor, 'chart', chart.public);
    expect(first).toEqual({ pinnedListUuid: expect.any(String), projectUuid: project, spaceUuid: space.public, isPinned: true });
    list = first.pinnedListUuid;
    const after = await server.request('GET', `/api/v1/projects/${project}`, { as: viewer });
    expectSpec(after, 'GetProject');
    expect((after.json() as { results: { pinnedListUuid?: string } }).results.pinnedListUuid).toBe(list);

    expect(await pin(editor, 'dashboard', dashboard.public)).toEqual({ pinnedListUuid: list, projectUuid: project, spaceUuid: space.public, isPinned: true });
    expect(await pin(editor, 'space', space.public)).toEqual({ pinnedListUuid: list, projectUuid: project, spaceUuid: space.public, isPinned: true });

    const res = await items(viewer, list);
    const results = (res.json() as { results: Item[] }).results;
    expect(results.map((i) => [i.type, i.data.uuid, i.data.pinnedListOrder])).toEqual([
      ['chart', chart.public, 0],
      ['dashboard', dashboard.public, 1],
      ['space', space.public, 2],
    ]);
    expect(results.every((i) => i.data.pinnedListUuid === list)).toBe(true);
    expect(results[0]!.data).toMatchObject({ slug: `chart-${chart.public}`, chartKind: 'vertical_bar', chartType: 'cartesian', views: 0, firstViewedAt: null, updatedByUser: { userUuid: admin.userUuid } });
    expect(results[2]!.data).toMatchObject({ name: 'Public', isPrivate: false, chartCount: 1, dashboardCount: 1, access: [], accessListLength: 0 });

    // Toggling again unpins; pinning again appends at the end.
    expect((await pin(admin, 'chart', chart.public)).isPinned).toBe(false);
    expect(await uuidsOf(viewer, list)).toEqual([dashboard.public, space.public]);
    expect((await pin(admin, 'chart', chart.public)).isPinned).toBe(true);
    expect(await uuidsOf(viewer, list)).toEqual([dashboard.public, space.public, chart.public]);
  });

  it('shows each user only the pinned items they may view', async () => {
    for (const [kind, uuid] of [['chart', chart.shared], ['chart', chart.hidden], ['dashboard', dashboard.hidden], ['space', space.shared], ['space', space.hidden], ['chart', chart.inDashboard]] as const) {
      expect((await pin(admin, kind, uuid)).isPinned).toBe(true);
    }
    const everything = [dashboard.public, space.public, chart.public, chart.shared, chart.hidden, dashboard.hidden, space.shared, space.hidden, chart.inDashboard];
    expect(await uuidsOf(admin, list)).toEqual(everything);
    expect(await uuidsOf(viewer, list)).toEqual([dashboard.public, space.public, chart.public]);
    expect(await uuidsOf(shared, list)).toEqual([dashboard.public, space.public, chart.public, chart.shared, space.shared]);
    // A dashboard-owned chart lives in its dashboard's space.
    const inDashboard = ((await items(admin, list)).json() as { results: Item[] }).results.find((i) => i.data.uuid === chart.inDashboard);
    expect(inDashboard?.data).toMatchObject({ spaceUuid: space.hidden });
    // A group's project role counts; a share through that role is still needed for private spaces.
    const grouped = await server.createUser({ organizationUuid: org, role: 'member' });
    await grantGroupProject(server.store.db, project, await insertGroup(server.store.db, org, [grouped.userUuid]), 'viewer');
    expect(await uuidsOf(grouped, list)).toEqual([dashboard.public, space.public, chart.public]);
  });

  it('pinning needs project editor and view access to the item’s space', async () => {
    const interactive = await server.createUser({ organizationUuid: org, role: 'interactive_viewer' });
    const member = await server.createUser({ organizationUuid: org, role: 'member' });
    for (const user of [viewer, interactive, member]) {
      expectError(await toggle(user, 'chart', chart.public), 403);
      expectError(await toggle(user, 'dashboard', dashboard.public), 403);
      expectError(await toggle(user, 'space', space.public), 403);
    }
    // An editor who may not see the hidden space may not pin (or unpin) what is in it.
    expectError(await toggle(editor, 'chart', chart.hidden), 403);
    expectError(await toggle(editor, 'dashboard', dashboard.hidden), 403);
    expectError(await toggle(editor, 'space', space.hidden), 403);
    expectError(await toggle(editor, 'chart', chart.inDashboard), 403);
    // Shared as a space viewer is enough to pin, as a project editor.
    expect((await pin(shared, 'chart', chart.shared)).isPinned).toBe(false);
    expect((await pin(shared, 'chart', chart.shared)).isPinned).toBe(true);
    // Viewing the list: project viewers; members without a project role get 403.
    expectError(await server.request('GET', itemsUrl(list), { as: member }), 403);
    expectError(await server.request('GET', itemsUrl(list)), 401);
  });

  it('reorders the pinned items; the order round-trips, items left out keep theirs', async () => {
    const order = [
      { type: 'space', data: { uuid: space.public, pinnedListOrder: 0 } },
      { type: 'chart', data: { uuid: chart.public, pinnedListOrder: 1 } },
      { type: 'dashboard', data: { uuid: dashboard.public, pinnedListOrder: 2.5 } },
    ];
    const res = await server.request('PATCH', `${itemsUrl(list)}/order`, { as: editor, body: order });
    expectSpec(res, 'updatePinnedItemsOrder');
    const visible = (res.json() as { results: Item[] }).results;
    expect(visible.map((i) => [i.data.uuid, i.data.pinnedListOrder])).toEqual([
      [space.public, 0],
      [chart.public, 1],
      [dashboard.public, 2.5],
    ]);
    expect((await uuidsOf(viewer, list)).slice(0, 3)).toEqual([space.public, chart.public, dashboard.public]);
    // The hidden items the editor could not send kept their places.
    const all = ((await items(admin, list)).json() as { results: Item[] }).results;
    expect(all.find((i) => i.data.uuid === chart.hidden)?.data.pinnedListOrder).toBe(5);
  });

  it('refuses bad order bodies: unknown, hidden, repeated or unnumbered items (400), malformed (422)', async () => {
    const send = (body: unknown, as = editor) => server.request('PATCH', `${itemsUrl(list)}/order`, { as, body });
    const item = (type: string, uuid: string, pinnedListOrder: number | null = 0) => ({ type, data: { uuid, pinnedListOrder } });
    for (const body of [
      [item('chart', randomUUID())],
      [item('chart', chart.hidden)], // pinned, but not visible to the editor
      [item('dashboard', chart.public)], // wrong type
      [item('chart', chart.public), item('chart', chart.public, 3)],
      [item('chart', chart.public, null)],
    ]) {
      const res = await send(body);
      expectError(res, 400);
      expectSpec(res, 'updatePinnedItemsOrder');
    }
    for (const body of [{}, [item('folder', chart.public)], [{ type: 'chart', data: { uuid: chart.public } }], [item('chart', 'nope')], 'x']) {
      const res = await send(body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expectError(await send([item('chart', chart.public)], viewer), 403);
    // Nothing changed.
    expect((await uuidsOf(viewer, list)).slice(0, 3)).toEqual([space.public, chart.public, dashboard.public]);
  });

  it('another organization: 403 on its items and lists; its list is not one of our project (404)', async () => {
    const theirSpace = await insertSpace(server.store.db, foreignProject, { isPrivate: false });
    const theirChart = await insertChart(server.store.db, foreignProject, { spaceUuid: theirSpace });
    const theirList = (await pin(outsider, 'chart', theirChart)).pinnedListUuid;
    expectError(await toggle(outsider, 'chart', chart.public), 403);
    expectError(await toggle(outsider, 'dashboard', dashboard.public), 403);
    expectError(await server.request('PATCH', pinUrl.space(space.public), { as: outsider, body: {} }), 403);
    const refused = await server.request('GET', itemsUrl(list), { as: outsider });
    expectError(refused, 403);
    expectSpec(refused, 'getPinnedItems');
    expectError(await server.request('PATCH', `${itemsUrl(list)}/order`, { as: outsider, body: [] }), 403);
    expectError(await toggle(admin, 'chart', theirChart), 403);
    expectError(await server.request('GET', itemsUrl(theirList, foreignProject), { as: admin }), 403);
    expectError(await server.request('GET', itemsUrl(theirList), { as: admin }), 404);
    expectError(await server.request('PATCH', pinUrl.space(theirSpace), { as: admin, body: {} }), 404);
  });

  it('unknown ids 404, malformed ids 422', async () => {
    expectError(await toggle(admin, 'chart', randomUUID()), 404);
    expectError(await toggle(admin, 'dashboard', randomUUID()), 404);
    expectError(await toggle(admin, 'space', randomUUID()), 404);
    expectError(await server.request('PATCH', pinUrl.space(space.public, randomUUID()), { as: admin, body: {} }), 404);
    expectError(await server.request('GET', itemsUrl(randomUUID()), { as: admin }), 404);
    expectError(await server.request('GET', itemsUrl(list, randomUUID()), { as: admin }), 404);
    expectError(await server.request('PATCH', `${itemsUrl(randomUUID())}/order`, { as: admin, body: [] }), 404);
    expectError(await toggle(admin, 'chart', 'not-a-uuid'), 422);
    expectError(await server.request('GET', itemsUrl('nope'), { as: admin }), 422);
  });

  it('a deleted chart, dashboard or space leaves the list', async () => {
    const p = await insertProject(server.store.db, org);
    const s = await insertSpace(server.store.db, p, { isPrivate: false });
    const c = await insertChart(server.store.db, p, { spaceUuid: s });
    const d = await insertDashboard(server.store.db, p, s);
    const l = (await pin(admin, 'chart', c)).pinnedListUuid;
    await pin(admin, 'dashboard', d);
    expect((await server.request('PATCH', pinUrl.space(s, p), { as: admin, body: {} })).statusCode).toBe(200);
    const uuidsIn = async () => ((await items(admin, l, p)).json() as { results: Item[] }).results.map((i) => i.data.uuid);
    expect(await uuidsIn()).toEqual([c, d, s]);
    await server.store.db.deleteFrom('saved_queries').where('saved_query_uuid', '=', c).execute();
    expect(await uuidsIn()).toEqual([d, s]);
    await server.store.db.deleteFrom('spaces').where('space_uuid', '=', s).execute();
    expect(await uuidsIn()).toEqual([]);
    expect(await server.store.db.selectFrom('pinned_items').select('pinned_item_uuid').where('pinned_list_uuid', '=', l).execute()).toEqual([]);
  });
});
