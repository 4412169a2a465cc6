import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors/index.js';
import { ORGANIZATION_ROLES, PROJECT_ROLES, highestRole, roleRank, type OrganizationRole, type ProjectRole } from '../types/roles.js';
import {
  assertCan,
  can,
  effectiveProjectRole,
  type Action,
  type Actor,
  type OrganizationSubjectType,
  type ProjectSubject,
} from './policy.js';

const ORG = 'org-a';
const actor = (role: OrganizationRole | null, organizationUuid: string | null = ORG): Actor => ({
  userUuid: 'u1',
  organizationUuid,
  organizationRole: role,
});

/** Expected least role per subject and action, written out independently of the rule table. */
const EXPECTED: Record<OrganizationSubjectType, { view: OrganizationRole; manage: OrganizationRole }> = {
  Organization: { view: 'member', manage: 'admin' },
  OrganizationMemberProfile: { view: 'member', manage: 'admin' },
  AllowedEmailDomains: { view: 'admin', manage: 'admin' },
  Group: { view: 'member', manage: 'admin' },
  UserAttribute: { view: 'admin', manage: 'admin' },
  InviteLink: { view: 'admin', manage: 'admin' },
};

describe('permission policy', () => {
  for (const [type, floors] of Object.entries(EXPECTED) as [OrganizationSubjectType, (typeof EXPECTED)[OrganizationSubjectType]][]) {
    for (const action of ['view', 'manage'] as const) {
      it(`${action} ${type}: allowed from ${floors[action]} up, in the own organization only`, () => {
        const floor = ORGANIZATION_ROLES.indexOf(floors[action]);
        ORGANIZATION_ROLES.forEach((role, rank) => {
          expect(can(actor(role), action, { type, organizationUuid: ORG })).toBe(rank >= floor);
          expect(can(actor(role, 'org-b'), action, { type, organizationUuid: ORG })).toBe(false);
        });
        expect(can(actor(null, null), action, { type, organizationUuid: ORG })).toBe(false);
      });
    }
  }

  it('lets users manage only their own tokens and credentials', () => {
    for (const type of ['PersonalAccessToken', 'UserWarehouseCredentials'] as const) {
      expect(can(actor('member'), 'manage', { type, userUuid: 'u1' })).toBe(true);
      expect(can(actor('admin'), 'manage', { type, userUuid: 'u2' })).toBe(false);
    }
  });

  it('throws ForbiddenError with a readable message', () => {
    expect(() => assertCan(actor('viewer'), 'manage', { type: 'UserAttribute', organizationUuid: ORG })).toThrow(ForbiddenError);
    expect(() => assertCan(actor('viewer'), 'manage', { type: 'UserAttribute', organizationUuid: ORG })).toThrow(/manage this user attribute/);
  });

  it('picks the highest of several role grants', () => {
    expect(highestRole(['viewer', 'editor', 'interactive_viewer'])).toBe('editor');
    expect(highestRole([])).toBeUndefined();
  });
});

