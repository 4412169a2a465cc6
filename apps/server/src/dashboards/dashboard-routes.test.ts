import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartBody } from '../charts/chart-test-setup.js';
import { expectError, expectSpec, expectSpecSchema } from '../testing/spec.js';
import { chartGridDashboard } from './dashboard-fixtures.js';
import {
  chartTile,
  createDashboardTestBed,
  dashboardBody,
  loomTile,
  markdownTile,
  results,
  type Dashboard,
  type DashboardTestBed,
} from './dashboard-test-setup.js';

let bed: DashboardTestBed;
let base: string;

beforeAll(async () => {
  bed = await createDashboardTestBed();
  base = `/api/v1/projects/${bed.projectUuid}/dashboards`;
}, 120_000);
afterAll(() => bed.close());

const get = (idOrSlug: string, as = bed.admin) => bed.request('GET', `/api/v1/dashboards/${idOrSlug}`, as);
const patch = (idOrSlug: string, body: unknown, as = bed.admin) => bed.request('PATCH', `/api/v1/dashboards/${idOrSlug}`, as, body);

const statusFilter = (tileTargets?: Record<string, unknown>) => ({
  id: randomUUID(),
  target: { fieldId: 'orders_status', tableName: 'orders' },
  operator: 'equals',
  values: ['completed'],
  label: 'Status',
  ...(tileTargets ? { tileTargets } : {}),
});

describe('createDashboard', () => {
  it('creates a dashboard with chart, markdown and loom tiles, tabs and filters (201, spec Dashboard)', async () => {
    const chart = await bed.chartIn();
    const tab = { uuid: randomUUID(), name: 'Overview', order: 0 };
    const tiles = [chartTile(chart.uuid, { tabUuid: tab.uuid }), markdownTile({ tabUuid: tab.uuid }), loomTile()];
    const filters = { dimensions: [statusFilter({ [tiles[0]!.uuid]: false })], metrics: [], tableCalculations: [] };
    const res = await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles, tabs: [tab], filters }));
    expectSpec(res, 'createDashboard');
    expect(res.statusCode).toBe(201);
    const d = results<Dashboard>(res);
    expect(d).toMatchObject({
      name: 'Sales overview',
      description: 'Orders at a glance',
      slug: 'sales-overview',
      spaceUuid: bed.publicSpace,
      spaceName: 'Shared',
      projectUuid: bed.projectUuid,
      organizationUuid: bed.organizationUuid,
      dashboardVersionId: 1,
      views: 0,
      firstViewedAt: null,
      isPrivate: false,
      tabs: [tab],
      filters,
    });
    expect(d.tiles).toEqual([
      {
        ...tiles[0],
        properties: {
          savedChartUuid: chart.uuid,
          title: 'Orders',
          chartName: chart.name,
          chartSlug: chart.slug,
          lastVersionChartKind: 'vertical_bar',
          belongsToDashboard: false,
        },
      },
      tiles[1],
      tiles[2],
    ]);
  });

  it('gives tiles without a uuid one, and the second dashboard of a name a free slug', async () => {
    const { uuid: _u, ...noUuid } = markdownTile();
    const first = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Twice', tiles: [noUuid] }));
    const second = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Twice' }));
    expect(first.tiles[0]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.slug).toBe('twice');
    expect(second.slug).toBe('twice-1');
  });

  it('without spaceUuid, saves into a space the user can edit', async () => {
    const { spaceUuid: _s, ...body } = dashboardBody(bed.publicSpace);
    const d = await bed.createDashboard(body, bed.editor);
    expect(d.spaceUuid).toBe(bed.publicSpace);
  });

  it('stores config and parameters', async () => {
    const parameters = { region: { parameterName: 'region', value: 'EMEA' } };
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { config: { isDateZoomDisabled: true }, parameters }));
    expect(d.config).toEqual({ isDateZoomDisabled: true });
    expect(d.parameters).toEqual(parameters);
  });

  it.each([
    ['past the 36 columns', { x: 20, w: 18 }, /x \+ w is 38/],
    ['fractional position', { x: 1.5 }, /whole numbers/],
    ['negative y', { y: -1 }, /0 or more/],
    ['zero width', { w: 0 }, /at least 1/],
    ['an unknown tab', { tabUuid: randomUUID() }, /not one of the dashboard's tabs/],
  ])('refuses a bad grid (%s) with 400', async (_name, over, message) => {
    const res = await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [markdownTile(over)] }));
    expectError(res, 400, 'ParameterError');
    expect(res.json().error.message).toMatch(message);
  });

  it('refuses duplicate tile uuids, SQL-chart tiles and unknown charts (400), malformed bodies (422)', async () => {
    const tile = markdownTile();
    expectError(await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [tile, tile] })), 400);
    const sqlTile = { ...markdownTile(), type: 'sql_chart', properties: { savedSqlUuid: null, chartName: 'x' } };
    expectError(await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [sqlTile] })), 400);
    expectError(await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [chartTile(randomUUID())] })), 400);
    const badLoom = loomTile({ properties: { title: 'x', url: 'javascript:alert(1)' } });
    expectError(await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [badLoom] })), 422, 'ValidateError');
    expectError(await bed.request('POST', base, bed.admin, { tiles: [] }), 422, 'ValidateError');
  });

  it('refuses a space of another project (400) and an unknown project (404)', async () => {
    const other = await bed.createProject({ name: 'Other', dbt: false });
    const res = await bed.request('POST', `/api/v1/projects/${other}/dashboards`, bed.admin, dashboardBody(bed.publicSpace));
    expectError(res, 400, 'ParameterError');
    expectError(await bed.request('POST', `/api/v1/projects/${randomUUID()}/dashboards`, bed.admin, dashboardBody(bed.publicSpace)), 404);
  });
});

