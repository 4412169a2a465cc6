import { randomUUID } from 'node:crypto';
import type { OrganizationRole } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../identity/account-repository.js';
import type { Account } from '../identity/account.js';
import { UserRepository } from '../identity/user-repository.js';
import type { Database } from '../store/schema.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { EmailDomainRepository } from './email-domain-repository.js';
import { EmailDomainService } from './email-domain-service.js';
import { insertProject } from './organization-fixtures.js';
import { OrganizationRepository } from './organization-repository.js';
import { OrganizationService } from './organization-service.js';

/** Multi-row writes fail half-way here (a repository step throws) and must leave nothing behind. */
let server: TestServer;
let db: Kysely<Database>;

const accountOf = async (userUuid: string): Promise<Account> => {
  const found = await new AccountRepository(db).byUserUuid(userUuid);
  if (!found) throw new Error('no such account');
  return { ...found, authentication: { kind: 'session', sessionHash: 'test' } };
};

class Boom extends Error {}

beforeAll(async () => {
  server = await createTestServer();
  db = server.store.db;
});
afterAll(() => server?.close());

describe('atomic multi-row writes', () => {
  it('CreateOrganization leaves no organization when adding the admin membership fails', async () => {
    const users = new (class extends UserRepository {
      override async addMembership(): Promise<void> {
        throw new Boom('membership insert failed');
      }
    })(db);
    const service = new OrganizationService(new OrganizationRepository(db), users);
    const user = await server.createUser();
    const before = await db.selectFrom('organizations').select('organization_uuid').execute();
    await expect(service.create(await accountOf(user.userUuid), 'Half made')).rejects.toBeInstanceOf(Boom);
    expect(await db.selectFrom('organizations').select('organization_uuid').execute()).toEqual(before);
  });

  it('DeleteMyOrganization keeps every user when deleting the organization row fails', async () => {
    const { organizationUuid, admin } = await server.createOrganization('Survivor');
    const member = await server.createUser({ organizationUuid, role: 'viewer' });
    const organizations = new (class extends OrganizationRepository {
      override async deleteOrganization(): Promise<void> {
        throw new Boom('organization delete failed');
      }
    })(db);
    const service = new OrganizationService(organizations, new UserRepository(db));
    const account = await accountOf(admin.userUuid);
    await expect(service.delete(account as Account, organizationUuid)).rejects.toBeInstanceOf(Boom);
    const users = await db.selectFrom('organization_memberships').select('user_uuid').where('organization_uuid', '=', organizationUuid).execute();
    expect(users.map((u) => u.user_uuid).sort()).toEqual([admin.userUuid, member.userUuid].sort());
  });

  it('JoinOrganization leaves no membership when granting the project roles fails', async () => {
    const { organizationUuid } = await server.createOrganization('Joinable');
    const projectUuid = await insertProject(db, organizationUuid);
    await db
      .insertInto('organization_allowed_email_domains')
      .values({
        organization_uuid: organizationUuid,
        email_domains: JSON.stringify(['joinable.example']),
        role: 'viewer',
        projects: JSON.stringify([{ projectUuid, role: 'editor' }]),
      })
      .execute();
    const domains = new (class extends EmailDomainRepository {
      override async addProjectMemberships(_u: string, _g: unknown, trx?: Kysely<Database> | Transaction<Database>): Promise<void> {
        // The first grant lands, then the write fails.
        await trx?.insertInto('project_memberships').values({ project_uuid: projectUuid, user_uuid: _u, role: 'editor' }).execute();
        throw new Boom('grant failed');
      }
    })(db);
    const service = new EmailDomainService(domains, new OrganizationRepository(db), new UserRepository(db));
    const user = await server.createUser({ email: `j-${randomUUID().slice(0, 6)}@joinable.example` });
    await expect(service.join(await accountOf(user.userUuid), organizationUuid)).rejects.toBeInstanceOf(Boom);
    expect(await db.selectFrom('organization_memberships').selectAll().where('user_uuid', '=', user.userUuid).execute()).toEqual([]);
    expect(await db.selectFrom('project_memberships').selectAll().where('user_uuid', '=', user.userUuid).execute()).toEqual([]);
    // Without the failure the same join succeeds.
    const ok = new EmailDomainService(new EmailDomainRepository(db), new OrganizationRepository(db), new UserRepository(db));
    await ok.join(await accountOf(user.userUuid), organizationUuid);
    const role = await db.selectFrom('organization_memberships').select('role').where('user_uuid', '=', user.userUuid).executeTakeFirst();
    expect(role?.role as OrganizationRole).toBe('viewer');
  });
});
