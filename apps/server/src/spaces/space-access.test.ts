import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantGroupProject, grantProject, insertGroup, insertProject } from '../organizations/organization-fixtures.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { OrganizationRole } from '@tessera/core';
import { UserRepository } from '../identity/user-repository.js';
import type { Store } from '../store/database.js';
import { createTestStore } from '../testing/test-server.js';
import { createSpaceAccess } from './space-module.js';
import type { SpaceAccess } from './space-access.js';
import { insertSpace, shareSpace, shareSpaceWithGroup } from './space-fixtures.js';

type TestUser = { userUuid: string; organizationUuid: string; role: OrganizationRole };

let store: Store;
let users: UserRepository;
let access: SpaceAccess;
let org: string;
let project: string;
let admin: TestUser;

/** The account a request would carry for a test user (only the fields authorization reads matter). */
const accountOf = (u: TestUser): MemberAccount => {
  const at = new Date();
  return {
    user: {
      userUuid: u.userUuid, email: `${u.userUuid}@example.com`, firstName: 'Test', lastName: 'User', isEmailVerified: true, isActive: true,
      isPending: false, isSetupComplete: true, isMarketingOptedIn: false, isTrackingAnonymized: false, createdAt: at, updatedAt: at,
    },
    organization: { organizationUuid: u.organizationUuid, name: 'Acme', createdAt: at },
    role: u.role,
    authentication: { kind: 'session', sessionHash: 'x' },
  };
};

const createUser = async (o: { organizationUuid: string; role: OrganizationRole }): Promise<TestUser> => {
  const userUuid = randomUUID();
  await users.create({ userUuid, email: `${userUuid}@example.com`, firstName: 'Test', lastName: 'User', passwordHash: null, isEmailVerified: true });
  await users.addMembership(userUuid, o.organizationUuid, o.role);
  return { userUuid, ...o };
};

const createOrganization = async (): Promise<{ organizationUuid: string; admin: TestUser }> => {
  const organizationUuid = randomUUID();
  await users.createOrganization(organizationUuid, 'Org');
  return { organizationUuid, admin: await createUser({ organizationUuid, role: 'admin' }) };
};

beforeAll(async () => {
  store = await createTestStore();
  users = new UserRepository(store.db);
  access = createSpaceAccess(store.db);
  ({ organizationUuid: org, admin } = await createOrganization());
  project = await insertProject(store.db, org);
});
afterAll(() => store?.close());

describe('SpaceAccess', () => {
  it('404 for unknown or malformed uuids, before anything else', async () => {
    for (const uuid of [randomUUID(), 'not-a-uuid']) {
      await expect(access.authorize(accountOf(admin), uuid, 'view')).rejects.toMatchObject({ statusCode: 404 });
    }
  });

  it('private root: admins and those shared with (directly, via group); nested spaces follow the root', async () => {
    const db = store.db;
    const root = await insertSpace(db, project, { isPrivate: true });
    const child = await insertSpace(db, project, { parentSpaceUuid: root, isPrivate: false });
    const grandchild = await insertSpace(db, project, { parentSpaceUuid: child, isPrivate: false });
    const shared = await createUser({ organizationUuid: org, role: 'editor' });
    const viaGroup = await createUser({ organizationUuid: org, role: 'member' });
    const stranger = await createUser({ organizationUuid: org, role: 'editor' });
    await shareSpace(db, root, shared.userUuid, 'editor');
    await grantProject(db, project, viaGroup.userUuid, 'developer');
    await shareSpaceWithGroup(db, root, await insertGroup(db, org, [viaGroup.userUuid]), 'admin');

    for (const space of [root, child, grandchild]) {
      expect((await access.authorize(accountOf(admin), space, 'manage')).rootSpaceUuid).toBe(root);
      await access.authorize(accountOf(shared), space, 'edit');
      await expect(access.authorize(accountOf(shared), space, 'manage')).rejects.toMatchObject({ statusCode: 403 });
      await access.authorize(accountOf(viaGroup), space, 'manage');
      await expect(access.authorize(accountOf(stranger), space, 'view')).rejects.toMatchObject({ statusCode: 403 });
    }
    const row = await access.authorize(accountOf(admin), grandchild, 'view');
    expect(row).toMatchObject({ isPrivate: true, ownIsPrivate: false, parentSpaceUuid: child, projectUuid: project, organizationUuid: org });

    expect(await access.viewableSpaceUuids(accountOf(stranger), project)).not.toContain(root);
    expect(await access.viewableSpaceUuids(accountOf(shared), project)).toEqual(expect.any(Set));
    for (const space of [root, child, grandchild]) {
      expect(await access.viewableSpaceUuids(accountOf(shared), project)).toContain(space);
      expect(await access.viewableSpaceUuids(accountOf(viaGroup), project)).toContain(space);
    }
  });

  it('public spaces follow the project role; a direct grant beats a group grant; revokes count at once', async () => {
    const db = store.db;
    const space = await insertSpace(db, project);
    const viewer = await createUser({ organizationUuid: org, role: 'member' });
    await grantProject(db, project, viewer.userUuid, 'viewer');
    await access.authorize(accountOf(viewer), space, 'view');
    await expect(access.authorize(accountOf(viewer), space, 'edit')).rejects.toMatchObject({ statusCode: 403 });

    const editor = await createUser({ organizationUuid: org, role: 'member' });
    const team = await insertGroup(db, org, [editor.userUuid]);
    await grantGroupProject(db, project, team, 'editor');
    await access.authorize(accountOf(editor), space, 'edit');
    await shareSpaceWithGroup(db, space, team, 'admin');
    await access.authorize(accountOf(editor), space, 'manage');
    await shareSpace(db, space, editor.userUuid, 'viewer');
    await expect(access.authorize(accountOf(editor), space, 'edit')).rejects.toMatchObject({ statusCode: 403 });

    await db.deleteFrom('project_memberships').where('user_uuid', '=', viewer.userUuid).execute();
    await expect(access.authorize(accountOf(viewer), space, 'view')).rejects.toMatchObject({ statusCode: 403 });
    expect(await access.viewableSpaceUuids(accountOf(viewer), project)).toEqual(new Set());
  });

  it('another organization: 403 on the space, an empty listing', async () => {
    const space = await insertSpace(store.db, project);
    const other = await createOrganization();
    await expect(access.authorize(accountOf(other.admin), space, 'view')).rejects.toMatchObject({ statusCode: 403 });
    expect(await access.viewableSpaceUuids(accountOf(other.admin), project)).toEqual(new Set());
    expect(await access.viewableSpaceUuids(accountOf(admin), 'nope')).toEqual(new Set());
  });
});
