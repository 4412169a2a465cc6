import type { AccountRepository } from './account-repository.js';
import type { NotifiedCache } from '../store/notified-cache.js';
import type { Account } from './account.js';
import type { SessionRepository } from './session-repository.js';
import { hashToken, newToken } from './tokens.js';

export type SessionRecord = NonNullable<Awaited<ReturnType<AccountRepository['bySession']>>>;

/**
 * Server-side sessions: the cookie holds a random id, the store holds its digest and expiry.
 * Expiry rolls forward on use, written at most once per half lifetime to keep reads write-free.
 */
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly maxAgeMs: number,
    private readonly now: () => Date,
    private readonly cache: NotifiedCache<SessionRecord>,
  ) {}

  async start(userUuid: string): Promise<{ sessionId: string; expiresAt: Date }> {
    const { token, hash } = newToken();
    const expiresAt = new Date(this.now().getTime() + this.maxAgeMs);
    await this.sessions.create(hash, userUuid, expiresAt);
    return { sessionId: token, expiresAt };
  }

  /** The account behind a cookie value, and a new expiry when the cookie should be re-sent. */
  async resolve(sessionId: string): Promise<{ account: Account; renewedUntil?: Date } | undefined> {
    const sessionHash = hashToken(sessionId);
    const found = await this.lookup(sessionHash);
    const now = this.now().getTime();
    if (!found || found.expiresAt.getTime() <= now || !found.account.user.isActive) return undefined;
    const account: Account = { ...found.account, authentication: { kind: 'session', sessionHash } };
    if (found.expiresAt.getTime() - now < this.maxAgeMs / 2) {
      const renewedUntil = new Date(now + this.maxAgeMs);
      await this.sessions.extend(sessionHash, renewedUntil);
      this.cache.update(sessionHash, { ...found, expiresAt: renewedUntil });
      return { account, renewedUntil };
    }
    return { account };
  }

  private async lookup(sessionHash: string): Promise<SessionRecord | undefined> {
    const cached = this.cache.get(sessionHash);
    if (cached) return cached;
    const generation = this.cache.begin();
    const found = await this.accounts.bySession(sessionHash);
    if (found) this.cache.set(sessionHash, found, generation);
    return found;
  }

  async end(sessionHash: string): Promise<void> {
    await this.sessions.delete(sessionHash);
    this.cache.clear();
  }
}
