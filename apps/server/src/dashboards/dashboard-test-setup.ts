import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { chartBody, createChartTestBed, type ChartTestBed, type SavedChart } from '../charts/chart-test-setup.js';
import type { TestUser } from '../testing/test-server.js';

/**
 * Test support for dashboards/: the charts test bed (demo project on DuckDB; admin, developer,
 * editor, interactive viewer, viewer, outsider; a public and a private space) with dashboard
 * bodies and helpers.
 */
export type DashboardTestBed = ChartTestBed & {
  /** POSTs a dashboard (expects 201) and returns the response's `results`. */
  createDashboard(body: Record<string, unknown>, as?: TestUser, projectUuid?: string): Promise<Dashboard>;
  /** A chart saved in a space (the public one by default). */
  chartIn(spaceUuid?: string, over?: Record<string, unknown>): Promise<SavedChart>;
};

export type Tile = { uuid: string; type: string; x: number; y: number; w: number; h: number; tabUuid?: string; properties: Record<string, unknown> };

export type Dashboard = {
  uuid: string;
  name: string;
  slug: string;
  spaceUuid: string;
  spaceName: string;
  dashboardVersionId: number;
  views: number;
  firstViewedAt: string | null;
  tiles: Tile[];
  tabs: { uuid: string; name: string; order: number }[];
  filters: Record<string, unknown[]>;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
};

export const chartTile = (savedChartUuid: string, over: Record<string, unknown> = {}) => ({
  uuid: randomUUID(),
  type: 'saved_chart',
  x: 0,
  y: 0,
  w: 18,
  h: 9,
  properties: { savedChartUuid, title: 'Orders' },
  ...over,
});

export const markdownTile = (over: Record<string, unknown> = {}) => ({
  uuid: randomUUID(),
  type: 'markdown',
  x: 18,
  y: 0,
  w: 18,
  h: 3,
  properties: { title: 'Notes', content: '# Hello' },
  ...over,
});

export const loomTile = (over: Record<string, unknown> = {}) => ({
  uuid: randomUUID(),
  type: 'loom',
  x: 0,
  y: 9,
  w: 36,
  h: 6,
  properties: { title: 'Walkthrough', url: 'https://www.loom.com/share/abc' },
  ...over,
});

export const dashboardBody = (spaceUuid: string, over: Record<string, unknown> = {}) => ({
  name: 'Sales overview',
  description: 'Orders at a glance',
  spaceUuid,
  tiles: [markdownTile()],
  tabs: [],
  ...over,
});

export const createDashboardTestBed = async (): Promise<DashboardTestBed> => {
  const bed = await createChartTestBed();
  const createDashboard: DashboardTestBed['createDashboard'] = async (body, as = bed.admin, projectUuid = bed.projectUuid) => {
    const res = await bed.request('POST', `/api/v1/projects/${projectUuid}/dashboards`, as, body);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { results: Dashboard }).results;
  };
  const chartIn: DashboardTestBed['chartIn'] = (spaceUuid = bed.publicSpace, over = {}) => bed.createChart(chartBody({ spaceUuid, ...over }));
  return { ...bed, createDashboard, chartIn };
};

export const results = <T>(res: LightMyRequestResponse): T => (res.json() as { results: T }).results;
