import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../testing/test-server.js';
import { expectLookerSpec } from './testing/looker-spec.js';

let server: TestServer;
let admin: TestUser;
let member: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  server = await createTestServer();
  const org = await server.createOrganization();
  admin = org.admin;
  member = await server.createUser({ organizationUuid: org.organizationUuid, role: 'editor' });
  outsider = (await server.createOrganization('Other')).admin;
});
afterAll(() => server.close());

const createCredentials = async (user: TestUser, as: TestUser = user, auth: 'cookie' | 'apiKey' = 'cookie') => {
  const res = await server.request('POST', `/api/3.0/users/${user.userUuid}/credentials_api3`, { as, auth });
  expectLookerSpec(res, 'create_user_credentials_api3');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; client_id: string; client_secret: string };
};

const login = (clientId: string, clientSecret: string, version = '3.0') =>
  server.app.inject({
    method: 'POST',
    url: `/api/${version}/login`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }).toString(),
  });

describe('API3 credentials', () => {
  it('creates (session or personal access token), lists, reads and deletes a user’s own credentials', async () => {
    const bySession = await createCredentials(member);
    const byToken = await createCredentials(member, member, 'apiKey');
    expect(bySession.client_secret).toBeTruthy();
    const list = await server.request('GET', `/api/3.0/users/${member.userUuid}/credentials_api3`, { as: member });
    expectLookerSpec(list, 'all_user_credentials_api3s');
    expect((list.json() as { id: number }[]).map((c) => c.id)).toEqual([bySession.id, byToken.id]);
    expect(list.body).not.toContain(bySession.client_secret);
    const one = await server.request('GET', `/api/3.0/users/${member.userUuid}/credentials_api3/${byToken.id}?fields=id,client_id`, { as: member });
    expectLookerSpec(one, 'user_credentials_api3');
    expect(one.json()).toEqual({ id: byToken.id, client_id: byToken.client_id });
    const del = await server.request('DELETE', `/api/3.0/users/${member.userUuid}/credentials_api3/${byToken.id}`, { as: member });
    expectLookerSpec(del, 'delete_user_credentials_api3');
    expect(del.statusCode).toBe(204);
    const again = await server.request('DELETE', `/api/3.0/users/${member.userUuid}/credentials_api3/${byToken.id}`, { as: member });
    expectLookerSpec(again, 'delete_user_credentials_api3');
    expect(again.statusCode).toBe(404);
  });

  it('lets an organization admin manage a member’s credentials, nobody else', async () => {
    await createCredentials(member, admin);
    const byMember = await server.request('POST', `/api/3.0/users/${admin.userUuid}/credentials_api3`, { as: member });
    expect(byMember.statusCode).toBe(404);
    expect(byMember.json()).toMatchObject({ message: expect.stringContaining('admin'), documentation_url: expect.any(String) });
    const byOutsider = await server.request('GET', `/api/3.0/users/${member.userUuid}/credentials_api3`, { as: outsider });
    expectLookerSpec(byOutsider, 'all_user_credentials_api3s');
    expect(byOutsider.statusCode).toBe(404);
    const anonymous = await server.request('GET', `/api/3.0/users/${member.userUuid}/credentials_api3`);
    expect(anonymous.statusCode).toBe(401);
    expectLookerSpec(anonymous, 'all_user_credentials_api3s');
  });
});

describe('login and logout', () => {
  it('trades client id and secret for an access token (form body, no Content-Type, query string; 3.0, 3.1 and 4.0)', async () => {
    const { client_id, client_secret } = await createCredentials(member);
    const form = await login(client_id, client_secret);
    expectLookerSpec(form, 'login');
    expect(form.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const bare = await server.app.inject({ method: 'POST', url: '/api/3.1/login', payload: `client_id=${client_id}&client_secret=${encodeURIComponent(client_secret)}` });
    expect(bare.statusCode, bare.body).toBe(200);
    const query = await server.app.inject({ method: 'POST', url: `/api/4.0/login?client_id=${client_id}&client_secret=${encodeURIComponent(client_secret)}` });
    expect(query.statusCode, query.body).toBe(200);

    const token = (form.json() as { access_token: string }).access_token;
    for (const scheme of ['token', 'Bearer']) {
      const res = await server.app.inject({ method: 'GET', url: `/api/3.0/users/${member.userUuid}/credentials_api3`, headers: { authorization: `${scheme} ${token}` } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mint = await server.app.inject({ method: 'POST', url: `/api/3.0/users/${member.userUuid}/credentials_api3`, headers: { authorization: `token ${token}` } });
    expect(mint.statusCode).toBe(404);

    const logout = await server.app.inject({ method: 'DELETE', url: '/api/3.0/logout', headers: { authorization: `token ${token}` } });
    expectLookerSpec(logout, 'logout');
    expect(logout.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: `/api/3.0/users/${member.userUuid}/credentials_api3`, headers: { authorization: `token ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ message: expect.stringContaining('access token') });
  });

  it('refuses wrong secrets, deleted credentials and expired tokens', async () => {
    const { id, client_id, client_secret } = await createCredentials(member);
    const wrong = await login(client_id, `${client_secret}x`);
    expectLookerSpec(wrong, 'login');
    expect(wrong.statusCode).toBe(404);
    const missing = await server.app.inject({ method: 'POST', url: '/api/3.0/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expectLookerSpec(missing, 'login');
    expect(missing.statusCode).toBe(400);

    const token = ((await login(client_id, client_secret)).json() as { access_token: string }).access_token;
    server.clock.advance(3601 * 1000);
    const expired = await server.app.inject({ method: 'GET', url: `/api/3.0/users/${member.userUuid}/credentials_api3`, headers: { authorization: `token ${token}` } });
    expect(expired.statusCode).toBe(401);

    await server.request('DELETE', `/api/3.0/users/${member.userUuid}/credentials_api3/${id}`, { as: member, auth: 'apiKey' });
    expect((await login(client_id, client_secret)).statusCode).toBe(404);
  });

  it('answers unknown Looker routes with a Looker 404 body', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/3.0/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ message: expect.stringContaining('no-such-thing'), documentation_url: expect.any(String) });
  });
});
