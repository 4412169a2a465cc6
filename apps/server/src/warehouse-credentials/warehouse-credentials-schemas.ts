import type { WarehouseType } from '@tessera/warehouses';
import { z } from 'zod';

/**
 * The user-level part of a warehouse connection, by warehouse type: only what differs per user
 * (login and secret); host, database and the rest stay on the project's connection. `duckdb` and
 * `mysql` are Tessera's extra engines and take a login and password like postgres.
 */
export const USER_PASSWORD_TYPES = ['redshift', 'postgres', 'snowflake', 'trino', 'duckdb', 'mysql'] as const satisfies readonly WarehouseType[];
export type UserPasswordType = (typeof USER_PASSWORD_TYPES)[number];

const user = z.string().trim().min(1).max(1024);
const password = z.string().min(1).max(4096);
const keyfileContents = z
  .record(z.string(), z.unknown())
  .refine((v) => Object.keys(v).length > 0, 'must be the service-account key file (a non-empty JSON object)');
const personalAccessToken = z.string().trim().min(1).max(4096);

const withPassword = <T extends UserPasswordType>(type: T) =>
  z.object({ type: z.literal(type), user, password });
const withOptionalPassword = <T extends UserPasswordType>(type: T) =>
  z.object({ type: z.literal(type), user, password: password.optional() });

/** What create accepts and what is stored, encrypted: the full credentials. */
export const credentialsSchema = z.discriminatedUnion('type', [
  withPassword('redshift'),
  withPassword('postgres'),
  withOptionalPassword('snowflake'),
  withPassword('trino'),
  withPassword('duckdb'),
  withPassword('mysql'),
  z.object({ type: z.literal('bigquery'), keyfileContents }),
  z.object({ type: z.literal('databricks'), personalAccessToken }),
]);
export type WarehouseCredentials = z.infer<typeof credentialsSchema>;

/** What update accepts: the secret may be left out to keep the stored one (same type only). */
export const credentialsUpdateSchema = z.discriminatedUnion('type', [
  withOptionalPassword('redshift'),
  withOptionalPassword('postgres'),
  withOptionalPassword('snowflake'),
  withOptionalPassword('trino'),
  withOptionalPassword('duckdb'),
  withOptionalPassword('mysql'),
  z.object({ type: z.literal('bigquery'), keyfileContents: keyfileContents.optional() }),
  z.object({ type: z.literal('databricks'), personalAccessToken: personalAccessToken.optional() }),
]);
export type WarehouseCredentialsUpdate = z.infer<typeof credentialsUpdateSchema>;

const name = z.string().trim().min(1).max(255);

export const upsertBodySchema = z
  .object({ name, credentials: credentialsSchema })
  .meta({ id: 'UpsertUserWarehouseCredentials' });
export const updateBodySchema = z.object({ name, credentials: credentialsUpdateSchema });

/** What responses carry: never a secret. */
export const publicCredentialsSchema = z.union([
  z.object({ type: z.enum(USER_PASSWORD_TYPES), user: z.string() }),
  z.object({ type: z.enum(['bigquery', 'databricks']) }),
]);
export type PublicCredentials = z.infer<typeof publicCredentialsSchema>;

export const userWarehouseCredentialsSchema = z
  .object({
    uuid: z.string(),
    userUuid: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    credentials: publicCredentialsSchema,
  })
  .meta({ id: 'UserWarehouseCredentials' });

export const isUserPasswordType = (type: string): type is UserPasswordType =>
  (USER_PASSWORD_TYPES as readonly string[]).includes(type);
