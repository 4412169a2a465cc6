import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadWebAssets, type WebAsset } from './web-assets.js';
import { missingBuildPage } from './missing-build-page.js';

/**
 * The page's own rules: scripts and styles from this origin (Mantine sets inline styles), API
 * calls to this origin, nothing framed. A violation shows in the browser console.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApiPath = (urlPath: string): boolean => urlPath === '/api' || urlPath.startsWith('/api/');

/** A path whose last segment has an extension asks for a file; anything else is a client route. */
const looksLikeFile = (urlPath: string): boolean => /\.[a-z0-9]+$/i.test(urlPath.slice(urlPath.lastIndexOf('/') + 1));

const send = (request: FastifyRequest, reply: FastifyReply, asset: WebAsset) => {
  void reply
    .header('cache-control', asset.cacheControl)
    .header('etag', asset.etag)
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'accept-encoding')
    .type(asset.contentType);
  if (asset.contentType.startsWith('text/html')) {
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('referrer-policy', 'same-origin');
  }
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? asset.gzip() : undefined;
  if (gzip) return reply.header('content-encoding', 'gzip').send(gzip);
  return reply.send(asset.body);
};

/**
 * Serves the built web app at `/`: its files by exact path, and index.html for every other path
 * outside `/api/` (client-side routes such as /projects/…/tables). `/api/*` is never answered
 * here — an unknown API path stays the API's 404 envelope. Without a build, a page says how to
 * make one; the build is looked for again on each request until it appears.
 */
export const webRoutes = (app: FastifyInstance, deps: { distDir: string }): void => {
  let assets = loadWebAssets(deps.distDir);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (isApiPath(urlPath)) return reply.callNotFound();
    assets ??= loadWebAssets(deps.distDir);
    if (!assets) {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(missingBuildPage(deps.distDir));
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return reply.callNotFound();
    }
    const asset = assets.get(decoded) ?? (looksLikeFile(decoded) ? undefined : assets.get('/index.html'));
    if (!asset) return reply.callNotFound();
    return send(request, reply, asset);
  });
};
