import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createQueryTestBed, type QueryTestBed } from '../query/query-test-setup.js';
import type { TestUser } from '../testing/test-server.js';

/**
 * The permission matrix of issue 5, generated from one table: every operation below × every kind of
 * user × every kind of space → the expected status. "Zero leaks": what a user may not see answers
 * 401/403/404 (never its content), and listings never contain it.
 */
type Actor = 'orgAdmin' | 'developer' | 'editor' | 'interactiveViewer' | 'viewer' | 'member' | 'groupEditor' | 'outsider' | 'anonymous';
type SpaceKind = 'public' | 'sharedPrivate' | 'unsharedPrivate';
type ProjectRole = 'admin' | 'developer' | 'editor' | 'interactive_viewer' | 'viewer';

const ACTORS: Actor[] = ['orgAdmin', 'developer', 'editor', 'interactiveViewer', 'viewer', 'member', 'groupEditor', 'outsider', 'anonymous'];
const SPACES: SpaceKind[] = ['public', 'sharedPrivate', 'unsharedPrivate'];
const RANK: Record<ProjectRole, number> = { viewer: 0, interactive_viewer: 1, editor: 2, developer: 3, admin: 4 };
const PROJECT_ROLE: Partial<Record<Actor, ProjectRole>> = {
  orgAdmin: 'admin',
  developer: 'developer',
  editor: 'editor',
  interactiveViewer: 'interactive_viewer',
  viewer: 'viewer',
  groupEditor: 'editor',
};

const atLeast = (actor: Actor, role: ProjectRole) => PROJECT_ROLE[actor] !== undefined && RANK[PROJECT_ROLE[actor]!] >= RANK[role];
/** Private spaces are shared with every test user as "editor"; admins always get in. */
const canView = (a: Actor, s: SpaceKind) => atLeast(a, 'viewer') && (s !== 'unsharedPrivate' || atLeast(a, 'admin'));
const canEdit = (a: Actor, s: SpaceKind) => canView(a, s) && atLeast(a, 'editor');
const canManage = (a: Actor) => atLeast(a, 'admin');
/** The status a refused user gets: not signed in 401, otherwise 403. */
const denied = (a: Actor) => (a === 'anonymous' ? 401 : 403);

type Ctx = { projectUuid: string; space: string; isPrivate: boolean; chart: string; dashboard: string; otherUser: string };
type Operation = {
  name: string;
  /** Operations on a project run once (under the public space); content operations for each space. */
  scope: 'space' | 'project';
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  allowed: (a: Actor, s: SpaceKind) => boolean;
  ok: number;
};

const query = { exploreName: 'orders', dimensions: ['orders_status'], metrics: ['orders_order_count'], filters: {}, sorts: [], limit: 10, tableCalculations: [] };

