import type { Kysely } from 'kysely';

/**
 * A project's results-cache time-to-live in seconds (null: the server's TESSERA_RESULTS_CACHE_TTL_SECONDS;
 * 0: the project's results are never cached). Projects are notified on change (0020), so every
 * node's cached project row — and with it the TTL — follows an update at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('projects').addColumn('results_cache_ttl_seconds', 'integer').execute();
}
