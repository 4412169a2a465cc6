import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareSpace, shareSpaceWithGroup } from '../spaces/space-fixtures.js';
import { expectError, expectSpec, expectSpecSchema } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { chartBody, createChartTestBed, type ChartTestBed, type SavedChart } from './chart-test-setup.js';

/**
 * Who may read (view, run, list) and write (create, update, new version, delete) saved charts, from
 * one table of actors × spaces. Viewing follows the space; writing needs project editor+ and edit
 * in the space (interactive viewers and viewers never save).
 */
let bed: ChartTestBed;
const actors: Record<string, TestUser> = {};
const spaces: Record<string, string> = {};
const charts: Record<string, SavedChart> = {};

const addProjectRole = async (user: TestUser, role: string) =>
  bed.server.store.db.insertInto('project_memberships').values({ project_uuid: bed.projectUuid, user_uuid: user.userUuid, role, created_at: new Date() }).execute();

beforeAll(async () => {
  bed = await createChartTestBed();
  const member = () => bed.user('member');
  Object.assign(actors, {
    admin: bed.admin,
    developer: bed.developer,
    editor: bed.editor,
    interactive_viewer: bed.interactiveViewer,
    viewer: bed.viewer,
    member: await member(),
    'project editor (direct)': await member(),
    'project editor (group)': await member(),
    'project viewer (group), space group editor': await member(),
    'project editor, space editor': await member(),
    outsider: bed.outsider,
  });
  await addProjectRole(actors['project editor (direct)']!, 'editor');
  await addProjectRole(actors['project editor, space editor']!, 'editor');
  const group = async (name: string, user: TestUser, role: string) => {
    const created = await bed.server.request('POST', '/api/v1/org/groups', { as: bed.admin, body: { name, members: [{ userUuid: user.userUuid }] } });
    const groupUuid = created.json().results.uuid as string;
    const grant = await bed.server.request('POST', `/api/v1/groups/${groupUuid}/projects/${bed.projectUuid}`, { as: bed.admin, body: { role } });
    expect(grant.statusCode, grant.body).toBe(200);
    return groupUuid;
  };
  await group('Editors', actors['project editor (group)']!, 'editor');
  const viewers = await group('Viewers', actors['project viewer (group), space group editor']!, 'viewer');

  spaces.public = bed.publicSpace;
  spaces.private = bed.privateSpace;
  spaces['private, shared'] = await bed.space({ name: 'Shared board', isPrivate: true });
  spaces['public, editor lowered to viewer'] = await bed.space({ name: 'Read-only for the editor' });
  await shareSpace(bed.server.store.db, spaces['private, shared'], bed.viewer.userUuid, 'viewer');
  await shareSpace(bed.server.store.db, spaces['private, shared'], bed.interactiveViewer.userUuid, 'editor');
  await shareSpace(bed.server.store.db, spaces['private, shared'], actors['project editor, space editor']!.userUuid, 'editor');
  await shareSpaceWithGroup(bed.server.store.db, spaces['private, shared'], viewers, 'editor');
  await shareSpace(bed.server.store.db, spaces['public, editor lowered to viewer'], bed.editor.userUuid, 'viewer');
  for (const [key, spaceUuid] of Object.entries(spaces)) charts[key] = await bed.createChart(chartBody({ name: `Chart in ${key}`, spaceUuid }));
}, 120_000);
afterAll(() => bed.close());

// [actor, space, may view (and run), may write]
const MATRIX: [string, string, boolean, boolean][] = [
  ['admin', 'public', true, true],
  ['developer', 'public', true, true],
  ['editor', 'public', true, true],
  ['interactive_viewer', 'public', true, false],
  ['viewer', 'public', true, false],
  ['member', 'public', false, false],
  ['project editor (direct)', 'public', true, true],
  ['project editor (group)', 'public', true, true],
  ['outsider', 'public', false, false],
  ['admin', 'private', true, true],
  ['developer', 'private', false, false],
  ['editor', 'private', false, false],
  ['interactive_viewer', 'private', false, false],
  ['viewer', 'private', false, false],
  ['project editor (group)', 'private', false, false],
  ['outsider', 'private', false, false],
  ['viewer', 'private, shared', true, false],
  // A space grant never lifts a user above their project role: interactive viewers and viewers do not save.
  ['interactive_viewer', 'private, shared', true, false],
  ['project viewer (group), space group editor', 'private, shared', true, false],
  ['project editor, space editor', 'private, shared', true, true],
  ['editor', 'private, shared', false, false],
  ['editor', 'public, editor lowered to viewer', true, false],
  ['developer', 'public, editor lowered to viewer', true, true],
];

