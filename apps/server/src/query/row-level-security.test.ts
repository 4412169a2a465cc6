import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { createQueryTestBed, metricQuery, type QueryTestBed } from './query-test-setup.js';

/**
 * The demo's `payments` explore has `sql_filter: ${TABLE}.region IN (${lightdash.attributes.region})`:
 * users with different `region` values see different rows, and never each other's cached result.
 */
let bed: QueryTestBed;
let na: TestUser;
let alsoNa: TestUser;
let emea: TestUser;
let nobody: TestUser;

const byRegion = metricQuery({
  exploreName: 'payments',
  dimensions: ['payments_region'],
  metrics: ['payments_payment_count'],
  sorts: [{ fieldId: 'payments_region', descending: false }],
});

const run = (projectUuid: string, as: TestUser, body: object = byRegion) =>
  bed.server.request('POST', `/api/v1/projects/${projectUuid}/explores/payments/runQuery`, { as, body });
const regions = (res: { json(): { results: { rows: { payments_region: { value: { raw: string } } }[] } } }) =>
  res.json().results.rows.map((r) => r.payments_region.value.raw);

beforeAll(async () => {
  bed = await createQueryTestBed();
  na = await bed.server.createUser({ organizationUuid: bed.organizationUuid, role: 'viewer' });
  alsoNa = await bed.server.createUser({ organizationUuid: bed.organizationUuid, role: 'viewer' });
  emea = await bed.server.createUser({ organizationUuid: bed.organizationUuid, role: 'viewer' });
  nobody = await bed.server.createUser({ organizationUuid: bed.organizationUuid, role: 'viewer' });
  const attribute = await bed.server.request('POST', '/api/v1/org/attributes', {
    as: bed.admin,
    body: {
      name: 'region',
      attributeDefault: null,
      users: [{ userUuid: na.userUuid, value: 'NA' }, { userUuid: alsoNa.userUuid, value: 'NA' }, { userUuid: emea.userUuid, value: 'EMEA' }],
      groups: [],
    },
  });
  expect(attribute.statusCode, attribute.body).toBe(200);
  // An attribute no query of these tests reads: it must not split the cache.
  const team = await bed.server.request('POST', '/api/v1/org/attributes', {
    as: bed.admin,
    body: { name: 'team', attributeDefault: null, users: [{ userUuid: na.userUuid, value: 'a' }, { userUuid: alsoNa.userUuid, value: 'b' }], groups: [] },
  });
  expect(team.statusCode, team.body).toBe(200);
}, 120_000);
afterAll(() => bed.close());

