import { randomInt, timingSafeEqual } from 'node:crypto';
import { TooManyRequestsError } from '@tessera/core';
import type { Account } from '../identity/account.js';
import { hashToken } from '../identity/tokens.js';
import type { Mailer } from '../mail/mailer.js';
import type { EmailPasscodeRepository, StoredPasscode } from './email-passcode-repository.js';

export const PASSCODE_TTL_MS = 15 * 60_000;
export const PASSCODE_MAX_ATTEMPTS = 5;
export const PASSCODE_RESEND_INTERVAL_MS = 30_000;

export type EmailStatus = {
  email: string;
  isVerified: boolean;
  otp?: { createdAt: Date; numberOfAttempts: number; expiresAt: Date; isExpired: boolean; isMaxAttempts: boolean };
};

/**
 * Verifies a user's primary e-mail with a 6-digit one-time passcode (crypto.randomInt), mailed to
 * the address, valid 15 minutes and for at most 5 attempts. Asking again replaces the passcode
 * (at most once per 30 s). Every guess, right or wrong, spends an attempt; a wrong, expired or
 * exhausted passcode answers 200 with `isVerified: false` and the passcode's state.
 */
export class EmailVerificationService {
  constructor(
    private readonly passcodes: EmailPasscodeRepository,
    private readonly mailer: Mailer,
    private readonly now: () => Date,
  ) {}

  async sendPasscode(account: Account): Promise<EmailStatus> {
    const { userUuid, email } = account.user;
    if (account.user.isEmailVerified) return { email, isVerified: true };
    const now = this.now();
    const existing = await this.passcodes.find(userUuid);
    if (existing && existing.email === email) {
      const waitMs = existing.createdAt.getTime() + PASSCODE_RESEND_INTERVAL_MS - now.getTime();
      if (waitMs > 0) {
        const retryAfterSeconds = Math.ceil(waitMs / 1000);
        throw new TooManyRequestsError(`A passcode was just sent: wait ${retryAfterSeconds} seconds before asking for another`, {
          retryAfterSeconds,
        });
      }
    }
    const passcode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.passcodes.replace(userUuid, email, digestOf(userUuid, passcode), now);
    try {
      await this.mailer.send({
        to: email,
        subject: 'Your Tessera verification code',
        text: [
          `Your verification code is ${passcode}`,
          '',
          `Enter it in Tessera to verify ${email}. It expires in ${PASSCODE_TTL_MS / 60_000} minutes.`,
          'If you did not ask for it, ignore this message.',
        ].join('\n'),
      });
    } catch (error) {
      await this.passcodes.delete(userUuid); // undelivered: let the user ask again at once
      throw error;
    }
    return this.statusOf(email, await this.passcodes.find(userUuid));
  }

  /** The status, after checking `passcode` when one is given. */
  async status(account: Account, passcode: string | undefined): Promise<EmailStatus> {
    const { userUuid, email } = account.user;
    if (account.user.isEmailVerified) return { email, isVerified: true };
    if (passcode !== undefined) {
      const now = this.now();
      const stored = await this.passcodes.spendAttempt(
        userUuid,
        email,
        new Date(now.getTime() - PASSCODE_TTL_MS),
        PASSCODE_MAX_ATTEMPTS,
      );
      if (stored !== undefined && sameDigest(stored, digestOf(userUuid, passcode))) {
        await this.passcodes.markVerified(userUuid, email, now);
        return { email, isVerified: true };
      }
    }
    return this.statusOf(email, await this.passcodes.find(userUuid));
  }

  private statusOf(email: string, stored: StoredPasscode | undefined): EmailStatus {
    // A passcode sent to a former address of the user is not shown (and cannot be used).
    if (stored === undefined || stored.email !== email) return { email, isVerified: false };
    const expiresAt = new Date(stored.createdAt.getTime() + PASSCODE_TTL_MS);
    return {
      email,
      isVerified: false,
      otp: {
        createdAt: stored.createdAt,
        numberOfAttempts: stored.numberOfAttempts,
        expiresAt,
        isExpired: expiresAt.getTime() <= this.now().getTime(),
        isMaxAttempts: stored.numberOfAttempts >= PASSCODE_MAX_ATTEMPTS,
      },
    };
  }
}

/** Salted with the user id so equal passcodes of different users have different digests. */
const digestOf = (userUuid: string, passcode: string): string => hashToken(`${userUuid}:${passcode}`);

const sameDigest = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
};
