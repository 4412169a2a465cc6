import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareSpace } from '../spaces/space-fixtures.js';
import { expectError, expectSpec } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { chartTile, createDashboardTestBed, dashboardBody, markdownTile, results, type Dashboard, type DashboardTestBed } from './dashboard-test-setup.js';

let bed: DashboardTestBed;
let open: Dashboard;
let secret: Dashboard;
let member: TestUser;

beforeAll(async () => {
  bed = await createDashboardTestBed();
  open = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Open board' }));
  secret = await bed.createDashboard(dashboardBody(bed.privateSpace, { name: 'Secret board' }));
  member = await bed.user('member');
}, 120_000);
afterAll(() => bed.close());

const base = () => `/api/v1/projects/${bed.projectUuid}/dashboards`;
const get = (uuid: string, as: TestUser) => bed.request('GET', `/api/v1/dashboards/${uuid}`, as);
const patch = (uuid: string, body: unknown, as: TestUser) => bed.request('PATCH', `/api/v1/dashboards/${uuid}`, as, body);
const listed = async (as: TestUser): Promise<string[]> => {
  const res = await bed.request('GET', base(), as);
  expectSpec(res, 'getDashboards');
  return results<{ uuid: string }[]>(res).map((d) => d.uuid);
};

describe('viewing', () => {
  it('project members see dashboards of public spaces; private ones only admins and those shared with', async () => {
    for (const user of [bed.admin, bed.developer, bed.editor, bed.interactiveViewer, bed.viewer]) {
      expect((await get(open.uuid, user)).statusCode).toBe(200);
      expect(await listed(user)).toContain(open.uuid);
    }
    expect((await get(secret.uuid, bed.admin)).statusCode).toBe(200);
    expect(await listed(bed.admin)).toContain(secret.uuid);
    for (const user of [bed.developer, bed.editor, bed.viewer]) {
      expectError(await get(secret.uuid, user), 403, 'ForbiddenError');
      expect(await listed(user)).not.toContain(secret.uuid);
    }
  });

  it('a private space shared with a user shows its dashboards to them', async () => {
    const reader = await bed.user('viewer');
    await shareSpace(bed.server.store.db, bed.privateSpace, reader.userUuid, 'viewer');
    expect((await get(secret.uuid, reader)).statusCode).toBe(200);
    expect(await listed(reader)).toContain(secret.uuid);
  });

  it('an organization member without a project role sees nothing (403 by id, empty list)', async () => {
    expectError(await get(open.uuid, member), 403, 'ForbiddenError');
    expect(await listed(member)).toEqual([]);
  });

  it('another organization gets 403 on ids, 404 on slugs (looked up in its own organization), and an empty list', async () => {
    expectError(await get(open.uuid, bed.outsider), 403, 'ForbiddenError');
    expectError(await get(open.slug, bed.outsider), 404);
    expectError(await patch(open.uuid, { name: 'x' }, bed.outsider), 403);
    expectError(await bed.request('DELETE', `/api/v1/dashboards/${open.uuid}`, bed.outsider), 403);
    expectError(await bed.request('POST', base(), bed.outsider, dashboardBody(bed.publicSpace)), 403);
    expect(await listed(bed.outsider)).toEqual([]);
  });

  it('signed-out requests get 401', async () => {
    const res = await bed.server.request('GET', `/api/v1/dashboards/${open.uuid}`);
    expectError(res, 401, 'AuthorizationError');
  });
});

describe('editing', () => {
  it('editors and developers create, edit and delete in public spaces', async () => {
    for (const user of [bed.editor, bed.developer]) {
      const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: `By ${user.email}` }), user);
      expect((await patch(d.uuid, { tiles: [markdownTile()] }, user)).statusCode).toBe(200);
      expect((await bed.request('DELETE', `/api/v1/dashboards/${d.uuid}`, user)).statusCode).toBe(200);
    }
  });

  it('viewers and interactive viewers may not create, edit or delete (403)', async () => {
    for (const user of [bed.viewer, bed.interactiveViewer]) {
      expectError(await bed.request('POST', base(), user, dashboardBody(bed.publicSpace)), 403, 'ForbiddenError');
      expectError(await patch(open.uuid, { name: 'Mine now' }, user), 403, 'ForbiddenError');
      expectError(await bed.request('PATCH', base(), user, [{ uuid: open.uuid, name: 'x', spaceUuid: bed.publicSpace }]), 403);
      expectError(await bed.request('DELETE', `/api/v1/dashboards/${open.uuid}`, user), 403, 'ForbiddenError');
    }
    expect(results<Dashboard>(await get(open.uuid, bed.admin)).name).toBe('Open board');
  });

  it('editors may not write into, or move dashboards to, a private space not shared with them (403)', async () => {
    expectError(await bed.request('POST', base(), bed.editor, dashboardBody(bed.privateSpace)), 403, 'ForbiddenError');
    expectError(await patch(secret.uuid, { name: 'x' }, bed.editor), 403);
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Stays public' }), bed.editor);
    expectError(await patch(d.uuid, { spaceUuid: bed.privateSpace }, bed.editor), 403, 'ForbiddenError');
  });

  it('space roles count: "can view" blocks an editor, "can edit" lets them in a private space', async () => {
    const demoted = await bed.user('editor');
    const space = await bed.space({ name: 'Demoted', isPrivate: false });
    await shareSpace(bed.server.store.db, space, demoted.userUuid, 'viewer');
    const d = await bed.createDashboard(dashboardBody(space, { name: 'In demoted space' }));
    expect((await get(d.uuid, demoted)).statusCode).toBe(200);
    expectError(await patch(d.uuid, { name: 'x' }, demoted), 403);

    const trusted = await bed.user('editor');
    await shareSpace(bed.server.store.db, bed.privateSpace, trusted.userUuid, 'editor');
    expect((await patch(secret.uuid, { description: 'edited' }, trusted)).statusCode).toBe(200);
  });

  it('a project viewer shared a space as editor still cannot edit (the project role caps it)', async () => {
    const viewer = await bed.user('viewer');
    await shareSpace(bed.server.store.db, bed.publicSpace, viewer.userUuid, 'editor');
    expectError(await patch(open.uuid, { name: 'x' }, viewer), 403);
  });

  it('an editor cannot put a chart they may not view on a dashboard (403)', async () => {
    const hidden = await bed.chartIn(bed.privateSpace, { name: 'Hidden chart' });
    const res = await bed.request('POST', base(), bed.editor, dashboardBody(bed.publicSpace, { tiles: [chartTile(hidden.uuid)] }));
    expectError(res, 403, 'ForbiddenError');
    // …but may rearrange a dashboard that already shows one.
    const d = await bed.createDashboard(dashboardBody(bed.publicSpace, { name: 'Mixed', tiles: [chartTile(hidden.uuid)] }));
    const moved = { ...d.tiles[0]!, y: 10, properties: { savedChartUuid: hidden.uuid } };
    expect((await patch(d.uuid, { tiles: [moved] }, bed.editor)).statusCode).toBe(200);
  });
});
