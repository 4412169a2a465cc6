import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/database.js';
import type { NotifiedCache } from '../store/notified-cache.js';
import { writesMetadata } from './read-only-routes.js';

/**
 * Keeps per-node caches of store reads fresh (see `NotifiedCache`): they are cleared on every
 * notification of `channel` (changes made by any node), after every request of this node that may
 * have written metadata (before its response leaves: the notification may come later), and they
 * cache nothing while the subscription is down.
 */
export const keepFresh = async (
  app: FastifyInstance,
  store: Pick<Store, 'listen'>,
  channel: string,
  caches: readonly NotifiedCache<unknown>[],
): Promise<void> => {
  const unlisten = await store.listen(
    channel,
    () => caches.forEach((c) => c.clear()),
    (up) => caches.forEach((c) => c.setSubscribed(up)),
  );
  app.addHook('onClose', unlisten);
  app.addHook('onSend', async (request) => {
    if (writesMetadata(request)) caches.forEach((c) => c.clear());
  });
};
