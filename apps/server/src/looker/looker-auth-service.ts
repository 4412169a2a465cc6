import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthorizationError, ForbiddenError, NotFoundError } from '@tessera/core';
import type { AccountRepository } from '../identity/account-repository.js';
import type { Account } from '../identity/account.js';
import { hashToken, newToken } from '../identity/tokens.js';
import type { Api3Credentials, LookerCredentialsRepository } from './looker-credentials-repository.js';

/** Looker's default session length for API3 logins. */
export const ACCESS_TOKEN_SECONDS = 3600;
const ACCESS_TOKEN_PREFIX = 'tslk_';

export type AccessTokenDto = { access_token: string; token_type: 'Bearer'; expires_in: number };

/**
 * API3 credentials and access tokens of the Looker face. Credentials are a user's own (an
 * organization admin may also manage a member's); only a session or a personal access token may
 * create them, so a leaked Looker access token cannot mint credentials that outlive it. Login
 * trades client id + secret for an access token that expires after an hour.
 */
export class LookerAuthService {
  constructor(
    private readonly repository: LookerCredentialsRepository,
    private readonly accounts: AccountRepository,
    private readonly now: () => Date,
  ) {}

  async createCredentials(account: Account, userUuid: string): Promise<Api3Credentials & { clientSecret: string }> {
    if (account.authentication.kind === 'lookerAccessToken') {
      throw new ForbiddenError('Looker access tokens cannot create API3 credentials: use a Tessera session or a personal access token');
    }
    await this.assertManages(account, userUuid);
    const clientId = randomBytes(15).toString('base64url');
    const { token: clientSecret, hash } = newToken();
    const created = await this.repository.createCredentials({ userUuid, clientId, secretHash: hash, at: this.now() });
    return { ...created, clientSecret };
  }

  async listCredentials(account: Account, userUuid: string): Promise<Api3Credentials[]> {
    await this.assertManages(account, userUuid);
    return this.repository.listForUser(userUuid);
  }

  async getCredentials(account: Account, userUuid: string, id: number): Promise<Api3Credentials> {
    const found = (await this.listCredentials(account, userUuid)).find((c) => c.id === id);
    if (!found) throw new NotFoundError(`API3 credentials ${id} not found for user ${userUuid}`);
    return found;
  }

  async deleteCredentials(account: Account, userUuid: string, id: number): Promise<void> {
    await this.assertManages(account, userUuid);
    if (!(await this.repository.deleteForUser(userUuid, id))) throw new NotFoundError(`API3 credentials ${id} not found for user ${userUuid}`);
  }

  /** Client id + secret → a new access token; unknown, disabled or wrong → 404 (as Looker answers). */
  async login(clientId: string, clientSecret: string): Promise<AccessTokenDto> {
    const found = await this.repository.findByClientId(clientId);
    if (!found || found.isDisabled || !sameDigest(found.secretHash, hashToken(clientSecret))) {
      throw new NotFoundError('Not found: client_id and client_secret do not match enabled API3 credentials');
    }
    const account = await this.accounts.byUserUuid(found.userUuid);
    if (!account?.user.isActive) throw new NotFoundError('Not found: the user of these API3 credentials is deactivated');
    const { token, hash } = newToken(ACCESS_TOKEN_PREFIX);
    const at = this.now();
    // Expired tokens are refused on use; dropping them here only keeps the table small.
    await this.repository.deleteExpiredTokens(at);
    await this.repository.insertToken({ tokenHash: hash, userUuid: found.userUuid, credentialsId: found.id, at, expiresAt: new Date(at.getTime() + ACCESS_TOKEN_SECONDS * 1000) });
    return { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS };
  }

  /** Ends the access token the request was made with. */
  async logout(account: Account | null): Promise<void> {
    if (account?.authentication.kind !== 'lookerAccessToken') throw new AuthorizationError('Requires authentication: send Authorization: token <access_token>');
    await this.repository.deleteToken(account.authentication.tokenHash);
  }

  /** The account behind `Authorization: token|Bearer <t>`; 401 for unknown or expired tokens. */
  async authenticate(token: string): Promise<Account> {
    const tokenHash = hashToken(token);
    const found = await this.repository.findToken(tokenHash);
    if (!found || found.expiresAt.getTime() <= this.now().getTime()) throw new AuthorizationError('Requires authentication: the access token is not recognised or has expired');
    const account = await this.accounts.byUserUuid(found.userUuid);
    if (!account?.user.isActive) throw new AuthorizationError('This account is deactivated');
    return { ...account, authentication: { kind: 'lookerAccessToken', tokenHash } };
  }

  /** The user's own credentials, or an organization admin managing a member of their organization. */
  private async assertManages(account: Account, userUuid: string): Promise<void> {
    if (account.user.userUuid === userUuid) return;
    const target = await this.accounts.byUserUuid(userUuid);
    if (!target) throw new NotFoundError(`User ${userUuid} not found`);
    const sameOrganization = account.organization !== null && target.organization?.organizationUuid === account.organization.organizationUuid;
    if (!sameOrganization) throw new NotFoundError(`User ${userUuid} not found`);
    if (account.role !== 'admin') throw new ForbiddenError("Only organization admins may manage another user's API3 credentials");
  }
}

const sameDigest = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
