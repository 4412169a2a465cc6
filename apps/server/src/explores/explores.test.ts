import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWarehouse } from '../../../../examples/demo/generate.js';
import type { LightMyRequestResponse } from 'fastify';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

const DEMO_DIR = path.resolve(import.meta.dirname, '../../../../examples/demo');
const JAFFLE_DIR = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/dbt/jaffle-shop');

let server: TestServer;
let admin: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let dir: string;
let demoProject: string;

/**
 * The spec's `SupportedDbtAdapter` has no duckdb (a Tessera extension): check that the explore says
 * duckdb, then validate the rest against the spec with a listed adapter in its place.
 */
const expectExploreSpec = (res: LightMyRequestResponse) => {
  const body = res.json();
  if (res.statusCode === 200) {
    expect(body.results.targetDatabase).toBe('duckdb');
    body.results.targetDatabase = 'postgres';
  }
  expectSpec({ statusCode: res.statusCode, body: JSON.stringify(body), json: () => body }, 'GetExplore');
};

const createProject = async (dbtConnection: object, warehouseConnection: object, name = 'Shop') => {
  const res = await server.request('POST', '/api/v1/org/projects', { as: admin, body: { name, type: 'DEFAULT', dbtConnection, warehouseConnection } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results.projectUuid as string;
};

const waitForJob = async (jobUuid: string, as: TestUser = admin) => {
  for (let i = 0; i < 300; i++) {
    const res = await server.request('GET', `/api/v1/jobs/${jobUuid}`, { as });
    const job = res.json().results;
    if (job.jobStatus === 'DONE' || job.jobStatus === 'ERROR') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
};

beforeAll(async () => {
  server = await createTestServer();
  const org = await server.createOrganization();
  admin = org.admin;
  viewer = await server.createUser({ organizationUuid: org.organizationUuid, role: 'viewer' });
  outsider = (await server.createOrganization('Other')).admin;
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-explores-'));
  const warehouse = path.join(dir, 'shop.duckdb');
  await generateDemoWarehouse(warehouse, { scale: 0.01 });
  demoProject = await createProject({ type: 'dbt', project_dir: DEMO_DIR }, { type: 'duckdb', path: warehouse, schema: 'demo' });
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('compiling a project (refresh job)', () => {
  it('compiles the demo project in a job whose steps can be polled, then lists and serves its explores', async () => {
    const refresh = await server.request('POST', `/api/v1/projects/${demoProject}/refresh`, { as: admin });
    expect(refresh.statusCode, refresh.body).toBe(200);
    const job = await waitForJob(refresh.json().results.jobUuid, viewer);
    expect(job.jobStatus, JSON.stringify(job)).toBe('DONE');
    expect(job.steps.map((s: { stepStatus: string }) => s.stepStatus)).toEqual(['DONE', 'DONE', 'DONE']);

    const list = await server.request('GET', `/api/v1/projects/${demoProject}/explores`, { as: viewer });
    expectSpec(list, 'GetExplores');
    const names = list.json().results.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['customers', 'orders', 'order_items', 'products', 'payments', 'web_events']));
    expect(list.json().results.find((e: { name: string }) => e.name === 'orders')).toMatchObject({ schemaName: 'demo' });

    const orders = await server.request('GET', `/api/v1/projects/${demoProject}/explores/orders`, { as: viewer });
    expectExploreSpec(orders);
    expect(Object.keys(orders.json().results.tables)).toContain('orders');
  });

  it('takes column types from the warehouse catalog when YAML declares none', async () => {
    const explores = (await server.request('GET', `/api/v1/projects/${demoProject}/explores`, { as: admin })).json().results;
    expect(explores.length).toBeGreaterThan(0);
    const orders = (await server.request('GET', `/api/v1/projects/${demoProject}/explores/orders`, { as: admin })).json().results;
    const dims = orders.tables.orders.dimensions as Record<string, { type: string }>;
    expect(new Set(Object.values(dims).map((d) => d.type))).toEqual(expect.objectContaining({}));
    expect(Object.values(dims).some((d) => d.type === 'number')).toBe(true);
    expect(Object.values(dims).some((d) => d.type === 'timestamp' || d.type === 'date')).toBe(true);
  });

  it('reports a model source that cannot be read as a failed job with the cause', async () => {
    const projectDir = path.join(dir, 'does-not-exist');
    await mkdir(projectDir);
    await writeFile(path.join(projectDir, 'dbt_project.yml'), "name: 'gone'\n");
    const broken = await createProject({ type: 'dbt', project_dir: projectDir }, { type: 'duckdb', path: path.join(dir, 'x.duckdb'), schema: 'main' }, 'Broken');
    await rm(projectDir, { recursive: true });
    const refresh = await server.request('POST', `/api/v1/projects/${broken}/refresh`, { as: admin });
    const job = await waitForJob(refresh.json().results.jobUuid);
    expect(job.jobStatus).toBe('ERROR');
    expect(job.error).toMatch(/does-not-exist|not a dbt/);
  });

  it('compiles the jaffle-shop fixture: every model with YAML is an explore or an error naming its cause', async () => {
    const jaffle = await createProject({ type: 'dbt', project_dir: JAFFLE_DIR }, { type: 'postgres', host: '127.0.0.1', port: 1, dbname: 'x', schema: 'jaffle', user: 'u', password: 'p' }, 'Jaffle');
    const job = await waitForJob((await server.request('POST', `/api/v1/projects/${jaffle}/refresh`, { as: admin })).json().results.jobUuid);
    expect(job.jobStatus, JSON.stringify(job)).toBe('DONE');
    const list = await server.request('GET', `/api/v1/projects/${jaffle}/explores`, { as: admin });
    expectSpec(list, 'GetExplores');
    const byName = new Map(list.json().results.map((e: { name: string }) => [e.name, e]));
    expect(byName.has('orders')).toBe(true);
    expect(byName.has('orders_with_custom_dims')).toBe(true);
    for (const e of list.json().results as { errors?: { message: string }[] }[]) if (e.errors) expect(e.errors[0]?.message).toBeTruthy();
  });
});

describe('compiling on change', () => {
  it('compiles a project as soon as it is created with a dbt source, without a refresh call', async () => {
    const project = await createProject({ type: 'dbt', project_dir: DEMO_DIR }, { type: 'duckdb', path: path.join(dir, 'shop.duckdb'), schema: 'demo' }, 'Auto');
    let names: string[] = [];
    for (let i = 0; i < 200 && names.length === 0; i++) {
      names = (await server.request('GET', `/api/v1/projects/${project}/explores`, { as: admin })).json().results.map((e: { name: string }) => e.name);
      if (names.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(names).toContain('orders');
  });
});

describe('explores API', () => {
  it('SetExplores replaces the explores; GetExplore 404s on unknown names', async () => {
    const project = await createProject({ type: 'none' }, { type: 'duckdb', path: '/tmp/none.duckdb', schema: 'main' }, 'Pushed');
    const compiled = (await server.request('GET', `/api/v1/projects/${demoProject}/explores/customers`, { as: admin })).json().results;
    const set = await server.request('PUT', `/api/v1/projects/${project}/explores`, { as: admin, body: [compiled] });
    expectSpec(set, 'SetExplores');
    const got = await server.request('GET', `/api/v1/projects/${project}/explores/customers`, { as: admin });
    expectExploreSpec(got);
    expect(got.json().results).toEqual(compiled);
    expectError(await server.request('GET', `/api/v1/projects/${project}/explores/nope`, { as: admin }), 404, 'NotFoundError');
    expectError(await server.request('POST', `/api/v1/projects/${project}/refresh`, { as: admin }), 400, 'ParameterError');
    expectError(await server.request('PUT', `/api/v1/projects/${project}/explores`, { as: admin, body: { not: 'an array' } }), 422);
  });

  it('applies the table selection to the listing', async () => {
    const patch = await server.request('PATCH', `/api/v1/projects/${demoProject}/tablesConfiguration`, {
      as: admin,
      body: { tableSelection: { type: 'WITH_NAMES', value: ['orders', 'customers'] } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const names = (await server.request('GET', `/api/v1/projects/${demoProject}/explores`, { as: viewer })).json().results.map((e: { name: string }) => e.name);
    expect(names.sort()).toEqual(['customers', 'orders']);
    expectError(
      await server.request('PATCH', `/api/v1/projects/${demoProject}/tablesConfiguration`, { as: admin, body: { tableSelection: { type: 'WITH_TAGS', value: [] } } }),
      400,
    );
    await server.request('PATCH', `/api/v1/projects/${demoProject}/tablesConfiguration`, { as: admin, body: { tableSelection: { type: 'ALL_TABLES', value: null } } });
  });

  it('lets viewers read, only developers and admins compile or push, and nobody outside the organization in', async () => {
    expectError(await server.request('POST', `/api/v1/projects/${demoProject}/refresh`, { as: viewer }), 403, 'ForbiddenError');
    expectError(await server.request('PUT', `/api/v1/projects/${demoProject}/explores`, { as: viewer, body: [] }), 403);
    expectError(await server.request('GET', `/api/v1/projects/${demoProject}/explores`, { as: outsider }), 403);
    expectError(await server.request('GET', `/api/v1/projects/${demoProject}/explores/orders`, { as: outsider }), 403);
    expectError(await server.request('GET', `/api/v1/projects/${demoProject}/explores`), 401);
    expectError(await server.request('GET', '/api/v1/jobs/00000000-0000-4000-8000-000000000000', { as: admin }), 404);
  });
});

describe('column types from the warehouse catalog', () => {
  it('types columns the YAML leaves untyped from DuckDB, resolving unqualified relations in the connection schema', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const projectDir = path.join(dir, 'typed-by-catalog');
    await mkdir(path.join(projectDir, 'models'), { recursive: true });
    await writeFile(path.join(projectDir, 'dbt_project.yml'), "name: 'catalog_test'\nversion: '1.0'\n");
    await writeFile(
      path.join(projectDir, 'models', 'events.yml'),
      'version: 2\nmodels:\n  - name: events\n    columns:\n      - name: id\n      - name: happened_on\n      - name: amount\n      - name: is_test\n      - name: kind\n',
    );
    await writeFile(path.join(projectDir, 'models', 'events.sql'), 'select * from raw_events\n');
    const file = path.join(dir, 'catalog.duckdb');
    const instance = await DuckDBInstance.create(file);
    const c = await instance.connect();
    await c.run('create table main.events (id bigint, happened_on date, amount decimal(10,2), is_test boolean, kind varchar)');
    c.closeSync();
    instance.closeSync();
    const project = await createProject({ type: 'dbt', project_dir: projectDir }, { type: 'duckdb', path: file, schema: 'main' }, 'Catalog');
    const job = await waitForJob((await server.request('POST', `/api/v1/projects/${project}/refresh`, { as: admin })).json().results.jobUuid);
    expect(job.jobStatus, JSON.stringify(job)).toBe('DONE');
    const res = await server.request("GET", `/api/v1/projects/${project}/explores/events`, { as: admin });
    expect(res.statusCode, res.body).toBe(200);
    const explore = res.json().results;
    const types = Object.fromEntries(
      Object.entries(explore.tables.events.dimensions as Record<string, { type: string; timeInterval?: string }>)
        .filter(([, d]) => !d.timeInterval)
        .map(([name, d]) => [name, d.type]),
    );
    expect(types).toMatchObject({ id: 'number', happened_on: 'date', amount: 'number', is_test: 'boolean', kind: 'string' });
  });
});
