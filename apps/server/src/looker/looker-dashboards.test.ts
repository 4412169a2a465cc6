import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { results } from '../dashboards/dashboard-test-setup.js';
import { createLookerTestBed, ordersQuery, type LookerTestBed } from './testing/looker-test-setup.js';
import { expectLookerSpec } from './testing/looker-spec.js';

let bed: LookerTestBed;
let adminToken: string;

type Element = { id: string; type: string; title: string | null; title_text: string | null; body_text: string | null; query: Record<string, unknown> | null };
type Dashboard = {
  id: string;
  title: string;
  description: string | null;
  space_id: string;
  hidden: boolean;
  deleted: boolean;
  background_color: string | null;
  refresh_interval: string | null;
  refresh_interval_to_i: number | null;
  dashboard_elements: Element[];
  dashboard_filters: { name: string; title: string; dimension: string; default_value: string | null; explore: string }[];
  dashboard_layouts: { dashboard_layout_components: { dashboard_element_id: string; row: number; column: number; width: number; height: number }[] }[];
};

beforeAll(async () => {
  bed = await createLookerTestBed();
  adminToken = await bed.token(bed.admin);
}, 120_000);
afterAll(() => bed.close());

const create = async (body: Record<string, unknown>, token = adminToken) => {
  const res = await bed.looker('POST', '/api/3.0/dashboards', token, body);
  expectLookerSpec(res, 'create_dashboard');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};

const salesBody = (over: Record<string, unknown> = {}) => ({
  title: 'Looker sales',
  description: 'Made through the Looker face',
  space_id: bed.publicSpace,
  background_color: '#ffffff',
  refresh_interval: '5 minutes',
  dashboard_elements: [
    { id: 'notes', type: 'text', title_text: 'Read me', body_text: '# Orders' },
    { id: 'by-status', type: 'looker_column', title: 'Orders by status', query: ordersQuery() },
  ],
  dashboard_layouts: [
    {
      active: true,
      dashboard_layout_components: [
        { dashboard_element_id: 'notes', row: 0, column: 0, width: 24, height: 2 },
        { dashboard_element_id: 'by-status', row: 2, column: 0, width: 12, height: 6 },
      ],
    },
  ],
  dashboard_filters: [{ name: 'status', title: 'Status', type: 'field_filter', explore: 'orders', dimension: 'orders.status', default_value: 'completed,shipped' }],
  ...over,
});

