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
 * SHA-256 of the compiled SQL, the credentials identity and the row-level-security context. The
 * SQL alone is not enough: the same text run with other credentials or for a user with other
 * attributes can return other rows. Personal credentials carry the user's uuid, so their
 * entries are never found by anyone else.
 */
export const resultsCacheKey = (sql: string, credentials: CredentialsIdentity, security: SecurityContext): string =>
  createHash('sha256')
    .update(canonical({ sql, credentials, security: { userAttributes: security.userAttributes, email: security.email ?? null } }))
    .digest('hex');
