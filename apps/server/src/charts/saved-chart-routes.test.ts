import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec, expectSpecSchema } from '../testing/spec.js';
import { barChart, chartBody, createChartTestBed, ordersByStatus, type ChartTestBed, type SavedChart } from './chart-test-setup.js';

let bed: ChartTestBed;

beforeAll(async () => {
  bed = await createChartTestBed();
}, 120_000);
afterAll(() => bed.close());

const saved = () => `/api/v1/projects/${bed.projectUuid}/saved`;
const chartUrl = (uuidOrSlug: string) => `/api/v1/saved/${uuidOrSlug}`;

const insertDashboard = async (spaceUuid: string, name = 'Operations') => {
  const dashboardUuid = randomUUID();
  await bed.server.store.db
    .insertInto('dashboards')
    .values({
      dashboard_uuid: dashboardUuid,
      project_uuid: bed.projectUuid,
      space_uuid: spaceUuid,
      name,
      slug: `dashboard-${dashboardUuid}`,
      filters: JSON.stringify({ dimensions: [], metrics: [], tableCalculations: [] }),
      tabs: '[]',
    })
    .execute();
  return dashboardUuid;
};

describe('CreateSavedChart', () => {
  it('saves a chart in a space and answers the SavedChart', async () => {
    const res = await bed.request('POST', saved(), bed.admin, chartBody({ spaceUuid: bed.publicSpace }));
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'SavedChart');
    const chart = res.json().results;
    expect(chart).toMatchObject({
      name: 'Orders by status',
      description: 'How many orders in each status',
      tableName: 'orders',
      projectUuid: bed.projectUuid,
      organizationUuid: bed.organizationUuid,
      spaceUuid: bed.publicSpace,
      spaceName: 'Shared',
      dashboardUuid: null,
      dashboardName: null,
      isPrivate: false,
      pinnedListUuid: null,
      metricQuery: ordersByStatus,
      chartConfig: barChart,
      tableConfig: { columnOrder: ['orders_status', 'orders_order_count', 'orders_total_revenue'] },
      updatedByUser: { userUuid: bed.admin.userUuid },
    });
    expect(chart.slug).toMatch(/^orders-by-status(-\d+)?$/);
    expect(chart.colorPalette.length).toBeGreaterThan(0);
    expect(chart.access).toEqual([expect.objectContaining({ userUuid: bed.admin.userUuid, role: 'admin', hasDirectAccess: false })]);
    expect(chart).not.toHaveProperty('pivotConfig');
  });

  it('without a space, saves in the first space the user may edit', async () => {
    // The editor may edit the public space only (the private one is shared with nobody).
    const chart = await bed.createChart(chartBody({ name: 'Placed' }), bed.editor);
    expect(chart.spaceUuid).toBe(bed.publicSpace);
  });

  it('in a dashboard: the chart belongs to it and takes its space', async () => {
    const dashboardUuid = await insertDashboard(bed.publicSpace);
    const res = await bed.request('POST', saved(), bed.editor, chartBody({ name: 'Tile chart', dashboardUuid, spaceUuid: null }));
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'SavedChart');
    expect(res.json().results).toMatchObject({ dashboardUuid, dashboardName: 'Operations', spaceUuid: bed.publicSpace, spaceName: 'Shared' });
    const stored = await bed.server.store.db.selectFrom('saved_queries').select(['space_uuid', 'dashboard_uuid']).where('saved_query_uuid', '=', res.json().results.uuid).executeTakeFirstOrThrow();
    expect(stored).toEqual({ space_uuid: null, dashboard_uuid: dashboardUuid });
  });

  it('gives slugs unique in the project, suffixed on a clash, and keeps them on rename', async () => {
    const name = 'Revenue — by Region!';
    const first = await bed.createChart(chartBody({ name, spaceUuid: bed.publicSpace }));
    const second = await bed.createChart(chartBody({ name, spaceUuid: bed.publicSpace }));
    const third = await bed.createChart(chartBody({ name, spaceUuid: bed.publicSpace }));
    expect([first.slug, second.slug, third.slug]).toEqual(['revenue-by-region', 'revenue-by-region-1', 'revenue-by-region-2']);

    const otherProject = await bed.createProject({ name: 'Other', dbt: false });
    const otherSpace = await bed.space({ projectUuid: otherProject });
    const elsewhere = await bed.createChart(chartBody({ name, spaceUuid: otherSpace }), bed.admin, otherProject);
    expect(elsewhere.slug).toBe('revenue-by-region');

    const renamed = await bed.request('PATCH', chartUrl(second.uuid), bed.admin, { name: 'Something else' });
    expect(renamed.json().results.slug).toBe('revenue-by-region-1');
  });

  it('refuses bad bodies with 4xx naming the problem', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [chartBody({ spaceUuid: bed.publicSpace, name: undefined }), 422, /name/],
      [chartBody({ spaceUuid: bed.publicSpace, name: '   ' }), 422, /name/],
      [chartBody({ spaceUuid: bed.publicSpace, chartConfig: { type: 'radar' } }), 422, /chartConfig/],
      [chartBody({ spaceUuid: bed.publicSpace, chartConfig: { type: 'cartesian', config: { layout: {} } } }), 422, /eChartsConfig/],
      [
        chartBody({ spaceUuid: bed.publicSpace, chartConfig: { type: 'cartesian', config: { layout: {}, eChartsConfig: { series: [{ type: 'donut', encode: {} }] } } } }),
        422,
        /series/,
      ],
      [chartBody({ spaceUuid: bed.publicSpace, chartConfig: { type: 'pie', config: { valueLabel: 'everywhere' } } }), 422, /valueLabel/],
      [chartBody({ spaceUuid: bed.publicSpace, tableConfig: undefined }), 422, /tableConfig/],
      [chartBody({ spaceUuid: bed.publicSpace, metricQuery: { exploreName: 'orders' } }), 422, /metricQuery/],
      [chartBody({ spaceUuid: bed.publicSpace, dashboardUuid: randomUUID() }), 422, /not both/],
      [chartBody({ spaceUuid: 'not-a-uuid' }), 422, /spaceUuid/],
    ];
    for (const [body, status, message] of cases) {
      const res = await bed.request('POST', saved(), bed.admin, body);
      expectError(res, status);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('refuses a home it cannot use: unknown space or dashboard 404, another project’s space 400', async () => {
    expectError(await bed.request('POST', saved(), bed.admin, chartBody({ spaceUuid: randomUUID() })), 404, 'NotFoundError');
    expectError(await bed.request('POST', saved(), bed.admin, chartBody({ dashboardUuid: randomUUID() })), 404, 'NotFoundError');
    const otherProject = await bed.createProject({ name: 'Third', dbt: false });
    const foreign = await bed.space({ projectUuid: otherProject });
    const res = await bed.request('POST', saved(), bed.admin, chartBody({ spaceUuid: foreign }));
    expectError(res, 400, 'ParameterError');
    expect(res.json().error.message).toMatch(/not in project/);
    expectError(await bed.request('POST', `/api/v1/projects/${randomUUID()}/saved`, bed.admin, chartBody({ spaceUuid: bed.publicSpace })), 404, 'NotFoundError');
  });
});