describe('create_dashboard and dashboard', () => {
  it('creates a Tessera dashboard: text elements as markdown tiles, queries as charts saved in it, layout as grid, filters', async () => {
    const created = await create(salesBody());
    expect(created).toMatchObject({ title: 'Looker sales', space_id: bed.publicSpace, background_color: '#ffffff', refresh_interval_to_i: 300, deleted: false });
    const [text, vis] = created.dashboard_elements;
    expect(text).toMatchObject({ type: 'text', title_text: 'Read me', body_text: '# Orders', query: null });
    expect(vis).toMatchObject({ type: 'vis', title: 'Orders by status' });
    expect(vis!.query).toMatchObject({
      model: 'Shop',
      view: 'orders',
      fields: ['orders.status', 'orders.order_count'],
      filters: { 'orders.status': '-cancelled' },
      sorts: ['orders.order_count desc'],
      limit: '50',
      vis_config: { type: 'looker_column' },
    });
    expect(created.dashboard_layouts[0]!.dashboard_layout_components).toEqual([
      expect.objectContaining({ dashboard_element_id: text!.id, row: 0, column: 0, width: 24, height: 2 }),
      expect.objectContaining({ dashboard_element_id: vis!.id, row: 2, column: 0, width: 12, height: 6 }),
    ]);
    expect(created.dashboard_filters).toEqual([expect.objectContaining({ name: 'status', title: 'Status', dimension: 'orders.status', default_value: 'completed,shipped', explore: 'orders' })]);

    // The same dashboard through API v1.
    const v1 = results<{ name: string; tiles: { uuid: string; type: string; x: number; w: number; properties: Record<string, unknown> }[]; filters: { dimensions: unknown[] } }>(
      await bed.request('GET', `/api/v1/dashboards/${created.id}`, bed.admin),
    );
    expect(v1.name).toBe('Looker sales');
    expect(v1.tiles.map((t) => [t.type, t.x, t.w])).toEqual([['markdown', 0, 36], ['saved_chart', 0, 18]]);
    expect(v1.filters.dimensions).toEqual([expect.objectContaining({ target: { fieldId: 'orders_status', tableName: 'orders' }, operator: 'equals', values: ['completed', 'shipped'] })]);
    const chart = results<{ dashboardUuid: string; metricQuery: { dimensions: string[]; metrics: string[]; limit: number; filters: { dimensions: { and: unknown[] } } } }>(
      await bed.request('GET', `/api/v1/saved/${v1.tiles[1]!.properties.savedChartUuid}`, bed.admin),
    );
    expect(chart.dashboardUuid).toBe(created.id);
    expect(chart.metricQuery).toMatchObject({ dimensions: ['orders_status'], metrics: ['orders_order_count'], limit: 50 });
    expect(chart.metricQuery.filters.dimensions.and).toEqual([expect.objectContaining({ target: { fieldId: 'orders_status' }, operator: 'notEquals', values: ['cancelled'] })]);

    const read = await bed.looker('GET', `/api/3.0/dashboards/${created.id}`, adminToken);
    expectLookerSpec(read, 'dashboard');
    expect((read.json() as Dashboard).dashboard_elements).toHaveLength(2);
  });

  it('keeps a slug given on create, and refuses one in use with a 409', async () => {
    const created = await create(salesBody({ title: 'Slugged', slug: 'my-own-slug', dashboard_elements: [], dashboard_filters: [] }));
    expect(created).toMatchObject({ slug: 'my-own-slug' });
    const clash = await bed.looker('POST', '/api/3.0/dashboards', adminToken, salesBody({ title: 'Another', slug: 'my-own-slug' }));
    expectLookerSpec(clash, 'create_dashboard');
    expect(clash.statusCode).toBe(409);
    expect((clash.json() as { message: string }).message).toContain('my-own-slug');
  });

  it('answers fields= with only the selected keys, nested too', async () => {
    const created = await create(salesBody({ title: 'Partial' }));
    const res = await bed.looker('GET', `/api/3.1/dashboards/${created.id}?fields=id,title,dashboard_elements(id,type)`, adminToken);
    expectLookerSpec(res, 'dashboard');
    expect(res.json()).toEqual({ id: created.id, title: 'Partial', dashboard_elements: created.dashboard_elements.map((e) => ({ id: e.id, type: e.type })) });
  });

  it('refuses what cannot be mapped with a 422 naming each field, and writes nothing', async () => {
    const before = results<unknown[]>(await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/dashboards`, bed.admin)).length;
    const res = await bed.looker('POST', '/api/3.0/dashboards', adminToken, salesBody({
      title: 'Broken',
      dashboard_elements: [
        { type: 'looker_line', query: ordersQuery({ fields: ['orders.status', 'orders.no_such_field'] }) },
        { type: 'looker_grid', query: ordersQuery({ filters: { 'orders.order_count': '(1,5)' } }) },
        { type: 'looker_grid', query: ordersQuery({ view: 'no_such_explore' }) },
        { type: 'looker_grid', query: ordersQuery({ model: 'Nope' }) },
        { type: 'looker_grid', query: ordersQuery({ dynamic_fields: '[{"table_calculation":"x"}]' }) },
      ],
      dashboard_filters: [],
    }));
    expectLookerSpec(res, 'create_dashboard');
    expect(res.statusCode).toBe(422);
    const { errors } = res.json() as { errors: { field: string; message: string }[] };
    expect(errors.map((e) => e.field)).toEqual([
      'dashboard_elements[0].query.fields[1]',
      'dashboard_elements[1].query.filters.orders.order_count',
      'dashboard_elements[2].query.view',
      'dashboard_elements[3].query.model',
      'dashboard_elements[4].query.dynamic_fields[0]',
    ]);
    expect(errors[0]!.message).toContain('orders.no_such_field');
    expect(errors[1]!.message).toContain('inclusive');
    expect(results<unknown[]>(await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/dashboards`, bed.admin))).toHaveLength(before);

    const noSpace = await bed.looker('POST', '/api/3.0/dashboards', adminToken, { title: 'Nowhere' });
    expectLookerSpec(noSpace, 'create_dashboard');
    expect((noSpace.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['space_id']);
  });

  it('follows the space policy of API v1: viewers cannot create, outsiders see nothing', async () => {
    const viewerToken = await bed.token(bed.viewer);
    const denied = await bed.looker('POST', '/api/3.0/dashboards', viewerToken, salesBody({ title: 'Viewer' }));
    expectLookerSpec(denied, 'create_dashboard');
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual({ message: expect.any(String), documentation_url: expect.any(String) });
    const created = await create(salesBody({ title: 'Private board', space_id: bed.privateSpace, dashboard_elements: [], dashboard_filters: [] }));
    const editorToken = await bed.token(bed.editor);
    const hidden = await bed.looker('GET', `/api/3.0/dashboards/${created.id}`, editorToken);
    expectLookerSpec(hidden, 'dashboard');
    expect(hidden.statusCode).toBe(404);
    expect((hidden.json() as { message: string }).message).toContain('permission');
    const outsiderToken = await bed.token(bed.outsider);
    const all = await bed.looker('GET', '/api/3.0/dashboards', outsiderToken);
    expectLookerSpec(all, 'all_dashboards');
    expect(all.json()).toEqual([]);
  });
});