describe('row-level security with user attributes', () => {
  it('gives each user the rows of their own region, and never the other user’s cached result', async () => {
    const first = await run(bed.projectUuid, na);
    expectSpec(first, 'RunMetricQuery');
    expect(regions(first)).toEqual(['NA']);
    expect(first.json().results.cacheMetadata.cacheHit).toBe(false);

    const other = await run(bed.projectUuid, emea);
    expect(regions(other)).toEqual(['EMEA']);
    expect(other.json().results.cacheMetadata.cacheHit).toBe(false);

    // Each user's repeat is a hit, on their own entry.
    const again = await run(bed.projectUuid, na);
    expect(again.json().results.cacheMetadata.cacheHit).toBe(true);
    expect(regions(again)).toEqual(['NA']);
    expect(regions(await run(bed.projectUuid, emea))).toEqual(['EMEA']);
  });

  it('shares an entry between users who agree on the values the SQL read, whatever their other values and e-mail', async () => {
    const body = { ...byRegion, limit: 499 };
    expect((await run(bed.projectUuid, na, body)).json().results.cacheMetadata.cacheHit).toBe(false);
    const same = await run(bed.projectUuid, alsoNa, body);
    expect(same.json().results.cacheMetadata.cacheHit).toBe(true);
    expect(regions(same)).toEqual(['NA']);
    const other = await run(bed.projectUuid, emea, body);
    expect(other.json().results.cacheMetadata.cacheHit).toBe(false);
    expect(regions(other)).toEqual(['EMEA']);
  });

  it('shares the entries of a query that reads no user value between every user of the project connection', async () => {
    const orders = metricQuery({ dimensions: ['orders_status'], metrics: ['orders_order_count'], limit: 498 });
    const first = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/orders/runQuery`, { as: na, body: orders });
    expect(first.json().results.cacheMetadata.cacheHit).toBe(false);
    for (const user of [emea, nobody, bed.developer]) {
      const res = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/orders/runQuery`, { as: user, body: orders });
      expect(res.json().results.cacheMetadata.cacheHit).toBe(true);
      expect(res.json().results.rows).toEqual(first.json().results.rows);
    }
  });

  it('refuses a user without the attribute (403), and CompileQuery shows the user’s own filter', async () => {
    expectError(await run(bed.projectUuid, nobody), 403, 'ForbiddenError');
    const sql = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/payments/compileQuery`, { as: emea, body: byRegion });
    expectSpec(sql, 'CompileQuery');
    expect(sql.json().results).toContain("'EMEA'");
    expect(sql.json().results).not.toContain("'NA'");
  });

  it('applies the user’s attribute to totals and underlying rows too', async () => {
    const totals = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/calculate-total`, {
      as: na,
      body: { explore: 'payments', metricQuery: byRegion },
    });
    expectSpec(totals, 'CalculateTotalFromQuery');
    const naCount = (await run(bed.projectUuid, na)).json().results.rows[0].payments_payment_count.value.raw;
    expect(totals.json().results.payments_payment_count).toBe(naCount);
    const underlying = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/payments/runUnderlyingDataQuery`, {
      as: emea,
      body: { ...byRegion, limit: 100 },
    });
    expectSpec(underlying, 'postRunUnderlyingDataQuery');
    expect(new Set(regions(underlying))).toEqual(new Set(['EMEA']));
  });
});

describe('personal warehouse credentials', () => {
  let personal: string;
  const addCredentials = async (user: TestUser) => {
    const res = await bed.server.request('POST', '/api/v1/user/warehouseCredentials', {
      as: user,
      body: { name: 'mine', credentials: { type: 'duckdb', user: user.email, password: 'secret-password' } },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const orders = metricQuery({ dimensions: ['orders_status'], metrics: ['orders_order_count'], sorts: [{ fieldId: 'orders_status', descending: false }] });
  const runOrders = (as: TestUser) => bed.server.request('POST', `/api/v1/projects/${personal}/explores/orders/runQuery`, { as, body: orders });

  beforeAll(async () => {
    personal = await bed.createProject({ name: 'Personal', requireUserCredentials: true });
  }, 60_000);

  it('refuses a user who has no credentials of the warehouse type, saying how to add them (compiling needs none)', async () => {
    const res = await runOrders(nobody);
    expectError(res, 403, 'ForbiddenError');
    expect(res.json().error.message).toContain('/api/v1/user/warehouseCredentials');
    const compiled = await bed.server.request('POST', `/api/v1/projects/${personal}/explores/orders/compileQuery`, { as: nobody, body: orders });
    expectSpec(compiled, 'CompileQuery');
  });

  it('runs with the user’s own credentials, whose cache entries nobody else reaches', async () => {
    await addCredentials(na);
    await addCredentials(emea);
    const first = await runOrders(na);
    expectSpec(first, 'RunMetricQuery');
    expect(first.json().results.cacheMetadata.cacheHit).toBe(false);
    expect((await runOrders(na)).json().results.cacheMetadata.cacheHit).toBe(true);
    const other = await runOrders(emea);
    expect(other.json().results.cacheMetadata.cacheHit).toBe(false);
    expect(other.json().results.rows).toEqual(first.json().results.rows);
  });
});
