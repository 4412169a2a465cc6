import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const SIGN_IN_BUDGET_BYTES = 500 * 1000;

export type SignInWeight = {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
};

/**
 * The JavaScript a browser fetches to show the sign-in page: the module scripts and module
 * preloads that the built index.html names (the sign-in page is part of the entry chunk; the
 * explore page and the chart are lazy chunks fetched later). Gzip level 9, as the server sends it.
 */
export const signInWeight = async (distDir: string): Promise<SignInWeight> => {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) urls.add(url);
  }
  const files = await Promise.all(
    [...urls].map(async (url) => {
      const body = await readFile(path.join(distDir, url.replace(/^\//, '')));
      return { file: url, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
};

export const formatKilobytes = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
