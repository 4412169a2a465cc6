import type { OrganizationRole } from '@tessera/core';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createQueryTestBed, metricQuery, type QueryTestBed } from '../query/query-test-setup.js';
import { insertSpace } from '../spaces/space-fixtures.js';
import type { Credentials, TestUser } from '../testing/test-server.js';

/**
 * Test support for charts/: the query test bed (demo project on DuckDB, admin, developer, viewer,
 * outsider) plus an editor and an interactive viewer, a public space and a private one (shared with
 * nobody), and chart bodies.
 */
export type ChartTestBed = QueryTestBed & {
  editor: TestUser;
  interactiveViewer: TestUser;
  publicSpace: string;
  privateSpace: string;
  user(role: OrganizationRole): Promise<TestUser>;
  space(values?: { name?: string; isPrivate?: boolean; projectUuid?: string }): Promise<string>;
  /** POSTs a chart (expects 200) and returns the response's `results`. */
  createChart(body: Record<string, unknown>, as?: TestUser, projectUuid?: string): Promise<SavedChart>;
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: TestUser | Credentials, body?: unknown): Promise<LightMyRequestResponse>;
};

export type SavedChart = {
  uuid: string;
  name: string;
  slug: string;
  spaceUuid: string;
  spaceName: string;
  dashboardUuid: string | null;
  metricQuery: Record<string, unknown>;
  chartConfig: { type: string; config?: Record<string, unknown> };
  tableConfig: { columnOrder: string[] };
  pivotConfig?: { columns: string[] };
  [key: string]: unknown;
};

export const ordersByStatus = metricQuery({
  exploreName: 'orders',
  dimensions: ['orders_status'],
  metrics: ['orders_order_count', 'orders_total_revenue'],
  sorts: [{ fieldId: 'orders_status', descending: false }],
});

export const barChart = {
  type: 'cartesian',
  config: {
    layout: { xField: 'orders_status', yField: ['orders_order_count'] },
    eChartsConfig: { series: [{ type: 'bar', encode: { xRef: { field: 'orders_status' }, yRef: { field: 'orders_order_count' } }, yAxisIndex: 0 }] },
  },
};

/** A chart body with the required keys; `spaceUuid` must be added (or another home). */
export const chartBody = (over: Record<string, unknown> = {}) => ({
  name: 'Orders by status',
  description: 'How many orders in each status',
  tableName: 'orders',
  metricQuery: ordersByStatus,
  chartConfig: barChart,
  tableConfig: { columnOrder: ['orders_status', 'orders_order_count', 'orders_total_revenue'] },
  ...over,
});

export const createChartTestBed = async (): Promise<ChartTestBed> => {
  const bed = await createQueryTestBed();
  const user = (role: OrganizationRole) => bed.server.createUser({ organizationUuid: bed.organizationUuid, role });
  const space: ChartTestBed['space'] = (values = {}) =>
    insertSpace(bed.server.store.db, values.projectUuid ?? bed.projectUuid, { name: values.name ?? 'Space', isPrivate: values.isPrivate ?? false });
  const request: ChartTestBed['request'] = (method, url, as, body) => bed.server.request(method, url, { as, ...(body !== undefined ? { body } : {}) });
  const createChart: ChartTestBed['createChart'] = async (body, as = bed.admin, projectUuid = bed.projectUuid) => {
    // By token: sessions expire when a test moves the clock far ahead.
    const res = await request('POST', `/api/v1/projects/${projectUuid}/saved`, { apiKey: as.apiKey }, body);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { results: SavedChart }).results;
  };
  return {
    ...bed,
    editor: await user('editor'),
    interactiveViewer: await user('interactive_viewer'),
    publicSpace: await space({ name: 'Shared' }),
    privateSpace: await space({ name: 'Board', isPrivate: true }),
    user,
    space,
    createChart,
    request,
  };
};
