import { describe, expect, it } from 'vitest';
import { credentialsBody, credentialsFormOf } from './credentials-form.js';

describe('my warehouse credentials form', () => {
  const stored = { uuid: 'c', userUuid: 'u', name: 'Mine', createdAt: '', updatedAt: '', credentials: { type: 'postgres', user: 'ana' } };

  it('never fills in the secret, and keeps it when left empty on an edit', () => {
    expect(credentialsFormOf(stored)).toEqual({ name: 'Mine', type: 'postgres', user: 'ana', secret: '' });
    expect(credentialsBody(credentialsFormOf(stored), stored)).toEqual({ body: { name: 'Mine', credentials: { type: 'postgres', user: 'ana' } }, problems: [] });
  });

  it('requires the secret of new credentials and parses a BigQuery key file', () => {
    expect(credentialsBody({ name: 'x', type: 'mysql', user: 'u', secret: '' }, undefined).problems).toEqual(['The password is required.']);
    expect(credentialsBody({ name: 'x', type: 'bigquery', user: '', secret: '{"a":1}' }, undefined).body.credentials).toEqual({ type: 'bigquery', keyfileContents: { a: 1 } });
    expect(credentialsBody({ name: '', type: 'databricks', user: '', secret: 'dapi' }, undefined)).toEqual({ body: { name: '', credentials: { type: 'databricks', personalAccessToken: 'dapi' } }, problems: ['Give the credentials a name.'] });
  });
});
