import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectSpec } from '../testing/spec.js';
import type { TestUser } from '../testing/test-server.js';
import { QueryMetadataCache } from './query-metadata-cache.js';
import { createQueryTestBed, metricQuery, type QueryTestBed } from './query-test-setup.js';

/**
 * The project, grants and attribute values a query reads are cached per node (QueryMetadataCache):
 * these tests prove that a change is seen by the very next query — after a write through the API
 * on this node, and after a write straight to the store (another node), once its notification
 * has arrived.
 */
let bed: QueryTestBed;
let member: TestUser;

const orders = metricQuery({ dimensions: ['orders_status'], metrics: ['orders_order_count'], sorts: [{ fieldId: 'orders_status', descending: false }] });
const byRegion = metricQuery({ exploreName: 'payments', dimensions: ['payments_region'], metrics: ['payments_payment_count'], sorts: [{ fieldId: 'payments_region', descending: false }] });

const run = (as: TestUser, body: object = orders, explore = 'orders') =>
  bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/explores/${explore}/runQuery`, { as, body });
const regions = (res: { json(): { results: { rows: { payments_region: { value: { raw: string } } }[] } } }) =>
  res.json().results.rows.map((r) => r.payments_region.value.raw);

/** Retries `check` until it passes: a notification is delivered asynchronously. */
const eventually = async (check: () => Promise<void>) => {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= 100) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
};

beforeAll(async () => {
  bed = await createQueryTestBed();
  // An organization member sees a project only through a project or group grant.
  member = await bed.server.createUser({ organizationUuid: bed.organizationUuid, role: 'member' });
}, 120_000);
afterAll(() => bed.close());

const grant = async (user: TestUser) => {
  const res = await bed.server.request('POST', `/api/v1/projects/${bed.projectUuid}/access`, {
    as: bed.admin,
    body: { email: user.email, role: 'viewer', sendEmail: false },
  });
  expect(res.statusCode, res.body).toBe(200);
};

describe('project access', () => {
  it('is refused (403) by the next query once the user’s project role is removed on this node', async () => {
    expectError(await run(member), 403, 'ForbiddenError');
    await grant(member);
    expectSpec(await run(member), 'RunMetricQuery');
    expect((await run(member)).statusCode).toBe(200);
    const revoke = await bed.server.request('DELETE', `/api/v1/projects/${bed.projectUuid}/access/${member.userUuid}`, { as: bed.admin });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expectError(await run(member), 403, 'ForbiddenError');
  });

  it('is refused once the user leaves the group holding the grant', async () => {
    const group = await bed.server.request('POST', '/api/v1/org/groups', { as: bed.admin, body: { name: 'Analysts', members: [{ userUuid: member.userUuid }] } });
    expect(group.statusCode, group.body).toBe(200);
    const groupUuid = group.json().results.uuid as string;
    const access = await bed.server.request('POST', `/api/v1/groups/${groupUuid}/projects/${bed.projectUuid}`, { as: bed.admin, body: { role: 'viewer' } });
    expect(access.statusCode, access.body).toBe(200);
    expect((await run(member)).statusCode).toBe(200);
    const leave = await bed.server.request('DELETE', `/api/v1/groups/${groupUuid}/members/${member.userUuid}`, { as: bed.admin });
    expect(leave.statusCode, leave.body).toBe(200);
    expectError(await run(member), 403, 'ForbiddenError');
  });

  it('is refused once another node removes the grant (straight in the store), as soon as its notification arrives', async () => {
    await grant(member);
    expect((await run(member)).statusCode).toBe(200);
    await bed.server.store.db.deleteFrom('project_memberships').where('user_uuid', '=', member.userUuid).execute();
    await eventually(async () => expectError(await run(member), 403, 'ForbiddenError'));
  });
});

describe('user attributes', () => {
  let attributeUuid: string;
  const setRegion = async (value: string) => {
    const body = { name: 'region', attributeDefault: null, users: [{ userUuid: member.userUuid, value }], groups: [] };
    const res = attributeUuid
      ? await bed.server.request('PUT', `/api/v1/org/attributes/${attributeUuid}`, { as: bed.admin, body })
      : await bed.server.request('POST', '/api/v1/org/attributes', { as: bed.admin, body });
    expect(res.statusCode, res.body).toBe(200);
    attributeUuid = res.json().results.uuid as string;
  };

  it('a changed value gives the next query the rows of the new value', async () => {
    await grant(member);
    await setRegion('NA');
    expect(regions(await run(member, byRegion, 'payments'))).toEqual(['NA']);
    await setRegion('EMEA');
    expect(regions(await run(member, byRegion, 'payments'))).toEqual(['EMEA']);
  });

  it('a value changed by another node is seen as soon as its notification arrives', async () => {
    await bed.server.store.db.updateTable('user_attribute_user_values').set({ value: 'APAC' }).where('user_uuid', '=', member.userUuid).execute();
    await eventually(async () => expect(regions(await run(member, byRegion, 'payments'))).toEqual(['APAC']));
  });
});

describe('Server-Timing', () => {
  it('says where a query spent its time: the warehouse on a run, none on a cache hit', async () => {
    const body = metricQuery({ dimensions: ['orders_channel'], metrics: ['orders_order_count'] });
    const first = await run(bed.viewer, { ...body, invalidateCache: true });
    expect(first.headers['server-timing']).toMatch(/^metadata;dur=[\d.]+, compile;dur=[\d.]+, warehouse;dur=[\d.]+, json;dur=[\d.]+, total;dur=[\d.]+$/);
    const hit = await run(bed.viewer, body);
    expect(hit.json().results.cacheMetadata.cacheHit).toBe(true);
    expect(hit.headers['server-timing']).not.toContain('warehouse');
    expect(hit.headers['server-timing']).toMatch(/total;dur=[\d.]+$/);
    expectError(await run(bed.outsider), 403, 'ForbiddenError');
  });
});

describe('explore versions', () => {
  it('are read once, then again after explores are saved on this node (a background compile has no request to clear them)', async () => {
    const metadata = new QueryMetadataCache(() => new Date());
    metadata.caches.forEach((c) => c.setSubscribed(true));
    let version = 1;
    let reads = 0;
    const versionOf = metadata.exploreVersion(async () => {
      reads++;
      return String(version);
    });
    expect(await versionOf('p')).toBe('1');
    version = 2;
    expect(await versionOf('p')).toBe('1');
    metadata.exploresSaved();
    expect(await versionOf('p')).toBe('2');
    expect(reads).toBe(2);
  });
});
