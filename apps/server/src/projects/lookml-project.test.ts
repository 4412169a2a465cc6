import path from 'node:path';
import { findLookmlField, loadLookmlDashboards } from '@tessera/models';
import type { LookmlDashboardElement } from '@tessera/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { expectProjectSpec } from './project-test-helpers.js';

/** A project whose models come from a LookML directory (`dbtConnection: {type: 'lookml', project_dir}`). */
const SHOPIFY = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/lookml/block-shopify');
const WAREHOUSE = { type: 'postgres', host: '127.0.0.1', port: 1, dbname: 'shop', schema: 'shopify', user: 'u', password: 'p' };

let server: TestServer;
let admin: TestUser;
let projectUuid: string;

const waitForJob = async (jobUuid: string) => {
  for (let i = 0; i < 300; i++) {
    const job = (await server.request('GET', `/api/v1/jobs/${jobUuid}`, { as: admin })).json().results;
    if (job.jobStatus === 'DONE' || job.jobStatus === 'ERROR') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
};

const compileQuery = (explore: string, body: object) =>
  server.request('POST', `/api/v1/projects/${projectUuid}/explores/${explore}/compileQuery`, { as: admin, body });

beforeAll(async () => {
  server = await createTestServer();
  admin = (await server.createOrganization()).admin;
  const res = await server.request('POST', '/api/v1/org/projects', {
    as: admin,
    body: { name: 'Shopify', type: 'DEFAULT', dbtConnection: { type: 'lookml', project_dir: SHOPIFY }, warehouseConnection: WAREHOUSE },
  });
  expectProjectSpec(res, null);
  projectUuid = res.json().results.projectUuid;
  const refresh = await server.request('POST', `/api/v1/projects/${projectUuid}/refresh`, { as: admin });
  expect(refresh.statusCode, refresh.body).toBe(200);
  const job = await waitForJob(refresh.json().results.jobUuid);
  expect(job.jobStatus, JSON.stringify(job)).toBe('DONE');
}, 120_000);
afterAll(() => server.close());

describe('a LookML project', () => {
  it('keeps its connection and lists the LookML explores', async () => {
    const project = await server.request('GET', `/api/v1/projects/${projectUuid}`, { as: admin });
    expectProjectSpec(project, 'GetProject');
    expect(project.json().results.dbtConnection).toEqual({ type: 'lookml', project_dir: SHOPIFY });

    const list = await server.request('GET', `/api/v1/projects/${projectUuid}/explores`, { as: admin });
    expectSpec(list, 'GetExplores');
    expect(list.json().results.map((e: { name: string }) => e.name)).toEqual(['order']);
    const order = await server.request('GET', `/api/v1/projects/${projectUuid}/explores/order`, { as: admin });
    expectSpec(order, 'GetExplore');
    expect(order.json().results).toMatchObject({ name: 'order', baseTable: 'order', targetDatabase: 'postgres' });
    expect(Object.keys(order.json().results.tables)).toEqual(expect.arrayContaining(['order', 'order_line', 'customer', 'product']));
  });

  it('compiles a metric query over a LookML explore to SQL (CompileQuery)', async () => {
    const res = await compileQuery('order', {
      exploreName: 'order',
      dimensions: ['order_created_month', 'customer_new_vs_repeat'],
      metrics: ['order_count', 'order_total_revenue'],
      filters: {},
      sorts: [{ fieldId: 'order_created_month', descending: true }],
      limit: 500,
      tableCalculations: [],
    });
    expectSpec(res, 'CompileQuery');
    const sql = res.json().results as string;
    expect(sql).toContain('FROM shopify_for_looker.order AS "order"');
    expect(sql).toMatch(/LEFT OUTER JOIN shopify_for_looker\.customer AS "customer"\s+ON \("customer"\.id\) = \("order"\.customer_id\)/);
    expect(sql).toContain(`DATE_TRUNC('MONTH', "order".created_at)`);
    expect(sql).toContain('SUM(("order".total_price))');
  });

  it("compiles each dashboard element's query once its LookML fields are mapped", async () => {
    const explore = (await server.request('GET', `/api/v1/projects/${projectUuid}/explores/order`, { as: admin })).json().results;
    const { dashboards } = await loadLookmlDashboards(SHOPIFY);
    const unmapped: string[] = [];
    let compiled = 0;
    const queryOf = (e: LookmlDashboardElement) => {
      const dimensions: string[] = [];
      const metrics: string[] = [];
      for (const ref of e.fields) {
        const field = findLookmlField(explore, ref);
        if (!field) return undefined;
        (field.fieldType === 'metric' ? metrics : dimensions).push(field.fieldId);
      }
      const sorts = e.sorts.map((s) => {
        const [ref, direction] = s.split(' ');
        return { fieldId: findLookmlField(explore, ref!)!.fieldId, descending: direction === 'desc' };
      });
      return { exploreName: e.explore, dimensions, metrics, filters: {}, sorts, limit: e.limit ?? 500, tableCalculations: [] };
    };
    for (const element of dashboards.flatMap((d) => d.elements)) {
      if (element.type === 'text') continue;
      const query = queryOf(element);
      if (!query) {
        unmapped.push(element.name);
        continue;
      }
      const res = await compileQuery(element.explore!, query);
      expect(res.statusCode, `${element.name}: ${res.body}`).toBe(200);
      expect(res.json().results).toMatch(/^(SELECT|WITH)\b[\s\S]*FROM shopify_for_looker\.order AS "order"/);
      compiled++;
    }
    expect(compiled).toBe(22);
    // `order.shipping_location` (type: location) and `top_15.product_tag` (a native derived table) have no Tessera field
    expect(unmapped.sort()).toEqual(['Product Type Breakdown', 'User Spend by Location']);
  });

  it('refuses a LookML directory that is relative or holds no LookML (400)', async () => {
    for (const project_dir of ['relative/shop', path.join(SHOPIFY, 'dashboards'), '/nonexistent/tessera-lookml']) {
      const res = await server.request('POST', '/api/v1/org/projects', {
        as: admin,
        body: { name: 'Bad', type: 'DEFAULT', dbtConnection: { type: 'lookml', project_dir }, warehouseConnection: WAREHOUSE },
      });
      expectError(res, 400, 'ParameterError');
    }
  });
});
