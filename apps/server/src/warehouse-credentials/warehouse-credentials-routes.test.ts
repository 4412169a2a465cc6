import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { USER_PASSWORD_TYPES } from './warehouse-credentials-schemas.js';

const BASE = '/api/v1/user/warehouseCredentials';

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let loner: TestUser;

/** Every secret sent in this file; no response body and no stored row may ever contain one. */
const secrets = new Set<string>();
const secret = (label: string): string => {
  const value = `${label}-${randomUUID()}`;
  secrets.add(value);
  return value;
};
const responses: LightMyRequestResponse[] = [];

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const send = async (method: Method, url: string, as?: TestUser, options: { body?: unknown; auth?: 'cookie' | 'apiKey' } = {}) => {
  const res = await server.request(method, url, { as, ...options });
  responses.push(res);
  return res;
};

/**
 * The spec's response schema was generated from `Pick<Redshift | Postgres | Snowflake | Trino,
 * 'type' | 'user'>`, which its generator collapsed to `type: "snowflake"`. Login/password
 * credentials of the other types (and Tessera's duckdb/mysql) are checked against that member with
 * the type swapped, after checking the real type is one of them.
 */
const expectCredentialsSpec = (res: LightMyRequestResponse, operationId: string): void => {
  if (res.statusCode !== 200) return expectSpec(res, operationId);
  const body = res.json() as { results: unknown };
  const normalise = (c: { credentials: { type: string } }) => {
    if (!(USER_PASSWORD_TYPES as readonly string[]).includes(c.credentials.type)) return c;
    return { ...c, credentials: { ...c.credentials, type: 'snowflake' } };
  };
  const results = Array.isArray(body.results) ? body.results.map(normalise) : normalise(body.results as never);
  const normalised = { ...body, results };
  expectSpec({ statusCode: 200, body: JSON.stringify(normalised), json: () => normalised }, operationId);
};

const create = async (user: TestUser, body: unknown, auth: 'cookie' | 'apiKey' = 'cookie') => {
  const res = await send('POST', BASE, user, { body, auth });
  expectCredentialsSpec(res, 'createWarehouseCredentials');
  expect(res.statusCode).toBe(200);
  return res.json().results as { uuid: string; userUuid: string; name: string; credentials: Record<string, unknown> };
};

const countRows = async () =>
  Number(
    (
      await server.store.db
        .selectFrom('user_warehouse_credentials')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  server = await createTestServer();
  const org = await server.createOrganization('Acme');
  alice = await server.createUser({ organizationUuid: org.organizationUuid, role: 'viewer' });
  bob = await server.createUser({ organizationUuid: org.organizationUuid, role: 'admin' });
  loner = await server.createUser({ organizationUuid: null });
});
afterEach(async () => {
  for (const res of responses.splice(0)) {
    for (const s of secrets) expect(res.body).not.toContain(s);
  }
});
afterAll(async () => {
  if (!server) return;
  const rows = await server.store.db.selectFrom('user_warehouse_credentials').selectAll().execute();
  const stored = JSON.stringify(rows);
  for (const s of secrets) expect(stored).not.toContain(s);
  await server.close();
});

describe('createWarehouseCredentials', () => {
  it('stores every login/password type and answers {type, user} only', async () => {
    for (const type of USER_PASSWORD_TYPES) {
      const password = secret(type);
      const created = await create(alice, { name: `${type} creds`, credentials: { type, user: `${type}_user`, password } });
      expect(created).toMatchObject({ userUuid: alice.userUuid, name: `${type} creds` });
      expect(created.credentials).toEqual({ type, user: `${type}_user` });
      const row = await server.store.db
        .selectFrom('user_warehouse_credentials')
        .selectAll()
        .where('user_warehouse_credentials_uuid', '=', created.uuid)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ user_uuid: alice.userUuid, warehouse_type: type, username: `${type}_user` });
      expect(row.encrypted_credentials).not.toContain(password);
    }
  });

  it('accepts snowflake without a password (key-pair users)', async () => {
    const created = await create(alice, { name: 'sf', credentials: { type: 'snowflake', user: 'kp' } });
    expect(created.credentials).toEqual({ type: 'snowflake', user: 'kp' });
  });

  it('stores bigquery and databricks secrets and answers {type} only, by session or ApiKey', async () => {
    const bq = await create(
      alice,
      { name: 'bq', credentials: { type: 'bigquery', keyfileContents: { type: 'service_account', private_key: secret('pk') } } },
      'apiKey',
    );
    expect(bq.credentials).toEqual({ type: 'bigquery' });
    const db = await create(alice, { name: 'db', credentials: { type: 'databricks', personalAccessToken: secret('dapi') } }, 'apiKey');
    expect(db.credentials).toEqual({ type: 'databricks' });
  });

  it('refuses unknown types and missing or malformed fields with 422, writing nothing', async () => {
    const before = await countRows();
    const bad = [
      { name: 'x', credentials: { type: 'oracle', user: 'u', password: secret('p') } },
      { name: 'x', credentials: { user: 'u', password: secret('p') } },
      { name: 'x', credentials: { type: 'postgres', user: 'u' } },
      { name: 'x', credentials: { type: 'redshift', password: secret('p') } },
      { name: 'x', credentials: { type: 'trino', user: '', password: secret('p') } },
      { name: 'x', credentials: { type: 'snowflake', password: secret('p') } },
      { name: 'x', credentials: { type: 'mysql', user: 'u', password: 42 } },
      { name: 'x', credentials: { type: 'bigquery' } },
      { name: 'x', credentials: { type: 'bigquery', keyfileContents: 'not an object' } },
      { name: 'x', credentials: { type: 'bigquery', keyfileContents: {} } },
      { name: 'x', credentials: { type: 'databricks' } },
      { name: '', credentials: { type: 'postgres', user: 'u', password: secret('p') } },
      { credentials: { type: 'postgres', user: 'u', password: secret('p') } },
      { name: 'x' },
    ];
    for (const body of bad) {
      const res = await send('POST', BASE, alice, { body });
      expectError(res, 422, 'ValidateError');
      expectSpec(res, 'createWarehouseCredentials');
    }
    expect(await countRows()).toBe(before);
  });

  it('refuses anonymous requests with 401', async () => {
    const res = await send('POST', BASE, undefined, { body: { name: 'x', credentials: { type: 'postgres', user: 'u', password: secret('p') } } });
    expectError(res, 401, 'AuthorizationError');
    expectSpec(res, 'createWarehouseCredentials');
  });
});

