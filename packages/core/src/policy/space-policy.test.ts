import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors/index.js';
import { ORGANIZATION_ROLES, PROJECT_ROLES, type OrganizationRole, type ProjectRole } from '../types/roles.js';
import type { Actor } from './policy.js';
import {
  assertCanOnSpace,
  canCreateSpace,
  canOnSpace,
  effectiveSpaceAccess,
  effectiveSpaceRole,
  rootSpace,
  spaceSubject,
  type SpaceAction,
  type SpaceNode,
  type SpaceRole,
  type SpaceSubject,
} from './space-policy.js';

const ORG = 'org-a';
const P = 'project-1';
const ME = 'u1';
const ACTIONS: SpaceAction[] = ['view', 'edit', 'manage'];

const actor = (organizationRole: OrganizationRole, projectRole?: ProjectRole, groupUuids: string[] = [], organizationUuid = ORG): Actor => ({
  userUuid: ME,
  organizationUuid,
  organizationRole,
  projectRoles: projectRole ? { [P]: projectRole } : {},
  groupUuids,
});

const space = (isPrivate: boolean, user?: SpaceRole, groups: Record<string, SpaceRole> = {}): SpaceSubject => ({
  type: 'Space',
  organizationUuid: ORG,
  projectUuid: P,
  root: { isPrivate, userAccess: user ? { [ME]: user } : {}, groupAccess: groups },
});

/** What each action allows, by the effective space role alone (before the project-role cap). */
const ALLOWS: Record<SpaceRole, SpaceAction[]> = { viewer: ['view'], editor: ['view', 'edit'], admin: ['view', 'edit', 'manage'] };
const allowed = (role: SpaceRole | undefined): SpaceAction[] => (role ? ALLOWS[role] : []);

describe('space policy: public spaces follow the project role', () => {
  const EXPECTED: Record<ProjectRole, SpaceRole> = {
    viewer: 'viewer',
    interactive_viewer: 'viewer',
    editor: 'editor',
    developer: 'editor',
    admin: 'admin',
  };
  for (const role of PROJECT_ROLES) {
    it(`project ${role} (granted, or as organization role) → ${EXPECTED[role]}`, () => {
      for (const a of [actor('member', role), actor(role)]) {
        expect(effectiveSpaceRole(a, space(false))).toBe(EXPECTED[role]);
        for (const action of ACTIONS) expect(canOnSpace(a, action, space(false))).toBe(allowed(EXPECTED[role]).includes(action));
      }
    });
  }

  it('organization member without a project role gets nothing, even when shared with', () => {
    for (const s of [space(false), space(true, 'admin'), space(false, 'editor'), space(true, undefined, { g1: 'admin' })]) {
      expect(effectiveSpaceRole(actor('member', undefined, ['g1']), s)).toBeUndefined();
      for (const action of ACTIONS) expect(canOnSpace(actor('member', undefined, ['g1']), action, s)).toBe(false);
    }
  });
});

describe('space policy: private spaces', () => {
  it('only admins and those shared with (directly or via a group) get in', () => {
    for (const role of PROJECT_ROLES) {
      const expected = role === 'admin' ? 'admin' : undefined;
      expect(effectiveSpaceRole(actor('member', role), space(true))).toBe(expected);
      expect(effectiveSpaceRole(actor(role), space(true))).toBe(expected);
      expect(effectiveSpaceRole(actor('member', role), space(true, 'viewer'))).toBe(role === 'admin' ? 'admin' : 'viewer');
      expect(effectiveSpaceRole(actor('member', role, ['g1']), space(true, undefined, { g1: 'editor' }))).toBe(role === 'admin' ? 'admin' : 'editor');
      // Someone else's group does not count.
      expect(effectiveSpaceRole(actor('member', role, ['g2']), space(true, undefined, { g1: 'editor' }))).toBe(expected);
    }
  });

  it('organization and project admins always get space admin, whatever the grants say', () => {
    for (const a of [actor('admin'), actor('member', 'admin'), actor('viewer', 'admin')]) {
      for (const s of [space(true), space(true, 'viewer'), space(false, 'viewer', { g1: 'viewer' })]) {
        expect(effectiveSpaceAccess(a, s)).toEqual({ role: 'admin', source: 'admin' });
        for (const action of ACTIONS) expect(canOnSpace(a, action, s)).toBe(true);
      }
    }
  });
});

