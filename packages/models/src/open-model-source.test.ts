import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openModelSource } from './open-model-source.js';
import type { ModelSourceFactory } from './model-source.js';
import { useTempDirs } from './testing/temp-dir.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const tempDir = useTempDirs();

describe('openModelSource', () => {
  it('recognises a manifest, a dbt project, a LookML project and a folder of model YAML', async () => {
    expect((await openModelSource(path.join(FIXTURES, 'content-as-code/minimal-manifest-v12.json'))).kind).toBe('dbt-manifest');
    expect((await openModelSource(path.join(FIXTURES, 'dbt/jaffle-shop'))).kind).toBe('dbt-project');
    expect((await openModelSource(path.join(FIXTURES, 'lookml/block-shopify'))).kind).toBe('lookml');
    expect((await openModelSource(await tempDir({ 'a.yml': 'type: model\nname: a\n' }))).kind).toBe('yaml-models');
    await expect(openModelSource(path.join(FIXTURES, 'nowhere.txt'))).rejects.toThrow('not a dbt manifest.json');
  });

  it('takes other sources (a LookML loader plugs in here)', async () => {
    const lookml: ModelSourceFactory = {
      kind: 'lookml',
      detect: async (p) => p.endsWith('.lkml'),
      create: (p) => ({ kind: 'lookml', location: p, load: async () => ({ models: [], diagnostics: [] }) }),
    };
    expect((await openModelSource('x.lkml', {}, [lookml])).kind).toBe('lookml');
  });
});
