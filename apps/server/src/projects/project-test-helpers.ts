import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectSpec, expectSpecSchema } from '../testing/spec.js';
import type { TestServer, TestUser } from '../testing/test-server.js';
import { publicDbtConnectionSchema } from './dbt-connection-schemas.js';
import { publicWarehouseConnectionSchema } from './warehouse-connection-schemas.js';

/** Test helpers for projects/: secret tracking, request bodies per warehouse type, spec checks. */

/** Every secret sent by a test file; no response and no stored row may contain one in clear. */
export class SecretTracker {
  readonly values = new Set<string>();
  readonly responses: LightMyRequestResponse[] = [];

  make(label: string): string {
    const value = `${label}-${randomUUID()}`;
    this.values.add(value);
    return value;
  }

  /** Asserts (and forgets) the responses seen since the last call. */
  checkResponses(): void {
    for (const res of this.responses.splice(0)) {
      for (const s of this.values) expect(res.body).not.toContain(s);
    }
  }

  /** Asserts no stored project or manifest row holds a secret in clear. */
  async checkStore(server: TestServer): Promise<void> {
    const rows = JSON.stringify([
      await server.store.db.selectFrom('projects').selectAll().execute(),
      await server.store.db.selectFrom('project_manifests').selectAll().execute(),
    ]);
    for (const s of this.values) expect(rows).not.toContain(s);
  }
}

/** A complete warehouse connection of each type, secrets made by the tracker. */
export const warehouseBodies = (t: SecretTracker): Record<string, Record<string, unknown>> => ({
  postgres: { type: 'postgres', host: 'db.local', port: 5432, dbname: 'analytics', schema: 'public', user: t.make('pg-user'), password: t.make('pg-pass'), sslmode: 'disable', requireUserCredentials: false, startOfWeek: null },
  redshift: { type: 'redshift', host: 'rs.local', port: 5439, dbname: 'dev', schema: 'public', user: t.make('rs-user'), password: t.make('rs-pass'), sshTunnelPrivateKey: t.make('rs-ssh'), ra3Node: true },
  snowflake: { type: 'snowflake', account: 'acme', database: 'DB', warehouse: 'WH', schema: 'PUBLIC', user: t.make('sf-user'), privateKey: t.make('sf-key'), privateKeyPass: t.make('sf-keypass') },
  bigquery: { type: 'bigquery', project: 'gcp-proj', dataset: 'ds', keyfileContents: { private_key: t.make('bq-key'), client_email: 'x@y' }, priority: 'interactive', timeoutSeconds: 300 },
  databricks: { type: 'databricks', serverHostName: 'dbc.local', httpPath: '/sql/1', database: 'default', personalAccessToken: t.make('dbx-pat') },
  trino: { type: 'trino', host: 'trino.local', port: 8080, dbname: 'hive', schema: 'default', http_scheme: 'https', user: t.make('trino-user'), password: t.make('trino-pass') },
  duckdb: { type: 'duckdb', path: '/var/lib/tessera/warehouse.duckdb', schema: 'main' },
  mysql: { type: 'mysql', host: 'mysql.local', port: 3306, dbname: 'shop', schema: 'shop', user: t.make('my-user'), password: t.make('my-pass') },
});

/** A dbt project directory on disk (with dbt_project.yml). */
export const makeDbtProjectDir = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tessera-dbt-'));
  await writeFile(path.join(dir, 'dbt_project.yml'), "name: 'jaffle'\nversion: '1.0'\nprofile: 'jaffle'\n");
  return dir;
};

export const createBody = (warehouse: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  name: 'Analytics',
  type: 'DEFAULT',
  dbtConnection: { type: 'none' },
  warehouseConnection: warehouse,
  ...overrides,
});

const SPEC_WAREHOUSES = ['postgres', 'redshift', 'snowflake', 'bigquery', 'databricks', 'trino'];
const SPEC_DBT = ['dbt', 'none'];

/**
 * Validates a `Project` response against the spec. Tessera's extensions the spec cannot describe
 * (warehouse types duckdb/mysql, dbt type manifest) are first checked against Tessera's own public
 * schemas, then left out (warehouse) or shown as `none` (dbt) for the spec check.
 */
export const expectProjectSpec = (res: LightMyRequestResponse, operationId: string | null): void => {
  if (res.statusCode !== 200) {
    if (operationId) expectSpec(res, operationId);
    return;
  }
  const body = res.json() as { results: Record<string, unknown> };
  const project = { ...body.results };
  const warehouse = project.warehouseConnection as { type: string } | undefined;
  if (warehouse && !SPEC_WAREHOUSES.includes(warehouse.type)) {
    expect(publicWarehouseConnectionSchema.safeParse(warehouse).success).toBe(true);
    delete project.warehouseConnection;
  }
  const dbt = project.dbtConnection as { type: string };
  if (!SPEC_DBT.includes(dbt.type)) {
    expect(publicDbtConnectionSchema.safeParse(dbt).success).toBe(true);
    project.dbtConnection = { ...dbt, type: 'none' };
  }
  const normalised = { ...body, results: project };
  const response = { statusCode: 200, body: JSON.stringify(normalised), json: () => normalised };
  if (operationId) expectSpec(response, operationId);
  else expectSpecSchema(response, 'Project');
};

export type Project = {
  projectUuid: string;
  organizationUuid: string;
  name: string;
  type: string;
  dbtConnection: Record<string, unknown>;
  warehouseConnection?: Record<string, unknown>;
  dbtVersion: string;
  upstreamProjectUuid?: string;
  schedulerTimezone: string;
  createdByUserUuid: string | null;
};

/** Creates a project through the API (expects 200) and returns it. */
export const createProject = async (
  server: TestServer,
  as: TestUser,
  body: Record<string, unknown>,
  t?: SecretTracker,
): Promise<Project> => {
  const res = await server.request('POST', '/api/v1/org/projects', { as, body });
  t?.responses.push(res);
  expectProjectSpec(res, null);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: Project }).results;
};

export const countRows = async (server: TestServer, table: 'projects' | 'project_memberships' | 'project_manifests' | 'project_group_access') =>
  Number(
    (await server.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
