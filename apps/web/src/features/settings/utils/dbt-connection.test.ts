import { describe, expect, it } from 'vitest';
import { buildDbtConnection, dbtFormOf } from './dbt-connection.js';

describe('model source (dbtConnection) form', () => {
  it('reads a stored connection', () => {
    expect(dbtFormOf({ type: 'dbt', project_dir: '/srv/dbt', target: 'prod' })).toEqual({ type: 'dbt', projectDir: '/srv/dbt', target: 'prod' });
    expect(dbtFormOf(undefined)).toEqual({ type: 'dbt', projectDir: '', target: '' });
  });

  it('builds the connection per type, keeping stored fields and asking for the directory', () => {
    const stored = { type: 'dbt' as const, project_dir: '/a', profiles_dir: '/p' };
    expect(buildDbtConnection({ type: 'dbt', projectDir: ' /b ', target: '' }, stored)).toEqual({ connection: { type: 'dbt', project_dir: '/b', profiles_dir: '/p' } });
    expect(buildDbtConnection({ type: 'dbt', projectDir: '', target: '' }, undefined).problem).toMatch(/directory is required/);
    expect(buildDbtConnection({ type: 'manifest', projectDir: '/b', target: 'dev' }, stored)).toEqual({ connection: { type: 'manifest', target: 'dev' } });
    expect(buildDbtConnection({ type: 'none', projectDir: '', target: '' }, { type: 'none', target: 'x' })).toEqual({ connection: { type: 'none' } });
  });
});