describe('getDashboard', () => {
  it('reads by uuid and by slug (spec Dashboard), counting views', async () => {
    const created = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Viewed board' }));
    bed.server.clock.advance(1000);
    const byUuid = await get(created.uuid, bed.viewer);
    expectSpecSchema(byUuid, 'Dashboard');
    const first = results<Dashboard>(byUuid);
    expect(first.views).toBe(1);
    expect(first.firstViewedAt).not.toBeNull();
    bed.server.clock.advance(1000);
    const bySlug = results<Dashboard>(await get('viewed-board', bed.viewer));
    expect({ ...bySlug, views: 0 }).toEqual({ ...first, views: 0 });
    expect(bySlug.views).toBe(2);
    expect(bySlug.firstViewedAt).toBe(first.firstViewedAt);
  });

  it('lists the requesting user’s own access to the space, and the dashboard’s pin', async () => {
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Pinned board' }));
    expect(results<Dashboard>(await get(d.uuid, bed.viewer))).toMatchObject({
      access: [{ userUuid: bed.viewer.userUuid, email: bed.viewer.email, role: 'viewer', hasDirectAccess: false }],
      pinnedListUuid: null,
      pinnedListOrder: null,
    });
    expect((await bed.request('PATCH', `/api/v1/dashboards/${d.uuid}/pinning`, bed.admin)).statusCode).toBe(200);
    const pinned = results<Dashboard>(await get(d.uuid));
    expect(pinned.pinnedListUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof pinned.pinnedListOrder).toBe('number');
    const listed = results<{ uuid: string; pinnedListUuid: string | null }[]>(await bed.request('GET', base, bed.admin));
    expect(listed.find((x) => x.uuid === d.uuid)?.pinnedListUuid).toBe(pinned.pinnedListUuid);
  });

  it('reads a dashboard of 30 charts with as many store queries as one of 1 chart (no query per tile)', async () => {
    const charts: string[] = [];
    for (let i = 0; i < 30; i++) charts.push((await bed.chartIn(bed.publicSpace, { name: `Grid chart ${i}` })).uuid);
    const big = await bed.createDashboard(chartGridDashboard(bed.publicSpace, charts, { fieldId: 'orders_status', tableName: 'orders', values: ['completed'] }));
    const small = await bed.createDashboard(chartGridDashboard(bed.publicSpace, charts.slice(0, 1)));
    const executor = bed.server.store.db.getExecutor();
    const original = executor.executeQuery.bind(executor);
    let queries = 0;
    executor.executeQuery = ((...args: Parameters<typeof original>) => {
      queries++;
      return original(...args);
    }) as typeof executor.executeQuery;
    const count = async (uuid: string) => {
      await get(uuid, bed.viewer); // warms the per-node credential cache the creation cleared
      queries = 0;
      const res = await get(uuid, bed.viewer);
      expect(res.statusCode).toBe(200);
      return queries;
    };
    try {
      const [forBig, forSmall] = [await count(big.uuid), await count(small.uuid)];
      expect(forBig).toBe(forSmall);
      expect(results<Dashboard>(await get(big.uuid)).tiles).toHaveLength(31);
    } finally {
      executor.executeQuery = original;
    }
  });

  it('answers 404 for an unknown uuid or slug', async () => {
    expectError(await get(randomUUID()), 404, 'NotFoundError');
    expectError(await get('no-such-dashboard'), 404, 'NotFoundError');
  });
});

