import type { Actor, OrganizationRole } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { mayEditChart, maySaveCharts } from './chart-permissions.js';

const ORG = 'org-1';
const PROJECT = 'project-1';
const actor = (organizationRole: OrganizationRole): Actor => ({ userUuid: 'u1', organizationUuid: ORG, organizationRole, projectRoles: {} });
const chart = (isPrivate: boolean, access: { userUuid: string; role: 'viewer' | 'editor' | 'admin'; hasDirectAccess: boolean }[] = []) => ({
  organizationUuid: ORG,
  projectUuid: PROJECT,
  isPrivate,
  access,
});

describe('chart permissions', () => {
  it('lets editors and above save; viewers and interactive viewers explore without saving', () => {
    expect(maySaveCharts(actor('editor'), ORG, PROJECT)).toBe(true);
    expect(maySaveCharts(actor('admin'), ORG, PROJECT)).toBe(true);
    expect(maySaveCharts(actor('interactive_viewer'), ORG, PROJECT)).toBe(false);
    expect(maySaveCharts(actor('viewer'), ORG, PROJECT)).toBe(false);
    expect(maySaveCharts(actor('admin'), 'another-org', PROJECT)).toBe(false);
    // A direct project role above the organization role counts in that project only.
    const member = { ...actor('member'), projectRoles: { [PROJECT]: 'editor' as const } };
    expect(maySaveCharts(member, ORG, PROJECT)).toBe(true);
    expect(maySaveCharts(member, ORG, 'project-2')).toBe(false);
  });

  it('lets a user edit a chart with edit in its space, capped by the project role', () => {
    expect(mayEditChart(actor('editor'), chart(false))).toBe(true);
    expect(mayEditChart(actor('interactive_viewer'), chart(false))).toBe(false);
    // Private: only with a grant (or as an admin); a space grant never lifts a viewer.
    expect(mayEditChart(actor('editor'), chart(true))).toBe(false);
    expect(mayEditChart(actor('editor'), chart(true, [{ userUuid: 'u1', role: 'editor', hasDirectAccess: true }]))).toBe(true);
    expect(mayEditChart(actor('editor'), chart(true, [{ userUuid: 'someone-else', role: 'admin', hasDirectAccess: true }]))).toBe(false);
    expect(mayEditChart(actor('admin'), chart(true))).toBe(true);
    expect(mayEditChart(actor('viewer'), chart(false, [{ userUuid: 'u1', role: 'admin', hasDirectAccess: true }]))).toBe(false);
  });
});
