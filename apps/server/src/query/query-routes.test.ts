import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProjectSpec } from '../projects/project-test-helpers.js';
import { expectError, expectSpec } from '../testing/spec.js';
import { createQueryTestBed, metricQuery, type QueryTestBed } from './query-test-setup.js';

let bed: QueryTestBed;
let base: string;

beforeAll(async () => {
  bed = await createQueryTestBed();
  base = `/api/v1/projects/${bed.projectUuid}`;
}, 120_000);
afterAll(() => bed.close());

const byStatus = metricQuery({
  dimensions: ['orders_status'],
  metrics: ['orders_order_count', 'orders_total_revenue'],
  sorts: [{ fieldId: 'orders_status', descending: false }],
});

const run = (body: object, as = bed.admin) => bed.server.request('POST', `${base}/explores/orders/runQuery`, { as, body });

describe('CompileQuery', () => {
  it('returns the SQL the query compiles to on the project warehouse', async () => {
    const res = await bed.server.request('POST', `${base}/explores/orders/compileQuery`, { as: bed.viewer, body: byStatus });
    expectSpec(res, 'CompileQuery');
    const sql = res.json().results as string;
    expect(sql).toMatch(/select/i);
    expect(sql).toContain('"orders_status"');
    expect(sql).toMatch(/limit 500/i);
  });
});

describe('RunMetricQuery', () => {
  it('runs a query and answers rows {fieldId: {value: {raw, formatted}}}, the fields, the echoed query and cache metadata', async () => {
    const res = await run({ ...byStatus, invalidateCache: true }, bed.viewer);
    expectSpec(res, 'RunMetricQuery');
    const { rows, fields, metricQuery: echoed, cacheMetadata } = res.json().results;
    expect(cacheMetadata.cacheHit).toBe(false);
    expect(echoed).toMatchObject({ exploreName: 'orders', dimensions: ['orders_status'] });
    expect(echoed).not.toHaveProperty('invalidateCache');
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['orders_status', 'orders_order_count', 'orders_total_revenue']));
    expect(rows.length).toBeGreaterThan(2);
    const statuses = rows.map((r: Record<string, { value: { raw: unknown } }>) => r.orders_status!.value.raw);
    expect(statuses).toEqual([...statuses].sort());
    const completed = rows.find((r: Record<string, { value: { raw: unknown } }>) => r.orders_status!.value.raw === 'completed');
    expect(typeof completed.orders_order_count.value.raw).toBe('number');
    expect(completed.orders_total_revenue.value.formatted).toMatch(/^\$[\d,]+\.\d\d$/);
  });

  it('serves a repeat from the results cache, and invalidateCache refreshes it', async () => {
    const body = metricQuery({ dimensions: ['orders_channel'], metrics: ['orders_order_count'] });
    const first = (await run(body)).json().results;
    const second = await run(body);
    expectSpec(second, 'RunMetricQuery');
    expect(second.json().results.cacheMetadata.cacheHit).toBe(true);
    expect(second.json().results.rows).toEqual(first.rows);
    expect(second.json().results.cacheMetadata.cacheUpdatedTime).toBe(first.cacheMetadata.cacheUpdatedTime);

    bed.server.clock.advance(1000);
    const refreshed = (await run({ ...body, invalidateCache: true })).json().results;
    expect(refreshed.cacheMetadata.cacheHit).toBe(false);
    expect(Date.parse(refreshed.cacheMetadata.cacheUpdatedTime)).toBeGreaterThan(Date.parse(first.cacheMetadata.cacheUpdatedTime));
    const after = (await run(body)).json().results;
    expect(after.cacheMetadata).toEqual({ cacheHit: true, cacheUpdatedTime: refreshed.cacheMetadata.cacheUpdatedTime });
  });

  it('expires cache entries after the time-to-live (1 hour by default)', async () => {
    const body = metricQuery({ dimensions: ['orders_region'], metrics: ['orders_order_count'] });
    await run(body);
    bed.server.clock.advance(3600_000 + 1);
    expect((await run(body)).json().results.cacheMetadata.cacheHit).toBe(false);
  });

  it("follows the project's own time-to-live: 0 never caches, a shorter one expires sooner, null is the server's", async () => {
    const setTtl = async (resultsCacheTtlSeconds: number | null) => {
      const res = await bed.server.request('PATCH', base, { as: bed.admin, body: { resultsCacheTtlSeconds } });
      // PATCH /projects/{p} is not in the 0.1411 spec; it answers the Project component (DuckDB aside).
      expectProjectSpec(res, null);
      expect(res.json().results.resultsCacheTtlSeconds).toBe(resultsCacheTtlSeconds);
    };
    const body = metricQuery({ dimensions: ['orders_status'], metrics: ['orders_order_count'], limit: 7 });
    const hit = async () => (await run(body)).json().results.cacheMetadata.cacheHit as boolean;
    try {
      await run(body);
      expect(await hit()).toBe(true);
      // Lowered to 0: the stored entry is not served any more, and nothing new is kept.
      await setTtl(0);
      expect(await hit()).toBe(false);
      expect(await hit()).toBe(false);
      await setTtl(60);
      await run(body);
      bed.server.clock.advance(59_000);
      expect(await hit()).toBe(true);
      bed.server.clock.advance(2_000);
      expect(await hit()).toBe(false);
      // Back to the server's hour: once the 60-second entry is gone, a new one lives that long.
      await setTtl(null);
      bed.server.clock.advance(61_000);
      expect(await hit()).toBe(false);
      bed.server.clock.advance(1_800_000);
      expect(await hit()).toBe(true);
      const project = await bed.server.request('GET', base, { as: bed.viewer });
      expectProjectSpec(project, 'GetProject');
      expect(project.json().results.resultsCacheTtlSeconds).toBeNull();
    } finally {
      await setTtl(null);
    }
  });

  it('refuses (422) a time-to-live that is not a whole number of seconds from 0 to 30 days, changing nothing', async () => {
    for (const resultsCacheTtlSeconds of [-1, 1.5, '60', 31 * 86_400]) {
      const res = await bed.server.request('PATCH', base, { as: bed.admin, body: { resultsCacheTtlSeconds } });
      expectError(res, 422, 'ValidateError');
    }
    expect((await bed.server.request('GET', base, { as: bed.admin })).json().results.resultsCacheTtlSeconds).toBeNull();
  });

  it('a different query is a different cache entry', async () => {
    await run(metricQuery({ metrics: ['orders_order_count'], limit: 10 }));
    expect((await run(metricQuery({ metrics: ['orders_order_count'], limit: 11 }))).json().results.cacheMetadata.cacheHit).toBe(false);
  });
});

