import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '@tessera/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { assertPasswordRule, hashPassword } from './password.js';
import { hashToken, newToken } from './tokens.js';
import type { UserRepository } from './user-repository.js';

const SETUP_LINK_TTL_MS = 24 * 60 * 60_000;

export type FirstAdmin = { email: string; password: string; firstName: string; lastName: string; organizationName: string };

/**
 * The first admin. Either from the environment at start-up, or through a one-time setup link printed
 * on the console. Once an admin exists the setup endpoint answers 403 and no link is issued.
 */
export class BootstrapService {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserRepository,
    private readonly now: () => Date,
  ) {}

  /** Called after the setup link creates the first admin (e.g. to prepare the demo project). */
  onAdminCreated(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Returns the setup token to print, or undefined when an admin exists or was just created. */
  async ensureFirstAdmin(fromEnvironment: FirstAdmin | undefined): Promise<{ setupToken?: string; created?: string }> {
    if ((await this.users.countAdmins()) > 0) return {};
    if (fromEnvironment) {
      const existing = await this.users.findByEmail(fromEnvironment.email);
      if (!existing) {
        await this.createAdmin(fromEnvironment);
        return { created: fromEnvironment.email };
      }
    }
    const { token, hash } = newToken();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('setup_tokens').execute();
      await trx
        .insertInto('setup_tokens')
        .values({ token_hash: hash, expires_at: new Date(this.now().getTime() + SETUP_LINK_TTL_MS) })
        .execute();
    });
    return { setupToken: token };
  }

  /** Spends the one-time token; only one caller can ever win it. */
  async completeSetup(token: string, admin: FirstAdmin): Promise<string> {
    assertPasswordRule(admin.password);
    const passwordHash = await hashPassword(admin.password);
    const userUuid = await this.db.transaction().execute(async (trx) => {
      const spent = await trx
        .deleteFrom('setup_tokens')
        .where('token_hash', '=', hashToken(token))
        .returning(['expires_at'])
        .executeTakeFirst();
      if (!spent) throw new NotFoundError('This setup link is not valid: restart the server to print a new one');
      if (spent.expires_at.getTime() <= this.now().getTime()) {
        throw new ForbiddenError('This setup link has expired: restart the server to print a new one');
      }
      if ((await this.users.countAdmins(trx)) > 0) throw new ForbiddenError('Tessera is already set up: sign in instead');
      return this.insertAdmin(trx, admin, passwordHash);
    });
    for (const listener of this.listeners) listener();
    return userUuid;
  }

  private async createAdmin(admin: FirstAdmin): Promise<string> {
    const passwordHash = await hashPassword(admin.password);
    return this.db.transaction().execute((trx) => this.insertAdmin(trx, admin, passwordHash));
  }

  private async insertAdmin(trx: Kysely<Database>, admin: FirstAdmin, passwordHash: string): Promise<string> {
    const userUuid = randomUUID();
    const organizationUuid = randomUUID();
    await this.users.create(
      { userUuid, email: admin.email, firstName: admin.firstName, lastName: admin.lastName, passwordHash, isEmailVerified: true },
      trx,
    );
    await this.users.createOrganization(organizationUuid, admin.organizationName, trx);
    await this.users.addMembership(userUuid, organizationUuid, 'admin', trx);
    await trx.updateTable('users').set({ is_setup_complete: true }).where('user_uuid', '=', userUuid).execute();
    return userUuid;
  }
}