describe('getWarehouseCredentials', () => {
  it('lists only my own credentials, by session or ApiKey, without secrets', async () => {
    const mine = await create(bob, { name: 'bob pg', credentials: { type: 'postgres', user: 'bob', password: secret('bob') } });
    for (const auth of ['cookie', 'apiKey'] as const) {
      const res = await send('GET', BASE, bob, { auth });
      expectCredentialsSpec(res, 'getWarehouseCredentials');
      const results = res.json().results as { uuid: string; userUuid: string }[];
      expect(results.map((r) => r.uuid)).toEqual([mine.uuid]);
    }
    const aliceList = (await send('GET', BASE, alice)).json().results as { uuid: string; userUuid: string }[];
    expect(aliceList.length).toBeGreaterThan(0);
    expect(aliceList.every((r) => r.userUuid === alice.userUuid)).toBe(true);
  });

  it('answers an empty list to a user with none, with or without an organization', async () => {
    const res = await send('GET', BASE, loner);
    expectCredentialsSpec(res, 'getWarehouseCredentials');
    expect(res.json().results).toEqual([]);
  });

  it('works for a user without an organization', async () => {
    await create(loner, { name: 'mine', credentials: { type: 'duckdb', user: 'me', password: secret('duck') } }, 'apiKey');
    const res = await send('GET', BASE, loner, { auth: 'apiKey' });
    expectCredentialsSpec(res, 'getWarehouseCredentials');
    expect(res.json().results).toHaveLength(1);
  });

  it('refuses anonymous requests with 401', async () => {
    const res = await send('GET', BASE);
    expectError(res, 401, 'AuthorizationError');
    expectSpec(res, 'getWarehouseCredentials');
  });
});

