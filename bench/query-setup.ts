/**
 * Set-up for bench/query.ts: a DuckDB warehouse with a 10,000,000-row table and a 100,000-row one,
 * a two-model dbt project describing them, and a Tessera server running in this process (PGlite
 * store, real HTTP on loopback) with a project on that warehouse.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { migrateToLatest, openStore } from '../apps/server/src/store/database.js';

const ADMIN = { email: 'bench@example.com', password: 'bench-password-1' };

/** Columns of both tables: an id, a five-value status, a DECIMAL amount, a timestamp. */
const columns = (rows: number) => `
  select range as id,
    ['completed', 'shipped', 'returned', 'placed', 'cancelled'][1 + (range % 5)::int] as status,
    ((range * 7919) % 100000 / 100.0)::decimal(12, 2) as amount,
    timestamp '2020-01-01' + to_seconds(range * 37) as created_at
  from range(${rows})`;

export const createWarehouse = async (file: string, bigRows: number, smallRows: number): Promise<void> => {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run('create schema bench');
  await connection.run(`create table bench.events as ${columns(bigRows)}`);
  await connection.run(`create table bench.events_small as ${columns(smallRows)}`);
  connection.closeSync();
  instance.closeSync();
};

const modelYaml = (name: string) => `version: 2
models:
  - name: ${name}
    config:
      meta:
        label: ${name}
        primary_key: id
    columns:
      - name: id
        config: { meta: { dimension: { type: number }, metrics: { count: { type: count } } } }
      - name: status
        config: { meta: { dimension: { type: string } } }
      - name: amount
        config: { meta: { dimension: { type: number, format: usd }, metrics: { revenue: { type: sum, format: usd } } } }
      - name: created_at
        config: { meta: { dimension: { type: timestamp, time_intervals: 'OFF' } } }
`;

/** A dbt project whose models are pass-through selects over the two tables, in schema `bench`. */
export const writeModels = async (dir: string): Promise<void> => {
  await mkdir(path.join(dir, 'models'), { recursive: true });
  await mkdir(path.join(dir, 'macros'), { recursive: true });
  await writeFile(
    path.join(dir, 'dbt_project.yml'),
    'name: tessera_bench\nversion: "1.0.0"\nconfig-version: 2\nprofile: bench\nmodel-paths: [models]\nmacro-paths: [macros]\n' +
      'models:\n  tessera_bench:\n    +materialized: table\n    +schema: bench\n',
  );
  await writeFile(
    path.join(dir, 'macros/generate_schema_name.sql'),
    '{% macro generate_schema_name(custom_schema_name, node) -%}{{ custom_schema_name if custom_schema_name is not none else target.schema }}{%- endmacro %}\n',
  );
  for (const name of ['events', 'events_small']) {
    await writeFile(path.join(dir, `models/${name}.sql`), `select * from bench.${name}\n`);
    await writeFile(path.join(dir, `models/${name}.yml`), modelYaml(name));
  }
};

export type BenchServer = {
  url: string;
  /** `Authorization` header value of the admin's personal access token. */
  authorization: string;
  projectUuid: string;
  close(): Promise<void>;
};

const json = async (res: Response) => {
  const body = (await res.json()) as { results: never };
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${JSON.stringify(body)}`);
  return body.results;
};

/** Starts the server in this process and creates the project on `warehouse` from the models in `modelsDir`. */
export const startServer = async (home: string, env: Record<string, string>, warehouse: string, modelsDir: string): Promise<BenchServer> => {
  const config = loadConfig({ TESSERA_HOME: home, LOG_LEVEL: 'warn', TESSERA_SECRET: 'bench-secret-bench-secret-bench-secret', ...env });
  // In memory and migrated from scratch: independent of the install-time template.
  const store = await openStore({ kind: 'pglite' });
  await migrateToLatest(store);
  const { app, bootstrap } = await buildApp({ config, store, secret: 'bench-secret-bench-secret-bench-secret', logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await bootstrap.ensureFirstAdmin({ ...ADMIN, firstName: 'Bench', lastName: '', organizationName: 'Bench' });

  const login = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const post = (route: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const pat: { token: string } = await json(await post('/api/v1/user/me/personal-access-tokens', { description: 'bench', expiresAt: null }, { cookie }));
  const authorization = `ApiKey ${pat.token}`;
  const project: { projectUuid: string } = await json(
    await post(
      '/api/v1/org/projects',
      {
        name: 'Bench',
        type: 'DEFAULT',
        dbtConnection: { type: 'dbt', project_dir: modelsDir },
        warehouseConnection: { type: 'duckdb', path: warehouse, schema: 'bench' },
      },
      { authorization },
    ),
  );
  const refresh: { jobUuid: string } = await json(await post(`/api/v1/projects/${project.projectUuid}/refresh`, {}, { authorization }));
  for (;;) {
    const job: { jobStatus: string } = await json(await fetch(`${url}/api/v1/jobs/${refresh.jobUuid}`, { headers: { authorization } }));
    if (job.jobStatus === 'DONE') break;
    if (job.jobStatus === 'ERROR') throw new Error(`the bench project did not compile: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    authorization,
    projectUuid: project.projectUuid,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
};