const OPERATIONS: Operation[] = [
  { name: 'GetSpace', scope: 'space', method: 'GET', url: (c) => `/api/v1/projects/${c.projectUuid}/spaces/${c.space}`, allowed: canView, ok: 200 },
  { name: 'UpdateSpace', scope: 'space', method: 'PATCH', url: (c) => `/api/v1/projects/${c.projectUuid}/spaces/${c.space}`, body: (c) => ({ name: 'Renamed space', isPrivate: c.isPrivate }), allowed: (a) => canManage(a), ok: 200 },
  { name: 'AddSpaceUserAccess', scope: 'space', method: 'POST', url: (c) => `/api/v1/projects/${c.projectUuid}/spaces/${c.space}/share`, body: (c) => ({ userUuid: c.otherUser, spaceRole: 'viewer' }), allowed: (a) => canManage(a), ok: 200 },
  { name: 'GetSavedChart', scope: 'space', method: 'GET', url: (c) => `/api/v1/saved/${c.chart}`, allowed: canView, ok: 200 },
  { name: 'GetChartHistory', scope: 'space', method: 'GET', url: (c) => `/api/v1/saved/${c.chart}/history`, allowed: canView, ok: 200 },
  { name: 'PostChartResults', scope: 'space', method: 'POST', url: (c) => `/api/v1/saved/${c.chart}/results`, body: () => ({}), allowed: canView, ok: 200 },
  { name: 'UpdateSavedChart', scope: 'space', method: 'PATCH', url: (c) => `/api/v1/saved/${c.chart}`, body: () => ({ name: 'Renamed chart' }), allowed: canEdit, ok: 200 },
  {
    name: 'CreateSavedChart',
    scope: 'space',
    method: 'POST',
    url: (c) => `/api/v1/projects/${c.projectUuid}/saved`,
    body: (c) => ({ name: 'New chart', tableName: 'orders', metricQuery: query, chartConfig: { type: 'table' }, tableConfig: { columnOrder: [] }, spaceUuid: c.space }),
    allowed: canEdit,
    ok: 200,
  },
  { name: 'GetDashboard', scope: 'space', method: 'GET', url: (c) => `/api/v1/dashboards/${c.dashboard}`, allowed: canView, ok: 200 },
  { name: 'UpdateDashboard', scope: 'space', method: 'PATCH', url: (c) => `/api/v1/dashboards/${c.dashboard}`, body: () => ({ name: 'Renamed dashboard' }), allowed: canEdit, ok: 200 },
  { name: 'PinChart', scope: 'space', method: 'PATCH', url: (c) => `/api/v1/saved/${c.chart}/pinning`, body: () => ({}), allowed: canEdit, ok: 200 },
  { name: 'RunMetricQuery', scope: 'project', method: 'POST', url: (c) => `/api/v1/projects/${c.projectUuid}/explores/orders/runQuery`, body: () => query, allowed: (a) => atLeast(a, 'viewer'), ok: 200 },
  { name: 'RunSqlQuery', scope: 'project', method: 'POST', url: (c) => `/api/v1/projects/${c.projectUuid}/sqlQuery`, body: () => ({ sql: 'select 1 as x' }), allowed: (a) => atLeast(a, 'developer'), ok: 200 },
  { name: 'GetProjectAccessList', scope: 'project', method: 'GET', url: (c) => `/api/v1/projects/${c.projectUuid}/access`, allowed: (a) => atLeast(a, 'viewer'), ok: 200 },
  {
    name: 'UpdateProjectAccessForUser',
    scope: 'project',
    method: 'PATCH',
    url: (c) => `/api/v1/projects/${c.projectUuid}/access/${c.otherUser}`,
    body: () => ({ role: 'viewer' }),
    allowed: (a) => atLeast(a, 'admin'),
    ok: 200,
  },
  { name: 'createTag', scope: 'project', method: 'POST', url: (c) => `/api/v1/projects/${c.projectUuid}/tags`, body: () => ({ name: `tag-${Math.random().toString(36).slice(2)}`, color: '#ff0000' }), allowed: (a) => atLeast(a, 'editor'), ok: 201 },
];

let bed: QueryTestBed;
const users = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;
const ctx = {} as Record<SpaceKind, Ctx>;

const call = (op: Operation, actor: Actor, c: Ctx): Promise<LightMyRequestResponse> =>
  bed.server.request(op.method, op.url(c), {
    ...(actor === 'anonymous' ? {} : { as: users[actor] }),
    ...(op.body ? { body: op.body(c) } : {}),
  });

