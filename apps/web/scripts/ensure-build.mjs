// Builds the web app into apps/web/dist when it is missing or older than its sources. Run by the
// root `postinstall` (so `npm ci` leaves a built app) and `prestart` (so `npm start` after a
// source change serves the new app); when the build is current it returns in milliseconds.
// `--force` builds anyway.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(webDir, '../..');
const builtMarker = path.join(webDir, 'dist', 'index.html');
// Everything the bundle is made from (core is bundled for its permission policy and types).
const sources = ['index.html', 'vite.config.ts', 'package.json', 'src', 'public', 'build', 'scripts'].map((p) => path.join(webDir, p));
sources.push(path.join(repoDir, 'packages/core/src'), path.join(repoDir, 'package-lock.json'));

const newestMtime = (entry) => {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
};

export const isBuildCurrent = () =>
  existsSync(builtMarker) && statSync(builtMarker).mtimeMs >= Math.max(...sources.map(newestMtime));

export const buildWebApp = async () => {
  // Always a production bundle, even when called from a test run (vitest sets NODE_ENV=test,
  // which would bundle React's development build).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--force') && isBuildCurrent()) {
    process.stdout.write('tessera: the web app build is current (apps/web/dist)\n');
  } else {
    const started = Date.now();
    process.stdout.write('tessera: building the web app (apps/web/dist)…\n');
    try {
      await buildWebApp();
    } catch (error) {
      process.stderr.write(`tessera: the web app build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    process.stdout.write(`tessera: built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
