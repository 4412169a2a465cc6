import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../organizations/organization-fixtures.js';
import { insertSpace, shareSpace } from '../spaces/space-fixtures.js';
import { expectError, expectSpecSchema } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { insertChart, insertDashboard } from './content-fixtures.js';

let server: TestServer;
let org: string;
let admin: TestUser;
let viewer: TestUser;
let shared: TestUser;
let project: string;

type Listed = { uuid: string; views: number; updatedAt: string; pinnedListUuid: string | null; chartType?: string };
type Listing = { mostPopular: Listed[]; recentlyUpdated: Listed[] };

const url = (p = project) => `/api/v1/projects/${p}/most-popular-and-recently-updated`;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

/** Not in the spec: each listed item is validated as the spec's SpaceQuery (a chart) or DashboardBasicDetails. */
const expectListingSpec = (listing: Listing) => {
  for (const item of [...listing.mostPopular, ...listing.recentlyUpdated]) {
    const body = { status: 'ok', results: item };
    const res = { statusCode: 200, body: JSON.stringify(body), json: () => body };
    expectSpecSchema(res, 'chartType' in item ? 'SpaceQuery' : 'DashboardBasicDetails');
  }
};
const listing = async (as: TestUser, p = project): Promise<Listing> => {
  const res = await server.request('GET', url(p), { as });
  expect(res.statusCode, res.body).toBe(200);
  const results = (res.json() as { results: Listing }).results;
  expectListingSpec(results);
  return results;
};
const uuids = (items: Listed[]) => items.map((i) => i.uuid);

const c: Record<string, string> = {};
beforeAll(async () => {
  server = await createTestServer();
  const db = () => server.store.db;
  ({ organizationUuid: org, admin } = await server.createOrganization('Acme'));
  viewer = await server.createUser({ organizationUuid: org, role: 'viewer' });
  shared = await server.createUser({ organizationUuid: org, role: 'viewer' });
  project = await insertProject(db(), org);
  const pub = await insertSpace(db(), project, { isPrivate: false });
  const priv = await insertSpace(db(), project, { isPrivate: true });
  await shareSpace(db(), priv, shared.userUuid, 'viewer');
  c.popularChart = await insertChart(db(), project, { spaceUuid: pub }, { views: 50, updatedAt: at(1), updatedByUserUuid: admin.userUuid });
  c.popularDashboard = await insertDashboard(db(), project, pub, { views: 40, updatedAt: at(2) });
  c.quietChart = await insertChart(db(), project, { spaceUuid: pub }, { views: 1, updatedAt: at(30) });
  c.privateChart = await insertChart(db(), project, { spaceUuid: priv }, { views: 100, updatedAt: at(40) });
  c.privateDashboard = await insertDashboard(db(), project, priv, { views: 45, updatedAt: at(41) });
  // Owned by a dashboard: never listed on its own, however viewed.
  c.dashboardChart = await insertChart(db(), project, { dashboardUuid: c.popularDashboard }, { views: 1000, updatedAt: at(50) });
});
afterAll(() => server?.close());

describe('most popular and recently updated', () => {
  it('orders by views and by update time, charts and dashboards together', async () => {
    const all = await listing(admin);
    expect(uuids(all.mostPopular)).toEqual([c.privateChart, c.popularChart, c.privateDashboard, c.popularDashboard, c.quietChart]);
    expect(uuids(all.recentlyUpdated)).toEqual([c.privateDashboard, c.privateChart, c.quietChart, c.popularDashboard, c.popularChart]);
    expect(all.mostPopular[1]).toMatchObject({ views: 50, spaceName: expect.any(String), dashboardUuid: null, chartKind: 'vertical_bar', updatedByUser: { userUuid: admin.userUuid } });
  });

  it('leaves out what the user may not view', async () => {
    const seen = await listing(viewer);
    expect(uuids(seen.mostPopular)).toEqual([c.popularChart, c.popularDashboard, c.quietChart]);
    expect(uuids(seen.recentlyUpdated)).toEqual([c.quietChart, c.popularDashboard, c.popularChart]);
    const withShare = await listing(shared);
    expect(uuids(withShare.mostPopular)).toEqual([c.privateChart, c.popularChart, c.privateDashboard, c.popularDashboard, c.quietChart]);
  });

  it('shows the pin status and keeps ten of each', async () => {
    const pinned = await server.request('PATCH', `/api/v1/saved/${c.popularChart}/pinning`, { as: admin, body: {} });
    const list = (pinned.json() as { results: { pinnedListUuid: string } }).results.pinnedListUuid;
    expect((await listing(viewer)).mostPopular.map((i) => i.pinnedListUuid)).toEqual([list, null, null]);

    const p = await insertProject(server.store.db, org);
    const s = await insertSpace(server.store.db, p, { isPrivate: false });
    for (let i = 0; i < 12; i += 1) {
      await insertChart(server.store.db, p, { spaceUuid: s }, { views: i, updatedAt: at(i) });
      await insertDashboard(server.store.db, p, s, { views: i, updatedAt: at(i) });
    }
    const big = await listing(admin, p);
    expect(big.mostPopular.map((i) => i.views)).toEqual([11, 11, 10, 10, 9, 9, 8, 8, 7, 7]);
    expect(big.recentlyUpdated).toHaveLength(10);
    expect(new Date(big.recentlyUpdated[9]!.updatedAt)).toEqual(at(7));
  });

  it('project viewers only: 403 without a project role or in another organization; 404 unknown', async () => {
    const member = await server.createUser({ organizationUuid: org, role: 'member' });
    expectError(await server.request('GET', url(), { as: member }), 403);
    const other = await server.createOrganization('Other');
    expectError(await server.request('GET', url(), { as: other.admin }), 403);
    expectError(await server.request('GET', url(randomUUID()), { as: admin }), 404);
    expectError(await server.request('GET', url('nope'), { as: admin }), 422);
    expectError(await server.request('GET', url()), 401);
    const empty = await listing(admin, await insertProject(server.store.db, org));
    expect(empty).toEqual({ mostPopular: [], recentlyUpdated: [] });
  });
});
