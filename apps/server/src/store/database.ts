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
  /**
   * Subscribes to a NOTIFY channel. `onState(false)` when the subscription is lost (PostgreSQL
   * connection dropped): callers must stop trusting anything the notifications were guarding.
   */
  listen(channel: string, onMessage: () => void, onState: (up: boolean) => void): Promise<() => Promise<void>>;
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
  let listen: Store['listen'];
  if (options.kind === 'postgres') {
    listen = (channel, onMessage, onState) => listenOnPostgres(options, channel, onMessage, onState);
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
    listen = async (channel, onMessage, onState) => {
      const unlisten = await pglite.listen(channel, onMessage);
      onState(true);
      return () => unlisten();
    };
  }
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    kind: options.kind,
    close: () => db.destroy(),
    listen,
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

/** A dedicated connection for LISTEN; reconnects with backoff after errors until unsubscribed. */
const listenOnPostgres = async (
  options: Extract<StoreOptions, { kind: 'postgres' }>,
  channel: string,
  onMessage: () => void,
  onState: (up: boolean) => void,
): Promise<() => Promise<void>> => {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (delayMs: number): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.url,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    next.on('notification', (n) => n.channel === channel && onMessage());
    next.on('error', () => reconnect());
    next.on('end', () => reconnect());
    const reconnect = () => {
      if (stopped || client !== next) return;
      client = undefined;
      onState(false);
      retry = setTimeout(() => void connect(Math.min(delayMs * 2, 30_000)).catch(() => undefined), delayMs);
    };
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      onState(true);
    } catch (error) {
      reconnect();
      if (delayMs === 250) throw error;
    }
  };
  await connect(250);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
};
