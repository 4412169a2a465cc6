import { z } from 'zod';

/**
 * A project's warehouse connection, by type: the spec's `Create*Credentials` shapes (postgres,
 * redshift, snowflake, bigquery, databricks, trino) plus Tessera's `duckdb` and `mysql`. Requests
 * are parsed with every secret optional (a PATCH may leave them out to keep the stored ones);
 * `missingSecrets` says which a complete connection still lacks. Responses use the public shapes,
 * which have no secret field at all, so the serializer itself drops any secret.
 */

/** Fields never returned (the anchor's sensitive credential field names). */
export const WAREHOUSE_SECRET_FIELDS = [
  'user',
  'password',
  'keyfileContents',
  'personalAccessToken',
  'privateKey',
  'privateKeyPass',
  'sshTunnelPrivateKey',
  'sslcert',
  'sslkey',
  'sslrootcert',
] as const;

const text = z.string().trim().min(1).max(1024);
const optionalText = z.string().max(1024).optional();
const port = z.number().int().min(1).max(65535);
const common = {
  requireUserCredentials: z.boolean().optional(),
  startOfWeek: z.number().int().min(0).max(6).nullable().optional(),
};
const threads = { threads: z.number().int().min(1).max(128).optional() };
const ssh = {
  useSshTunnel: z.boolean().optional(),
  sshTunnelHost: optionalText,
  sshTunnelPort: port.optional(),
  sshTunnelUser: optionalText,
  sshTunnelPublicKey: z.string().max(16_384).optional(),
};
const secret = z.string().min(1).max(65_536).optional();
const loginSecrets = { user: z.string().trim().min(1).max(1024).optional(), password: secret };
const tlsSecrets = { sslcert: secret, sslkey: secret, sslrootcert: secret, sshTunnelPrivateKey: secret };

const postgresLike = {
  host: text,
  port,
  dbname: text,
  schema: text,
  keepalivesIdle: z.number().int().min(0).optional(),
  sslmode: optionalText,
  ...common,
  ...threads,
  ...ssh,
};

const publicShapes = {
  postgres: { type: z.literal('postgres'), ...postgresLike, role: optionalText, searchPath: optionalText },
  redshift: { type: z.literal('redshift'), ...postgresLike, ra3Node: z.boolean().optional() },
  snowflake: {
    type: z.literal('snowflake'),
    account: text,
    database: text,
    warehouse: text,
    schema: text,
    role: optionalText,
    clientSessionKeepAlive: z.boolean().optional(),
    queryTag: optionalText,
    accessUrl: optionalText,
    quotedIdentifiersIgnoreCase: z.boolean().optional(),
    override: optionalText,
    ...common,
    ...threads,
  },
  bigquery: {
    type: z.literal('bigquery'),
    project: text,
    dataset: text,
    timeoutSeconds: z.number().int().min(1).optional(),
    priority: z.enum(['interactive', 'batch']).optional(),
    retries: z.number().int().min(0).max(100).optional(),
    location: optionalText,
    maximumBytesBilled: z.number().int().min(0).optional(),
    executionProject: optionalText,
    ...common,
    ...threads,
  },
  databricks: { type: z.literal('databricks'), serverHostName: text, httpPath: text, database: text, catalog: optionalText, ...common },
  trino: { type: z.literal('trino'), host: text, port, dbname: text, schema: text, http_scheme: z.enum(['http', 'https']), ...common },
  duckdb: { type: z.literal('duckdb'), path: text, schema: text, ...common, ...threads },
  mysql: { type: z.literal('mysql'), host: text, port, dbname: text, schema: text, ...common, ...threads },
};

/** Request shape: public fields plus every secret, all secrets optional. */
export const warehouseConnectionSchema = z.discriminatedUnion('type', [
  z.object({ ...publicShapes.postgres, ...loginSecrets, ...tlsSecrets }),
  z.object({ ...publicShapes.redshift, ...loginSecrets, ...tlsSecrets }),
  z.object({ ...publicShapes.snowflake, ...loginSecrets, privateKey: secret, privateKeyPass: secret }),
  z.object({
    ...publicShapes.bigquery,
    keyfileContents: z
      .record(z.string(), z.unknown())
      .refine((v) => Object.keys(v).length > 0, 'must be the service-account key file (a non-empty JSON object)')
      .optional(),
  }),
  z.object({ ...publicShapes.databricks, personalAccessToken: secret }),
  z.object({ ...publicShapes.trino, ...loginSecrets }),
  z.object({ ...publicShapes.duckdb }),
  z.object({ ...publicShapes.mysql, ...loginSecrets }),
]);
export type WarehouseConnection = z.infer<typeof warehouseConnectionSchema>;
export type WarehouseType = WarehouseConnection['type'];

/** Response shape: no secret field exists in it. */
export const publicWarehouseConnectionSchema = z.discriminatedUnion('type', [
  z.object(publicShapes.postgres),
  z.object(publicShapes.redshift),
  z.object(publicShapes.snowflake),
  z.object(publicShapes.bigquery),
  z.object(publicShapes.databricks),
  z.object(publicShapes.trino),
  z.object(publicShapes.duckdb),
  z.object(publicShapes.mysql),
]);
export type PublicWarehouseConnection = z.infer<typeof publicWarehouseConnectionSchema>;

/** Secrets a complete connection needs: each inner list is "at least one of". */
const REQUIRED_SECRETS: Record<WarehouseType, readonly (readonly string[])[]> = {
  postgres: [['user'], ['password']],
  redshift: [['user'], ['password']],
  snowflake: [['user'], ['password', 'privateKey']],
  bigquery: [['keyfileContents']],
  databricks: [['personalAccessToken']],
  trino: [['user'], ['password']],
  duckdb: [],
  mysql: [['user'], ['password']],
};

/** The secrets still missing from a connection, as "a or b" phrases (empty when complete). */
export const missingSecrets = (connection: WarehouseConnection): string[] => {
  const has = (field: string) => (connection as Record<string, unknown>)[field] !== undefined;
  return REQUIRED_SECRETS[connection.type].filter((any) => !any.some(has)).map((any) => any.join(' or '));
};

/** The connection without its secrets. */
export const publicWarehouseConnection = (connection: WarehouseConnection): PublicWarehouseConnection => {
  const copy: Record<string, unknown> = { ...connection };
  for (const field of WAREHOUSE_SECRET_FIELDS) delete copy[field];
  return copy as PublicWarehouseConnection;
};

/** Only the secrets of a connection (to carry stored ones over an update that omits them). */
export const warehouseSecrets = (connection: WarehouseConnection): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(connection).filter(([k, v]) => (WAREHOUSE_SECRET_FIELDS as readonly string[]).includes(k) && v !== undefined),
  );