describe('chart types round trip', () => {
  // Keys a newer client sends (and their order) come back exactly.
  const CONFIGS: Record<string, unknown>[] = [
    {
      type: 'cartesian',
      config: {
        layout: { xField: 'orders_status', yField: ['orders_order_count', 'orders_total_revenue'], flipAxes: true, showGridX: false, stack: 'total' },
        eChartsConfig: {
          series: [
            { encode: { xRef: { field: 'orders_status' }, yRef: { field: 'orders_order_count', pivotValues: [{ field: 'orders_channel', value: 'web' }] } }, type: 'bar', stack: 's', label: { show: true, position: 'top' } },
            { type: 'line', areaStyle: {}, encode: { xRef: { field: 'orders_status' }, yRef: { field: 'orders_total_revenue' } }, yAxisIndex: 1, smooth: true, markLine: { data: [{ uuid: 'm1', yAxis: '100', name: 'goal' }], lineStyle: { color: '#f00', width: 2, type: 'dashed' } } },
          ],
          xAxis: [{ name: 'Status', rotate: 45, sortType: 'bar_totals', enableDataZoom: true }],
          yAxis: [{ name: 'Orders', min: '0' }, { name: 'Revenue' }],
          legend: { show: true, type: 'scroll', orient: 'vertical' },
          grid: { containLabel: true, top: '10%' },
          tooltipSort: 'value_descending',
        },
        metadata: { orders_order_count: { color: '#5470c6' } },
        zSomethingNewer: { nested: [1, 'two', null] },
      },
    },
    {
      type: 'table',
      config: {
        showColumnCalculation: true,
        showTableNames: false,
        hideRowNumbers: true,
        metricsAsRows: false,
        columns: { orders_status: { visible: true, name: 'Status', frozen: true }, orders_order_count: { displayStyle: 'bar', color: '#00f', width: 120 } },
        conditionalFormattings: [
          { target: { fieldId: 'orders_order_count' }, color: '#ff0000', rules: [{ id: 'r', operator: 'greaterThan', values: [10] }] },
          { target: null, color: { start: '#fff', end: '#f00', steps: 5 }, rule: { min: 0, max: 100 } },
        ],
      },
    },
    { type: 'big_number', config: { label: 'Orders', style: 'K', selectedField: 'orders_order_count', showBigNumberLabel: true, showComparison: true, comparisonFormat: 'percentage', flipColors: false, comparisonLabel: 'vs last' } },
    {
      type: 'pie',
      config: {
        groupFieldIds: ['orders_status'],
        metricId: 'orders_order_count',
        isDonut: true,
        valueLabel: 'outside',
        showValue: true,
        showPercentage: false,
        groupLabelOverrides: { completed: 'Done' },
        groupColorOverrides: { completed: '#0f0' },
        groupValueOptionOverrides: { completed: { valueLabel: 'inside' } },
        groupSortOverrides: ['placed', 'completed'],
        showLegend: true,
        legendPosition: 'vertical',
      },
    },
    { type: 'funnel', config: { dataInput: 'row', fieldId: 'orders_order_count', labelOverrides: { a: 'A' }, colorOverrides: { a: '#123' }, labels: { position: 'inside', showValue: true, showPercentage: true }, showLegend: false, legendPosition: 'horizontal' } },
    { type: 'custom', config: { spec: { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'bar', encoding: { x: { field: 'orders_status', type: 'nominal' } } } } },
    { type: 'big_number' },
  ];
  // Newer chart types the 0.1411 ChartType enum does not list: stored and returned, not spec-checked.
  const NEWER: Record<string, unknown>[] = [
    { type: 'treemap', config: { groupFieldIds: ['orders_status'], sizeMetricId: 'orders_order_count', startColor: '#fff' } },
    { type: 'gauge', config: { selectedField: 'orders_order_count', min: 0, max: 100, sections: [{ min: 0, max: 50, color: '#f00' }] } },
  ];

  it('stores every 0.1411 chart type exactly as sent, key order included', async () => {
    for (const chartConfig of CONFIGS) {
      const created = await bed.request('POST', saved(), bed.admin, chartBody({ name: `Type ${chartConfig.type as string}`, spaceUuid: bed.publicSpace, chartConfig }));
      expect(created.statusCode, created.body).toBe(200);
      expectSpecSchema(created, 'SavedChart');
      const read = await bed.request('GET', chartUrl(created.json().results.uuid), bed.viewer);
      expectSpecSchema(read, 'SavedChart');
      expect(JSON.stringify(read.json().results.chartConfig)).toBe(JSON.stringify(chartConfig));
    }
  });

  it('stores the newer chart types too, and the pivot config', async () => {
    for (const chartConfig of NEWER) {
      const chart = await bed.createChart(chartBody({ name: `Type ${chartConfig.type as string}`, spaceUuid: bed.publicSpace, chartConfig, pivotConfig: { columns: ['orders_channel'] } }));
      const read = (await bed.request('GET', chartUrl(chart.uuid), bed.viewer)).json().results;
      expect(JSON.stringify(read.chartConfig)).toBe(JSON.stringify(chartConfig));
      expect(read.pivotConfig).toEqual({ columns: ['orders_channel'] });
    }
  });

  it('lists each chart’s kind and type', async () => {
    const res = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/chart-summaries`, bed.admin);
    const kinds = Object.fromEntries((res.json().results as { name: string; chartKind: string }[]).map((c) => [c.name, c.chartKind]));
    expect(kinds).toMatchObject({
      'Type cartesian': 'mixed',
      'Type table': 'table',
      'Type big_number': 'big_number',
      'Type pie': 'pie',
      'Type funnel': 'funnel',
      'Type custom': 'custom',
      'Orders by status': 'vertical_bar',
    });
    // 0.1411 clients know only its kinds: a newer chart is listed without one.
    const treemap = (res.json().results as { name: string }[]).find((c) => c.name === 'Type treemap');
    expect(treemap).toBeDefined();
    expect(treemap).not.toHaveProperty('chartKind');
    expect(treemap).not.toHaveProperty('chartType');
  });
});

describe('GetSavedChart', () => {
  let chart: SavedChart;
  beforeAll(async () => {
    chart = await bed.createChart(chartBody({ name: 'Lookup target', spaceUuid: bed.publicSpace }));
  });

  it('finds a chart by uuid or by slug, and counts the views', async () => {
    const byUuid = await bed.request('GET', chartUrl(chart.uuid), bed.viewer);
    expectSpecSchema(byUuid, 'SavedChart');
    const bySlug = await bed.request('GET', chartUrl(chart.slug), bed.viewer);
    expectSpecSchema(bySlug, 'SavedChart');
    expect(bySlug.json().results).toEqual(byUuid.json().results);
    const views = await bed.server.store.db.selectFrom('saved_queries').select('views_count').where('saved_query_uuid', '=', chart.uuid).executeTakeFirstOrThrow();
    expect(views.views_count).toBe(2);
  });

  it('answers 404 for an unknown uuid or slug', async () => {
    expectError(await bed.request('GET', chartUrl(randomUUID()), bed.admin), 404, 'NotFoundError');
    expectError(await bed.request('GET', chartUrl('no-such-chart'), bed.admin), 404, 'NotFoundError');
  });
});

describe('UpdateSavedChart', () => {
  it('changes the description and keeps the rest', async () => {
    const chart = await bed.createChart(chartBody({ name: 'To describe', spaceUuid: bed.publicSpace }));
    bed.server.clock.advance(1000);
    const res = await bed.request('PATCH', chartUrl(chart.uuid), bed.editor, { description: 'Now described' });
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'SavedChart');
    const updated = res.json().results;
    expect(updated).toMatchObject({ name: 'To describe', description: 'Now described', dashboardUuid: null, updatedByUser: { userUuid: bed.editor.userUuid } });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(chart.updatedAt as string));
    const cleared = await bed.request('PATCH', chartUrl(chart.uuid), bed.editor, { description: null });
    expect(cleared.json().results).not.toHaveProperty('description');
  });

  it('moves a chart to another space of its project', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Mover', spaceUuid: bed.publicSpace }));
    const target = await bed.space({ name: 'Archive' });
    const res = await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { spaceUuid: target });
    expect(res.json().results).toMatchObject({ spaceUuid: target, spaceName: 'Archive' });
    const otherProject = await bed.createProject({ name: 'Fourth', dbt: false });
    expectError(await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { spaceUuid: await bed.space({ projectUuid: otherProject }) }), 400, 'ParameterError');
    expectError(await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { spaceUuid: randomUUID() }), 404, 'NotFoundError');
  });

  it('keeps a dashboard’s chart in its dashboard: details change, the space does not', async () => {
    const dashboardUuid = await insertDashboard(bed.publicSpace, 'Board of charts');
    const chart = await bed.createChart(chartBody({ name: 'Owned', dashboardUuid }));
    const res = await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { description: 'still owned' });
    expect(res.json().results).toMatchObject({ dashboardUuid, dashboardName: 'Board of charts', name: 'Owned' });
    const move = await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { spaceUuid: bed.privateSpace });
    expectError(move, 400, 'ParameterError');
    expect(move.json().error.message).toMatch(/moves with it/);
  });

  it('refuses content keys: they are a new version', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Content via patch', spaceUuid: bed.publicSpace }));
    const res = await bed.request('PATCH', chartUrl(chart.uuid), bed.admin, { name: 'x', metricQuery: ordersByStatus });
    expectError(res, 422, 'ValidateError');
    expect(res.json().error.message).toMatch(/\/version/);
  });

  it('answers 404 for an unknown chart', async () => {
    expectError(await bed.request('PATCH', chartUrl(randomUUID()), bed.admin, { name: 'x' }), 404, 'NotFoundError');
  });
});

describe('UpdateMultipleSavedCharts (PATCH /projects/{p}/saved)', () => {
  it('renames and moves several charts in one request', async () => {
    const a = await bed.createChart(chartBody({ name: 'Bulk A', spaceUuid: bed.publicSpace }));
    const b = await bed.createChart(chartBody({ name: 'Bulk B', spaceUuid: bed.publicSpace }));
    const target = await bed.space({ name: 'Bulk target' });
    const res = await bed.request('PATCH', saved(), bed.editor, [
      { uuid: a.uuid, name: 'Bulk A2', description: 'renamed', spaceUuid: bed.publicSpace },
      { uuid: b.uuid, name: 'Bulk B', spaceUuid: target },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'SavedChart', { array: true });
    expect(res.json().results).toMatchObject([
      { uuid: a.uuid, name: 'Bulk A2', description: 'renamed', spaceUuid: bed.publicSpace },
      { uuid: b.uuid, spaceUuid: target, spaceName: 'Bulk target' },
    ]);
  });

  it('changes nothing when one chart may not be changed (403)', async () => {
    const mine = await bed.createChart(chartBody({ name: 'Bulk mine', spaceUuid: bed.publicSpace }));
    const hidden = await bed.createChart(chartBody({ name: 'Bulk hidden', spaceUuid: bed.privateSpace }));
    const res = await bed.request('PATCH', saved(), bed.editor, [{ uuid: mine.uuid, name: 'Changed?' }, { uuid: hidden.uuid, name: 'Changed?' }]);
    expectError(res, 403, 'ForbiddenError');
    expect((await bed.request('GET', chartUrl(mine.uuid), bed.editor)).json().results.name).toBe('Bulk mine');
    expectError(await bed.request('PATCH', saved(), bed.editor, []), 422, 'ValidateError');
  });
});

describe('CreateSavedChartVersion', () => {
  it('saves new content as the latest version', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Versioned', spaceUuid: bed.publicSpace }));
    const query = { ...ordersByStatus, limit: 3 };
    const pie = { type: 'pie', config: { groupFieldIds: ['orders_status'], metricId: 'orders_order_count' } };
    const res = await bed.request('POST', `${chartUrl(chart.uuid)}/version`, bed.editor, {
      tableName: 'orders',
      metricQuery: query,
      chartConfig: pie,
      tableConfig: { columnOrder: ['orders_status'] },
      pivotConfig: { columns: [] },
      description: 'Now a pie',
    });
    expect(res.statusCode, res.body).toBe(200);
    expectSpecSchema(res, 'SavedChart');
    expect(res.json().results).toMatchObject({ metricQuery: query, chartConfig: pie, description: 'Now a pie', name: 'Versioned', slug: chart.slug });
    const read = (await bed.request('GET', chartUrl(chart.uuid), bed.viewer)).json().results;
    expect(read.chartConfig).toEqual(pie);
  });

  it('refuses a bad version body (422) and an unknown chart (404)', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Bad version', spaceUuid: bed.publicSpace }));
    expectError(await bed.request('POST', `${chartUrl(chart.uuid)}/version`, bed.admin, { tableName: 'orders' }), 422, 'ValidateError');
    expectError(await bed.request('POST', `${chartUrl(randomUUID())}/version`, bed.admin, chartBody()), 404, 'NotFoundError');
  });
});

describe('DeleteSavedChart', () => {
  it('deletes a chart with its versions', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Doomed', spaceUuid: bed.publicSpace }));
    const res = await bed.request('DELETE', chartUrl(chart.uuid), bed.editor);
    expect(res.statusCode, res.body).toBe(200);
    // The anchor's ApiSuccessEmpty (no spec operation lists this route).
    expect(res.json()).toEqual({ status: 'ok' });
    expectError(await bed.request('GET', chartUrl(chart.uuid), bed.admin), 404, 'NotFoundError');
    const versions = await bed.server.store.db.selectFrom('saved_query_versions').select('saved_query_version_uuid').where('saved_query_uuid', '=', chart.uuid).execute();
    expect(versions).toEqual([]);
    expectError(await bed.request('DELETE', chartUrl(chart.uuid), bed.editor), 404, 'NotFoundError');
  });

  it('charts die with their space', async () => {
    const space = await bed.space({ name: 'Short-lived' });
    const chart = await bed.createChart(chartBody({ name: 'In a short-lived space', spaceUuid: space }));
    await bed.server.store.db.deleteFrom('spaces').where('space_uuid', '=', space).execute();
    expectError(await bed.request('GET', chartUrl(chart.uuid), bed.admin), 404, 'NotFoundError');
  });
});

describe('ListChartsInProject and ListChartSummariesInProject', () => {
  let inSpace: SavedChart;
  let inDashboard: SavedChart;
  beforeAll(async () => {
    inSpace = await bed.createChart(chartBody({ name: 'Listed in space', spaceUuid: bed.publicSpace }));
    inDashboard = await bed.createChart(chartBody({ name: 'Listed in dashboard', dashboardUuid: await insertDashboard(bed.publicSpace) }));
  });

  it('ListChartsInProject leaves out charts saved in dashboards', async () => {
    const res = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/charts`, bed.viewer);
    expectSpec(res, 'ListChartsInProject');
    const charts = res.json().results as { uuid: string }[];
    expect(charts.map((c) => c.uuid)).toContain(inSpace.uuid);
    expect(charts.map((c) => c.uuid)).not.toContain(inDashboard.uuid);
    expect(charts.find((c) => c.uuid === inSpace.uuid)).toMatchObject({
      spaceName: 'Shared',
      chartKind: 'vertical_bar',
      chartType: 'cartesian',
      dashboardUuid: null,
      source: 'dbt_explore',
      views: 0,
      firstViewedAt: null,
      pinnedListOrder: null,
    });
  });

  it('ListChartSummariesInProject lists dashboard charts unless excluded', async () => {
    const all = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/chart-summaries`, bed.viewer);
    expectSpec(all, 'ListChartSummariesInProject');
    const summary = (all.json().results as { uuid: string }[]).find((c) => c.uuid === inDashboard.uuid);
    expect(summary).toMatchObject({ dashboardUuid: inDashboard.dashboardUuid, spaceUuid: bed.publicSpace, dashboardName: 'Operations' });
    const excluded = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/chart-summaries?excludeChartsSavedInDashboard=true`, bed.viewer);
    expectSpec(excluded, 'ListChartSummariesInProject');
    expect((excluded.json().results as { uuid: string }[]).map((c) => c.uuid)).not.toContain(inDashboard.uuid);
  });

  it('answers 404 for an unknown project and 422 for a malformed one', async () => {
    expectError(await bed.request('GET', `/api/v1/projects/${randomUUID()}/charts`, bed.admin), 404, 'NotFoundError');
    expectError(await bed.request('GET', `/api/v1/projects/nope/chart-summaries`, bed.admin), 422, 'ValidateError');
  });
});