beforeAll(async () => {
  bed = await createQueryTestBed();
  const { server, organizationUuid, admin, projectUuid } = bed;
  const as = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) => server.request(method, url, { as: admin, ...(body ? { body } : {}) });
  users.orgAdmin = admin;
  users.developer = bed.developer;
  users.viewer = bed.viewer;
  users.outsider = bed.outsider;
  users.editor = await server.createUser({ organizationUuid, role: 'editor' });
  users.interactiveViewer = await server.createUser({ organizationUuid, role: 'interactive_viewer' });
  users.member = await server.createUser({ organizationUuid, role: 'member' });
  users.groupEditor = await server.createUser({ organizationUuid, role: 'member' });
  const other = await server.createUser({ organizationUuid, role: 'member' });
  const group = (await as('POST', '/api/v1/org/groups', { name: 'Editors by group' })).json().results.uuid as string;
  expect((await as('PUT', `/api/v1/groups/${group}/members/${users.groupEditor.userUuid}`)).statusCode).toBeLessThan(300);
  const grant = await as('POST', `/api/v1/groups/${group}/projects/${projectUuid}`, { role: 'editor' });
  expect(grant.statusCode, grant.body).toBeLessThan(300);
  await as('POST', `/api/v1/projects/${projectUuid}/access`, { email: other.email, role: 'viewer', sendEmail: false });

  for (const kind of SPACES) {
    const created = await as('POST', `/api/v1/projects/${projectUuid}/spaces`, { name: `${kind} space`, isPrivate: kind !== 'public' });
    expect(created.statusCode, created.body).toBe(200);
    const space = created.json().results.uuid as string;
    if (kind === 'sharedPrivate') {
      for (const actor of ['developer', 'editor', 'interactiveViewer', 'viewer', 'member', 'groupEditor'] as const) {
        const share = await as('POST', `/api/v1/projects/${projectUuid}/spaces/${space}/share`, { userUuid: users[actor].userUuid, spaceRole: 'editor' });
        expect(share.statusCode, share.body).toBe(200);
      }
    }
    const chart = await as('POST', `/api/v1/projects/${projectUuid}/saved`, { name: `${kind} chart`, tableName: 'orders', metricQuery: query, chartConfig: { type: 'table' }, tableConfig: { columnOrder: [] }, spaceUuid: space });
    expect(chart.statusCode, chart.body).toBe(200);
    const dashboard = await as('POST', `/api/v1/projects/${projectUuid}/dashboards`, { name: `${kind} dashboard`, spaceUuid: space, tiles: [], tabs: [] });
    expect(dashboard.statusCode, dashboard.body).toBe(201);
    ctx[kind] = { projectUuid, space, isPrivate: kind !== 'public', chart: chart.json().results.uuid, dashboard: dashboard.json().results.uuid, otherUser: other.userUuid };
  }
}, 180_000);
afterAll(async () => {
  await bed?.close();
});

const cases = OPERATIONS.flatMap((op) =>
  ACTORS.flatMap((actor) => (op.scope === 'project' ? (['public'] as SpaceKind[]) : SPACES).map((space) => [op.name, actor, space, op] as const)),
);

describe('permission matrix', () => {
  it.each(cases)('%s as %s in a %s space', async (_name, actor, space, op) => {
    const res = await call(op, actor, ctx[space]);
    const expected = op.allowed(actor, space) ? op.ok : denied(actor);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
    if (expected >= 400) expect(res.json().status).toBe('error');
  });
});

describe('listings leak nothing', () => {
  const listings: { name: string; url: (c: Ctx) => string; ids: (body: unknown) => string[]; of: (c: Ctx) => string }[] = [
    { name: 'ListSpacesInProject', url: (c) => `/api/v1/projects/${c.projectUuid}/spaces`, ids: (b) => (b as { uuid: string }[]).map((x) => x.uuid), of: (c) => c.space },
    { name: 'ListChartsInProject', url: (c) => `/api/v1/projects/${c.projectUuid}/charts`, ids: (b) => (b as { uuid: string }[]).map((x) => x.uuid), of: (c) => c.chart },
    { name: 'getDashboards', url: (c) => `/api/v1/projects/${c.projectUuid}/dashboards`, ids: (b) => (b as { uuid: string }[]).map((x) => x.uuid), of: (c) => c.dashboard },
  ];
  const listCases = listings.flatMap((l) => ACTORS.flatMap((actor) => SPACES.map((space) => [l.name, actor, space, l] as const)));
  it.each(listCases)('%s as %s: %s content', async (_name, actor, space, listing) => {
    const res = await bed.server.request('GET', listing.url(ctx[space]), actor === 'anonymous' ? {} : { as: users[actor] });
    if (actor === 'anonymous') return expect(res.statusCode).toBe(401);
    if (res.statusCode === 403) return expect(canView(actor, space)).toBe(false);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(listing.ids(res.json().results).includes(listing.of(ctx[space]))).toBe(canView(actor, space));
  });
});
