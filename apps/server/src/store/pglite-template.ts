import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The migrated PGlite cluster prepared at install time by scripts/build-pglite-template.mjs. A new
 * data directory is seeded from it instead of running initdb and the migrations (migrations added
 * since still run at start); an existing directory is opened as is.
 */
const require = createRequire(import.meta.url);

export const pgliteTemplateFor = async (dataDir: string): Promise<Blob | undefined> => {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return undefined;
  // The package does not export its package.json: find it from the entry point (…/pglite/dist/x).
  const packageDir = path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const template = path.resolve(packageDir, '../..', '.cache', 'tessera', `pglite-template-${version}.tar`);
  return existsSync(template) ? new Blob([await readFile(template)]) : undefined;
};
