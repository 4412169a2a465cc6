import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartBody, ordersByStatus } from '../charts/chart-test-setup.js';
import { insertSpace } from '../spaces/space-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import type { SavedChart } from '../charts/chart-test-setup.js';
import { chartTile, createDashboardTestBed, dashboardBody, results, type Dashboard, type DashboardTestBed } from './dashboard-test-setup.js';

let bed: DashboardTestBed;
let chart: SavedChart;

type Cell = { value: { raw: unknown; formatted: string } };
type TileResults = { rows: Record<string, Cell>[]; metricQuery: Record<string, unknown>; appliedDashboardFilters: Record<string, unknown[]> };

beforeAll(async () => {
  bed = await createDashboardTestBed();
  chart = await bed.chartIn();
}, 120_000);
afterAll(() => bed.close());

const noFilters = { dimensions: [], metrics: [], tableCalculations: [] };

const rule = (fieldId: string, values: unknown[], over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  target: { fieldId, tableName: fieldId.split('_')[0] },
  operator: 'equals',
  values,
  ...over,
});

const runTile = (chartUuid: string, body: Record<string, unknown>, as = bed.admin) =>
  bed.request('POST', `/api/v1/saved/${chartUuid}/chart-and-results`, as, { dashboardSorts: [], dashboardFilters: noFilters, ...body });

