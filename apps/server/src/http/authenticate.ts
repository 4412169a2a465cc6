import type { FastifyInstance } from 'fastify';
import type { SessionService } from '../identity/session-service.js';
import type { PersonalAccessTokenService } from '../tokens/personal-access-token-service.js';

export const SESSION_COOKIE = 'connect.sid';

export type CookieSettings = { secure: boolean; maxAgeSeconds: number };

/**
 * Resolves `request.account` once per request: `Authorization: ApiKey <token>` first (an invalid
 * token is a 401 even on public routes, so a typo never silently downgrades to anonymous), else the
 * `connect.sid` session cookie. Other Authorization schemes belong to other faces (Looker) and are
 * left for them.
 */
export const registerAuthentication = (
  app: FastifyInstance,
  deps: { sessions: SessionService; tokens: PersonalAccessTokenService; cookie: CookieSettings },
): void => {
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (request, reply) => {
    request.account = null;
    const header = request.headers.authorization;
    if (header !== undefined && /^apikey\s/i.test(header)) {
      request.account = await deps.tokens.authenticate(header.replace(/^apikey\s+/i, '').trim());
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const resolved = await deps.sessions.resolve(sessionId);
    if (!resolved) {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.account = resolved.account;
    if (resolved.renewedUntil) setSessionCookie(reply, sessionId, resolved.renewedUntil, deps.cookie);
  });
};

export const setSessionCookie = (
  reply: { setCookie: (name: string, value: string, options: object) => unknown },
  sessionId: string,
  expiresAt: Date,
  settings: CookieSettings,
): void => {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    expires: expiresAt,
  });
};