describe('bad queries', () => {
  const expect400 = async (body: object, pattern: RegExp) => {
    const res = await run(body);
    expectError(res, 400);
    expect(res.json().error.message).toMatch(pattern);
  };
  const rule = (fieldId: string, operator: string, values: unknown[]) =>
    ({ filters: { dimensions: { id: 'g', and: [{ id: 'r', target: { fieldId }, operator, values }] } } });

  it('names an unknown field', async () => {
    await expect400(metricQuery({ dimensions: ['orders_nope'] }), /"orders_nope" is not a dimension/);
    await expect400(metricQuery({ metrics: ['orders_order_count'], sorts: [{ fieldId: 'orders_ghost', descending: false }] }), /orders_ghost/);
  });

  it('names an operator that does not suit the field type', async () => {
    await expect400(metricQuery({ metrics: ['orders_order_count'], ...rule('orders_status', 'inThePast', [3]) }), /"inThePast" does not apply to a string field/);
  });

  it('names a bad date', async () => {
    await expect400(metricQuery({ metrics: ['orders_order_count'], ...rule('orders_order_date', 'equals', ['2024-13-45']) }), /"2024-13-45" is not a date/);
  });

  it('refuses a SQL-looking value for a number field, and matches it literally for a string field', async () => {
    await expect400(metricQuery({ metrics: ['orders_order_count'], ...rule('orders_units', 'equals', ['1; DROP TABLE demo.orders']) }), /"1; DROP TABLE demo.orders" is not a finite number/);
    const res = await run(metricQuery({ dimensions: ['orders_status'], metrics: ['orders_order_count'], ...rule('orders_status', 'equals', ["completed' OR '1'='1"]) }));
    expectSpec(res, 'RunMetricQuery');
    expect(res.json().results.rows).toEqual([]);
  });

  it('answers 422 naming the path for a malformed body', async () => {
    const res = await run(metricQuery({ ...rule('orders_status', 'sortOf', ['x']) }));
    expectError(res, 422, 'ValidateError');
    expect(res.json().error.message).toContain('body.filters.dimensions.and.0.operator');
    expectError(await run({ exploreName: 'orders' }), 422);
    expectError(await run(metricQuery({ limit: -1 })), 422);
    expectError(await run(metricQuery({ timezone: 'Mars/Olympus' })), 422);
  });

  it('answers 404 for an unknown explore', async () => {
    const res = await bed.server.request('POST', `${base}/explores/nope/runQuery`, { as: bed.admin, body: metricQuery({ exploreName: 'nope' }) });
    expectError(res, 404, 'NotFoundError');
    expectError(await bed.server.request('POST', `${base}/explores/nope/compileQuery`, { as: bed.admin, body: metricQuery() }), 404);
  });
});

