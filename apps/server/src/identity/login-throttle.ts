import { TooManyRequestsError } from '@tessera/core';

const WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 50_000;

/**
 * Counts failed logins per e-mail and per IP in a 15-minute window; past the limit (per IP: five
 * times the per-e-mail limit, since offices share addresses), 429 with Retry-After. Kept in memory: each node throttles on its own, which bounds guessing per node.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly now: () => Date,
  ) {}

  assertAllowed(ip: string, email: string): void {
    for (const key of keys(ip, email)) {
      const entry = this.current(key);
      const limit = key.startsWith('ip:') ? this.maxFailures * 5 : this.maxFailures;
      if (entry && entry.count >= limit) {
        const retryAfterSeconds = Math.ceil((entry.since + WINDOW_MS - this.now().getTime()) / 1000);
        throw new TooManyRequestsError('Too many failed sign-in attempts: wait a few minutes and try again', {
          retryAfterSeconds,
        });
      }
    }
  }

  recordFailure(ip: string, email: string): void {
    if (this.failures.size > MAX_KEYS) this.prune();
    for (const key of keys(ip, email)) {
      const entry = this.current(key);
      this.failures.set(key, entry ? { ...entry, count: entry.count + 1 } : { count: 1, since: this.now().getTime() });
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now().getTime() - entry.since > WINDOW_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.current(key);
  }
}

const keys = (ip: string, email: string) => [`ip:${ip}`, `email:${email.toLowerCase()}`];
