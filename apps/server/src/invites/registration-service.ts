import { isUniqueViolation } from '../store/database-errors.js';
import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, ExpiredError, ForbiddenError, NotFoundError } from '@tessera/core';
import { assertPasswordRule, hashPassword } from '../identity/password.js';
import { hashToken } from '../identity/tokens.js';
import { normaliseEmail, type UserRepository } from '../identity/user-repository.js';
import type { InviteLinkRepository } from './invite-link-repository.js';
import type { RegistrationRepository } from './registration-repository.js';

type Names = { firstName: string; lastName: string; password: string };
export type RegisterInput = (Names & { inviteCode: string }) | (Names & { email: string });

const DUPLICATE_MESSAGE = 'A user with this email address already exists';

/**
 * RegisterUser. With an invite code: activates the invite's pending user (single use, 406 when
 * expired). With an e-mail: open sign-up, allowed when TESSERA_OPEN_REGISTRATION is on or the
 * e-mail's domain is allowed by some organization; the user starts without an organization.
 * Returns the user to sign in. Writes happen in one transaction or not at all.
 */
export class RegistrationService {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly links: InviteLinkRepository,
    private readonly users: UserRepository,
    private readonly openRegistration: boolean,
    private readonly now: () => Date,
  ) {}

  register(input: RegisterInput): Promise<string> {
    return 'inviteCode' in input ? this.activate(input) : this.signUp(input);
  }

  private async activate(input: Names & { inviteCode: string }): Promise<string> {
    const codeHash = hashToken(input.inviteCode);
    const link = await this.links.find(codeHash);
    if (!link) throw new NotFoundError('No invite link found with this code');
    this.assertNotExpired(link.expiresAt);
    assertPasswordRule(input.password);
    const passwordHash = await hashPassword(input.password);
    return this.registrations.transaction(async (trx) => {
      const spent = await this.links.consume(codeHash, trx);
      if (!spent) throw new NotFoundError('No invite link found with this code');
      this.assertNotExpired(spent.expiresAt);
      const activated = await this.registrations.activatePendingUser(
        spent.userUuid,
        { firstName: input.firstName, lastName: input.lastName, passwordHash, now: this.now() },
        trx,
      );
      if (!activated) throw new ForbiddenError('This invite is no longer valid: ask an administrator for a new one');
      await this.links.deleteForUser(spent.userUuid, trx);
      return spent.userUuid;
    });
  }

  private async signUp(input: Names & { email: string }): Promise<string> {
    const email = normaliseEmail(input.email);
    if (!this.openRegistration && !(await this.registrations.isEmailDomainAllowed(domainOf(email)))) {
      throw new ForbiddenError(
        'Registration needs an invite: ask an administrator of your organization to send you an invite link',
      );
    }
    assertPasswordRule(input.password);
    // Hash before looking the e-mail up, so the answer takes as long for new and existing addresses.
    const passwordHash = await hashPassword(input.password);
    const userUuid = randomUUID();
    try {
      await this.registrations.transaction(async (trx) => {
        if (await this.users.findByEmail(email, trx)) throw new AlreadyExistsError(DUPLICATE_MESSAGE);
        await this.users.create(
          { userUuid, email, firstName: input.firstName, lastName: input.lastName, passwordHash, isEmailVerified: false },
          trx,
        );
      });
    } catch (error) {
      // A concurrent registration of the same address loses on the unique index.
      if (isUniqueViolation(error)) throw new AlreadyExistsError(DUPLICATE_MESSAGE);
      throw error;
    }
    return userUuid;
  }

  private assertNotExpired(expiresAt: Date): void {
    if (expiresAt.getTime() <= this.now().getTime()) {
      throw new ExpiredError('This invite link has expired: ask an administrator for a new one');
    }
  }
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);