describe('update_dashboard, soft delete and delete_dashboard', () => {
  it('updates settings and elements; an element keeps its chart (a new version)', async () => {
    const created = await create(salesBody({ title: 'To change' }));
    const vis = created.dashboard_elements[1]!;
    const res = await bed.looker('PATCH', `/api/3.0/dashboards/${created.id}`, adminToken, {
      ...created,
      title: 'Changed',
      hidden: true,
      title_color: '#112233',
      dashboard_elements: [{ ...vis, title: 'Top statuses', query: ordersQuery({ limit: '3', sorts: ['orders.status'] }) }],
    });
    expectLookerSpec(res, 'update_dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Dashboard & { title_color: string };
    expect(updated).toMatchObject({ title: 'Changed', hidden: true, title_color: '#112233', background_color: '#ffffff' });
    expect(updated.dashboard_elements).toEqual([expect.objectContaining({ id: vis.id, title: 'Top statuses', query: expect.objectContaining({ limit: '3', sorts: ['orders.status'] }) })]);
    const v1 = results<{ tiles: { properties: { savedChartUuid?: string } }[] }>(await bed.request('GET', `/api/v1/dashboards/${created.id}`, bed.admin));
    const history = results<{ history: unknown[] }>(await bed.request('GET', `/api/v1/saved/${v1.tiles[0]!.properties.savedChartUuid}/history`, bed.admin));
    expect(history.history).toHaveLength(2);
  });

  it('soft-deletes with deleted: true (found by deleted=true searches), then deletes for good', async () => {
    const created = await create(salesBody({ title: 'Trash me', dashboard_elements: [], dashboard_filters: [] }));
    const soft = await bed.looker('PATCH', `/api/3.0/dashboards/${created.id}`, adminToken, { deleted: true });
    expectLookerSpec(soft, 'update_dashboard');
    expect(soft.json()).toMatchObject({ deleted: true, deleted_at: expect.any(String) });
    const live = await bed.looker('GET', '/api/3.0/dashboards/search?title=Trash%25', adminToken);
    expectLookerSpec(live, 'search_dashboards');
    expect(live.json()).toEqual([]);
    const trash = await bed.looker('GET', '/api/3.0/dashboards/search?title=Trash%25&deleted=true&fields=id,deleted', adminToken);
    expect(trash.json()).toEqual([{ id: created.id, deleted: true }]);
    // API v1 lists it no more, and still reads it by uuid.
    const listed = results<{ uuid: string }[]>(await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/dashboards`, bed.admin));
    expect(listed.map((d) => d.uuid)).not.toContain(created.id);
    expect((await bed.request('GET', `/api/v1/dashboards/${created.id}`, bed.admin)).statusCode).toBe(200);
    const restored = await bed.looker('PATCH', `/api/3.0/dashboards/${created.id}`, adminToken, { deleted: false });
    expect(restored.json()).toMatchObject({ deleted: false, deleted_at: null });
    expect(results<{ uuid: string }[]>(await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/dashboards`, bed.admin)).map((d) => d.uuid)).toContain(created.id);
    const del = await bed.looker('DELETE', `/api/3.0/dashboards/${created.id}`, adminToken);
    expectLookerSpec(del, 'delete_dashboard');
    expect(del.statusCode).toBe(204);
    const gone = await bed.looker('GET', `/api/3.0/dashboards/${created.id}`, adminToken);
    expectLookerSpec(gone, 'dashboard');
    expect(gone.statusCode).toBe(404);
    const lookml = await bed.looker('DELETE', '/api/3.0/dashboards/model::name', adminToken);
    expectLookerSpec(lookml, 'delete_dashboard');
    expect(lookml.statusCode).toBe(405);
    const lookmlPatch = await bed.looker('PATCH', '/api/3.0/dashboards/model::name', adminToken, { title: 'x' });
    expectLookerSpec(lookmlPatch, 'update_dashboard');
    expect(lookmlPatch.statusCode).toBe(405);
  });
});

