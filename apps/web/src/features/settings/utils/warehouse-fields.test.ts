import { describe, expect, it } from 'vitest';
import { buildConnection, connectionChanged, formValuesOf, WAREHOUSE_FIELDS, WAREHOUSE_TYPES } from './warehouse-fields.js';

describe('warehouse connection form', () => {
  const stored = { type: 'postgres', host: 'db', port: 5432, dbname: 'shop', schema: 'public', keepalivesIdle: 30, sslmode: 'require' };

  it('has fields for every warehouse type, secrets marked as such', () => {
    for (const { value } of WAREHOUSE_TYPES) expect(WAREHOUSE_FIELDS[value].length).toBeGreaterThan(1);
    expect(WAREHOUSE_FIELDS.postgres.find((f) => f.name === 'password')?.kind).toBe('secret');
    // The server never returns the warehouse user either: it is written, never read back.
    expect(WAREHOUSE_FIELDS.postgres.find((f) => f.name === 'user')?.kind).toBe('login');
    expect(WAREHOUSE_FIELDS.bigquery.find((f) => f.name === 'keyfileContents')?.kind).toBe('json-secret');
  });

  it('fills public fields from the stored connection and never a secret', () => {
    const values = formValuesOf('postgres', { ...stored, password: 'leaked?' });
    expect(values).toMatchObject({ host: 'db', port: '5432', dbname: 'shop', sslmode: 'require', user: '', password: '' });
  });

  it('starts a new connection from the defaults', () => {
    expect(formValuesOf('mysql', undefined)).toMatchObject({ port: '3306', host: '' });
    expect(formValuesOf('duckdb', stored)).toMatchObject({ schema: 'main', path: '' });
  });

  it('keeps stored fields the form does not show, leaves empty secrets out on an edit', () => {
    const values = { ...formValuesOf('postgres', stored), host: 'db2' };
    const built = buildConnection('postgres', values, stored, true);
    expect(built.problems).toEqual([]);
    expect(built.connection).toEqual({ ...stored, host: 'db2' });
    expect(connectionChanged(built.connection, stored)).toBe(true);
    const unchanged = buildConnection('postgres', formValuesOf('postgres', stored), stored, true);
    expect(connectionChanged(unchanged.connection, stored)).toBe(false);
  });

  it('requires the secrets of a new connection, and parses numbers and key files', () => {
    const created = buildConnection('postgres', { host: 'h', port: '54x', dbname: 'd', schema: 's', user: '', password: 'pw' }, undefined, false);
    expect(created.problems).toEqual(['Port must be a whole number.', 'User is required.']);
    const bigquery = buildConnection('bigquery', { project: 'p', dataset: 'd', keyfileContents: '{"type":"service_account"}' }, undefined, false);
    expect(bigquery).toEqual({ connection: { type: 'bigquery', project: 'p', dataset: 'd', keyfileContents: { type: 'service_account' } }, problems: [] });
    expect(buildConnection('bigquery', { project: 'p', dataset: 'd', keyfileContents: '{' }, undefined, false).problems[0]).toMatch(/not valid JSON/);
  });

  it('asks for the secrets again when the type changes on an edit', () => {
    const built = buildConnection('mysql', { host: 'h', port: '3306', dbname: 'd', schema: 's', user: '', password: '' }, stored, true);
    expect(built.problems).toEqual(['User is required.', 'Password is required.']);
    expect(built.connection).toEqual({ type: 'mysql', host: 'h', port: 3306, dbname: 'd', schema: 's' });
  });
});
