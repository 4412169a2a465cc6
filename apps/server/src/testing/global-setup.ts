import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openStore } from '../store/database.js';

/**
 * Builds one migrated PGlite data directory and hands its dump to every test file, so each test
 * store starts in ~0.5 s instead of running initdb and the migrations again (a template database).
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const store = await openStore({ kind: 'pglite' });
  await migrateToLatest(store);
  const dump = await store.dumpDataDir!();
  const file = path.join(os.tmpdir(), `tessera-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await store.close();
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
