import { describe, expect, it } from 'vitest';
import type { Project } from '../../../api/settings-types.js';
import { dbtFormOf } from './dbt-connection.js';
import { projectBody, type ProjectForm } from './project-body.js';
import { formValuesOf } from './warehouse-fields.js';

const stored: Project = {
  organizationUuid: 'o',
  projectUuid: 'p',
  name: 'Shop',
  type: 'DEFAULT',
  dbtConnection: { type: 'dbt', project_dir: '/srv/dbt' },
  warehouseConnection: { type: 'duckdb', path: '/srv/shop.duckdb', schema: 'main' },
  dbtVersion: 'v1.8',
  schedulerTimezone: 'UTC',
  createdByUserUuid: null,
};
const formOf = (p: Project): ProjectForm => ({ name: p.name, warehouseType: 'duckdb', warehouse: formValuesOf('duckdb', p.warehouseConnection), dbt: dbtFormOf(p.dbtConnection) });

describe('project form → request', () => {
  it('sends only what changed on an edit', () => {
    expect(projectBody(formOf(stored), stored)).toEqual({ kind: 'update', body: {}, problems: [] });
    expect(projectBody({ ...formOf(stored), name: ' Shop 2 ' }, stored).body).toEqual({ name: 'Shop 2' });
    const moved = projectBody({ ...formOf(stored), warehouse: { path: '/new.duckdb', schema: 'main' } }, stored);
    expect(moved.body).toEqual({ warehouseConnection: { type: 'duckdb', path: '/new.duckdb', schema: 'main' } });
    expect(projectBody({ ...formOf(stored), dbt: { type: 'none', projectDir: '', target: '' } }, stored).body).toEqual({ dbtConnection: { type: 'none' } });
  });

  it('sends everything for a new project, with the problems in words', () => {
    const created = projectBody({ name: '', warehouseType: 'postgres', warehouse: formValuesOf('postgres', undefined), dbt: dbtFormOf(undefined) }, undefined);
    expect(created.kind).toBe('create');
    expect(created.problems).toEqual([
      'Give the project a name.',
      'Host is required.',
      'Database is required.',
      'User is required.',
      'Password is required.',
      'The dbt project directory is required: the folder on the server that holds dbt_project.yml.',
    ]);
  });
});
