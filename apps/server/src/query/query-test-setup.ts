import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { generateDemoWarehouse } from '../../../../examples/demo/generate.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';

/**
 * Test support for the query routes: a server whose TESSERA_HOME is a temporary directory, an
 * organization with an admin, a developer, a viewer and an outsider, the demo warehouse (DuckDB,
 * scale 0.01) and the demo project compiled from examples/demo.
 */
export const DEMO_DIR = path.resolve(import.meta.dirname, '../../../../examples/demo');

export type QueryTestBed = {
  server: TestServer;
  organizationUuid: string;
  admin: TestUser;
  developer: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  dir: string;
  warehouse: string;
  projectUuid: string;
  createProject(options?: { name?: string; requireUserCredentials?: boolean; dbt?: boolean }): Promise<string>;
  close(): Promise<void>;
};

export const waitForJob = async (server: TestServer, jobUuid: string, as: TestUser) => {
  for (let i = 0; i < 600; i++) {
    const job = (await server.request('GET', `/api/v1/jobs/${jobUuid}`, { as })).json().results;
    if (job.jobStatus === 'DONE' || job.jobStatus === 'ERROR') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
};

export const createQueryTestBed = async (env: Record<string, string> = {}): Promise<QueryTestBed> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-query-'));
  const server = await createTestServer({ env: { TESSERA_HOME: dir, ...env } });
  const org = await server.createOrganization();
  const developer = await server.createUser({ organizationUuid: org.organizationUuid, role: 'developer' });
  const viewer = await server.createUser({ organizationUuid: org.organizationUuid, role: 'viewer' });
  const outsider = (await server.createOrganization('Other')).admin;
  const warehouse = path.join(dir, 'shop.duckdb');
  await generateDemoWarehouse(warehouse, { scale: 0.01 });

  const createProject: QueryTestBed['createProject'] = async (options = {}) => {
    const res = await server.request('POST', '/api/v1/org/projects', {
      as: org.admin,
      body: {
        name: options.name ?? 'Shop',
        type: 'DEFAULT',
        dbtConnection: options.dbt === false ? { type: 'none' } : { type: 'dbt', project_dir: DEMO_DIR },
        warehouseConnection: { type: 'duckdb', path: warehouse, schema: 'demo', ...(options.requireUserCredentials ? { requireUserCredentials: true } : {}) },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const projectUuid = res.json().results.projectUuid as string;
    if (options.dbt !== false) {
      const refresh = await server.request('POST', `/api/v1/projects/${projectUuid}/refresh`, { as: org.admin });
      const job = await waitForJob(server, refresh.json().results.jobUuid, org.admin);
      expect(job.jobStatus, JSON.stringify(job)).toBe('DONE');
    }
    return projectUuid;
  };

  return {
    server,
    organizationUuid: org.organizationUuid,
    admin: org.admin,
    developer,
    viewer,
    outsider,
    dir,
    warehouse,
    projectUuid: await createProject(),
    createProject,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

/** A metric query body with the required keys filled in. */
export const metricQuery = (over: Record<string, unknown> = {}) => ({
  exploreName: 'orders',
  dimensions: [] as string[],
  metrics: [] as string[],
  filters: {},
  sorts: [] as { fieldId: string; descending: boolean }[],
  limit: 500,
  tableCalculations: [] as unknown[],
  ...over,
});
