import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestStore } from '../testing/test-server.js';
import { migrateToLatest, openStore } from './database.js';
import { migrations } from './migrations/index.js';

describe('metadata store', () => {
  it('records every migration once and is idempotent', async () => {
    const store = await createTestStore();
    try {
      expect(await migrateToLatest(store)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from tessera_migrations order by name`.execute(store.db);
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    } finally {
      await store.close();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const store = await createTestStore();
    try {
      const org = '00000000-0000-4000-8000-000000000001';
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('organizations').values({ organization_uuid: org, name: 'x' }).execute();
          await trx.insertInto('organizations').values({ organization_uuid: org, name: 'duplicate' }).execute();
        }),
      ).rejects.toThrow();
      expect(await store.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keeps data in an embedded store across a close and reopen', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-store-'));
    try {
      const first = await openStore({ kind: 'pglite', dataDir: path.join(dir, 'metadata') });
      await migrateToLatest(first);
      await first.db.insertInto('organizations').values({ organization_uuid: '00000000-0000-4000-8000-000000000002', name: 'kept' }).execute();
      await first.close();
      const second = await openStore({ kind: 'pglite', dataDir: path.join(dir, 'metadata') });
      expect(await migrateToLatest(second)).toEqual([]);
      expect((await second.db.selectFrom('organizations').select('name').execute()).map((r) => r.name)).toEqual(['kept']);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  // Needs a PostgreSQL server: .ci/run provides one through DATABASE_URL; `npm test` alone has none.
  it.skipIf(!process.env.DATABASE_URL)('applies migrations once when several servers start at the same time', async () => {
    const url = process.env.DATABASE_URL!;
    const schema = `race_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStore({ kind: 'postgres', url, schema, poolSize: 2 })));
    try {
      const results = await Promise.all(stores.map((s) => migrateToLatest(s)));
      expect(results.flat().sort()).toEqual(Object.keys(migrations).sort());
      const applied = await admin.query(`select count(*)::int as n from ${schema}.tessera_migrations`);
      expect(applied.rows[0].n).toBe(Object.keys(migrations).length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});