describe('updateWarehouseCredentials', () => {
  it('renames and replaces the secret, by session or ApiKey', async () => {
    const created = await create(alice, { name: 'pg', credentials: { type: 'postgres', user: 'u1', password: secret('old') } });
    server.clock.advance(1000);
    for (const auth of ['cookie', 'apiKey'] as const) {
      const res = await send('PATCH', `${BASE}/${created.uuid}`, alice, {
        auth,
        body: { name: `pg ${auth}`, credentials: { type: 'postgres', user: `u-${auth}`, password: secret('new') } },
      });
      expectCredentialsSpec(res, 'updateWarehouseCredentials');
      expect(res.json().results).toMatchObject({ uuid: created.uuid, name: `pg ${auth}`, credentials: { type: 'postgres', user: `u-${auth}` } });
    }
  });

  it('keeps the stored secret when the type is unchanged and the secret is omitted', async () => {
    const created = await create(alice, { name: 'tr', credentials: { type: 'trino', user: 'u1', password: secret('keep') } });
    const before = await server.store.db
      .selectFrom('user_warehouse_credentials')
      .select('encrypted_credentials')
      .where('user_warehouse_credentials_uuid', '=', created.uuid)
      .executeTakeFirstOrThrow();
    const res = await send('PATCH', `${BASE}/${created.uuid}`, alice, { body: { name: 'tr2', credentials: { type: 'trino', user: 'u2' } } });
    expectCredentialsSpec(res, 'updateWarehouseCredentials');
    expect(res.json().results).toMatchObject({ name: 'tr2', credentials: { type: 'trino', user: 'u2' } });
    const after = await server.store.db
      .selectFrom('user_warehouse_credentials')
      .select(['encrypted_credentials', 'username'])
      .where('user_warehouse_credentials_uuid', '=', created.uuid)
      .executeTakeFirstOrThrow();
    expect(after.username).toBe('u2');
    expect(after.encrypted_credentials).not.toBe(before.encrypted_credentials);
  });

  it('replaces the credentials on a type change, and requires the secret for it (422)', async () => {
    const created = await create(alice, { name: 'pg', credentials: { type: 'postgres', user: 'u', password: secret('pg') } });
    const missing = await send('PATCH', `${BASE}/${created.uuid}`, alice, { body: { name: 'db', credentials: { type: 'databricks' } } });
    expectError(missing, 422, 'ValidateError');
    expectSpec(missing, 'updateWarehouseCredentials');
    const res = await send('PATCH', `${BASE}/${created.uuid}`, alice, {
      body: { name: 'db', credentials: { type: 'databricks', personalAccessToken: secret('dapi') } },
    });
    expectCredentialsSpec(res, 'updateWarehouseCredentials');
    expect(res.json().results.credentials).toEqual({ type: 'databricks' });
    const row = await server.store.db
      .selectFrom('user_warehouse_credentials')
      .select(['warehouse_type', 'username'])
      .where('user_warehouse_credentials_uuid', '=', created.uuid)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ warehouse_type: 'databricks', username: null });
  });

  it('answers 404 for another user\'s credentials and for unknown ones, changing nothing', async () => {
    const bobs = await create(bob, { name: 'bob', credentials: { type: 'redshift', user: 'bob', password: secret('rs') } });
    const body = { name: 'hijack', credentials: { type: 'redshift', user: 'evil', password: secret('evil') } };
    for (const uuid of [bobs.uuid, randomUUID()]) {
      for (const auth of ['cookie', 'apiKey'] as const) {
        const res = await send('PATCH', `${BASE}/${uuid}`, alice, { body, auth });
        expectError(res, 404, 'NotFoundError');
        expectSpec(res, 'updateWarehouseCredentials');
      }
    }
    const list = (await send('GET', BASE, bob)).json().results as { uuid: string; name: string }[];
    expect(list.find((c) => c.uuid === bobs.uuid)?.name).toBe('bob');
  });

  it('refuses malformed bodies and ids with 422 and anonymous requests with 401', async () => {
    const created = await create(alice, { name: 'my', credentials: { type: 'mysql', user: 'u', password: secret('my') } });
    for (const body of [{ name: 'x', credentials: { type: 'nope' } }, { name: 'x' }, { credentials: { type: 'mysql', user: 'u' } }]) {
      const res = await send('PATCH', `${BASE}/${created.uuid}`, alice, { body });
      expectError(res, 422, 'ValidateError');
      expectSpec(res, 'updateWarehouseCredentials');
    }
    expectError(await send('PATCH', `${BASE}/not-a-uuid`, alice, { body: { name: 'x', credentials: { type: 'mysql', user: 'u' } } }), 422);
    const anonymous = await send('PATCH', `${BASE}/${created.uuid}`, undefined, { body: { name: 'x', credentials: { type: 'mysql', user: 'u' } } });
    expectError(anonymous, 401, 'AuthorizationError');
    expectSpec(anonymous, 'updateWarehouseCredentials');
  });
});

describe('deleteWarehouseCredentials', () => {
  it('deletes my credentials by session or ApiKey', async () => {
    for (const auth of ['cookie', 'apiKey'] as const) {
      const created = await create(alice, { name: 'gone', credentials: { type: 'postgres', user: 'u', password: secret('gone') } });
      const res = await send('DELETE', `${BASE}/${created.uuid}`, alice, { auth });
      expectSpec(res, 'deleteWarehouseCredentials');
      expect(res.statusCode).toBe(200);
      const row = await server.store.db
        .selectFrom('user_warehouse_credentials')
        .select('user_warehouse_credentials_uuid')
        .where('user_warehouse_credentials_uuid', '=', created.uuid)
        .executeTakeFirst();
      expect(row).toBeUndefined();
      expectError(await send('DELETE', `${BASE}/${created.uuid}`, alice, { auth }), 404, 'NotFoundError');
    }
  });

  it('answers 404 for another user\'s credentials, 422 for a malformed id and 401 when anonymous', async () => {
    const bobs = await create(bob, { name: 'keep', credentials: { type: 'postgres', user: 'bob', password: secret('keep') } });
    const res = await send('DELETE', `${BASE}/${bobs.uuid}`, alice);
    expectError(res, 404, 'NotFoundError');
    expectSpec(res, 'deleteWarehouseCredentials');
    expectError(await send('DELETE', `${BASE}/${bobs.uuid}`, loner, { auth: 'apiKey' }), 404, 'NotFoundError');
    expectError(await send('DELETE', `${BASE}/nope`, alice), 422, 'ValidateError');
    const anonymous = await send('DELETE', `${BASE}/${bobs.uuid}`);
    expectError(anonymous, 401, 'AuthorizationError');
    expectSpec(anonymous, 'deleteWarehouseCredentials');
    const list = (await send('GET', BASE, bob)).json().results as { uuid: string }[];
    expect(list.map((c) => c.uuid)).toContain(bobs.uuid);
  });
});
