/**
 * The warehouse connection form, by warehouse type: which fields to show, and the pure
 * conversions between a connection (as the server returns it: never a secret) and the form's
 * text values. Secrets are never pre-filled; left empty on an edit they are left out of the
 * request, and the server keeps the stored ones.
 */
/** `login`: shown as typed but write-only like a secret (the server never returns the warehouse user). */
export type FieldKind = 'text' | 'number' | 'login' | 'secret' | 'json-secret' | 'select' | 'boolean';

/** Fields the server never returns: never pre-filled, left out of an edit when empty. */
export const isWriteOnly = (field: WarehouseField): boolean => field.kind === 'login' || field.kind === 'secret' || field.kind === 'json-secret';

export type WarehouseField = {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  placeholder?: string;
  options?: readonly string[];
  /** The value a new connection starts with. */
  initial?: string;
};

export const WAREHOUSE_TYPES = [
  { value: 'duckdb', label: 'DuckDB' },
  { value: 'postgres', label: 'PostgreSQL' },
  { value: 'mysql', label: 'MySQL / MariaDB' },
  { value: 'redshift', label: 'Redshift' },
  { value: 'snowflake', label: 'Snowflake' },
  { value: 'bigquery', label: 'BigQuery' },
  { value: 'databricks', label: 'Databricks' },
  { value: 'trino', label: 'Trino' },
] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number]['value'];

const text = (name: string, label: string, extra: Partial<WarehouseField> = {}): WarehouseField => ({ name, label, kind: 'text', required: true, ...extra });
const optional = (name: string, label: string, extra: Partial<WarehouseField> = {}): WarehouseField => ({ name, label, kind: 'text', ...extra });
const port = (initial: string): WarehouseField => ({ name: 'port', label: 'Port', kind: 'number', required: true, initial });
const user: WarehouseField = { name: 'user', label: 'User', kind: 'login', required: true };
const password: WarehouseField = { name: 'password', label: 'Password', kind: 'secret', required: true };
const sslmode: WarehouseField = { name: 'sslmode', label: 'SSL mode', kind: 'select', options: ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] };

export const WAREHOUSE_FIELDS: Record<WarehouseType, readonly WarehouseField[]> = {
  duckdb: [text('path', 'Database file', { placeholder: '/data/warehouse.duckdb' }), text('schema', 'Schema', { initial: 'main' })],
  postgres: [text('host', 'Host'), port('5432'), text('dbname', 'Database'), text('schema', 'Schema', { initial: 'public' }), user, password, sslmode, optional('role', 'Role')],
  mysql: [text('host', 'Host'), port('3306'), text('dbname', 'Database'), text('schema', 'Schema'), user, password],
  redshift: [text('host', 'Host'), port('5439'), text('dbname', 'Database'), text('schema', 'Schema'), user, password, sslmode, { name: 'ra3Node', label: 'RA3 node', kind: 'boolean' }],
  snowflake: [
    text('account', 'Account'),
    user,
    { name: 'password', label: 'Password', kind: 'secret' },
    { name: 'privateKey', label: 'Private key (instead of a password)', kind: 'secret' },
    optional('role', 'Role'),
    text('database', 'Database'),
    text('warehouse', 'Warehouse'),
    text('schema', 'Schema'),
  ],
  bigquery: [
    text('project', 'Project'),
    text('dataset', 'Dataset'),
    optional('location', 'Location'),
    { name: 'keyfileContents', label: 'Service account key file (JSON)', kind: 'json-secret', required: true },
    { name: 'priority', label: 'Priority', kind: 'select', options: ['interactive', 'batch'] },
  ],
  databricks: [
    text('serverHostName', 'Server host name'),
    text('httpPath', 'HTTP path'),
    text('database', 'Database (schema)'),
    optional('catalog', 'Catalog'),
    { name: 'personalAccessToken', label: 'Personal access token', kind: 'secret', required: true },
  ],
  trino: [text('host', 'Host'), port('443'), text('dbname', 'Catalog'), text('schema', 'Schema'), user, password, { name: 'http_scheme', label: 'HTTP scheme', kind: 'select', options: ['https', 'http'], required: true, initial: 'https' }],
};

export const isWarehouseType = (type: string): type is WarehouseType => WAREHOUSE_TYPES.some((t) => t.value === type);

export type FormValues = Record<string, string | boolean>;

/** The form's values for a connection: public fields as text; secrets always empty. */
export const formValuesOf = (type: WarehouseType, connection: Record<string, unknown> | undefined): FormValues => {
  const same = connection?.type === type ? connection : undefined;
  return Object.fromEntries(
    WAREHOUSE_FIELDS[type].map((f) => {
      if (f.kind === 'boolean') return [f.name, same?.[f.name] === true];
      if (isWriteOnly(f)) return [f.name, ''];
      const stored = same?.[f.name];
      return [f.name, stored === undefined || stored === null ? (same ? '' : (f.initial ?? '')) : String(stored)];
    }),
  );
};

export type BuiltConnection = { connection: Record<string, unknown>; problems: string[] };

/**
 * The connection to send: the stored public fields of the same type kept (fields this form does
 * not show survive an edit), the form's values over them. Empty optional fields are left out, as
 * are empty secrets (when `editing`, the server keeps the stored ones; when creating, a missing
 * required secret is a problem to fix). `problems` names what is wrong, in words.
 */
export const buildConnection = (type: WarehouseType, values: FormValues, stored: Record<string, unknown> | undefined, editing: boolean): BuiltConnection => {
  const connection: Record<string, unknown> = { ...(stored?.type === type ? stored : {}), type };
  const problems: string[] = [];
  for (const field of WAREHOUSE_FIELDS[type]) {
    const raw = values[field.name];
    if (field.kind === 'boolean') {
      connection[field.name] = raw === true;
      continue;
    }
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
      delete connection[field.name];
      const keptByServer = isWriteOnly(field) && editing && stored?.type === type;
      if (field.required && !keptByServer) problems.push(`${field.label} is required.`);
      continue;
    }
    if (field.kind === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) problems.push(`${field.label} must be a whole number.`);
      else connection[field.name] = n;
    } else if (field.kind === 'json-secret') {
      try {
        connection[field.name] = JSON.parse(value) as unknown;
      } catch {
        problems.push(`${field.label} is not valid JSON: paste the whole key file.`);
      }
    } else {
      connection[field.name] = value;
    }
  }
  return { connection, problems };
};

/** Whether a built connection differs from the stored one (a secret typed in always counts). */
export const connectionChanged = (built: Record<string, unknown>, stored: Record<string, unknown> | undefined): boolean => {
  if (!stored) return true;
  const keys = new Set([...Object.keys(built), ...Object.keys(stored)]);
  return [...keys].some((k) => JSON.stringify(built[k]) !== JSON.stringify(stored[k]));
};