/** The SQL the tile's query compiles to (CompileQuery on the query the tile ran). */
const compiledSql = async (metricQuery: Record<string, unknown>): Promise<string> => {
  const res = await bed.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/orders/compileQuery`, bed.admin, metricQuery);
  expect(res.statusCode, res.body).toBe(200);
  return results<string>(res);
};

const statuses = (body: TileResults) => body.rows.map((r) => r.orders_status!.value.raw);

const dashboardWith = async (tiles: Record<string, unknown>[], over: Record<string, unknown> = {}) =>
  bed.createDashboard(dashboardBody(bed.publicSpace, { tiles, ...over }));

describe('PostDashboardTile', () => {
  it('runs the chart’s query (spec ApiRunQueryResponse)', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    const res = await runTile(chart.uuid, { dashboardUuid: d.uuid });
    expectSpec(res, 'PostDashboardTile');
    const body = results<TileResults>(res);
    expect(new Set(statuses(body)).size).toBeGreaterThan(2);
    expect(body.metricQuery).toMatchObject({ exploreName: 'orders', dimensions: ['orders_status'] });
  });

  it('a dashboard filter reaches the tile’s SQL and rows', async () => {
    const tile = chartTile(chart.uuid);
    const filters = { ...noFilters, dimensions: [rule('orders_status', ['completed'])] };
    const d = await dashboardWith([tile], { filters });
    const res = await runTile(chart.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters });
    expectSpec(res, 'PostDashboardTile');
    const body = results<TileResults>(res);
    expect(statuses(body)).toEqual(['completed']);
    expect(body.appliedDashboardFilters.dimensions).toHaveLength(1);
    const sql = await compiledSql(body.metricQuery);
    expect(sql).toMatch(/WHERE[^\n]*"orders"\.status\) = 'completed'/);
    expect(await compiledSql(ordersByStatus)).not.toContain("'completed'");
  });

  it('replaces the chart’s own filter on the same field', async () => {
    const own = { id: 'own', target: { fieldId: 'orders_status' }, operator: 'equals', values: ['returned'] };
    const filtered = await bed.chartIn(bed.publicSpace, { name: 'Returned only', metricQuery: { ...ordersByStatus, filters: { dimensions: { id: 'g', and: [own] } } } });
    const d = await dashboardWith([chartTile(filtered.uuid)]);
    const alone = results<TileResults>(await runTile(filtered.uuid, { dashboardUuid: d.uuid }));
    expect(statuses(alone)).toEqual(['returned']);
    const filters = { ...noFilters, dimensions: [rule('orders_status', ['completed', 'shipped'])] };
    const body = results<TileResults>(await runTile(filtered.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters }));
    expect(statuses(body)).toEqual(['completed', 'shipped']);
    expect(await compiledSql(body.metricQuery)).not.toContain("'returned'");
  });

  it('skips a tile whose tileTargets entry is false, and maps a filter to another field for a tile with a target', async () => {
    const skipped = chartTile(chart.uuid);
    const mapped = chartTile(chart.uuid, { x: 18 });
    const filters = {
      ...noFilters,
      dimensions: [
        rule('orders_status', ['completed'], { tileTargets: { [skipped.uuid]: false } }),
        rule('orders_region', ['EMEA'], { tileTargets: { [mapped.uuid]: { fieldId: 'customers_region', tableName: 'customers' } } }),
      ],
    };
    const d = await dashboardWith([skipped, mapped], { filters });

    const off = results<TileResults>(await runTile(chart.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters, tileUuid: skipped.uuid }));
    expect(new Set(statuses(off)).size).toBeGreaterThan(1);
    const offSql = await compiledSql(off.metricQuery);
    expect(offSql).not.toContain("'completed'");
    expect(offSql).toContain("'EMEA'");

    const on = results<TileResults>(await runTile(chart.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters, tileUuid: mapped.uuid }));
    expect(statuses(on)).toEqual(['completed']);
    const onSql = await compiledSql(on.metricQuery);
    expect(onSql).toMatch(/"customers"[\s\S]*'EMEA'/);
    expect(on.appliedDashboardFilters.dimensions).toEqual([
      expect.objectContaining({ target: { fieldId: 'orders_status', tableName: 'orders' } }),
      expect.objectContaining({ target: { fieldId: 'customers_region', tableName: 'customers' } }),
    ]);
  });

  it('leaves out filters on fields the tile’s explore does not have', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    const filters = { ...noFilters, dimensions: [rule('web_events_page', ['/home'])] };
    const body = results<TileResults>(await runTile(chart.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters }));
    expect(body.appliedDashboardFilters.dimensions).toEqual([]);
    expect(new Set(statuses(body)).size).toBeGreaterThan(2);
  });

  it('applies the dashboard’s sorts and date zoom', async () => {
    const byMonth = await bed.chartIn(bed.publicSpace, {
      name: 'Orders by month',
      metricQuery: { ...ordersByStatus, dimensions: ['orders_order_date_month'], sorts: [{ fieldId: 'orders_order_date_month', descending: false }] },
    });
    const d = await dashboardWith([chartTile(byMonth.uuid)]);
    const sorts = [{ fieldId: 'orders_order_date_month', descending: true }];
    const body = results<TileResults>(await runTile(byMonth.uuid, { dashboardUuid: d.uuid, dashboardSorts: sorts, granularity: 'Year' }));
    expect(body.metricQuery.sorts).toEqual(sorts);
    const years = body.rows.map((r) => String(r.orders_order_date_month!.value.raw).slice(5, 10));
    expect(new Set(years)).toEqual(new Set(['01-01']));
    const raws = body.rows.map((r) => String(r.orders_order_date_month!.value.raw));
    expect(raws).toEqual([...raws].sort().reverse());
  });

  it('ignores the date zoom when the dashboard disables it', async () => {
    const byMonth = await bed.chartIn(bed.publicSpace, { name: 'Monthly', metricQuery: { ...ordersByStatus, dimensions: ['orders_order_date_month'], sorts: [] } });
    const d = await dashboardWith([chartTile(byMonth.uuid)], { config: { isDateZoomDisabled: true } });
    const res = await runTile(byMonth.uuid, { dashboardUuid: d.uuid, granularity: 'Year' });
    expect(res.statusCode, res.body).toBe(200);
    const body = results<TileResults>(res);
    expect(body.rows.length).toBeGreaterThan(12);
  });

  it('refuses a required filter without a value (400)', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    const filters = { ...noFilters, dimensions: [rule('orders_status', [], { required: true, disabled: true, label: 'Status' })] };
    const res = await runTile(chart.uuid, { dashboardUuid: d.uuid, dashboardFilters: filters });
    expectError(res, 400, 'ParameterError');
    expect(res.json().error.message).toMatch(/"Status" is required/);
  });

  it('refuses a tileUuid that does not show the chart (400)', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    expectError(await runTile(chart.uuid, { dashboardUuid: d.uuid, tileUuid: randomUUID() }), 400);
  });

  it('answers 404 for an unknown chart or dashboard, 422 for a malformed body', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    expectError(await runTile(randomUUID(), { dashboardUuid: d.uuid }), 404);
    expectError(await runTile(chart.uuid, { dashboardUuid: randomUUID() }), 404);
    expectError(await bed.request('POST', `/api/v1/saved/${chart.uuid}/chart-and-results`, bed.admin, { dashboardUuid: d.uuid }), 422);
  });

  it('viewers run tiles; a private dashboard or chart they cannot see is 403; another organization 403', async () => {
    const d = await dashboardWith([chartTile(chart.uuid)]);
    expect((await runTile(chart.uuid, { dashboardUuid: d.uuid }, bed.viewer)).statusCode).toBe(200);

    const hidden = await bed.createDashboard(dashboardBody(bed.privateSpace, { tiles: [chartTile(chart.uuid)] }));
    expectError(await runTile(chart.uuid, { dashboardUuid: hidden.uuid }, bed.viewer), 403, 'ForbiddenError');
    const privateChart = await bed.chartIn(bed.privateSpace, { name: 'Secret chart' });
    expectError(await runTile(privateChart.uuid, { dashboardUuid: d.uuid }, bed.viewer), 403, 'ForbiddenError');
    expectError(await runTile(chart.uuid, { dashboardUuid: d.uuid }, bed.outsider), 403, 'ForbiddenError');
  });

  it('refuses a dashboard of another project (400)', async () => {
    const other = await bed.createProject({ name: 'Elsewhere', dbt: false });
    const space = await insertSpace(bed.server.store.db, other, { name: 'There' });
    const elsewhere = results<Dashboard>(
      await bed.request('POST', `/api/v1/projects/${other}/dashboards`, bed.admin, dashboardBody(space, { tiles: [] })),
    );
    expectError(await runTile(chart.uuid, { dashboardUuid: elsewhere.uuid }), 400, 'ParameterError');
  });
});

describe('dashboard tiles and charts', () => {
  it('a chart saved in the dashboard runs as its tile', async () => {
    const d = await dashboardWith([]);
    const owned = await bed.createChart(chartBody({ name: 'Inside', dashboardUuid: d.uuid, spaceUuid: null }));
    const tile = chartTile(owned.uuid);
    await bed.request('PATCH', `/api/v1/dashboards/${d.uuid}`, bed.admin, { tiles: [tile] });
    const filters = { ...noFilters, dimensions: [rule('orders_status', ['pending'])] };
    const body = results<TileResults>(await runTile(owned.uuid, { dashboardUuid: d.slug, dashboardFilters: filters }, bed.viewer));
    expect(statuses(body)).toEqual(['pending']);
  });
});
