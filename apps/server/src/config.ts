import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment only, validated here once. A bad value stops start-up with
 * a message naming the variable (see `loadConfig`); nothing else in the server reads `process.env`.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const ENVIRONMENT = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(8080), doc: 'HTTP port', default: '8080' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), doc: 'Interface to listen on', default: '0.0.0.0' },
  TESSERA_HOME: { schema: z.string().min(1).default('./.tessera'), doc: 'Data directory: embedded metadata store, generated secret, demo warehouse', default: './.tessera' },
  DATABASE_URL: { schema: z.string().url().optional(), doc: 'PostgreSQL URL for the metadata store; the embedded PGlite store is used when unset', default: '—' },
  TESSERA_SECRET: { schema: z.string().min(32, 'must be at least 32 characters').optional(), doc: 'Key material for encrypting stored credentials and signing; generated under TESSERA_HOME when unset in embedded mode, required with DATABASE_URL', default: 'generated' },
  TESSERA_SITE_URL: { schema: z.string().url().optional(), doc: 'Public URL of this server, used in links (invites, setup); defaults to http://localhost:PORT', default: 'http://localhost:PORT' },
  TESSERA_ADMIN_EMAIL: { schema: z.string().email().optional(), doc: 'First admin e-mail: with TESSERA_ADMIN_PASSWORD, creates the admin and organization at start-up', default: '—' },
  TESSERA_ADMIN_PASSWORD: { schema: z.string().min(8, 'must be at least 8 characters').optional(), doc: 'First admin password', default: '—' },
  TESSERA_ORGANIZATION_NAME: { schema: z.string().min(1).default('My organization'), doc: 'Name of the organization created with the first admin', default: 'My organization' },
  TESSERA_OPEN_REGISTRATION: { schema: bool.default(false), doc: 'Let people register without an invite', default: 'false' },
  TESSERA_SECURE_COOKIES: { schema: bool.default(false), doc: 'Mark the session cookie Secure (set behind HTTPS)', default: 'false' },
  TESSERA_TRUST_PROXY: { schema: bool.default(false), doc: 'Trust X-Forwarded-* headers (client IP for throttling)', default: 'false' },
  TESSERA_SESSION_MAX_AGE_HOURS: { schema: z.coerce.number().positive().default(24), doc: 'Session lifetime, refreshed on use', default: '24' },
  TESSERA_TRUSTED_ORIGINS: { schema: csv.default([]), doc: 'Extra origins allowed to make cookie-authenticated writes (comma-separated)', default: '—' },
  TESSERA_BODY_LIMIT_BYTES: { schema: z.coerce.number().int().positive().default(1_048_576), doc: 'Largest accepted request body', default: '1048576' },
  TESSERA_LOGIN_MAX_FAILURES: { schema: z.coerce.number().int().positive().default(10), doc: 'Failed logins per IP or per e-mail within 15 minutes before 429', default: '10' },
  TESSERA_PAT_MAX_EXPIRATION_DAYS: { schema: z.coerce.number().int().positive().optional(), doc: 'When set, personal access tokens must expire within this many days', default: '—' },
  TESSERA_DEMO: { schema: bool.optional(), doc: 'Create the demo project (generated shop data in DuckDB) for the first admin; on by default in embedded mode, off with DATABASE_URL', default: 'embedded: true' },
  TESSERA_QUERY_MAX_LIMIT: { schema: z.coerce.number().int().positive().default(5000), doc: 'Most rows a metric query returns (and the SQL runner)', default: '5000' },
  TESSERA_QUERY_TIMEOUT_SECONDS: { schema: z.coerce.number().positive().default(300), doc: 'Warehouse queries (and CSV exports) running longer are cancelled', default: '300' },
  TESSERA_RESULTS_CACHE_TTL_SECONDS: { schema: z.coerce.number().int().min(0).default(3600), doc: 'How long query results are served from the cache; 0 turns the cache off', default: '3600' },
  TESSERA_RESULTS_CACHE_MAX_BYTES: { schema: z.coerce.number().int().min(0).default(268_435_456), doc: 'Memory the results cache may use on each server node (estimated)', default: '268435456' },
  TESSERA_CSV_MAX_ROWS: { schema: z.coerce.number().int().positive().default(10_000_000), doc: 'Most rows a CSV export writes', default: '10000000' },
  TESSERA_CSV_EXPIRY_HOURS: { schema: z.coerce.number().positive().default(24), doc: 'CSV export files are deleted after this many hours (under TESSERA_HOME/exports)', default: '24' },
  SMTP_URL: { schema: z.string().url().optional(), doc: 'SMTP server, e.g. smtp://user:pass@host:587; mail is logged instead of sent when unset', default: '—' },
  SMTP_FROM: { schema: z.string().min(3).default('Tessera <no-reply@localhost>'), doc: 'Sender of outgoing mail', default: 'Tessera <no-reply@localhost>' },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), doc: 'Log level', default: 'info' },
} as const;

type Env = typeof ENVIRONMENT;
export type RawConfig = { [K in keyof Env]: z.output<Env[K]['schema']> };
export type Config = RawConfig & { siteUrl: string; home: string; demo: boolean };

export class ConfigError extends Error {}

export const loadConfig = (env: Record<string, string | undefined>): Config => {
  const shape = Object.fromEntries(Object.entries(ENVIRONMENT).map(([k, v]) => [k, v.schema])) as {
    [K in keyof Env]: Env[K]['schema'];
  };
  const cleaned = Object.fromEntries(
    Object.keys(ENVIRONMENT).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = z.object(shape).safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data as RawConfig;
  if ((raw.TESSERA_ADMIN_EMAIL === undefined) !== (raw.TESSERA_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  TESSERA_ADMIN_EMAIL and TESSERA_ADMIN_PASSWORD must be set together');
  }
  if (raw.DATABASE_URL !== undefined && raw.TESSERA_SECRET === undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  TESSERA_SECRET: required when DATABASE_URL is set (at least 32 characters; e.g. `openssl rand -hex 32`)',
    );
  }
  return {
    ...raw,
    home: path.resolve(raw.TESSERA_HOME),
    demo: raw.TESSERA_DEMO ?? raw.DATABASE_URL === undefined,
    siteUrl: (raw.TESSERA_SITE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
  };
};
