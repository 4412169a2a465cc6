import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExplores, defaultQuote, isExploreError } from '@tessera/core';
import { useTempDirs } from '../testing/temp-dir.js';
import { DbtManifestSource } from './manifest-source.js';

const MINIMAL = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/content-as-code/minimal-manifest-v12.json');
const tempDir = useTempDirs();

const manifest = (version: number, nodes: Record<string, unknown>) =>
  JSON.stringify({ metadata: { dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${version}.json`, adapter_type: 'snowflake' }, nodes });

describe('dbt manifest source', () => {
  it('reads the minimal v12 manifest, which compiles', async () => {
    const loaded = await new DbtManifestSource(MINIMAL).load();
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.targetDatabase).toBe('postgres');
    expect(loaded.models).toEqual([
      expect.objectContaining({
        name: 'test_model',
        path: 'models/test_model.sql',
        sqlPath: 'models/test_model.sql',
        relation: { kind: 'table', database: 'test_db', schema: 'test_schema', identifier: 'test_model' },
        description: 'A test model',
      }),
    ]);
    const { explores } = compileExplores(loaded.models, { targetDatabase: 'postgres', quote: defaultQuote('postgres') });
    expect(explores.map((e) => [e.name, isExploreError(e)])).toEqual([['test_model', false]]);
    const t = (explores[0] as { tables: Record<string, { metrics: Record<string, { compiledSql: string }> }> }).tables.test_model!;
    expect(t.metrics.unique_names!.compiledSql).toBe('COUNT(DISTINCT "test_model".name)');
  });

  it('merges meta with config.meta (config wins), takes config tags, skips ephemeral and disabled models', async () => {
    const dir = await tempDir({
      'manifest.json': manifest(7, {
        'model.p.orders': {
          resource_type: 'model',
          name: 'orders',
          alias: 'orders_v2',
          database: 'DB',
          schema: 'MARTS',
          patch_path: 'p://models/orders.yml',
          original_file_path: 'models/orders.sql',
          meta: { label: 'Old', joins: [{ join: 'a' }], group_label: 'Sales' },
          config: { materialized: 'table', meta: { label: 'New' }, tags: ['core'] },
          tags: ['ignored'],
          depends_on: { nodes: ['model.p.stg_orders', 'seed.p.raw', 'source.p.shop.orders'] },
          columns: { id: { name: 'id', data_type: 'NUMBER', meta: { dimension: { type: 'string', hidden: true } }, config: { meta: { dimension: { type: 'number' } } } } },
        },
        'model.p.tmp': { resource_type: 'model', name: 'tmp', config: { materialized: 'ephemeral' } },
        'model.p.off': { resource_type: 'model', name: 'off', config: { enabled: false } },
        'seed.p.raw': { resource_type: 'seed', name: 'raw' },
      }),
    });
    const loaded = await new DbtManifestSource(path.join(dir, 'manifest.json')).load();
    expect(loaded.targetDatabase).toBe('snowflake');
    expect(loaded.models).toEqual([
      {
        name: 'orders',
        path: 'models/orders.yml',
        sqlPath: 'models/orders.sql',
        relation: { kind: 'table', database: 'DB', schema: 'MARTS', identifier: 'orders_v2' },
        tags: ['core'],
        meta: { label: 'New', joins: [{ join: 'a' }], group_label: 'Sales' },
        columns: [{ name: 'id', dataType: 'NUMBER', meta: { dimension: { type: 'number', hidden: true } } }],
        dependsOn: [
          { type: 'model', name: 'stg_orders' },
          { type: 'seed', name: 'raw' },
          { type: 'source', name: 'shop.orders' },
        ],
      },
    ]);
  });

  it('refuses manifests older than v7 and warns about newer than v12', async () => {
    const dir = await tempDir({ 'old.json': manifest(6, {}), 'new.json': manifest(13, {}), 'bad.json': '{nope' });
    expect((await new DbtManifestSource(path.join(dir, 'old.json')).load()).diagnostics).toEqual([
      { severity: 'error', file: path.join(dir, 'old.json'), message: 'manifest schema v6 is too old: v7–v12 are supported (dbt ≥ 1.3)' },
    ]);
    expect((await new DbtManifestSource(path.join(dir, 'new.json')).load()).diagnostics[0]!.severity).toBe('warning');
    expect((await new DbtManifestSource(path.join(dir, 'bad.json')).load()).diagnostics[0]!.message).toMatch(/^cannot read the manifest/);
  });
});
