import { randomUUID } from 'node:crypto';
import { NotFoundError, ValidateError, assertCan, can, type Actor } from '@tessera/core';
import { actorOf, type Account } from '../identity/account.js';
import type { Cipher } from '../secrets/cipher.js';
import type { StoredWarehouseCredentials, WarehouseCredentialsRepository } from './warehouse-credentials-repository.js';
import {
  credentialsSchema,
  isUserPasswordType,
  type PublicCredentials,
  type WarehouseCredentials,
  type WarehouseCredentialsUpdate,
} from './warehouse-credentials-schemas.js';

/** The public view of a user's credentials (the `UserWarehouseCredentials` schema): no secrets. */
export type UserWarehouseCredentials = {
  uuid: string;
  userUuid: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  credentials: PublicCredentials;
};

const NOT_FOUND = 'Warehouse credentials not found';

/**
 * Per-user warehouse credentials. The whole credentials object is stored encrypted (AES-256-GCM);
 * only the type and, for login/password types, the login name are kept in clear so listings never
 * decrypt. Credentials are private to their owner: anyone else gets 404, never 403.
 */
export class WarehouseCredentialsService {
  constructor(
    private readonly repository: WarehouseCredentialsRepository,
    private readonly cipher: Cipher,
    private readonly now: () => Date,
  ) {}

  async list(account: Account): Promise<UserWarehouseCredentials[]> {
    assertCan(actorOf(account), 'view', { type: 'UserWarehouseCredentials', userUuid: account.user.userUuid });
    return (await this.repository.listForUser(account.user.userUuid)).map(toPublic);
  }

  async create(account: Account, input: { name: string; credentials: WarehouseCredentials }): Promise<UserWarehouseCredentials> {
    assertCan(actorOf(account), 'manage', { type: 'UserWarehouseCredentials', userUuid: account.user.userUuid });
    const created = await this.repository.create({
      uuid: randomUUID(),
      userUuid: account.user.userUuid,
      at: this.now(),
      ...this.sealed(input.name, input.credentials),
    });
    return toPublic(created);
  }

  /**
   * Replaces name and credentials. With the same type the secret may be omitted to keep the stored
   * one; a different type replaces the credentials wholesale, so its secret is required (422).
   */
  async update(
    account: Account,
    uuid: string,
    input: { name: string; credentials: WarehouseCredentialsUpdate },
  ): Promise<UserWarehouseCredentials> {
    const existing = await this.owned(actorOf(account), uuid, 'manage');
    const credentials = this.merged(existing, input.credentials);
    const updated = await this.repository.update(uuid, existing.userUuid, { at: this.now(), ...this.sealed(input.name, credentials) });
    if (!updated) throw new NotFoundError(NOT_FOUND);
    return toPublic(updated);
  }

  async delete(account: Account, uuid: string): Promise<void> {
    const existing = await this.owned(actorOf(account), uuid, 'manage');
    if (!(await this.repository.delete(uuid, existing.userUuid))) throw new NotFoundError(NOT_FOUND);
  }

  /** The full credentials, secrets included, for the query engine; 404 unless `userUuid` owns them. */
  async getDecryptedCredentials(userUuid: string, uuid: string): Promise<WarehouseCredentials> {
    const actor: Actor = { userUuid, organizationUuid: null, organizationRole: null };
    return this.decrypted(await this.owned(actor, uuid, 'view'));
  }

  private async owned(actor: Actor, uuid: string, action: 'view' | 'manage'): Promise<StoredWarehouseCredentials> {
    const found = await this.repository.find(uuid);
    // Someone else's credentials are reported exactly like missing ones: their existence is private.
    if (!found || !can(actor, action, { type: 'UserWarehouseCredentials', userUuid: found.userUuid })) {
      throw new NotFoundError(NOT_FOUND);
    }
    return found;
  }

  private merged(existing: StoredWarehouseCredentials, input: WarehouseCredentialsUpdate): WarehouseCredentials {
    if (input.type === existing.type && !hasSecret(input)) {
      // Same type, secret omitted: keep the stored secret, take everything else from the request.
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      return credentialsSchema.parse({ ...this.decrypted(existing), ...given });
    }
    const complete = credentialsSchema.safeParse(input);
    if (!complete.success) {
      throw new ValidateError(
        `Changing the warehouse type from ${existing.type} to ${input.type} replaces the credentials: send the secret too`,
        { fields: [{ path: 'body.credentials', message: 'the secret is required when the type changes' }] },
      );
    }
    return complete.data;
  }

  private sealed(name: string, credentials: WarehouseCredentials) {
    return {
      name,
      type: credentials.type,
      user: 'user' in credentials ? credentials.user : null,
      encryptedCredentials: this.cipher.encrypt(JSON.stringify(credentials)),
    };
  }

  private decrypted(stored: StoredWarehouseCredentials): WarehouseCredentials {
    let plain: string;
    try {
      plain = this.cipher.decrypt(stored.encryptedCredentials);
    } catch (error) {
      throw new Error(`Warehouse credentials ${stored.uuid} cannot be decrypted: was TESSERA_SECRET changed?`, { cause: error });
    }
    return credentialsSchema.parse(JSON.parse(plain));
  }
}

const hasSecret = (input: WarehouseCredentialsUpdate): boolean => {
  switch (input.type) {
    case 'bigquery':
      return input.keyfileContents !== undefined;
    case 'databricks':
      return input.personalAccessToken !== undefined;
    default:
      return input.password !== undefined;
  }
};

const toPublic = (stored: StoredWarehouseCredentials): UserWarehouseCredentials => ({
  uuid: stored.uuid,
  userUuid: stored.userUuid,
  name: stored.name,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
  credentials: publicCredentials(stored),
});

const publicCredentials = (stored: StoredWarehouseCredentials): PublicCredentials => {
  if (isUserPasswordType(stored.type)) return { type: stored.type, user: stored.user ?? '' };
  if (stored.type === 'bigquery' || stored.type === 'databricks') return { type: stored.type };
  throw new Error(`Unknown warehouse type ${stored.type} in stored credentials ${stored.uuid}`);
};
