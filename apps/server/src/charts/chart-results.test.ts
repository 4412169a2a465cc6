import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricQuery } from '../query/query-test-setup.js';
import { expectError, expectSpec, expectSpecSchema } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { chartBody, createChartTestBed, type ChartTestBed, type SavedChart } from './chart-test-setup.js';

let bed: ChartTestBed;
let chart: SavedChart;
let tableChart: SavedChart;

beforeAll(async () => {
  bed = await createChartTestBed();
  chart = await bed.createChart(chartBody({ name: 'Orders by status', spaceUuid: bed.publicSpace }));
  tableChart = await bed.createChart(
    chartBody({
      name: 'Status table',
      spaceUuid: bed.publicSpace,
      chartConfig: { type: 'table', config: { showTableNames: false, columns: { orders_status: { name: 'Order status' }, orders_total_revenue: { visible: false } } } },
      tableConfig: { columnOrder: ['orders_order_count', 'orders_status', 'orders_total_revenue'] },
    }),
  );
}, 120_000);
afterAll(() => bed.close());

type Row = Record<string, { value: { raw: unknown; formatted: string } }>;
const url = (c: SavedChart, path: string) => `/api/v1/saved/${c.uuid}/${path}`;
const completed = { dimensions: [{ id: 'f1', target: { fieldId: 'orders_status', tableName: 'orders' }, operator: 'equals', values: ['completed'] }], metrics: [], tableCalculations: [] };

describe('PostChartResults', () => {
  it('runs the chart’s saved query and caches the result', async () => {
    const res = await bed.request('POST', url(chart, 'results'), bed.viewer, {});
    expectSpec(res, 'PostChartResults');
    const results = res.json().results;
    expect(results.metricQuery).toMatchObject({ exploreName: 'orders', dimensions: ['orders_status'] });
    expect(results.cacheMetadata.cacheHit).toBe(false);
    const statuses = (results.rows as Row[]).map((r) => r.orders_status!.value.raw);
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses).toEqual([...statuses].sort());

    const again = await bed.request('POST', url(chart, 'results'), bed.viewer, {});
    expect(again.json().results.cacheMetadata.cacheHit).toBe(true);
    const refreshed = await bed.request('POST', url(chart, 'results'), bed.viewer, { invalidateCache: true });
    expectSpec(refreshed, 'PostChartResults');
    expect(refreshed.json().results.cacheMetadata.cacheHit).toBe(false);
    expect(refreshed.json().results.metricQuery).not.toHaveProperty('invalidateCache');
  });

  it('applies the user’s row-level security (the demo’s payments explore filters by region)', async () => {
    const na = await bed.user('viewer');
    const emea = await bed.user('viewer');
    const nobody = await bed.user('viewer');
    const attribute = await bed.server.request('POST', '/api/v1/org/attributes', {
      as: bed.admin,
      body: { name: 'region', attributeDefault: null, users: [{ userUuid: na.userUuid, value: 'NA' }, { userUuid: emea.userUuid, value: 'EMEA' }], groups: [] },
    });
    expect(attribute.statusCode, attribute.body).toBe(200);
    const payments = await bed.createChart(
      chartBody({
        name: 'Payments by region',
        spaceUuid: bed.publicSpace,
        tableName: 'payments',
        metricQuery: metricQuery({ exploreName: 'payments', dimensions: ['payments_region'], metrics: ['payments_payment_count'] }),
        tableConfig: { columnOrder: [] },
      }),
    );
    const regions = async (user: TestUser) => {
      const res = await bed.request('POST', url(payments, 'results'), user, {});
      expectSpec(res, 'PostChartResults');
      return (res.json().results.rows as Row[]).map((r) => r.payments_region!.value.raw);
    };
    expect(await regions(na)).toEqual(['NA']);
    expect(await regions(emea)).toEqual(['EMEA']);
    expectError(await bed.request('POST', url(payments, 'results'), nobody, {}), 403, 'ForbiddenError');
  });

  it('answers 404 for an unknown chart and 403 to another organization', async () => {
    const unknown = await bed.request('POST', `/api/v1/saved/${randomUUID()}/results`, bed.admin, {});
    expectError(unknown, 404, 'NotFoundError');
    expectSpec(unknown, 'PostChartResults');
    expectError(await bed.request('POST', url(chart, 'results'), bed.outsider, {}), 403, 'ForbiddenError');
  });
});

