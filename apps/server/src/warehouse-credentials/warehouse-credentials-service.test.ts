import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../identity/account.js';
import { UserRepository } from '../identity/user-repository.js';
import { createCipher } from '../secrets/cipher.js';
import type { Store } from '../store/database.js';
import { createTestStore } from '../testing/test-server.js';
import { WarehouseCredentialsRepository } from './warehouse-credentials-repository.js';
import { WarehouseCredentialsService } from './warehouse-credentials-service.js';

let store: Store;
let service: WarehouseCredentialsService;
let alice: Account;
let bob: Account;

const accountFor = async (users: UserRepository): Promise<Account> => {
  const userUuid = randomUUID();
  await users.create({ userUuid, email: `${userUuid}@example.com`, firstName: 'T', lastName: 'U', passwordHash: null });
  const now = new Date();
  return {
    user: {
      userUuid,
      email: `${userUuid}@example.com`,
      firstName: 'T',
      lastName: 'U',
      isEmailVerified: true,
      isActive: true,
      isPending: false,
      isSetupComplete: true,
      isMarketingOptedIn: false,
      isTrackingAnonymized: false,
      createdAt: now,
      updatedAt: now,
    },
    organization: null,
    role: null,
    authentication: { kind: 'session', sessionHash: 'x' },
  };
};

const storedColumn = async (uuid: string) =>
  (
    await store.db
      .selectFrom('user_warehouse_credentials')
      .selectAll()
      .where('user_warehouse_credentials_uuid', '=', uuid)
      .executeTakeFirstOrThrow()
  );

beforeAll(async () => {
  store = await createTestStore();
  service = new WarehouseCredentialsService(
    new WarehouseCredentialsRepository(store.db),
    createCipher(randomBytes(32).toString('hex')),
    () => new Date(),
  );
  const users = new UserRepository(store.db);
  alice = await accountFor(users);
  bob = await accountFor(users);
});
afterAll(async () => {
  if (store) await store.close();
});

describe('getDecryptedCredentials', () => {
  it('round-trips the full credentials while the stored row holds no secret text', async () => {
    const password = `pw-${randomUUID()}`;
    const created = await service.create(alice, { name: 'pg', credentials: { type: 'postgres', user: 'alice_pg', password } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'postgres',
      user: 'alice_pg',
      password,
    });
    const row = await storedColumn(created.uuid);
    expect(row.encrypted_credentials).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(password);
    expect(row).toMatchObject({ warehouse_type: 'postgres', username: 'alice_pg' });
  });

  it('round-trips bigquery key files and databricks tokens without storing them in clear', async () => {
    const privateKey = `-----BEGIN PRIVATE KEY-----${randomUUID()}`;
    const keyfileContents = { type: 'service_account', project_id: 'p', private_key: privateKey, client_email: 'a@p.iam' };
    const bq = await service.create(alice, { name: 'bq', credentials: { type: 'bigquery', keyfileContents } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, bq.uuid)).toEqual({ type: 'bigquery', keyfileContents });
    const bqRow = await storedColumn(bq.uuid);
    expect(JSON.stringify(bqRow)).not.toContain(privateKey);
    expect(bqRow.username).toBeNull();

    const token = `dapi${randomUUID()}`;
    const db = await service.create(alice, { name: 'db', credentials: { type: 'databricks', personalAccessToken: token } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, db.uuid)).toEqual({
      type: 'databricks',
      personalAccessToken: token,
    });
    expect(JSON.stringify(await storedColumn(db.uuid))).not.toContain(token);
  });

  it('answers 404 for someone else\'s credentials and for unknown ones', async () => {
    const created = await service.create(alice, { name: 'x', credentials: { type: 'trino', user: 'a', password: 'b' } });
    await expect(service.getDecryptedCredentials(bob.user.userUuid, created.uuid)).rejects.toMatchObject({ statusCode: 404 });
    await expect(service.getDecryptedCredentials(alice.user.userUuid, randomUUID())).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('update', () => {
  it('keeps the stored secret when the type is unchanged and the secret is omitted', async () => {
    const created = await service.create(alice, { name: 'sf', credentials: { type: 'snowflake', user: 'u1', password: 'keep-me' } });
    const updated = await service.update(alice, created.uuid, { name: 'sf2', credentials: { type: 'snowflake', user: 'u2' } });
    expect(updated).toMatchObject({ name: 'sf2', credentials: { type: 'snowflake', user: 'u2' } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'snowflake',
      user: 'u2',
      password: 'keep-me',
    });
  });

  it('replaces the secret when one is sent', async () => {
    const created = await service.create(alice, { name: 'db', credentials: { type: 'databricks', personalAccessToken: 'old' } });
    await service.update(alice, created.uuid, { name: 'db', credentials: { type: 'databricks', personalAccessToken: 'new' } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'databricks',
      personalAccessToken: 'new',
    });
  });

  it('replaces the credentials wholesale on a type change and requires the new secret', async () => {
    const created = await service.create(alice, { name: 'pg', credentials: { type: 'postgres', user: 'u', password: 'p' } });
    await expect(
      service.update(alice, created.uuid, { name: 'pg', credentials: { type: 'mysql', user: 'u' } }),
    ).rejects.toMatchObject({ statusCode: 422 });
    const changed = await service.update(alice, created.uuid, {
      name: 'bq',
      credentials: { type: 'bigquery', keyfileContents: { project_id: 'p' } },
    });
    expect(changed.credentials).toEqual({ type: 'bigquery' });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'bigquery',
      keyfileContents: { project_id: 'p' },
    });
    expect((await storedColumn(created.uuid)).username).toBeNull();
    // Snowflake's password is optional, so switching to snowflake without one is a complete replacement.
    await service.update(alice, created.uuid, { name: 'sf', credentials: { type: 'snowflake', user: 'key_pair_user' } });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'snowflake',
      user: 'key_pair_user',
    });
  });

  it('never lets another user update or delete, and reports them as missing', async () => {
    const created = await service.create(alice, { name: 'pg', credentials: { type: 'postgres', user: 'u', password: 'p' } });
    await expect(
      service.update(bob, created.uuid, { name: 'stolen', credentials: { type: 'postgres', user: 'x', password: 'y' } }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(service.delete(bob, created.uuid)).rejects.toMatchObject({ statusCode: 404 });
    expect(await service.getDecryptedCredentials(alice.user.userUuid, created.uuid)).toEqual({
      type: 'postgres',
      user: 'u',
      password: 'p',
    });
  });
});
