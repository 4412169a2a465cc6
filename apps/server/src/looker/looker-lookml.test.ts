import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLookmlDashboards } from '@tessera/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { expectLookerSpec } from './testing/looker-spec.js';
import { lookerSdk, listen } from './testing/looker-sdk.js';

/** block-shopify (../shared/fixtures) as a LookML project: its dashboards imported and synced through the Looker face. */
const SHOPIFY = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/lookml/block-shopify');
const WAREHOUSE = { type: 'postgres', host: '127.0.0.1', port: 1, dbname: 'shop', schema: 'shopify', user: 'u', password: 'p' };

let server: TestServer;
let admin: TestUser;
let token: string;
let projectUuid: string;
let space: string;
let brokenDir: string;

type Dashboard = { id: string; title: string; lookml_link_id: string | null; dashboard_elements: { type: string; title: string | null; title_text: string | null; query: { view: string; fields: string[] } | null }[] };

const waitForJob = async (jobUuid: string) => {
  for (let i = 0; i < 300; i++) {
    const job = (await server.request('GET', `/api/v1/jobs/${jobUuid}`, { as: admin })).json().results;
    if (job.jobStatus === 'DONE' || job.jobStatus === 'ERROR') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
};

const lookmlProject = async (name: string, dir: string) => {
  const res = await server.request('POST', '/api/v1/org/projects', { as: admin, body: { name, type: 'DEFAULT', dbtConnection: { type: 'lookml', project_dir: dir }, warehouseConnection: WAREHOUSE } });
  expect(res.statusCode, res.body).toBe(200);
  const uuid = res.json().results.projectUuid as string;
  const refresh = await server.request('POST', `/api/v1/projects/${uuid}/refresh`, { as: admin });
  expect((await waitForJob(refresh.json().results.jobUuid)).jobStatus).toBe('DONE');
  const created = await server.request('POST', `/api/v1/projects/${uuid}/spaces`, { as: admin, body: { name: 'Imported' } });
  expect(created.statusCode, created.body).toBe(200);
  return { projectUuid: uuid, space: created.json().results.uuid as string };
};

const looker = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  server.app.inject({ method, url, headers: { authorization: `token ${token}` }, ...(body !== undefined ? { payload: body as object } : {}) });

beforeAll(async () => {
  server = await createTestServer();
  admin = (await server.createOrganization()).admin;
  ({ projectUuid, space } = await lookmlProject('Shopify', SHOPIFY));
  const credentials = await server.request('POST', `/api/3.0/users/${admin.userUuid}/credentials_api3`, { as: admin, auth: 'apiKey' });
  const { client_id, client_secret } = credentials.json() as { client_id: string; client_secret: string };
  token = ((await server.app.inject({ method: 'POST', url: '/api/3.0/login', query: { client_id, client_secret } })).json() as { access_token: string }).access_token;
  // A copy of the fixture (outside the repository) whose overview has an element on an explore the project lacks.
  brokenDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-lookml-'));
  await cp(SHOPIFY, brokenDir, { recursive: true });
  const file = path.join(brokenDir, 'dashboards/shopify_overview.dashboard.lookml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('explore: order', 'explore: no_such_explore'));
}, 180_000);
afterAll(async () => {
  await server.close();
  await rm(brokenDir, { recursive: true, force: true });
});

describe('import_lookml_dashboard', () => {
  it('imports each block-shopify dashboard as a linked Tessera dashboard with every element mapped', async () => {
    const { dashboards } = await loadLookmlDashboards(SHOPIFY);
    expect(dashboards.map((d) => d.id).sort()).toEqual(['block_shopify_v2::shopify_customer', 'block_shopify_v2::shopify_overview', 'block_shopify_v2::shopify_product']);
    for (const lookml of dashboards) {
      const res = await looker('POST', `/api/3.0/dashboards/${encodeURIComponent(lookml.id)}/import/${space}`);
      expectLookerSpec(res, 'import_lookml_dashboard');
      expect(res.statusCode, res.body).toBe(200);
      const imported = res.json() as Dashboard;
      expect(imported).toMatchObject({ title: lookml.title, lookml_link_id: lookml.id });
      expect(imported.dashboard_elements).toHaveLength(lookml.elements.length);
      lookml.elements.forEach((element, i) => {
        const mapped = imported.dashboard_elements[i]!;
        if (element.explore) expect(mapped.query, element.name).toMatchObject({ view: element.explore });
        else expect(mapped).toMatchObject({ type: 'text', query: null });
      });

      // Every chart's query compiles to SQL through API v1.
      const v1 = (await server.request('GET', `/api/v1/dashboards/${imported.id}`, { as: admin })).json().results as { tiles: { properties: { savedChartUuid?: string } }[] };
      for (const tile of v1.tiles.filter((t) => t.properties.savedChartUuid)) {
        const chart = (await server.request('GET', `/api/v1/saved/${tile.properties.savedChartUuid}`, { as: admin })).json().results as { tableName: string; metricQuery: object };
        const sql = await server.request('POST', `/api/v1/projects/${projectUuid}/explores/${chart.tableName}/compileQuery`, { as: admin, body: chart.metricQuery });
        expect(sql.statusCode, `${lookml.id}: ${sql.body}`).toBe(200);
        expect(sql.json().results).toContain('SELECT');
      }
    }
  });

  it('notes what it left out in the chart description, and maps LookML timeframes to Tessera time intervals', async () => {
    const fresh = await server.request('POST', `/api/v1/projects/${projectUuid}/spaces`, { as: admin, body: { name: 'Overview' } });
    const res = await looker('POST', `/api/3.0/dashboards/block_shopify_v2::shopify_overview/import/${fresh.json().results.uuid}?fields=id,dashboard_elements(query)`);
    expect(res.statusCode, res.body).toBe(200);
    const { id } = res.json() as { id: string };
    const v1 = (await server.request('GET', `/api/v1/dashboards/${id}`, { as: admin })).json().results as { tiles: { properties: { savedChartUuid?: string } }[] };
    const charts = await Promise.all(
      v1.tiles.filter((t) => t.properties.savedChartUuid).map(async (t) => (await server.request('GET', `/api/v1/saved/${t.properties.savedChartUuid}`, { as: admin })).json().results as { description?: string; metricQuery: { dimensions: string[] } }),
    );
    expect(charts.some((c) => c.description?.includes('fill_fields'))).toBe(true);
    expect(charts.flatMap((c) => c.metricQuery.dimensions)).toContain('order_created_month');
  });

  it('refuses an element on an explore the project lacks with a 422 naming the element, and unknown ids with a 404', async () => {
    const broken = await lookmlProject('Shopify broken', brokenDir);
    const res = await looker('POST', `/api/3.0/dashboards/block_shopify_v2::shopify_overview/import/${broken.space}`);
    expectLookerSpec(res, 'import_lookml_dashboard');
    expect(res.statusCode).toBe(422);
    const { errors } = res.json() as { errors: { field: string; message: string }[] };
    expect(errors[0]).toMatchObject({ field: expect.stringMatching(/^block_shopify_v2::shopify_overview element ".+"\.query\.view$/), message: expect.stringContaining('no_such_explore') });
    const missing = await looker('POST', `/api/3.0/dashboards/block_shopify_v2::nope/import/${space}`);
    expectLookerSpec(missing, 'import_lookml_dashboard');
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { message: string }).message).toContain('shopify_product');
  });
});