describe('CalculateTotalFromSavedChart', () => {
  it('totals the chart’s metrics, under a dashboard’s filters when sent', async () => {
    const rows = (await bed.request('POST', url(chart, 'results'), bed.viewer, {})).json().results.rows as Row[];
    const count = (status?: string) =>
      rows.filter((r) => status === undefined || r.orders_status!.value.raw === status).reduce((sum, r) => sum + Number(r.orders_order_count!.value.raw), 0);

    const res = await bed.request('POST', url(chart, 'calculate-total'), bed.viewer, {});
    expectSpec(res, 'CalculateTotalFromSavedChart');
    expect(res.json().results.orders_order_count).toBe(count());

    const filtered = await bed.request('POST', url(chart, 'calculate-total'), bed.viewer, { dashboardFilters: completed });
    expectSpec(filtered, 'CalculateTotalFromSavedChart');
    expect(filtered.json().results.orders_order_count).toBe(count('completed'));
    expect(count('completed')).toBeLessThan(count());
  });

  it('refuses a malformed dashboard filter (422)', async () => {
    const res = await bed.request('POST', url(chart, 'calculate-total'), bed.viewer, { dashboardFilters: { dimensions: [{ id: 'x', operator: 'equals' }] } });
    expectError(res, 422, 'ValidateError');
    expectSpec(res, 'CalculateTotalFromSavedChart');
  });
});

describe('DownloadCsvFromSavedChart', () => {
  const finished = async (jobId: string, as: TestUser) => {
    for (let i = 0; i < 400; i++) {
      const status = (await bed.request('GET', `/api/v1/csv/${jobId}`, as)).json().results;
      if (status.status === 'completed' || status.status === 'error') return status as { url: string; status: string };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('export did not finish');
  };
  const exportCsv = async (c: SavedChart, body: object, as: TestUser = bed.viewer) => {
    const res = await bed.request('POST', url(c, 'downloadCsv'), as, body);
    expectSpec(res, 'DownloadCsvFromSavedChart');
    expect(res.statusCode, res.body).toBe(200);
    const status = await finished(res.json().results.jobId, as);
    expect(status.status).toBe('completed');
    return (await bed.request('GET', new URL(status.url).pathname, as)).body.trim().split(/\r?\n/);
  };

  it('exports the rows as the chart’s table shows them: order, labels, hidden columns', async () => {
    const lines = await exportCsv(tableChart, { onlyRaw: true, csvLimit: null, dashboardFilters: { dimensions: [], metrics: [], tableCalculations: [] } });
    expect(lines[0]).toBe('Orders,Order status');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((l) => /^\d+,\w+$/.test(l))).toBe(true);
  });

  it('applies a dashboard’s filters and the row limit', async () => {
    const lines = await exportCsv(tableChart, { onlyRaw: true, dashboardFilters: completed });
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/,completed$/);
    const limited = await exportCsv(chart, { onlyRaw: false, csvLimit: 2, dashboardFilters: { dimensions: [], metrics: [], tableCalculations: [] } });
    expect(limited.slice(1)).toHaveLength(2);
  });

  it('refuses a body without onlyRaw (422)', async () => {
    const res = await bed.request('POST', url(chart, 'downloadCsv'), bed.viewer, { dashboardFilters: {} });
    expectError(res, 422, 'ValidateError');
    expectSpec(res, 'DownloadCsvFromSavedChart');
  });
});

describe('available filters', () => {
  it('lists the visible dimensions of the chart’s explore', async () => {
    const res = await bed.request('GET', url(chart, 'availableFilters'), bed.viewer);
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'CompiledDimension', { array: true });
    const dimensions = res.json().results as { table: string; name: string; hidden: boolean; fieldType: string }[];
    expect(dimensions.map((d) => `${d.table}_${d.name}`)).toContain('orders_status');
    expect(dimensions.every((d) => d.fieldType === 'dimension' && !d.hidden)).toBe(true);
  });

  it('answers 404 for an unknown chart and 403 to another organization', async () => {
    expectError(await bed.request('GET', `/api/v1/saved/${randomUUID()}/availableFilters`, bed.viewer), 404, 'NotFoundError');
    expectError(await bed.request('GET', url(chart, 'availableFilters'), bed.outsider), 403, 'ForbiddenError');
  });
});
