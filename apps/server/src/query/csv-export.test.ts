import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { createQueryTestBed, metricQuery, type QueryTestBed } from './query-test-setup.js';

let bed: QueryTestBed;
let base: string;

beforeAll(async () => {
  bed = await createQueryTestBed({ TESSERA_CSV_EXPIRY_HOURS: '1' });
  base = `/api/v1/projects/${bed.projectUuid}`;
}, 120_000);
afterAll(() => bed.close());

const byStatus = metricQuery({
  dimensions: ['orders_status'],
  metrics: ['orders_order_count', 'orders_total_revenue'],
  sorts: [{ fieldId: 'orders_status', descending: false }],
});

/** Minimal RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
};

const startExport = async (body: object, as: TestUser = bed.viewer, explore = 'orders') => {
  const res = await bed.server.request('POST', `${base}/explores/${explore}/downloadCsv`, { as, body });
  expectSpec(res, 'DownloadCsvFromExplore');
  return res.json().results.jobId as string;
};

const finished = async (jobId: string, as: TestUser = bed.viewer) => {
  for (let i = 0; i < 400; i++) {
    const res = await bed.server.request('GET', `/api/v1/csv/${jobId}`, { as });
    expectSpec(res, 'getCsvUrl');
    const status = res.json().results;
    if (status.status === 'completed' || status.status === 'error') return status as { url: string; status: string; truncated: boolean; error?: string };
    expect(['scheduled', 'started']).toContain(status.status);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
};

const download = (url: string, as: TestUser = bed.viewer) => bed.server.request('GET', new URL(url).pathname, { as });

describe('CSV export', () => {
  it('writes formatted values with table names, custom labels and the column order, truncated at csvLimit', async () => {
    const jobId = await startExport({
      ...byStatus,
      columnOrder: ['orders_total_revenue', 'orders_status'],
      showTableNames: true,
      customLabels: { orders_order_count: 'Number of "orders", all' },
      onlyRaw: false,
      csvLimit: 3,
    });
    const status = await finished(jobId);
    expect(status).toMatchObject({ status: 'completed', truncated: true });
    expect(status.url).toMatch(new RegExp(`/api/v1/projects/${bed.projectUuid}/csv/${jobId}$`));

    const file = await download(status.url);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Orders_.*\.csv"$/);
    const [header, ...rows] = parseCsv(file.body);
    expect(header).toEqual(['Orders Revenue', 'Orders Status', 'Number of "orders", all']);
    expect(file.body.split('\r\n')[0]).toBe('Orders Revenue,Orders Status,"Number of ""orders"", all"');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[1])).toEqual(['cancelled', 'completed', 'pending']);
    for (const r of rows) {
      expect(r[0]).toMatch(/^\$[\d,]+\.\d\d$/);
      expect(r[2]).toMatch(/^[\d,]+$/);
    }
  });

  it.each([
    ['UTC (the warehouse writes the file)', undefined],
    ['a display zone (the rows stream through the formatters)', 'Europe/Paris'],
  ])('writes, in %s, the formatted text runQuery shows for every row', async (_label, timezone) => {
    const query = metricQuery({
      dimensions: [
        'orders_order_id',
        'orders_status',
        'orders_is_first_order',
        'orders_fx_rate',
        'orders_units',
        'orders_subtotal_usd',
        'orders_tax_usd',
        'orders_ordered_at_raw',
        'orders_ordered_at_hour',
        'orders_ordered_at_day',
        'orders_ordered_at_quarter',
        'orders_ordered_at_hour_of_day_num',
        'orders_order_date_month',
        'orders_order_date_year',
      ],
      sorts: [{ fieldId: 'orders_order_id', descending: false }],
      limit: 400,
      ...(timezone ? { timezone } : {}),
    });
    const run = await bed.server.request('POST', `${base}/explores/orders/runQuery`, { as: bed.viewer, body: query });
    expect(run.statusCode, run.body).toBe(200);
    const expected = (run.json().results.rows as Record<string, { value: { formatted: string } }>[]).map((row) =>
      query.dimensions.map((id) => row[id]!.value.formatted),
    );
    const status = await finished(await startExport({ ...query, columnOrder: [], showTableNames: false, onlyRaw: false }));
    expect(status).toMatchObject({ status: 'completed', truncated: true });
    const [, ...rows] = parseCsv((await download(status.url)).body);
    expect(rows).toHaveLength(400);
    expect(rows).toEqual(expected);
  });

  it('writes raw values of every row with csvLimit null, leaving hidden fields out', async () => {
    const jobId = await startExport({ ...byStatus, columnOrder: [], showTableNames: false, hiddenFields: ['orders_order_count'], onlyRaw: true, csvLimit: null });
    const status = await finished(jobId);
    expect(status).toMatchObject({ status: 'completed', truncated: false });
    const [header, ...rows] = parseCsv((await download(status.url)).body);
    expect(header).toEqual(['Status', 'Revenue']);
    expect(rows).toHaveLength(6);
    const results = (await bed.server.request('POST', `${base}/explores/orders/runQuery`, { as: bed.viewer, body: byStatus })).json().results.rows;
    expect(rows).toEqual(results.map((r: Record<string, { value: { raw: unknown } }>) => [r.orders_status!.value.raw, String(r.orders_total_revenue!.value.raw)]));
  });

  it('streams results larger than one batch, every row once', async () => {
    const count = await bed.server.request('POST', `${base}/sqlQuery`, { as: bed.admin, body: { sql: 'select count(*) as n from demo.order_items' } });
    const expected = count.json().results.rows[0].n as number;
    expect(expected).toBeGreaterThan(5000);
    const jobId = await startExport(
      metricQuery({ exploreName: 'order_items', dimensions: ['order_items_order_item_id'], columnOrder: [], showTableNames: false, onlyRaw: true, csvLimit: null }),
      bed.viewer,
      'order_items',
    );
    const status = await finished(jobId);
    expect(status).toMatchObject({ status: 'completed', truncated: false });
    const [, ...rows] = parseCsv((await download(status.url)).body);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r[0])).size).toBe(expected);
  });

  it('answers a bad query at once with 400, and an unknown explore with 404', async () => {
    const options = { columnOrder: [], showTableNames: false, onlyRaw: true };
    const bad = await bed.server.request('POST', `${base}/explores/orders/downloadCsv`, { as: bed.viewer, body: { ...metricQuery({ dimensions: ['orders_nope'] }), ...options } });
    expectError(bad, 400, 'ParameterError');
    expectError(await bed.server.request('POST', `${base}/explores/nope/downloadCsv`, { as: bed.viewer, body: { ...metricQuery(), ...options } }), 404);
    expectError(await bed.server.request('POST', `${base}/explores/orders/downloadCsv`, { as: bed.viewer, body: metricQuery() }), 422);
  });

  it('reports a query the warehouse fails as an error status with its message', async () => {
    const jobId = await startExport(
      metricQuery({
        metrics: ['orders_order_count'],
        customDimensions: [{ id: 'broken', name: 'broken', table: 'orders', type: 'sql', sql: "CAST('x' || ${orders.status} AS INTEGER)", dimensionType: 'number' }],
        dimensions: ['broken'],
        columnOrder: [],
        showTableNames: false,
        onlyRaw: true,
      }),
    );
    const status = await finished(jobId);
    expect(status.status).toBe('error');
    expect(status.error).toMatch(/warehouse refused/i);
  });

  it('lets only the exporter follow and download the file, and only until it expires (TESSERA_CSV_EXPIRY_HOURS)', async () => {
    const jobId = await startExport({ ...byStatus, columnOrder: [], showTableNames: false, onlyRaw: true });
    const status = await finished(jobId);
    expectError(await bed.server.request('GET', `/api/v1/csv/${jobId}`, { as: bed.admin }), 403, 'ForbiddenError');
    expectError(await download(status.url, bed.admin), 403, 'ForbiddenError');
    expectError(await download(status.url, bed.outsider), 403);
    expectError(await bed.server.request('GET', `/api/v1/csv/${jobId}`, { as: bed.outsider }), 403);
    expectError(await bed.server.request('GET', new URL(status.url).pathname), 401);
    expectError(await bed.server.request('GET', '/api/v1/csv/00000000-0000-4000-8000-000000000000', { as: bed.viewer }), 404);
    expect((await download(status.url)).statusCode).toBe(200);

    bed.server.clock.advance(3600_000 + 1);
    expectError(await download(status.url), 406, 'ExpiredError');
    expectError(await bed.server.request('GET', `/api/v1/csv/${jobId}`, { as: bed.viewer }), 406);
  });
});