describe('sync_lookml_dashboard', () => {
  it('rewrites every linked dashboard from its LookML (through the official SDK)', async () => {
    const sdk = lookerSdk(await listen(server), (await server.request('POST', `/api/3.0/users/${admin.userUuid}/credentials_api3`, { as: admin, auth: 'apiKey' })).json());
    const again = await looker('POST', `/api/3.0/dashboards/block_shopify_v2::shopify_product/import/${space}`);
    expectLookerSpec(again, 'import_lookml_dashboard');
    expect(again.statusCode).toBe(409);
    const other = await server.request('POST', `/api/v1/projects/${projectUuid}/spaces`, { as: admin, body: { name: 'Second import' } });
    const imported = await sdk.ok(sdk.import_lookml_dashboard('block_shopify_v2::shopify_product', other.json().results.uuid, { title: 'Products (imported)' }));
    expect(imported).toMatchObject({ title: 'Products (imported)', lookml_link_id: 'block_shopify_v2::shopify_product' });
    const renamed = await server.request('PATCH', `/api/v1/dashboards/${imported.id}`, { as: admin, body: { name: 'Edited in Tessera', tiles: [] } });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const res = await looker('PATCH', '/api/3.0/dashboards/block_shopify_v2::shopify_product/sync', {});
    expectLookerSpec(res, 'sync_lookml_dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const numbers = res.json() as number[];
    expect(numbers.length).toBeGreaterThanOrEqual(2); // this import and the first test's
    // The integer ids name the dashboards too.
    const byNumber = await Promise.all(numbers.map(async (n) => (await sdk.ok(sdk.dashboard(String(n), 'id'))).id));
    expect(byNumber).toContain(imported.id);
    const synced = await sdk.ok(sdk.dashboard(imported.id!));
    const { dashboards } = await loadLookmlDashboards(SHOPIFY);
    const lookml = dashboards.find((d) => d.id === 'block_shopify_v2::shopify_product')!;
    expect(synced.title).toBe(lookml.title);
    expect(synced.dashboard_elements).toHaveLength(lookml.elements.length);
    await sdk.authSession.logout();
  });
});
