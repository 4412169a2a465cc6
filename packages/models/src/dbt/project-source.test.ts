import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.js';
import { DbtProjectSource } from './project-source.js';

const tempDir = useTempDirs();

const project = (extra: Record<string, string> = {}) =>
  tempDir({
    'dbt_project.yml': `name: shop
profile: shop
model-paths: [models]
models:
  shop:
    +tags: [project]
    marts:
      +schema: marts
      +meta:
        group_label: Marts
      orders:
        +alias: fct_orders
`,
    'profiles.yml': `shop:
  target: dev
  outputs:
    dev:
      type: duckdb
      database: "{{ env_var('DB_NAME', 'warehouse') }}"
      schema: "{{ env_var('DBT_SCHEMA') }}"
`,
    'models/marts/orders.sql': "{{ config(materialized='table', tags=['sql']) }}\nselect * from {{ ref('stg_orders') }} join {{ source('shop', 'raw') }}",
    'models/marts/orders.yml': `version: 2
models:
  - name: orders
    description: '{{ doc("orders") }}'
    meta:
      label: Old
      hidden: yes
    config:
      meta:
        label: Orders
    columns:
      - name: id
        data_type: integer
        description: The id
        meta:
          dimension:
            hidden: true
        config:
          meta:
            dimension:
              label: Id
`,
    'models/docs.md': '{% docs orders %}\nOne row per order.\n{% enddocs %}\n',
    'models/staging/stg_orders.sql': 'select 1',
    'models/staging/ephemeral.sql': "{{ config(materialized='ephemeral') }} select 1",
    'models/ghost.yml': 'version: 2\nmodels:\n  - name: ghost\n',
    ...extra,
  });

describe('dbt project directory source', () => {
  it('applies project, YAML and SQL configs in dbt order and resolves the profile target', async () => {
    const dir = await project();
    const loaded = await new DbtProjectSource(dir, { env: { DBT_SCHEMA: 'analytics' } }).load();
    expect(loaded.targetDatabase).toBe('duckdb');
    expect(loaded.diagnostics).toEqual([{ severity: 'warning', file: 'models/ghost.yml', message: 'model "ghost" has no SQL file in the model paths; skipped' }]);
    expect(loaded.models.map((m) => m.name)).toEqual(['orders', 'stg_orders']);
    const [orders, staging] = loaded.models;
    expect(orders).toEqual({
      name: 'orders',
      path: 'models/marts/orders.yml',
      sqlPath: 'models/marts/orders.sql',
      relation: { kind: 'table', database: 'warehouse', schema: 'analytics_marts', identifier: 'fct_orders' },
      description: 'One row per order.',
      tags: ['project', 'sql'],
      meta: { group_label: 'Marts', label: 'Orders', hidden: true },
      columns: [{ name: 'id', description: 'The id', dataType: 'integer', meta: { dimension: { hidden: true, label: 'Id' } } }],
      dependsOn: [
        { type: 'model', name: 'stg_orders' },
        { type: 'source', name: 'shop.raw' },
      ],
    });
    expect(staging).toMatchObject({ relation: { kind: 'table', database: 'warehouse', schema: 'analytics', identifier: 'stg_orders' }, columns: [] });
  });

  it('falls back to the given schema when the profile cannot say, with a warning', async () => {
    const dir = await project();
    const loaded = await new DbtProjectSource(dir, { env: {}, defaultSchema: 'public' }).load();
    expect(loaded.models[1]!.relation).toEqual({ kind: 'table', database: 'warehouse', schema: 'public', identifier: 'stg_orders' });
    expect(loaded.diagnostics.map((d) => d.message)).toContain('"schema" of target "dev" needs an environment variable that is not set; left unset');
  });

  it('reports invalid YAML with its file and keeps the other models', async () => {
    const dir = await project({ 'models/staging/broken.yml': 'models: [\n' });
    const loaded = await new DbtProjectSource(dir, { env: { DBT_SCHEMA: 's' } }).load();
    expect(loaded.models.map((m) => m.name)).toEqual(['orders', 'stg_orders']);
    expect(loaded.diagnostics.find((d) => d.file === 'models/staging/broken.yml')).toMatchObject({ severity: 'error' });
  });

  it('a directory without dbt_project.yml is an error', async () => {
    const dir = await tempDir({ 'models/a.sql': 'select 1' });
    expect((await new DbtProjectSource(dir, { env: {} }).load()).diagnostics[0]).toMatchObject({ severity: 'error', file: 'dbt_project.yml' });
  });
});
