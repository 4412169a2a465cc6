import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../identity/account-repository.js';
import type { Account } from '../identity/account.js';
import { createCipher } from '../secrets/cipher.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { completeWarehouseConnection } from './connection-rules.js';
import { ProjectGuard } from './project-guard.js';
import { ProjectRepository } from './project-repository.js';
import { ProjectRoleResolver } from './project-role-resolver.js';
import { ProjectService, type MemberAccount } from './project-service.js';
import { ProjectVault } from './project-vault.js';

/** The seam for the model compiler and query engine: full connections, secrets included, out of the service only. */
let server: TestServer;
let service: ProjectService;
let account: MemberAccount;

beforeAll(async () => {
  server = await createTestServer();
  const { admin } = await server.createOrganization();
  const db = server.store.db;
  const repository = new ProjectRepository(db);
  const roles = new ProjectRoleResolver(db);
  const vault = new ProjectVault(createCipher(randomBytes(32).toString('hex')));
  service = new ProjectService(repository, roles, new ProjectGuard(repository, roles), vault, () => server.clock.now);
  const found = await new AccountRepository(db).byUserUuid(admin.userUuid);
  account = { ...found, authentication: { kind: 'session', sessionHash: 'test' } } as MemberAccount;
});
afterAll(() => server?.close());

describe('compileSource', () => {
  it('returns the dbt connection and the full warehouse connection, kept across an update that omits secrets', async () => {
    const warehouse = { type: 'postgres' as const, host: 'h', port: 5432, dbname: 'd', schema: 's', user: 'u', password: 'p4ss' };
    const created = await service.create(account, {
      name: 'Compiled',
      type: 'DEFAULT',
      dbtConnection: { type: 'manifest' },
      warehouseConnection: warehouse,
    });
    const { user: _u, password: _p, ...shown } = warehouse;
    expect(created.warehouseConnection).toEqual(shown);
    await service.update(account as Account, created.projectUuid, { warehouseConnection: { ...shown, host: 'h2' } });
    const source = await service.compileSource(created.projectUuid);
    expect(source).toMatchObject({
      projectUuid: created.projectUuid,
      warehouseType: 'postgres',
      dbtVersion: 'v1.8',
      dbtConnection: { type: 'manifest' },
      warehouseConnection: { ...warehouse, host: 'h2' },
    });
    expect(await source.manifest()).toBeUndefined();
  });
});

describe('transactions', () => {
  it('writes nothing when the creator membership fails after the project row', async () => {
    const db = server.store.db;
    class FailingRepository extends ProjectRepository {
      override async addMember(): Promise<void> {
        throw new Error('membership insert failed');
      }
    }
    const repository = new FailingRepository(db);
    const roles = new ProjectRoleResolver(db);
    const failing = new ProjectService(repository, roles, new ProjectGuard(repository, roles), new ProjectVault(createCipher('x'.repeat(32))), () => server.clock.now);
    const count = async () => (await db.selectFrom('projects').select('project_uuid').execute()).length;
    const before = await count();
    const input = { name: 'Doomed', type: 'DEFAULT' as const, dbtConnection: { type: 'none' as const }, warehouseConnection: { type: 'duckdb' as const, path: '/tmp/x.duckdb', schema: 'main' } };
    await expect(failing.create(account, input)).rejects.toThrow(/membership insert failed/);
    const created = await service.create(account, input);
    await expect(failing.createPreview(account, created.projectUuid, { name: 'Doomed preview', copyContent: false })).rejects.toThrow(/membership insert failed/);
    expect(await count()).toBe(before + 1);
  });
});

describe('completeWarehouseConnection', () => {
  const stored = { type: 'snowflake' as const, account: 'a', database: 'd', warehouse: 'w', schema: 's', user: 'u', password: 'pw' };

  it('keeps stored secrets of the same type, lets sent ones win', () => {
    const { user: _u, password: _p, ...shown } = stored;
    expect(completeWarehouseConnection({ ...shown, database: 'd2' }, stored)).toEqual({ ...stored, database: 'd2' });
    expect(completeWarehouseConnection({ ...shown, password: 'new' }, stored)).toEqual({ ...stored, password: 'new' });
  });

  it('needs every secret for a new type or a first connection', () => {
    const trino = { type: 'trino' as const, host: 'h', port: 1, dbname: 'd', schema: 's', http_scheme: 'https' as const };
    expect(() => completeWarehouseConnection(trino, stored)).toThrow(/user, password/);
    const { user: _u, password: _p, ...noSecrets } = stored;
    expect(() => completeWarehouseConnection(noSecrets)).toThrow(/user, password or privateKey/);
    expect(completeWarehouseConnection({ ...noSecrets, user: 'u', privateKey: 'k' })).toMatchObject({ privateKey: 'k' });
  });
});
