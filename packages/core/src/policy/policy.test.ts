import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors/index.js';
import { ORGANIZATION_ROLES, highestRole, type OrganizationRole } from '../types/roles.js';
import { assertCan, can, type Actor, type OrganizationSubjectType } from './policy.js';

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