describe('project permissions', () => {
  const P = 'project-1';
  const project = (over: Partial<ProjectSubject> = {}): ProjectSubject => ({
    type: 'Project',
    organizationUuid: ORG,
    projectUuid: P,
    projectType: 'DEFAULT',
    createdByUserUuid: null,
    upstreamProjectUuid: null,
    ...over,
  });
  const withGrant = (role: OrganizationRole | null, granted?: ProjectRole, organizationUuid: string | null = ORG): Actor => ({
    ...actor(role, organizationUuid),
    ...(granted ? { projectRoles: { [P]: granted } } : {}),
  });

  /** Effective project role for each organization role alone, written out independently. */
  const FROM_ORGANIZATION: Record<OrganizationRole, ProjectRole | undefined> = {
    member: undefined,
    viewer: 'viewer',
    interactive_viewer: 'interactive_viewer',
    editor: 'editor',
    developer: 'developer',
    admin: 'admin',
  };

  it('derives the effective role from the organization role and the highest grant', () => {
    for (const role of ORGANIZATION_ROLES) {
      expect(effectiveProjectRole(withGrant(role), ORG, P)).toBe(FROM_ORGANIZATION[role]);
      for (const granted of PROJECT_ROLES) {
        const expected = FROM_ORGANIZATION[role] && roleRank(FROM_ORGANIZATION[role]) > roleRank(granted) ? FROM_ORGANIZATION[role] : granted;
        expect(effectiveProjectRole(withGrant(role, granted), ORG, P)).toBe(expected);
        // A grant on another organization's project counts for nothing, nor does the org role there.
        expect(effectiveProjectRole(withGrant(role, granted), 'org-b', P)).toBeUndefined();
      }
    }
    expect(effectiveProjectRole(withGrant(null, 'admin', null), ORG, P)).toBeUndefined();
  });

  // [action, subject overrides, least effective role] — "—" rows are checked separately below.
  const TABLE: [Action, Partial<ProjectSubject>, ProjectRole][] = [
    ['view', {}, 'viewer'],
    ['update', {}, 'developer'],
    ['manage', {}, 'admin'],
    ['delete', {}, 'admin'],
    ['delete', { projectType: 'PREVIEW' }, 'admin'],
    ['delete', { projectType: 'PREVIEW', createdByUserUuid: 'u1' }, 'developer'],
    ['delete', { projectType: 'DEFAULT', createdByUserUuid: 'u1' }, 'admin'],
  ];
  for (const [action, over, floor] of TABLE) {
    it(`${action} Project ${JSON.stringify(over)}: from effective ${floor} up, by org role or grant`, () => {
      for (const role of PROJECT_ROLES) {
        const allowed = roleRank(role) >= roleRank(floor);
        expect(can(withGrant(role), action, project(over))).toBe(allowed);
        expect(can(withGrant('member', role), action, project(over))).toBe(allowed);
        expect(can(withGrant(role, 'viewer', 'org-b'), action, project(over))).toBe(false);
      }
      expect(can(withGrant('member'), action, project(over))).toBe(false);
    });
  }

  it('manage ProjectAccess needs an effective project admin; viewing it a viewer', () => {
    const subject = { type: 'ProjectAccess', organizationUuid: ORG, projectUuid: P } as const;
    for (const role of PROJECT_ROLES) {
      expect(can(withGrant('member', role), 'manage', subject)).toBe(role === 'admin');
      expect(can(withGrant(role), 'manage', subject)).toBe(role === 'admin');
      expect(can(withGrant('member', role), 'view', subject)).toBe(true);
      expect(can(withGrant(role, role, 'org-b'), 'manage', subject)).toBe(false);
    }
    expect(can(withGrant('member'), 'view', subject)).toBe(false);
  });

  it('SqlRunner needs an effective project developer, whatever the action', () => {
    const subject = { type: 'SqlRunner', organizationUuid: ORG, projectUuid: P } as const;
    for (const role of PROJECT_ROLES) {
      const allowed = roleRank(role) >= roleRank('developer');
      expect(can(withGrant('member', role), 'manage', subject)).toBe(allowed);
      expect(can(withGrant(role), 'view', subject)).toBe(allowed);
      expect(can(withGrant(role, role, 'org-b'), 'manage', subject)).toBe(false);
    }
    expect(can(withGrant('member'), 'manage', subject)).toBe(false);
  });

  it('create: regular projects by org admins only, previews by developers (org, or of the upstream)', () => {
    const regular = project({ projectUuid: null });
    const preview = project({ projectUuid: null, projectType: 'PREVIEW', upstreamProjectUuid: P });
    const orphanPreview = project({ projectUuid: null, projectType: 'PREVIEW' });
    for (const role of ORGANIZATION_ROLES) {
      expect(can(withGrant(role), 'create', regular)).toBe(role === 'admin');
      // A project grant never lets anyone create a regular project.
      expect(can(withGrant(role, 'admin'), 'create', regular)).toBe(role === 'admin');
      expect(can(withGrant(role), 'create', orphanPreview)).toBe(role === 'developer' || role === 'admin');
      expect(can(withGrant(role), 'create', preview)).toBe(role === 'developer' || role === 'admin');
      expect(can(withGrant(role, 'admin', 'org-b'), 'create', preview)).toBe(false);
    }
    for (const granted of PROJECT_ROLES) {
      expect(can(withGrant('member', granted), 'create', preview)).toBe(granted === 'developer' || granted === 'admin');
      expect(can(withGrant('member', granted), 'create', orphanPreview)).toBe(false);
    }
  });

  it('organization subjects treat create/update/delete as manage', () => {
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(can(actor('admin'), action, { type: 'Group', organizationUuid: ORG })).toBe(true);
      expect(can(actor('developer'), action, { type: 'Group', organizationUuid: ORG })).toBe(false);
    }
  });
});

describe('project tags and pinned list', () => {
  const P = 'project-1';
  const withGrant = (role: OrganizationRole, granted?: ProjectRole, organizationUuid = ORG): Actor => ({
    ...actor(role, organizationUuid),
    ...(granted ? { projectRoles: { [P]: granted } } : {}),
  });
  for (const type of ['Tags', 'PinnedItems'] as const) {
    it(`${type}: viewers see them, editors change them, nobody outside the organization`, () => {
      const subject = { type, organizationUuid: ORG, projectUuid: P };
      for (const role of PROJECT_ROLES) {
        for (const a of [withGrant(role), withGrant('member', role)]) {
          expect(can(a, 'view', subject)).toBe(true);
          for (const action of ['create', 'update', 'delete', 'manage'] as const) {
            expect(can(a, action, subject)).toBe(roleRank(role) >= roleRank('editor'));
          }
        }
        expect(can(withGrant(role, role, 'org-b'), 'view', subject)).toBe(false);
      }
      expect(can(withGrant('member'), 'view', subject)).toBe(false);
    });
  }
});
