// postinstall: prepares the embedded metadata store once — PGlite's initdb plus every migration —
// and keeps it as a tarball, so the first `npm start` copies it (~1 s) instead of running initdb
// and the migrations (~4 s). Optional: on any failure the server does that work itself at start.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
try {
  const pkg = JSON.parse(await readFile(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  const target = path.join(root, 'node_modules/.cache/tessera', `pglite-template-${pkg.version}.tar`);
  const { register } = await import('tsx/esm/api');
  register();
  const { migrateToLatest, openStore } = await import('../src/store/database.ts');
  const store = await openStore({ kind: 'pglite' });
  const applied = await migrateToLatest(store);
  const dump = await store.dumpDataDir();
  await store.close();
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.tmp`, Buffer.from(await dump.arrayBuffer()));
  await rename(`${target}.tmp`, target);
  await rm(target.replace(/\.tar$/, '.tar.gz'), { force: true });
  process.stdout.write(`tessera: prepared the embedded metadata store (${applied.length} migrations) in ${path.relative(root, target)}\n`);
} catch (error) {
  process.stdout.write(`tessera: skipped preparing the embedded store (${error.message}); the first start will be slower\n`);
}
