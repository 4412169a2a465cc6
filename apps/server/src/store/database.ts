import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pgliteTemplateFor } from './pglite-template.js';
import type { Database } from './schema.js';

export type StoreKind = 'pglite' | 'postgres';
export type Store = {
  db: Kysely<Database>;
  kind: StoreKind;
  /** PostgreSQL schema the store lives in, when not the default search path (tests). */
  schema?: string;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (used as a template by the tests). */
  dumpDataDir?: () => Promise<Blob>;
};

export type StoreOptions =
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

// Timestamps come back as Date on both engines; bigint counts as numbers (counts never exceed 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

export const openStore = async (options: StoreOptions): Promise<Store> => {
  let dialect: Dialect;
  let dumpDataDir: Store['dumpDataDir'];
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    dialect = new PostgresDialect({ pool });
  } else {
    if (options.dataDir) await mkdir(path.dirname(options.dataDir), { recursive: true });
    const loadDataDir = options.loadDataDir ?? (options.dataDir ? await pgliteTemplateFor(options.dataDir) : undefined);
    const pglite = new PGlite({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    dialect = new PGliteDialect(pglite);
    dumpDataDir = () => pglite.dumpDataDir('none');
  }
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    kind: options.kind,
    close: () => db.destroy(),
    ...(options.kind === 'postgres' && options.schema ? { schema: options.schema } : {}),
    ...(dumpDataDir ? { dumpDataDir } : {}),
  };
};

/**
 * Applies pending migrations. On PostgreSQL, Kysely's migrator takes an advisory lock inside a
 * transaction, so servers starting at once apply each migration exactly once.
 */
export const migrateToLatest = async (store: Pick<Store, 'db' | 'schema'>): Promise<string[]> => {
  const migrator = new Migrator({
    db: store.db,
    // Kysely looks for its tables in every schema unless told which one; name it when we have one.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'tessera_migrations',
    migrationLockTableName: 'tessera_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