describe('getDashboards', () => {
  it('lists the project’s dashboards with their tile types (spec), private ones left out with includePrivate=false', async () => {
    const chart = await bed.chartIn();
    const open = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'A listed board', tiles: [chartTile(chart.uuid), markdownTile()] }));
    const hidden = await bed.createDashboard(dashboardBody(bed.privateSpace, { name: 'A private board' }));
    const res = await bed.request('GET', base, bed.admin);
    expectSpec(res, 'getDashboards');
    const list = results<{ uuid: string; tileTypes: string[]; spaceUuid: string }[]>(res);
    expect(list.find((d) => d.uuid === open.uuid)?.tileTypes).toEqual(['markdown', 'saved_chart']);
    expect(list.map((d) => d.uuid)).toContain(hidden.uuid);
    const publicOnly = results<{ uuid: string }[]>(await bed.request('GET', `${base}?includePrivate=false`, bed.admin));
    expect(publicOnly.map((d) => d.uuid)).toContain(open.uuid);
    expect(publicOnly.map((d) => d.uuid)).not.toContain(hidden.uuid);
  });

  it('answers 404 for an unknown project', async () => {
    expectError(await bed.request('GET', `/api/v1/projects/${randomUUID()}/dashboards`, bed.admin), 404);
  });
});

