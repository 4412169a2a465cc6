import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartBody, ordersByStatus } from '../charts/chart-test-setup.js';
import { createDashboardTestBed, chartTile, dashboardBody, results, type DashboardTestBed } from './dashboard-test-setup.js';

/**
 * Space decisions and tile charts are cached per node (SpaceAccessCache, SavedChartReader.tileCharts):
 * a write must count on the very next tile, with the caches warm.
 */
let bed: DashboardTestBed;

beforeAll(async () => {
  bed = await createDashboardTestBed();
}, 120_000);
afterAll(() => bed.close());

const noFilters = { dimensions: [], metrics: [], tableCalculations: [] };
type TileRows = { rows: Record<string, { value: { raw: unknown } }>[] };

const runTile = (chartUuid: string, dashboardUuid: string, as = bed.admin) =>
  bed.request('POST', `/api/v1/saved/${chartUuid}/chart-and-results`, as, { dashboardUuid, dashboardSorts: [], dashboardFilters: noFilters });

describe('PostDashboardTile with warm caches', () => {
  it('a revoked space share gives 403 on the very next tile', async () => {
    const space = await bed.space({ name: 'Shared then revoked', isPrivate: true });
    const shareUrl = `/api/v1/projects/${bed.projectUuid}/spaces/${space}/share`;
    const shared = await bed.request('POST', shareUrl, bed.admin, { userUuid: bed.viewer.userUuid, spaceRole: 'viewer' });
    expect(shared.statusCode, shared.body).toBe(200);
    const chart = await bed.chartIn(space);
    const dashboard = await bed.createDashboard(dashboardBody(space, { tiles: [chartTile(chart.uuid)] }));
    for (let i = 0; i < 2; i++) expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(200);

    const revoked = await bed.request('DELETE', `${shareUrl}/${bed.viewer.userUuid}`, bed.admin);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(403);
    expect((await bed.request('GET', `/api/v1/dashboards/${dashboard.uuid}`, bed.viewer)).statusCode).toBe(403);
  });

  it('an edited chart runs its new query on the very next tile', async () => {
    const chart = await bed.chartIn(bed.publicSpace);
    const dashboard = await bed.createDashboard(dashboardBody(bed.publicSpace, { tiles: [chartTile(chart.uuid)] }));
    for (let i = 0; i < 2; i++) expect(results<TileRows>(await runTile(chart.uuid, dashboard.uuid)).rows.length).toBeGreaterThan(1);

    const completedOnly = { ...ordersByStatus, filters: { dimensions: { id: 'g', and: [{ id: 'f', target: { fieldId: 'orders_status' }, operator: 'equals', values: ['completed'] }] } } };
    const { name, description, ...version } = chartBody({ metricQuery: completedOnly });
    void name;
    void description;
    const edited = await bed.request('POST', `/api/v1/saved/${chart.uuid}/version`, bed.admin, version);
    expect(edited.statusCode, edited.body).toBe(200);
    const rows = results<TileRows>(await runTile(chart.uuid, dashboard.uuid)).rows;
    expect(rows.map((r) => r.orders_status!.value.raw)).toEqual(['completed']);
  });

  it('a chart moved to a space the user may not view gives 403 on the very next tile', async () => {
    const hidden = await bed.space({ name: 'Admins only', isPrivate: true });
    const chart = await bed.chartIn(bed.publicSpace);
    const dashboard = await bed.createDashboard(dashboardBody(bed.publicSpace, { tiles: [chartTile(chart.uuid)] }));
    for (let i = 0; i < 2; i++) expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(200);

    const moved = await bed.request('PATCH', `/api/v1/saved/${chart.uuid}`, bed.admin, { spaceUuid: hidden });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(403);
  });

  it('a dashboard moved to a space the user may not view gives 403 on the very next tile', async () => {
    const hidden = await bed.space({ name: 'Hidden board', isPrivate: true });
    const chart = await bed.chartIn(bed.publicSpace);
    const dashboard = await bed.createDashboard(dashboardBody(bed.publicSpace, { tiles: [chartTile(chart.uuid)] }));
    for (let i = 0; i < 2; i++) expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(200);

    const moved = await bed.request('PATCH', `/api/v1/dashboards/${dashboard.uuid}`, bed.admin, { spaceUuid: hidden });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await runTile(chart.uuid, dashboard.uuid, bed.viewer)).statusCode).toBe(403);
  });
});
