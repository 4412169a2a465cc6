// postinstall: runs PGlite's initdb once and keeps the empty cluster as a tarball, so the first
// `npm start` copies it (~1 s) instead of running initdb (~4 s). Optional: on any failure the
// server simply runs initdb itself. Plain JS so it also runs where devDependencies are omitted.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
try {
  const pkg = JSON.parse(await readFile(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  const target = path.join(root, 'node_modules/.cache/tessera', `pglite-template-${pkg.version}.tar.gz`);
  if (!existsSync(target)) {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = new PGlite();
    await pglite.waitReady;
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.tmp`, Buffer.from(await dump.arrayBuffer()));
    await rename(`${target}.tmp`, target);
    process.stdout.write(`tessera: prepared the embedded metadata store template (${target})\n`);
  }
} catch (error) {
  process.stdout.write(`tessera: skipped the embedded store template (${error.message}); first start will be slower\n`);
}
