import { AuthorizationError } from '@tessera/core';
import type { AccountRepository } from './account-repository.js';
import type { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password.js';
import type { UserRepository } from './user-repository.js';

export class LoginService {
  constructor(
    private readonly users: UserRepository,
    private readonly accounts: AccountRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Checks e-mail and password; the same 401 whether the account exists or not. */
  async login(email: string, password: string, ip: string) {
    this.throttle.assertAllowed(ip, email);
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !valid) {
      this.throttle.recordFailure(ip, email);
      throw new AuthorizationError('Email and password not recognized');
    }
    if (!user.is_active) throw new AuthorizationError('This account is deactivated: ask an administrator');
    this.throttle.recordSuccess(email);
    const account = await this.accounts.byUserUuid(user.user_uuid);
    if (!account) throw new AuthorizationError('Email and password not recognized');
    return account;
  }
}
