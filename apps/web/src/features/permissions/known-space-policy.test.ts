import type { Actor, OrganizationRole, ProjectRole } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { canCreateKnownSpace, canInKnownSpace, type KnownSpace } from './known-space-policy.js';

const actor = (organizationRole: OrganizationRole, projectRole?: ProjectRole): Actor => ({
  userUuid: 'me',
  organizationUuid: 'org',
  organizationRole,
  projectRoles: projectRole ? { p: projectRole } : {},
});
const space = (myRole: KnownSpace['myRole']): KnownSpace => ({ organizationUuid: 'org', projectUuid: 'p', myRole });

describe('known space policy', () => {
  it('lets space editors who are project editors edit, and only space admins manage', () => {
    expect(canInKnownSpace(actor('editor'), 'edit', space('editor'))).toBe(true);
    expect(canInKnownSpace(actor('editor'), 'manage', space('editor'))).toBe(false);
    expect(canInKnownSpace(actor('editor'), 'manage', space('admin'))).toBe(true);
    expect(canInKnownSpace(actor('editor'), 'edit', space('viewer'))).toBe(false);
    expect(canInKnownSpace(actor('editor'), 'view', space('viewer'))).toBe(true);
  });

  it('caps a space role by the project role: a viewer shared a space as editor still only views', () => {
    expect(canInKnownSpace(actor('viewer'), 'edit', space('editor'))).toBe(false);
    expect(canInKnownSpace(actor('viewer'), 'view', space('editor'))).toBe(true);
    expect(canInKnownSpace(actor('interactive_viewer'), 'manage', space('admin'))).toBe(false);
  });

  it('counts a direct project role above the organization role', () => {
    expect(canInKnownSpace(actor('member'), 'edit', space('editor'))).toBe(false);
    expect(canInKnownSpace(actor('member', 'editor'), 'edit', space('editor'))).toBe(true);
    expect(canInKnownSpace(actor('viewer', 'developer'), 'edit', space('editor'))).toBe(true);
  });

  it('decides nothing without the user’s role in the space', () => {
    expect(canInKnownSpace(actor('admin'), 'view', space(undefined))).toBe(false);
    expect(canInKnownSpace(actor('admin'), 'view', undefined)).toBe(false);
  });

  it('creates root spaces from project editor up, nested ones with edit in the parent', () => {
    expect(canCreateKnownSpace(actor('editor'), 'p', undefined)).toBe(true);
    expect(canCreateKnownSpace(actor('viewer'), 'p', undefined)).toBe(false);
    expect(canCreateKnownSpace(actor('member', 'editor'), 'p', undefined)).toBe(true);
    expect(canCreateKnownSpace(actor('editor'), 'p', space('viewer'))).toBe(false);
    expect(canCreateKnownSpace(actor('editor'), 'p', space('editor'))).toBe(true);
  });
});
