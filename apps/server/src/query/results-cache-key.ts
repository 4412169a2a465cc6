import { createHash } from 'node:crypto';

/**
 * Who the warehouse sees: the project's shared connection, or one user's personal credentials.
 * Never a secret: the project connection is described by its public fields and login name only.
 */
export type CredentialsIdentity =
  | { kind: 'project'; projectUuid: string; connection: Record<string, unknown> }
  | { kind: 'personal'; userUuid: string; credentialsUuid: string; updatedAt: string };

/** What row-level security was evaluated with: the user's attribute values and e-mail. */
export type SecurityContext = { userAttributes: Readonly<Record<string, readonly string[]>>; email: string | undefined };

/** The part of a key's security context that counts: the user values the compiled SQL read. */
export type UsedSecurity = { attributes: Record<string, readonly string[] | null>; email: string | null };

/**
 * Only the user values the compiler reports its SQL read (`CompiledMetricQuery.userValues`): two
 * users who agree on those get the same rows from the same SQL and credentials, so they may share
 * an entry; a query that reads none is shared by everyone on the same credentials. An attribute
 * the user lacks counts as null (never the same as having it).
 */
export const usedSecurity = (security: SecurityContext, used: { attributes: readonly string[]; email: boolean }): UsedSecurity => ({
  attributes: Object.fromEntries(used.attributes.map((name) => [name, security.userAttributes[name] ?? null])),
  email: used.email ? (security.email ?? null) : null,
});

/** JSON with object keys sorted, so equal contexts give equal text whatever the key order. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/**
 * SHA-256 of the compiled SQL, the credentials identity and the user values the SQL read. The SQL
 * alone is not enough: the same text run with other credentials can return other rows, and the
 * user values are part of the key even though the SQL embeds them, so that no future way of
 * passing them (bound parameters, session settings) can make two users share rows. Personal
 * credentials carry the user's uuid, so their entries are never found by anyone else.
 */
export const resultsCacheKey = (sql: string, credentials: CredentialsIdentity, security: UsedSecurity): string =>
  createHash('sha256').update(canonical({ sql, credentials, security })).digest('hex');
