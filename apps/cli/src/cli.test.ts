import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const MINIMAL = path.join(FIXTURES, 'content-as-code/minimal-manifest-v12.json');
const JAFFLE = path.join(FIXTURES, 'dbt/jaffle-shop');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('tessera compile', () => {
  it('compiles a manifest, prints a summary and writes the explores as JSON', async () => {
    const res = await run(['compile', MINIMAL, '--json', 'out.json']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Read 1 model \(dbt-manifest\) in \d+ ms\nCompiled 1 explore: 1 ok, 0 with errors, 0 warnings — \d+ ms \(peak RSS \d+ MB\)\nWrote 1 explore to out.json$/);
    const json = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as { explores: { name: string; tables: object }[] };
    expect(json.explores.map((e) => e.name)).toEqual(['test_model']);
    expect(Object.keys(json.explores[0]!.tables)).toEqual(['test_model']);
  });

  it('compiles a dbt project directory; --verbose lists warnings with breadcrumbs', async () => {
    const res = await run(['compile', JAFFLE, '--verbose']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('! fanouts_addresses\n    models/fanouts_examples/fanouts_addresses.yml: explore fanouts_addresses → join fanouts_countries: unknown join key "relatiosnship" is ignored');
    expect(res.out).toMatch(/Read 50 models \(dbt-project\)/);
    expect(res.out).toMatch(/Compiled 50 explores: 50 ok, 0 with errors/);
  });

  it('exits with 1 and prints every error with its breadcrumbs when an explore fails', async () => {
    const models = path.join(dir, 'models');
    await rm(models, { recursive: true, force: true });
    await writeFile(path.join(dir, 'broken.yml'), 'type: model\nname: broken\nsql_from: t\nmetrics:\n  revenue:\n    type: sum\n    sql: ${amount}\ndimensions:\n  - name: id\n');
    const res = await run(['compile', path.join(dir, 'broken.yml'), '--target', 'duckdb']);
    expect(res.code).toBe(1);
    expect(res.out).toContain('✗ broken\n    broken.yml: explore broken → metric revenue: ${amount} matches no dimension in "broken"');
    expect(res.out).toMatch(/Compiled 1 explore: 0 ok, 1 with errors/);
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run(['compile'])).code).toBe(2);
    expect((await run(['compile', MINIMAL, '--target', 'oracle'])).err).toBe('Unknown --target "oracle"');
    expect((await run(['compile', path.join(dir, 'nothing-here')])).err).toContain('not a dbt manifest.json');
    expect((await run(['frobnicate'])).err).toMatch(/^Unknown command "frobnicate"/);
    expect((await run(['--help'])).code).toBe(0);
  });

  it('runs through the bin launcher', () => {
    const bin = path.resolve(import.meta.dirname, '../bin/tessera.mjs');
    const res = spawnSync(process.execPath, [bin, 'compile', MINIMAL], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Compiled 1 explore: 1 ok/);
  });
});