const status = (allowed: boolean) => (allowed ? 200 : 403);

const check = (res: LightMyRequestResponse, allowed: boolean, label: string) => {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(status(allowed));
  if (!allowed) expectError(res, 403, 'ForbiddenError');
};

describe('chart permissions matrix', () => {
  for (const [actor, space, mayView, mayWrite] of MATRIX) {
    it(`${actor} in a ${space} space: ${mayView ? 'views' : 'cannot view'}, ${mayWrite ? 'writes' : 'cannot write'}`, async () => {
      const as = actors[actor]!;
      const chart = charts[space]!;
      const spaceUuid = spaces[space]!;
      const label = `${actor} / ${space}`;

      const read = await bed.request('GET', `/api/v1/saved/${chart.uuid}`, as);
      check(read, mayView, `${label} GET`);
      if (mayView) expectSpecSchema(read, 'SavedChart');
      const run = await bed.request('POST', `/api/v1/saved/${chart.uuid}/results`, as, {});
      check(run, mayView, `${label} results`);
      expectSpec(run, 'PostChartResults');
      const history = await bed.request('GET', `/api/v1/saved/${chart.uuid}/history`, as);
      check(history, mayView, `${label} history`);
      expectSpec(history, 'GetChartHistory');

      const listed = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/charts`, as);
      expectSpec(listed, 'ListChartsInProject');
      expect(listed.statusCode, `${label} list`).toBe(200);
      expect((listed.json().results as { uuid: string }[]).some((c) => c.uuid === chart.uuid), `${label} listed`).toBe(mayView);

      check(await bed.request('POST', `/api/v1/projects/${bed.projectUuid}/saved`, as, chartBody({ name: `By ${actor}`, spaceUuid })), mayWrite, `${label} create`);
      check(await bed.request('PATCH', `/api/v1/saved/${chart.uuid}`, as, { description: `Touched by ${actor}` }), mayWrite, `${label} update`);
      check(await bed.request('POST', `/api/v1/saved/${chart.uuid}/version`, as, chartBody()), mayWrite, `${label} version`);
      const doomed = await bed.createChart(chartBody({ name: `Doomed for ${actor}`, spaceUuid }));
      check(await bed.request('DELETE', `/api/v1/saved/${doomed.uuid}`, as), mayWrite, `${label} delete`);
    });
  }

  it('moving a chart needs edit in both spaces', async () => {
    const chart = await bed.createChart(chartBody({ name: 'Mover', spaceUuid: spaces.public }));
    expectError(await bed.request('PATCH', `/api/v1/saved/${chart.uuid}`, bed.editor, { spaceUuid: spaces.private }), 403, 'ForbiddenError');
    expectError(await bed.request('PATCH', `/api/v1/saved/${chart.uuid}`, bed.editor, { spaceUuid: spaces['public, editor lowered to viewer'] }), 403, 'ForbiddenError');
    const moved = await bed.request('PATCH', `/api/v1/saved/${chart.uuid}`, bed.admin, { spaceUuid: spaces.private });
    expect(moved.json().results).toMatchObject({ spaceUuid: spaces.private, isPrivate: true });
  });

  it('another organization and members without a project role list nothing', async () => {
    for (const as of [bed.outsider, actors.member!]) {
      for (const path of ['charts', 'chart-summaries']) {
        const res = await bed.request('GET', `/api/v1/projects/${bed.projectUuid}/${path}`, as);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().results).toEqual([]);
      }
      expectError(await bed.request('POST', `/api/v1/projects/${bed.projectUuid}/saved`, as, chartBody()), 403, 'ForbiddenError');
    }
  });

  it('viewers without any editable space cannot save one without a space either', async () => {
    const res = await bed.request('POST', `/api/v1/projects/${bed.projectUuid}/saved`, bed.viewer, chartBody());
    expectError(res, 403, 'ForbiddenError');
  });

  it('needs a signed-in user', async () => {
    const res = await bed.server.request('GET', `/api/v1/saved/${charts.public!.uuid}`);
    expectError(res, 401, 'AuthorizationError');
  });
});