describe('updateDashboard (PATCH)', () => {
  it('changes details without a new version, and tiles, filters, tabs, parameters with one', async () => {
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'To edit', parameters: { a: { parameterName: 'a', value: '1' } } }));
    const renamed = await patch(d.uuid, { name: 'Edited', description: 'New words' });
    expectSpecSchema(renamed, 'Dashboard');
    expect(results<Dashboard>(renamed)).toMatchObject({ name: 'Edited', description: 'New words', dashboardVersionId: 1, slug: d.slug });

    const tab = { uuid: randomUUID(), name: 'Tab', order: 0 };
    const tiles = [markdownTile({ tabUuid: tab.uuid }), loomTile({ tabUuid: tab.uuid })];
    const filters = { dimensions: [statusFilter()], metrics: [], tableCalculations: [] };
    const parameters = { b: { parameterName: 'b', value: 2 }, c: { parameterName: 'c', value: ['x', 'y'] }, d: { parameterName: 'd', value: true } };
    const res = await patch(d.slug, { tiles, tabs: [tab], filters, parameters });
    expectSpecSchema(res, 'Dashboard');
    const updated = results<Dashboard>(res);
    expect(updated).toMatchObject({ dashboardVersionId: 2, tabs: [tab], filters, parameters });
    expect(updated.tiles).toEqual(tiles);
    expect(results<Dashboard>(await get(d.uuid)).tiles).toEqual(tiles);
  });

  it('moves a dashboard to another space of the project', async () => {
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Mover' }));
    const moved = results<Dashboard>(await patch(d.uuid, { spaceUuid: bed.privateSpace }));
    expect(moved).toMatchObject({ spaceUuid: bed.privateSpace, spaceName: 'Board', isPrivate: true });
  });

  it('refuses a bad grid with 400 and changes nothing', async () => {
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Kept' }));
    expectError(await patch(d.uuid, { name: 'Lost', tiles: [markdownTile({ w: 37 })] }), 400);
    expect(results<Dashboard>(await get(d.uuid))).toMatchObject({ name: 'Kept', tiles: d.tiles, dashboardVersionId: 1 });
  });

  it('refuses tabs that drop a tab a kept tile is on (400)', async () => {
    const tab = { uuid: randomUUID(), name: 'T', order: 0 };
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { tiles: [markdownTile({ tabUuid: tab.uuid })], tabs: [tab] }));
    expectError(await patch(d.uuid, { tabs: [] }), 400, 'ParameterError');
  });

  it('answers 404 for an unknown dashboard', async () => {
    expectError(await patch(randomUUID(), { name: 'x' }), 404);
  });
});

describe('updateDashboards (bulk PATCH)', () => {
  it('renames and moves several dashboards (spec)', async () => {
    const a = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Bulk A' }));
    const b = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Bulk B' }));
    const res = await bed.request('PATCH', base, bed.admin, [
      { uuid: a.uuid, name: 'Bulk A2', spaceUuid: bed.privateSpace },
      { uuid: b.uuid, name: 'Bulk B2', description: 'moved', spaceUuid: bed.publicSpace },
    ]);
    expectSpec(res, 'updateDashboards');
    expect(results<Dashboard[]>(res).map((d) => [d.name, d.spaceUuid])).toEqual([
      ['Bulk A2', bed.privateSpace],
      ['Bulk B2', bed.publicSpace],
    ]);
  });

  it('changes none when one is not allowed (403) or unknown (404)', async () => {
    const a = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Bulk C' }));
    const locked = await bed.createDashboard(dashboardBody(bed.privateSpace, { name: 'Bulk D' }));
    const res = await bed.request('PATCH', base, bed.editor, [
      { uuid: a.uuid, name: 'Bulk C2', spaceUuid: bed.publicSpace },
      { uuid: locked.uuid, name: 'Bulk D2', spaceUuid: bed.privateSpace },
    ]);
    expectError(res, 403, 'ForbiddenError');
    expect(results<Dashboard>(await get(a.uuid)).name).toBe('Bulk C');
    expectError(await bed.request('PATCH', base, bed.admin, [{ uuid: randomUUID(), name: 'x', spaceUuid: bed.publicSpace }]), 404);
  });
});

