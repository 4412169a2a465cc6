import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createQueryTestBed, metricQuery, type QueryTestBed } from './query-test-setup.js';

let bed: QueryTestBed;
let sqlUrl: string;

beforeAll(async () => {
  bed = await createQueryTestBed({ TESSERA_QUERY_MAX_LIMIT: '100' });
  sqlUrl = `/api/v1/projects/${bed.projectUuid}/sqlQuery`;
}, 120_000);
afterAll(() => bed.close());

describe('RunSqlQuery', () => {
  it('runs SQL for developers and admins: raw rows and the column types', async () => {
    for (const as of [bed.developer, bed.admin]) {
      const res = await bed.server.request('POST', sqlUrl, {
        as,
        body: { sql: "select status, count(*) as n, min(ordered_at) as first_at, true as flag from demo.orders group by status order by status" },
      });
      expectSpec(res, 'RunSqlQuery');
      const { rows, fields } = res.json().results;
      expect(fields).toEqual({ status: { type: 'string' }, n: { type: 'number' }, first_at: { type: 'timestamp' }, flag: { type: 'boolean' } });
      expect(rows[0]).toMatchObject({ status: 'cancelled', flag: true });
      expect(typeof rows[0].n).toBe('number');
      expect(rows[0].first_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('is refused to viewers (it bypasses row-level security) and to other organizations', async () => {
    const viewer = await bed.server.request('POST', sqlUrl, { as: bed.viewer, body: { sql: 'select 1' } });
    expectError(viewer, 403, 'ForbiddenError');
    expect(viewer.json().error.message).toMatch(/sql runner/i);
    expectError(await bed.server.request('POST', sqlUrl, { as: bed.outsider, body: { sql: 'select 1' } }), 403);
    expectError(await bed.server.request('POST', sqlUrl, { as: bed.developer, body: {} }), 422);
  });

  it('returns the warehouse’s own message for SQL it refuses (400, not 500)', async () => {
    const res = await bed.server.request('POST', sqlUrl, { as: bed.admin, body: { sql: 'select nope from demo.orders' } });
    expectError(res, 400, 'WarehouseQueryError');
    expect(res.json().error.message).toMatch(/nope/);
  });

  it('says the warehouse cannot be reached (400 in words, not 500) when its DuckDB file is missing', async () => {
    const created = await bed.server.request('POST', '/api/v1/org/projects', {
      as: bed.admin,
      body: { name: 'Missing file', type: 'DEFAULT', dbtConnection: { type: 'none' }, warehouseConnection: { type: 'duckdb', path: '/nonexistent/tessera/shop.duckdb', schema: 'demo' } },
    });
    expect(created.statusCode, created.body).toBe(200);
    const res = await bed.server.request('POST', `/api/v1/projects/${created.json().results.projectUuid}/sqlQuery`, { as: bed.admin, body: { sql: 'select 1' } });
    expectError(res, 400, 'WarehouseConnectionError');
    expect(res.json().error.message).toMatch(/could not connect to the warehouse.*warehouse connection settings/i);
  });

  it('returns at most TESSERA_QUERY_MAX_LIMIT rows, which also caps metric queries', async () => {
    const res = await bed.server.request('POST', sqlUrl, { as: bed.admin, body: { sql: 'select * from range(1000)' } });
    expect(res.json().results.rows).toHaveLength(100);
    const query = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/orders/runQuery`, {
      as: bed.admin,
      body: metricQuery({ dimensions: ['orders_order_id'], limit: 1000 }),
    });
    expect(query.json().results.rows).toHaveLength(100);
  });
});

describe('query timeout', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('cancels a warehouse query past TESSERA_QUERY_TIMEOUT_SECONDS and says what to do', async () => {
    server = await createTestServer({ env: { TESSERA_HOME: bed.dir, TESSERA_QUERY_TIMEOUT_SECONDS: '0.2' } });
    const { admin } = await server.createOrganization();
    const project = await server.request('POST', '/api/v1/org/projects', {
      as: admin,
      body: { name: 'Slow', type: 'DEFAULT', dbtConnection: { type: 'none' }, warehouseConnection: { type: 'duckdb', path: bed.warehouse, schema: 'demo' } },
    });
    const res = await server.request('POST', `/api/v1/projects/${project.json().results.projectUuid}/sqlQuery`, {
      as: admin,
      body: { sql: 'select sum(hash(a.range * b.range)) from range(100000) a, range(100000) b' },
    });
    expectError(res, 400, 'QueryTimeoutError');
    // The query would run for minutes: this answer means it was stopped.
    expect(res.json().error.message).toContain('TESSERA_QUERY_TIMEOUT_SECONDS');
  });
});
