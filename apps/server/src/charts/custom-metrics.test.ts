import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectError, expectSpec } from '../testing/spec.js';
import { chartBody, createChartTestBed, ordersByStatus, type ChartTestBed } from './chart-test-setup.js';

let bed: ChartTestBed;

beforeAll(async () => {
  bed = await createChartTestBed();
}, 120_000);
afterAll(() => bed.close());

const distinctCustomers = {
  table: 'orders',
  name: 'distinct_customers',
  label: 'Distinct customers: "loyal", #1',
  description: 'Customers who ordered\nat least once',
  type: 'count_distinct',
  sql: '${TABLE}.customer_id',
  baseDimensionName: 'customer_id',
  round: 0,
};
const withMetric = (metric: object) => ({ ...ordersByStatus, metrics: [...ordersByStatus.metrics, `orders_${(metric as { name: string }).name}`], additionalMetrics: [metric] });

const list = (as = bed.viewer) => bed.request('GET', `/api/v1/projects/${bed.projectUuid}/custom-metrics`, as);

describe('getCustomMetrics', () => {
  it("lists the custom metrics of the latest version of each chart the user may see, with the dbt YAML to declare them", async () => {
    expect((await list()).json().results).toEqual([]);
    const shown = await bed.createChart(chartBody({ name: 'Customers by status', spaceUuid: bed.publicSpace, metricQuery: withMetric(distinctCustomers) }));
    const hidden = await bed.createChart(chartBody({ name: 'Private', spaceUuid: bed.privateSpace, metricQuery: withMetric({ ...distinctCustomers, name: 'secret_metric' }) }));

    const res = await list();
    expectSpec(res, 'getCustomMetrics');
    const results = res.json().results as { name: string; label: string; modelName: string; yml: string; chartLabel: string; chartUrl: string }[];
    expect(results.map((r) => r.name)).toEqual(['distinct_customers']);
    const [item] = results;
    expect(item).toMatchObject({ label: distinctCustomers.label, modelName: 'orders', chartLabel: 'Customers by status' });
    expect(item!.chartUrl).toMatch(new RegExp(`/projects/${bed.projectUuid}/saved/${shown.uuid}/view$`));
    // The YAML is a dbt column entry with the metric under meta.metrics, values quoted safely.
    expect(parse(item!.yml)).toEqual([
      {
        name: 'customer_id',
        meta: { metrics: { distinct_customers: { label: distinctCustomers.label, description: distinctCustomers.description, type: 'count_distinct', round: 0 } } },
      },
    ]);

    // The admin sees the private space's chart too.
    expect((await list(bed.admin)).json().results.map((r: { name: string }) => r.name).sort()).toEqual(['distinct_customers', 'secret_metric']);

    // A new version without the metric drops it.
    const update = await bed.request('POST', `/api/v1/saved/${hidden.uuid}/version`, bed.admin, { ...chartBody(), metricQuery: ordersByStatus });
    expect(update.statusCode, update.body).toBe(200);
    expect((await list(bed.admin)).json().results.map((r: { name: string }) => r.name)).toEqual(['distinct_customers']);
  });

  it('keeps other organizations out (403) and unknown projects are 404', async () => {
    expectError(await list(bed.outsider), 403);
    expectError(await bed.request('GET', `/api/v1/projects/00000000-0000-4000-8000-000000000000/custom-metrics`, bed.viewer), 404);
  });
});
