import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { chartBody, createChartTestBed, ordersByStatus, type ChartTestBed, type SavedChart } from './chart-test-setup.js';

let bed: ChartTestBed;

beforeAll(async () => {
  bed = await createChartTestBed();
}, 120_000);
afterAll(() => bed.close());

const DAY_MS = 24 * 60 * 60_000;
/** Personal access tokens here: sessions expire when the clock moves a month. */
const token = (user: TestUser) => ({ apiKey: user.apiKey });
const base = (chart: SavedChart) => `/api/v1/saved/${chart.uuid}`;
type Summary = { chartUuid: string; versionUuid: string; createdAt: string; createdBy: { userUuid: string } | null };

const historyOf = async (chart: SavedChart): Promise<Summary[]> => {
  const res = await bed.request('GET', `${base(chart)}/history`, token(bed.viewer));
  expectSpec(res, 'GetChartHistory');
  return res.json().results.history;
};

const tableChart = { type: 'table', config: { showTableNames: true, columns: { orders_status: { name: 'Status' } } } };
const threeRows = { ...ordersByStatus, limit: 3 };

describe('version history and rollback', () => {
  let chart: SavedChart;
  let first: Summary;
  let second: Summary;

  beforeAll(async () => {
    chart = await bed.createChart(chartBody({ name: 'History', spaceUuid: bed.publicSpace }));
  });

  it('starts with one version, by its creator', async () => {
    const history = await historyOf(chart);
    expect(history).toHaveLength(1);
    first = history[0]!;
    expect(first).toMatchObject({ chartUuid: chart.uuid, createdBy: { userUuid: bed.admin.userUuid } });
  });

  it('adds a version on each content change, newest first', async () => {
    bed.server.clock.advance(60_000);
    const res = await bed.request('POST', `${base(chart)}/version`, bed.editor, chartBody({ metricQuery: threeRows, chartConfig: tableChart }));
    expect(res.statusCode, res.body).toBe(200);
    const history = await historyOf(chart);
    expect(history).toHaveLength(2);
    second = history[0]!;
    expect(second.createdBy?.userUuid).toBe(bed.editor.userUuid);
    expect(history[1]).toEqual(first);
    expect(Date.parse(second.createdAt)).toBeGreaterThan(Date.parse(first.createdAt));
    // A details change is not a version.
    await bed.request('PATCH', base(chart), bed.editor, { name: 'History (renamed)' });
    expect(await historyOf(chart)).toHaveLength(2);
  });

  it('GetChartVersion shows the chart as it was saved then', async () => {
    const old = await bed.request('GET', `${base(chart)}/version/${first.versionUuid}`, bed.viewer);
    expectSpec(old, 'GetChartVersion');
    expect(old.json().results).toMatchObject({
      chartUuid: chart.uuid,
      versionUuid: first.versionUuid,
      createdBy: { userUuid: bed.admin.userUuid },
      chart: { uuid: chart.uuid, name: 'History (renamed)', metricQuery: ordersByStatus, chartConfig: chart.chartConfig },
    });
    const latest = await bed.request('GET', `${base(chart)}/version/${second.versionUuid}`, bed.viewer);
    expectSpec(latest, 'GetChartVersion');
    expect(latest.json().results.chart).toMatchObject({ metricQuery: threeRows, chartConfig: tableChart });
  });

  it('getChartVersionResults runs that version’s query', async () => {
    const old = await bed.request('POST', `${base(chart)}/version/${first.versionUuid}/results`, bed.viewer);
    expectSpec(old, 'getChartVersionResults');
    const latest = await bed.request('POST', `${base(chart)}/version/${second.versionUuid}/results`, bed.viewer);
    expectSpec(latest, 'getChartVersionResults');
    expect(latest.json().results.rows).toHaveLength(3);
    expect(old.json().results.rows.length).toBeGreaterThan(3);
    expect(old.json().results.metricQuery.limit).toBe(500);
  });

  it('rollback saves the old content as a new version; nothing is lost', async () => {
    bed.server.clock.advance(60_000);
    const res = await bed.request('POST', `${base(chart)}/rollback/${first.versionUuid}`, bed.editor);
    expectSpec(res, 'postChartVersionRollback');
    const current = (await bed.request('GET', base(chart), bed.viewer)).json().results;
    expect(current.metricQuery).toEqual(ordersByStatus);
    expect(JSON.stringify(current.chartConfig)).toBe(JSON.stringify(chart.chartConfig));
    expect(current.tableConfig).toEqual(chart.tableConfig);
    const history = await historyOf(chart);
    expect(history.map((h) => h.versionUuid).slice(1)).toEqual([second.versionUuid, first.versionUuid]);
    expect(history[0]!.createdBy?.userUuid).toBe(bed.editor.userUuid);
    // Rolling forward again restores the table chart.
    await bed.request('POST', `${base(chart)}/rollback/${second.versionUuid}`, bed.editor);
    expect((await bed.request('GET', base(chart), bed.viewer)).json().results.chartConfig).toEqual(tableChart);
  });

  it('looks back 30 days, always listing the latest version', async () => {
    bed.server.clock.advance(31 * DAY_MS);
    const history = await historyOf(chart);
    expect(history).toHaveLength(1);
    await bed.request('POST', `${base(chart)}/version`, token(bed.admin), chartBody());
    const after = await historyOf(chart);
    expect(after).toHaveLength(1);
    expect(after[0]!.versionUuid).not.toBe(history[0]!.versionUuid);
    // Older versions stay readable by uuid.
    expectSpec(await bed.request('GET', `${base(chart)}/version/${first.versionUuid}`, token(bed.viewer)), 'GetChartVersion');
  });
});

describe('versions: not found and not allowed', () => {
  let chart: SavedChart;
  let other: SavedChart;
  let version: string;
  beforeAll(async () => {
    chart = await bed.createChart(chartBody({ name: 'Guarded history', spaceUuid: bed.publicSpace }), bed.admin);
    other = await bed.createChart(chartBody({ name: 'Other history', spaceUuid: bed.publicSpace }));
    version = (await historyOf(chart))[0]!.versionUuid;
  });

  it('answers 404 for an unknown chart or version, or another chart’s version', async () => {
    expectError(await bed.request('GET', `/api/v1/saved/${randomUUID()}/history`, token(bed.admin)), 404, 'NotFoundError');
    expectError(await bed.request('GET', `${base(chart)}/version/${randomUUID()}`, token(bed.admin)), 404, 'NotFoundError');
    expectError(await bed.request('GET', `${base(other)}/version/${version}`, token(bed.admin)), 404, 'NotFoundError');
    expectError(await bed.request('POST', `${base(other)}/version/${version}/results`, token(bed.admin)), 404, 'NotFoundError');
    expectError(await bed.request('POST', `${base(other)}/rollback/${version}`, token(bed.admin)), 404, 'NotFoundError');
    expectError(await bed.request('GET', `${base(chart)}/version/not-a-uuid`, token(bed.admin)), 422, 'ValidateError');
  });

  it('lets viewers read history but not roll back', async () => {
    for (const user of [bed.viewer, bed.interactiveViewer]) {
      expectSpec(await bed.request('GET', `${base(chart)}/history`, token(user)), 'GetChartHistory');
      const res = await bed.request('POST', `${base(chart)}/rollback/${version}`, token(user));
      expectError(res, 403, 'ForbiddenError');
      expectSpec(res, 'postChartVersionRollback');
    }
    expectError(await bed.request('GET', `${base(chart)}/history`, token(bed.outsider)), 403, 'ForbiddenError');
  });
});
