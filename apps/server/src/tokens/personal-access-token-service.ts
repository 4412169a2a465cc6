import { randomUUID } from 'node:crypto';
import { AuthorizationError, ForbiddenError, NotFoundError, ParameterError, assertCan } from '@tessera/core';
import type { AccountRepository } from '../identity/account-repository.js';
import { actorOf, type Account } from '../identity/account.js';
import type { NotifiedCache } from '../store/notified-cache.js';
import { TOKEN_PREFIX, hashToken, newToken } from '../identity/tokens.js';
import type { PersonalAccessToken, PersonalAccessTokenRepository } from './personal-access-token-repository.js';

const LAST_USED_RESOLUTION_MS = 60_000;
const ROTATION_INTERVAL_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export type TokenRecord = NonNullable<Awaited<ReturnType<AccountRepository['byPersonalAccessToken']>>>;

/**
 * Personal access tokens: `tspat_` + 32 random bytes, stored as a SHA-256 digest. `lastUsedAt` is
 * written at most once a minute per token so authenticated reads stay read-only on the store.
 */
export class PersonalAccessTokenService {
  constructor(
    private readonly tokens: PersonalAccessTokenRepository,
    private readonly accounts: AccountRepository,
    private readonly maxExpirationDays: number | undefined,
    private readonly now: () => Date,
    private readonly cache: NotifiedCache<TokenRecord>,
  ) {}

  async create(account: Account, input: { description: string; expiresAt?: string | null | undefined }) {
    assertOwn(account);
    if (account.authentication.kind !== 'session') {
      throw new ForbiddenError('Tokens (personal access or Looker API tokens) cannot create other tokens: sign in with a password first');
    }
    const expiresAt = this.validExpiry(input.expiresAt ?? null);
    const { token, hash } = newToken(TOKEN_PREFIX.personalAccessToken);
    const created = await this.tokens.create({
      uuid: randomUUID(),
      userUuid: account.user.userUuid,
      tokenHash: hash,
      description: input.description,
      expiresAt,
    });
    return { ...created, token };
  }

  list(account: Account): Promise<PersonalAccessToken[]> {
    assertOwn(account);
    return this.tokens.listForUser(account.user.userUuid);
  }

  async delete(account: Account, uuid: string): Promise<void> {
    assertOwn(account);
    const deleted = await this.tokens.deleteForUser(account.user.userUuid, uuid);
    this.cache.clear();
    if (!deleted) throw new NotFoundError('Personal access token not found');
  }

  async rotate(account: Account, uuid: string, expiresAtInput: string) {
    assertOwn(account);
    const existing = await this.tokens.findForUser(account.user.userUuid, uuid);
    if (!existing) throw new NotFoundError('Personal access token not found');
    if (existing.expiresAt === null) {
      throw new ParameterError('Tokens without an expiry date cannot be rotated: create a new token instead');
    }
    const now = this.now();
    if (existing.rotatedAt && now.getTime() - existing.rotatedAt.getTime() < ROTATION_INTERVAL_MS) {
      throw new ParameterError('This token was rotated less than an hour ago: try again later');
    }
    const expiresAt = this.validExpiry(expiresAtInput);
    if (expiresAt === null) throw new ParameterError('expiresAt is required to rotate a token');
    const { token, hash } = newToken(TOKEN_PREFIX.personalAccessToken);
    const rotated = await this.tokens.rotate(uuid, hash, expiresAt, now);
    this.cache.clear();
    return { ...rotated, token };
  }

  /** The account behind an `ApiKey` header; 401 for unknown, expired or rotated-away tokens. */
  async authenticate(token: string): Promise<Account> {
    const tokenHash = hashToken(token);
    const found = await this.lookup(tokenHash);
    const now = this.now();
    if (!found || (found.expiresAt !== null && found.expiresAt.getTime() <= now.getTime())) {
      throw new AuthorizationError('Personal access token is not recognised or has expired');
    }
    if (!found.account.user.isActive) throw new AuthorizationError('This account is deactivated');
    if (found.lastUsedAt === null || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.touch(found.tokenUuid, now);
      this.cache.update(tokenHash, { ...found, lastUsedAt: now });
    }
    return { ...found.account, authentication: { kind: 'personalAccessToken', tokenUuid: found.tokenUuid } };
  }

  private async lookup(tokenHash: string): Promise<TokenRecord | undefined> {
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const generation = this.cache.begin();
    const found = await this.accounts.byPersonalAccessToken(tokenHash);
    if (found) this.cache.set(tokenHash, found, generation);
    return found;
  }

  private validExpiry(input: string | null): Date | null {
    if (input === null) {
      if (this.maxExpirationDays !== undefined) {
        throw new ParameterError(`Tokens must expire within ${this.maxExpirationDays} days: set expiresAt`);
      }
      return null;
    }
    const expiresAt = new Date(input);
    if (Number.isNaN(expiresAt.getTime())) throw new ParameterError('expiresAt is not a valid date');
    const now = this.now().getTime();
    if (expiresAt.getTime() <= now) throw new ParameterError('Expire time must be in the future');
    if (this.maxExpirationDays !== undefined && expiresAt.getTime() > now + (this.maxExpirationDays + 1) * DAY_MS) {
      throw new ParameterError(`Tokens must expire within ${this.maxExpirationDays} days`);
    }
    return expiresAt;
  }
}

/** Tokens are only ever the caller's own: every query is also scoped by the caller's user id. */
const assertOwn = (account: Account) =>
  assertCan(actorOf(account), 'manage', { type: 'PersonalAccessToken', userUuid: account.user.userUuid });
