import { AuthorizationError, type Actor, type OrganizationRole } from '@tessera/core';
import type { FastifyRequest } from 'fastify';

/** Who is making a request, resolved once per request by the auth hook. */
export type Account = {
  user: {
    userUuid: string;
    email: string;
    firstName: string;
    lastName: string;
    isEmailVerified: boolean;
    isActive: boolean;
    isPending: boolean;
    isSetupComplete: boolean;
    isMarketingOptedIn: boolean;
    isTrackingAnonymized: boolean;
    createdAt: Date;
    updatedAt: Date;
  };
  organization: { organizationUuid: string; name: string; createdAt: Date } | null;
  role: OrganizationRole | null;
  authentication:
    | { kind: 'session'; sessionHash: string }
    | { kind: 'personalAccessToken'; tokenUuid: string }
    /** An access token of the Looker API face (`POST /api/3.x/login`), only accepted under /api/3.x. */
    | { kind: 'lookerAccessToken'; tokenHash: string };
};

export const actorOf = (account: Account): Actor => ({
  userUuid: account.user.userUuid,
  organizationUuid: account.organization?.organizationUuid ?? null,
  organizationRole: account.role,
});

/** The signed-in account, or 401. Handlers call this instead of reading `request.account!`. */
export const requireAccount = (request: FastifyRequest): Account => {
  if (request.account === null) throw new AuthorizationError('You must be signed in: log in or send an ApiKey token');
  return request.account;
};

/** The signed-in account that belongs to an organization (most routes), or 401/403. */
export const requireMember = (request: FastifyRequest): Account & { organization: NonNullable<Account['organization']>; role: OrganizationRole } => {
  const account = requireAccount(request);
  if (account.organization === null || account.role === null) {
    throw new AuthorizationError('You are not a member of an organization yet: create one or join one first');
  }
  return account as Account & { organization: NonNullable<Account['organization']>; role: OrganizationRole };
};

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
  }
}