describe('space policy: grants', () => {
  it('a direct user grant beats group grants, even when lower', () => {
    const a = actor('member', 'editor', ['g1', 'g2']);
    const s = space(true, 'viewer', { g1: 'admin', g2: 'editor' });
    expect(effectiveSpaceAccess(a, s)).toEqual({ role: 'viewer', source: 'user' });
    expect(canOnSpace(a, 'edit', s)).toBe(false);
  });

  it('several groups: the highest wins', () => {
    const a = actor('member', 'editor', ['g1', 'g2']);
    expect(effectiveSpaceAccess(a, space(true, undefined, { g1: 'viewer', g2: 'admin' }))).toEqual({ role: 'admin', source: 'group' });
  });

  it('grants raise or lower the project-derived role in public spaces', () => {
    expect(effectiveSpaceRole(actor('member', 'editor'), space(false, 'viewer'))).toBe('viewer');
    expect(canOnSpace(actor('member', 'editor'), 'edit', space(false, 'viewer'))).toBe(false);
    expect(effectiveSpaceRole(actor('member', 'editor'), space(false, 'admin'))).toBe('admin');
    expect(canOnSpace(actor('member', 'editor'), 'manage', space(false, 'admin'))).toBe(true);
    expect(effectiveSpaceAccess(actor('member', 'viewer', ['g1']), space(false, undefined, { g1: 'editor' }))).toEqual({ role: 'editor', source: 'group' });
  });

  it('the project role caps what a grant allows: viewers and interactive viewers only view', () => {
    for (const role of ['viewer', 'interactive_viewer'] as const) {
      for (const s of [space(true, 'admin'), space(false, 'editor')]) {
        expect(canOnSpace(actor('member', role), 'view', s)).toBe(true);
        expect(canOnSpace(actor('member', role), 'edit', s)).toBe(false);
        expect(canOnSpace(actor('member', role), 'manage', s)).toBe(false);
      }
    }
    // Editors and developers shared as admin manage; as editor they edit but do not manage.
    for (const role of ['editor', 'developer'] as const) {
      expect(canOnSpace(actor('member', role), 'manage', space(true, 'admin'))).toBe(true);
      expect(canOnSpace(actor('member', role), 'edit', space(true, 'editor'))).toBe(true);
      expect(canOnSpace(actor('member', role), 'manage', space(true, 'editor'))).toBe(false);
    }
  });

  it('nothing across organizations, whatever the roles and grants', () => {
    for (const role of ORGANIZATION_ROLES) {
      const outsider = actor(role, 'admin', ['g1'], 'org-b');
      for (const s of [space(false), space(true, 'admin'), space(false, undefined, { g1: 'admin' })]) {
        expect(effectiveSpaceRole(outsider, s)).toBeUndefined();
        for (const action of ACTIONS) expect(canOnSpace(outsider, action, s)).toBe(false);
      }
    }
  });

  it('assertCanOnSpace throws a ForbiddenError naming the action', () => {
    expect(() => assertCanOnSpace(actor('member', 'viewer'), 'manage', space(false))).toThrow(ForbiddenError);
    expect(() => assertCanOnSpace(actor('member', 'viewer'), 'edit', space(false))).toThrow(/edit content in this space/);
    expect(() => assertCanOnSpace(actor('member', 'viewer'), 'view', space(false))).not.toThrow();
  });
});

describe('space policy: nesting and creation', () => {
  const node = (spaceUuid: string, parentSpaceUuid: string | null, isPrivate: boolean, user?: SpaceRole): SpaceNode => ({
    spaceUuid,
    parentSpaceUuid,
    isPrivate,
    userAccess: user ? { [ME]: user } : {},
    groupAccess: {},
  });
  const tree = new Map(
    [
      node('private-root', null, true, 'editor'),
      node('child', 'private-root', false),
      node('grandchild', 'child', false, 'admin'),
      node('public-root', null, false),
      node('private-child', 'public-root', true),
      node('orphan', 'missing', true),
      node('loop-a', 'loop-b', true),
      node('loop-b', 'loop-a', false),
    ].map((n) => [n.spaceUuid, n]),
  );

  it('finds the root through any depth; stops at a missing parent or a cycle', () => {
    expect(rootSpace('grandchild', tree)?.spaceUuid).toBe('private-root');
    expect(rootSpace('private-root', tree)?.spaceUuid).toBe('private-root');
    expect(rootSpace('orphan', tree)?.spaceUuid).toBe('orphan');
    expect(['loop-a', 'loop-b']).toContain(rootSpace('loop-a', tree)?.spaceUuid);
    expect(rootSpace('unknown', tree)).toBeUndefined();
  });

  it("nested spaces inherit the root's privacy and access, not their own", () => {
    const subject = (uuid: string) => spaceSubject(ORG, P, uuid, tree)!;
    const viewer = actor('member', 'viewer');
    const editor = actor('member', 'editor');
    // Shared (editor) on the private root: the same in every descendant; the grandchild's own admin grant is ignored.
    for (const uuid of ['private-root', 'child', 'grandchild']) {
      expect(effectiveSpaceRole(editor, subject(uuid))).toBe('editor');
      expect(canOnSpace(editor, 'manage', subject(uuid))).toBe(false);
    }
    // A private space under a public root is public.
    expect(effectiveSpaceRole(viewer, subject('private-child'))).toBe('viewer');
    expect(spaceSubject(ORG, P, 'unknown', tree)).toBeUndefined();
  });

  it('root spaces need project editor+; nested ones edit rights in the parent', () => {
    for (const role of PROJECT_ROLES) {
      const atLeastEditor = role === 'editor' || role === 'developer' || role === 'admin';
      expect(canCreateSpace(actor('member', role), ORG, P)).toBe(atLeastEditor);
      expect(canCreateSpace(actor(role), ORG, P)).toBe(atLeastEditor);
      expect(canCreateSpace(actor(role, undefined, [], 'org-b'), ORG, P)).toBe(false);
      expect(canCreateSpace(actor('member', role), ORG, P, space(true))).toBe(role === 'admin');
      expect(canCreateSpace(actor('member', role), ORG, P, space(true, 'editor'))).toBe(atLeastEditor);
    }
    expect(canCreateSpace(actor('member'), ORG, P)).toBe(false);
  });
});
