import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createDashboardTestBed, type DashboardTestBed } from '../../dashboards/dashboard-test-setup.js';
import type { TestUser } from '../../testing/test-server.js';

/**
 * Test support for looker/: the dashboards test bed (demo project "Shop" on DuckDB, users of every
 * role, a public and a private space) plus Looker access tokens and requests with them.
 */
export type LookerTestBed = DashboardTestBed & {
  /** API3 credentials for the user (made with their session). */
  credentials(user: TestUser): Promise<{ client_id: string; client_secret: string }>;
  /** A Looker access token for the user. */
  token(user: TestUser): Promise<string>;
  looker(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, body?: unknown): Promise<LightMyRequestResponse>;
};

export const createLookerTestBed = async (): Promise<LookerTestBed> => {
  const bed = await createDashboardTestBed();
  const credentials: LookerTestBed['credentials'] = async (user) => {
    const res = await bed.server.request('POST', `/api/3.0/users/${user.userUuid}/credentials_api3`, { as: user, auth: 'apiKey' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { client_id: string; client_secret: string };
  };
  const token: LookerTestBed['token'] = async (user) => {
    const { client_id, client_secret } = await credentials(user);
    const res = await bed.server.app.inject({ method: 'POST', url: '/api/3.0/login', query: { client_id, client_secret } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { access_token: string }).access_token;
  };
  const looker: LookerTestBed['looker'] = (method, url, accessToken, body) =>
    bed.server.app.inject({ method, url, headers: { authorization: `token ${accessToken}` }, ...(body !== undefined ? { payload: body as object } : {}) });
  return { ...bed, credentials, token, looker };
};

/** A Looker query on the demo project's orders explore. */
export const ordersQuery = (over: Record<string, unknown> = {}) => ({
  model: 'Shop',
  view: 'orders',
  fields: ['orders.status', 'orders.order_count'],
  filters: { 'orders.status': '-cancelled' },
  sorts: ['orders.order_count desc'],
  limit: '50',
  ...over,
});
