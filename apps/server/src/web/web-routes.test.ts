import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../http/error-handler.js';
import { webRoutes } from './web-routes.js';

let dist: string;
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

const build = async (distDir: string) => {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/api/v1/health', async () => ({ status: 'ok', results: { healthy: true } }));
  app.post('/api/v1/login', async () => ({ status: 'ok', results: {} }));
  webRoutes(app, { distDir });
  await app.ready();
  return app;
};

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'tessera-web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await mkdir(path.join(dist, '.vite'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>');
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), script);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, '.vite', 'manifest.json'), '{}');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('web app serving', () => {
  it('serves index.html at / and for client routes, revalidated, with a content security policy', async () => {
    const app = await build(dist);
    for (const url of ['/', '/login', '/projects/0b6c/tables/orders?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a year-long immutable cache, gzipped when accepted, 304 on a matching ETag', async () => {
    const app = await build(dist);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    const gzipped = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    expect(gzipped.rawPayload.length).toBeLessThan(script.length / 10);

    const again = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const head = await app.inject({ method: 'HEAD', url: '/favicon.svg' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 404 for missing files instead of index.html, and never serves outside the build', async () => {
    const app = await build(dist);
    for (const url of ['/assets/gone-123.js', '/robots.txt', '/.vite/manifest.json', '/../package.json', '/%2e%2e/%2e%2e/package.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ status: 'error', error: { name: 'NotFoundError' } });
    }
    // A malformed escape is refused before routing, as a client error.
    expect((await app.inject({ method: 'GET', url: '/assets/%E0%A4%A' })).statusCode).toBe(400);
  });

  it('never shadows the API: API routes answer, unknown API paths keep the 404 envelope', async () => {
    const app = await build(dist);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok' });
    for (const url of ['/api/v1/nope', '/api/v1/login', '/api', '/api/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json()).toMatchObject({ status: 'error', error: { name: 'NotFoundError', statusCode: 404 } });
    }
    expect((await app.inject({ method: 'POST', url: '/projects' })).statusCode).toBe(404);
  });

  it('without a build, / explains how to build the web app, and picks the build up once it exists', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'tessera-web-none-'));
    try {
      const app = await build(empty);
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('npm run build:web');
      expect(res.body).toContain(empty);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);

      await writeFile(path.join(empty, 'index.html'), '<!doctype html><p>built</p>');
      const later = await app.inject({ method: 'GET', url: '/explore' });
      expect(later.statusCode).toBe(200);
      expect(later.body).toContain('built');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