describe('deleteDashboard', () => {
  it('deletes the dashboard (then 404)', async () => {
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Doomed' }));
    const res = await bed.request('DELETE', `/api/v1/dashboards/${d.uuid}`, bed.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expectError(await get(d.uuid), 404);
    expectError(await bed.request('DELETE', `/api/v1/dashboards/${d.uuid}`, bed.admin), 404);
  });
});

describe('charts saved in a dashboard', () => {
  const chartInDashboard = (dashboardUuid: string, name = 'Owned chart') => bed.createChart(chartBody({ name, dashboardUuid, spaceUuid: null }));

  it('show as belongsToDashboard, and live and die with the dashboard and its tiles', async () => {
    const spaceChart = await bed.chartIn();
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Owner', tiles: [chartTile(spaceChart.uuid)] }));
    const owned = await chartInDashboard(d.uuid);
    const kept = await chartInDashboard(d.uuid, 'Second owned');
    expect(owned).toMatchObject({ dashboardUuid: d.uuid, spaceUuid: bed.publicSpace });

    const withTiles = results<Dashboard>(
      await patch(d.uuid, { tiles: [chartTile(spaceChart.uuid), chartTile(owned.uuid, { x: 18 }), chartTile(kept.uuid, { y: 9 })], tabs: [] }),
    );
    expect(withTiles.tiles.map((t) => t.properties.belongsToDashboard)).toEqual([false, true, true]);

    // Dropping a tile deletes the chart saved in the dashboard that it showed.
    await patch(d.uuid, { tiles: [chartTile(spaceChart.uuid), chartTile(kept.uuid)] });
    expectError(await bed.request('GET', `/api/v1/saved/${owned.uuid}`, bed.admin), 404);
    expect((await bed.request('GET', `/api/v1/saved/${kept.uuid}`, bed.admin)).statusCode).toBe(200);

    // Deleting the dashboard deletes its charts, not the charts of spaces it showed.
    await bed.request('DELETE', `/api/v1/dashboards/${d.uuid}`, bed.admin);
    expectError(await bed.request('GET', `/api/v1/saved/${kept.uuid}`, bed.admin), 404);
    expect((await bed.request('GET', `/api/v1/saved/${spaceChart.uuid}`, bed.admin)).statusCode).toBe(200);
  });

  it('may not be shown by another dashboard (400)', async () => {
    const owner = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Owner 2' }));
    const owned = await chartInDashboard(owner.uuid);
    const res = await bed.request('POST', base, bed.admin, dashboardBody(bed.publicSpace, { tiles: [chartTile(owned.uuid)] }));
    expectError(res, 400, 'ParameterError');
  });

  it('a deleted chart leaves its tile, without a chart', async () => {
    const chart = await bed.chartIn();
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { tiles: [chartTile(chart.uuid)] }));
    expect((await bed.request('DELETE', `/api/v1/saved/${chart.uuid}`, bed.admin)).statusCode).toBe(200);
    const tile = results<Dashboard>(await get(d.uuid)).tiles[0]!;
    expect(tile.properties).toMatchObject({ savedChartUuid: null, chartName: null, belongsToDashboard: false });
  });

  it('duplicateFrom copies the dashboard with copies of its charts (201)', async () => {
    const spaceChart = await bed.chartIn();
    const source = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Original', tiles: [chartTile(spaceChart.uuid)] }));
    const owned = await chartInDashboard(source.uuid, 'Original chart');
    const tiles = [chartTile(spaceChart.uuid), chartTile(owned.uuid, { x: 18 })];
    const filters = { dimensions: [statusFilter({ [tiles[1]!.uuid]: false })], metrics: [], tableCalculations: [] };
    await patch(source.uuid, { tiles, filters });
    const res = await bed.request('POST', `${base}?duplicateFrom=${source.uuid}`, bed.editor, { dashboardName: 'Copy', dashboardDesc: 'A copy' });
    expectSpec(res, 'createDashboard');
    const copy = results<Dashboard>(res);
    expect(copy).toMatchObject({ name: 'Copy', description: 'A copy', slug: 'copy', spaceUuid: bed.publicSpace, filters });
    expect(copy.uuid).not.toBe(source.uuid);
    expect(copy.tiles.map((t) => t.uuid)).toEqual(tiles.map((t) => t.uuid));
    const [shared, copied] = copy.tiles.map((t) => t.properties);
    expect(shared).toMatchObject({ savedChartUuid: spaceChart.uuid, belongsToDashboard: false });
    expect(copied).toMatchObject({ chartName: 'Original chart', belongsToDashboard: true });
    expect(copied!.savedChartUuid).not.toBe(owned.uuid);
    // The copy's chart is its own: deleting the source leaves it.
    await bed.request('DELETE', `/api/v1/dashboards/${source.uuid}`, bed.admin);
    expect((await bed.request('GET', `/api/v1/saved/${copied!.savedChartUuid as string}`, bed.admin)).statusCode).toBe(200);
  });
});