describe('search_dashboards and all_dashboards', () => {
  it('filters, sorts and pages', async () => {
    const space = await bed.space({ name: 'Search space' });
    for (const title of ['Alpha report', 'beta report', 'Gamma summary']) await create({ title, space_id: space, description: `About ${title}` });
    const get = async (query: string) => {
      const res = await bed.looker('GET', `/api/3.0/dashboards/search?space_id=${space}&fields=title&${query}`, adminToken);
      expectLookerSpec(res, 'search_dashboards');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { title: string }[]).map((d) => d.title);
    };
    expect(await get('sorts=title')).toEqual(['Alpha report', 'beta report', 'Gamma summary']);
    expect(await get('sorts=title%20desc')).toEqual(['Gamma summary', 'beta report', 'Alpha report']);
    expect(await get('title=%25REPORT&sorts=title')).toEqual(['Alpha report', 'beta report']);
    expect(await get('description=about%20gamma%20summary')).toEqual(['Gamma summary']);
    expect(await get('sorts=title&page=2&per_page=2')).toEqual(['Gamma summary']);
    expect(await get('sorts=title&limit=1&offset=1')).toEqual(['beta report']);
    expect(await get(`user_id=${bed.admin.userUuid}&sorts=title`)).toHaveLength(3);
    expect(await get(`user_id=${bed.editor.userUuid}`)).toEqual([]);
    expect(await get('view_count=0&sorts=title')).toHaveLength(3);
    expect(await get('content_favorite_id=1')).toEqual([]);
    const [first] = (await bed.looker('GET', `/api/3.0/dashboards/search?space_id=${space}&sorts=title&fields=id`, adminToken)).json() as { id: string }[];
    expect(await get(`id=${first!.id}`)).toEqual(['Alpha report']);
    expect(await get('id=not-an-id')).toEqual([]);
    const bad = await bed.looker('GET', '/api/3.0/dashboards/search?sorts=colour', adminToken);
    expectLookerSpec(bad, 'search_dashboards');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain('colour');

    const all = await bed.looker('GET', '/api/3.0/dashboards', adminToken);
    expectLookerSpec(all, 'all_dashboards');
    const titles = (all.json() as { title: string }[]).map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['Alpha report', 'beta report', 'Gamma summary']));
    expect(Object.keys((all.json() as object[])[0]!)).not.toContain('dashboard_elements');
  });
});

