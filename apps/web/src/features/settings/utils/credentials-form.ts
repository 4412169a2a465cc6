import type { UserWarehouseCredentials, UserWarehouseCredentialsInput } from '../../../api/settings-types.js';

/**
 * My warehouse credentials: only the per-user part of a connection (login and secret). The
 * secret is write-only: the server never returns it, and on an edit an empty one keeps it.
 */
export const CREDENTIAL_TYPES = [
  { value: 'postgres', label: 'PostgreSQL' },
  { value: 'mysql', label: 'MySQL / MariaDB' },
  { value: 'duckdb', label: 'DuckDB' },
  { value: 'redshift', label: 'Redshift' },
  { value: 'snowflake', label: 'Snowflake' },
  { value: 'trino', label: 'Trino' },
  { value: 'bigquery', label: 'BigQuery' },
  { value: 'databricks', label: 'Databricks' },
] as const;

export type CredentialsForm = { name: string; type: string; user: string; secret: string };

/** What the secret is for a type: a password, a JSON key file, or a personal access token. */
export const secretKind = (type: string): 'password' | 'keyfile' | 'token' => (type === 'bigquery' ? 'keyfile' : type === 'databricks' ? 'token' : 'password');

export const credentialsFormOf = (c: UserWarehouseCredentials | undefined): CredentialsForm => ({
  name: c?.name ?? '',
  type: c?.credentials.type ?? 'postgres',
  user: c?.credentials.user ?? '',
  secret: '',
});

export const credentialsBody = (form: CredentialsForm, editing: UserWarehouseCredentials | undefined): { body: UserWarehouseCredentialsInput; problems: string[] } => {
  const problems: string[] = [];
  const keepSecret = editing !== undefined && editing.credentials.type === form.type;
  const credentials: UserWarehouseCredentialsInput['credentials'] = { type: form.type };
  if (!form.name.trim()) problems.push('Give the credentials a name.');
  const kind = secretKind(form.type);
  if (kind === 'password') {
    if (!form.user.trim()) problems.push('User is required.');
    credentials.user = form.user.trim();
  }
  if (form.secret) {
    if (kind === 'keyfile') {
      try {
        credentials.keyfileContents = JSON.parse(form.secret) as unknown;
      } catch {
        problems.push('The key file is not valid JSON: paste the whole file.');
      }
    } else {
      credentials[kind === 'token' ? 'personalAccessToken' : 'password'] = form.secret;
    }
  } else if (!keepSecret && form.type !== 'snowflake') {
    problems.push(`${kind === 'keyfile' ? 'The key file' : kind === 'token' ? 'The personal access token' : 'The password'} is required.`);
  }
  return { body: { name: form.name.trim(), credentials }, problems };
};