describe('explores pushed or recompiled', () => {
  it('queries the explores as they are now: a replacement is seen by the next query', async () => {
    const pushed = await bed.createProject({ name: 'Pushed', dbt: false });
    const explore = async (name: string) => (await bed.server.request('GET', `${base}/explores/${name}`, { as: bed.admin })).json().results;
    const put = async (explores: unknown[]) =>
      expect((await bed.server.request('PUT', `/api/v1/projects/${pushed}/explores`, { as: bed.admin, body: explores })).statusCode).toBe(200);
    const runPushed = () =>
      bed.server.request('POST', `/api/v1/projects/${pushed}/explores/orders/runQuery`, { as: bed.admin, body: metricQuery({ metrics: ['orders_order_count'] }) });
    await put([await explore('orders')]);
    expect((await runPushed()).statusCode).toBe(200);
    // Same clock, same compiled_at: the replacement must still be seen.
    await put([await explore('customers')]);
    expectError(await runPushed(), 404, 'NotFoundError');
  });
});

describe('permissions', () => {
  it('lets viewers query, keeps other organizations out (403) and anonymous callers out (401)', async () => {
    expect((await run(byStatus, bed.viewer)).statusCode).toBe(200);
    expectError(await run(byStatus, bed.outsider), 403, 'ForbiddenError');
    expectError(await bed.server.request('POST', `${base}/explores/orders/compileQuery`, { as: bed.outsider, body: byStatus }), 403);
    expectError(await bed.server.request('POST', `${base}/calculate-total`, { as: bed.outsider, body: { explore: 'orders', metricQuery: byStatus } }), 403);
    expectError(await bed.server.request('GET', `${base}/custom-metrics`, { as: bed.outsider }), 403);
    expectError(await bed.server.request('POST', `${base}/explores/orders/runQuery`, { body: byStatus }), 401);
  });
});

describe('postRunUnderlyingDataQuery', () => {
  it('returns the rows behind a query: dimensions of the tables it reads, under its dimension filters', async () => {
    const res = await bed.server.request('POST', `${base}/explores/orders/runUnderlyingDataQuery`, {
      as: bed.viewer,
      body: metricQuery({
        metrics: ['orders_order_count'],
        filters: { dimensions: { id: 'g', and: [{ id: 'r', target: { fieldId: 'orders_status' }, operator: 'equals', values: ['cancelled'] }] } },
        limit: 50,
      }),
    });
    expectSpec(res, 'postRunUnderlyingDataQuery');
    const { rows, fields } = res.json().results;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(Object.keys(fields)).toContain('orders_status');
    expect(Object.keys(fields).some((id) => id.startsWith('orders_') && fields[id].fieldType === 'metric')).toBe(false);
    for (const row of rows) expect(row.orders_status.value.raw).toBe('cancelled');
  });
});

describe('CalculateTotalFromQuery', () => {
  it('totals the metrics over every row, whatever the dimensions', async () => {
    const totals = await bed.server.request('POST', `${base}/calculate-total`, {
      as: bed.viewer,
      body: { explore: 'orders', metricQuery: { ...byStatus, limit: 1 } },
    });
    expectSpec(totals, 'CalculateTotalFromQuery');
    const all = (await run(metricQuery({ metrics: ['orders_order_count'] }))).json().results.rows[0];
    expect(totals.json().results.orders_order_count).toBe(all.orders_order_count.value.raw);
    expect(typeof totals.json().results.orders_total_revenue).toBe('number');
  });
});

