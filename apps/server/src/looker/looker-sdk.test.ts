import type { Looker31SDK } from '@looker/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { results } from '../dashboards/dashboard-test-setup.js';
import { lookerSdk, listen } from './testing/looker-sdk.js';
import { createLookerTestBed, ordersQuery, type LookerTestBed } from './testing/looker-test-setup.js';

/**
 * The official client, `Looker31SDK` from @looker/sdk 23.16.0 made by @looker/sdk-node 23.14.1,
 * against a test server listening on loopback: it logs in at /api/4.0/login and then calls
 * /api/3.1 over real HTTP.
 */
let bed: LookerTestBed;
let sdk: Looker31SDK;
let space: string;

/** The 3.1 SDK's types (the package's top-level type exports are 4.0's). */
type WriteDashboard = Parameters<Looker31SDK['create_dashboard']>[0];
type Dashboard = Awaited<ReturnType<Looker31SDK['dashboard']>> extends infer R ? (R extends { ok: true; value: infer V } ? V : never) : never;

/** Elements and filters are read-only in the SDK's write types; Tessera accepts them on create and update. */
const withContent = (body: WriteDashboard & Record<string, unknown>) => body as WriteDashboard;

beforeAll(async () => {
  bed = await createLookerTestBed();
  const baseUrl = await listen(bed.server);
  sdk = lookerSdk(baseUrl, await bed.credentials(bed.admin));
  space = await bed.space({ name: 'SDK space' });
}, 120_000);
afterAll(async () => {
  await sdk.authSession.logout();
  await bed.close();
});

describe('Looker31SDK', () => {
  it('logs in with API3 credentials and out again', async () => {
    const token = await sdk.authSession.login();
    expect(token.access_token).toMatch(/^tslk_/);
    expect(sdk.authSession.isAuthenticated()).toBe(true);
    expect(await sdk.authSession.logout()).toBe(true);
    expect(sdk.authSession.isAuthenticated()).toBe(false);
    // The next call logs in again by itself.
    expect(await sdk.ok(sdk.all_dashboards('id'))).toEqual(expect.any(Array));
  });

  it('creates, searches with paging and sorts, updates, soft-deletes and deletes', async () => {
    const created: Dashboard[] = [];
    for (const title of ['SDK b', 'SDK a', 'SDK d', 'SDK c']) {
      created.push(await sdk.ok(sdk.create_dashboard(withContent({ title, space_id: space, description: `${title} dashboard`, dashboard_elements: [{ type: 'looker_line', title: 'Orders', query: ordersQuery() }] }))));
    }
    expect(created[0]).toMatchObject({ title: 'SDK b', space_id: space, deleted: false });
    expect(created[0]!.dashboard_elements?.[0]?.query).toMatchObject({ model: 'Shop', view: 'orders', fields: ['orders.status', 'orders.order_count'] });

    const page1 = await sdk.ok(sdk.search_dashboards({ space_id: space, sorts: 'title desc', page: 1, per_page: 3, fields: 'id,title' }));
    const page2 = await sdk.ok(sdk.search_dashboards({ space_id: space, sorts: 'title desc', page: 2, per_page: 3, fields: 'id,title' }));
    expect(page1.map((d) => d.title)).toEqual(['SDK d', 'SDK c', 'SDK b']);
    expect(page2.map((d) => d.title)).toEqual(['SDK a']);

    const id = created[0]!.id!;
    const updated = await sdk.ok(sdk.update_dashboard(id, { title: 'SDK b renamed', hidden: true, tile_text_color: '#333333' }));
    expect(updated).toMatchObject({ title: 'SDK b renamed', hidden: true, tile_text_color: '#333333' });
    expect(updated.dashboard_elements).toHaveLength(1);

    const trashed = await sdk.ok(sdk.update_dashboard(id, { deleted: true }));
    expect(trashed.deleted).toBe(true);
    expect((await sdk.ok(sdk.search_dashboards({ space_id: space }))).map((d) => d.id)).not.toContain(id);
    expect((await sdk.ok(sdk.search_dashboards({ space_id: space, deleted: 'true' }))).map((d) => d.id)).toEqual([id]);

    await sdk.ok(sdk.delete_dashboard(id));
    const missing = await sdk.dashboard(id);
    expect(missing.ok).toBe(false);
    expect(missing.ok ? undefined : missing.error.message).toContain('not found');
  });

  it('prefetches a dashboard (the 3.1 SDK has no method for the deprecated call: its generic POST)', async () => {
    const dashboard = await sdk.ok(sdk.create_dashboard(withContent({ title: 'SDK prefetch', space_id: space, dashboard_elements: [{ type: 'looker_grid', query: ordersQuery() }] })));
    type Prefetch = { hit_count: number; value: Record<string, string> };
    const first = await sdk.ok(sdk.post<Prefetch, Error>(`/dashboards/${dashboard.id}/prefetch`, undefined, { ttl: 30 }));
    const second = await sdk.ok(sdk.post<Prefetch, Error>(`/dashboards/${dashboard.id}/prefetch`, undefined, { ttl: 30 }));
    expect(Object.keys(first.value)).toEqual([dashboard.dashboard_elements![0]!.id]);
    expect([first.hit_count, second.hit_count]).toEqual([0, 1]);
  });

  it('reports Looker errors: 422 with the field', async () => {
    const res = await sdk.create_dashboard(withContent({ title: 'Bad', space_id: space, dashboard_elements: [{ type: 'looker_grid', query: ordersQuery({ fields: ['orders.nope'] }) }] }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ message: expect.stringContaining('orders.nope'), errors: [expect.objectContaining({ field: 'dashboard_elements[0].query.fields[0]' })] });
  });

  it('round trip: created through Looker, edited through API v1, read back through Looker', async () => {
    const dashboard = await sdk.ok(sdk.create_dashboard(withContent({ title: 'Round trip', space_id: space, dashboard_elements: [{ type: 'text', title_text: 'Intro', body_text: 'Before' }, { type: 'single_value', title: 'Orders', query: ordersQuery({ fields: ['orders.order_count'], filters: {}, sorts: [] }) }] })));
    const v1 = results<{ uuid: string; name: string; tiles: Record<string, unknown>[] }>(await bed.request('GET', `/api/v1/dashboards/${dashboard.id}`, bed.admin));
    expect(v1.name).toBe('Round trip');
    const tiles = v1.tiles.map((t) => (t.type === 'markdown' ? { ...t, properties: { title: 'Intro', content: 'After, edited in API v1' } } : t));
    const patch = await bed.request('PATCH', `/api/v1/dashboards/${dashboard.id}`, bed.admin, { name: 'Round trip (v1)', tiles });
    expect(patch.statusCode, patch.body).toBe(200);

    const seen = await sdk.ok(sdk.dashboard(dashboard.id!));
    expect(seen.title).toBe('Round trip (v1)');
    expect(seen.dashboard_elements?.map((e) => e.body_text ?? e.query?.fields)).toEqual(['After, edited in API v1', ['orders.order_count']]);
    expect(seen.dashboard_elements?.[1]?.query?.vis_config).toMatchObject({ type: 'single_value' });
  });
});
