import { expect } from 'vitest';
import { okSchema } from '../http/envelope.js';
import type { TestServer, TestUser } from '../testing/test-server.js';
import { inviteLinkSchema } from './invite-link-routes.js';

type Response = { statusCode: number; json(): unknown; body: string };

/**
 * Invite links are not in the public spec (the anchor serves them from a hand-written router), so
 * their responses are checked against the route's own InviteLink schema in the success envelope.
 */
export const expectInviteLink = (res: Response, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  const parsed = okSchema(inviteLinkSchema).safeParse(res.json());
  if (!parsed.success) throw new Error(`not an InviteLink envelope: ${parsed.error.message}\n${res.body}`);
  return parsed.data.results;
};

export const inFuture = (server: TestServer, ms: number): string => new Date(server.clock.now.getTime() + ms).toISOString();

export const DAY = 86_400_000;

export const invite = async (server: TestServer, admin: TestUser, body: { email: string; role?: string; expiresAt?: string }) => {
  const res = await server.request('POST', '/api/v1/invite-links', {
    as: admin,
    body: { expiresAt: inFuture(server, DAY), ...body },
  });
  return expectInviteLink(res, 201);
};

/** The `connect.sid=…` header value a response set. */
export const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }): string => {
  const cookie = res.cookies.find((c) => c.name === 'connect.sid');
  if (!cookie) throw new Error('no connect.sid cookie was set');
  return `connect.sid=${cookie.value}`;
};
