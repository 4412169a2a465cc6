import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built web app, held in memory with the headers it is served with. */
export type WebAsset = {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
  /** Gzip of the body, made on first request (level 9, once per file). Undefined: not worth it. */
  gzip: () => Buffer | undefined;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/** Vite names the files under /assets/ by their content hash: they never change, so cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: revalidate it on every load. */
const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

const listFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // Dot files (Vite's .vite/ manifest) are build details, not part of the site.
    if (entry.name.startsWith('.')) return [];
    const relative = `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });

const lazyGzip = (body: Buffer, compressible: boolean): (() => Buffer | undefined) => {
  let made: Buffer | undefined | null = null;
  return () => {
    if (made === null) {
      const gzipped = compressible && body.length > 1024 ? gzipSync(body, { level: 9 }) : undefined;
      made = gzipped && gzipped.length < body.length ? gzipped : undefined;
    }
    return made;
  };
};

/**
 * The built web app (`apps/web/dist`) read into memory, keyed by URL path (`/index.html`,
 * `/assets/index-abc123.js`). Only these exact paths are ever served, so no request can reach
 * a file outside the build. Undefined when there is no build (no index.html).
 */
export const loadWebAssets = (distDir: string): Map<string, WebAsset> | undefined => {
  if (!existsSync(path.join(distDir, 'index.html'))) return undefined;
  const assets = new Map<string, WebAsset>();
  for (const urlPath of listFiles(distDir)) {
    const body = readFileSync(path.join(distDir, urlPath));
    const extension = path.extname(urlPath).toLowerCase();
    assets.set(urlPath, {
      body,
      contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : urlPath === '/index.html' ? REVALIDATE : SHORT,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      gzip: lazyGzip(body, COMPRESSIBLE.has(extension)),
    });
  }
  return assets;
};
