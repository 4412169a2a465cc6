import { ForbiddenError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for browser requests. A state-changing request that relies on ambient credentials
 * (no Authorization header) must come from this site: browsers say so with `Sec-Fetch-Site` and
 * `Origin`, which pages cannot forge. Clients that send `Authorization` (ApiKey, Looker tokens) and
 * non-browser clients (no Origin) are not affected; the session cookie is also SameSite=Lax.
 */
export const registerCrossOriginProtection = (app: FastifyInstance, trustedOrigins: readonly string[]): void => {
  const trusted = new Set(trustedOrigins.map((o) => o.replace(/\/$/, '')));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      const sameHost = safeHost(origin) === safeHost(`${request.protocol}://${request.headers.host ?? ''}`);
      if (sameHost || trusted.has(origin)) return;
      throw new ForbiddenError(`Cross-origin request from ${origin} refused: add it to TESSERA_TRUSTED_ORIGINS if it is yours`);
    }
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site' || origin === 'null') {
      throw new ForbiddenError('Cross-site request refused');
    }
  });
};

const safeHost = (origin: string): string | undefined => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};