describe('dashboard_prefetch and create_dashboard_prefetch', () => {
  type Prefetch = { hit_count: number; result_size_bytes: number; value: Record<string, string> };
  const elementsOf = (prefetch: Prefetch) => Object.entries(prefetch.value).map(([id, text]) => ({ id, ...(JSON.parse(text) as { cache_hit: boolean; rows: number; error?: string }) }));

  it('warms the results cache for every element under the dashboard’s filters (as API v1 tiles then read them)', async () => {
    const created = await create(salesBody({
      title: 'Prefetched',
      dashboard_elements: [
        { type: 'looker_column', title: 'By status', query: ordersQuery({ filters: {} }) },
        { type: 'single_value', title: 'Count', query: ordersQuery({ fields: ['orders.order_count'], filters: {}, sorts: [] }) },
        { type: 'text', title_text: 'Notes', body_text: 'no query' },
      ],
      dashboard_layouts: [],
      dashboard_filters: [{ name: 'status', title: 'Status', explore: 'orders', dimension: 'orders.status', default_value: 'shipped' }],
    }));
    const first = await bed.looker('POST', `/api/3.0/dashboards/${created.id}/prefetch`, adminToken, { ttl: 60 });
    expectLookerSpec(first, 'create_dashboard_prefetch');
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json() as Prefetch;
    expect(report).toMatchObject({ hit_count: 0, ttl: 60 });
    expect(elementsOf(report).map((e) => [e.id, e.cache_hit])).toEqual([[created.dashboard_elements[0]!.id, false], [created.dashboard_elements[1]!.id, false]]);
    expect(elementsOf(report)[0]!.rows).toBe(1); // only "shipped": the dashboard filter applied
    expect(report.result_size_bytes).toBeGreaterThan(0);

    const again = await bed.looker('GET', `/api/3.0/dashboards/${created.id}/prefetch`, adminToken);
    expectLookerSpec(again, 'dashboard_prefetch');
    expect((again.json() as Prefetch).hit_count).toBe(2);

    // A viewer of the dashboard in API v1 gets the warmed result.
    const v1 = results<{ tiles: { uuid: string; properties: { savedChartUuid?: string } }[]; filters: unknown }>(await bed.request('GET', `/api/v1/dashboards/${created.id}`, bed.admin));
    const tile = await bed.request('POST', `/api/v1/saved/${v1.tiles[0]!.properties.savedChartUuid}/chart-and-results`, bed.admin, {
      dashboardUuid: created.id,
      dashboardFilters: v1.filters,
      dashboardSorts: [],
      tileUuid: v1.tiles[0]!.uuid,
    });
    expect(tile.statusCode, tile.body).toBe(200);
    expect(results<{ cacheMetadata: { cacheHit: boolean } }>(tile).cacheMetadata.cacheHit).toBe(true);

    const filtered = await bed.looker('GET', `/api/3.0/dashboards/${created.id}/prefetch?dashboard_filters=${encodeURIComponent(JSON.stringify([{ name: 'status', value: 'completed,shipped' }]))}`, adminToken);
    expectLookerSpec(filtered, 'dashboard_prefetch');
    const byStatus = elementsOf(filtered.json() as Prefetch)[0]!;
    expect(byStatus).toMatchObject({ cache_hit: false, rows: 2 });
  });

  it('names unknown filters and unmappable values', async () => {
    const created = await create(salesBody({ title: 'Prefetch errors' }));
    const res = await bed.looker('POST', `/api/3.0/dashboards/${created.id}/prefetch`, adminToken, { dashboard_filters: [{ name: 'colour', value: 'red' }, { name: 'status', value: '[1,2' }] });
    expectLookerSpec(res, 'create_dashboard_prefetch');
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['dashboard_filters[0].name']);
    const bad = await bed.looker('GET', `/api/3.0/dashboards/${created.id}/prefetch?dashboard_filters=nope`, adminToken);
    expect(bad.statusCode).toBe(422);
  });
});
