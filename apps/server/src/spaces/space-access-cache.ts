import type { ProjectRole } from '@tessera/core';
import { NotifiedCache } from '../store/notified-cache.js';
import type { UserSpaceGrants } from './space-grant-repository.js';
import type { SpaceRow } from './space-repository.js';

const MAX_ENTRIES = 10_000;
const TTL_MS = 5 * 60_000;

/**
 * What SpaceAccess reads for every decision — the space with its root, the user's granted project
 * role, the user's grants on the root — kept per node (`NotifiedCache`). Cleared on the
 * `tessera_query_metadata` notification (spaces and space grants since migration 0021; projects,
 * project grants, groups and group memberships since 0020) and after every request of this node
 * that may have written, so a revoked share or a moved space counts on the very next request.
 * Values are shared and never mutated.
 */
export class SpaceAccessCache {
  readonly spaces: NotifiedCache<SpaceRow>;
  readonly projectRoles: NotifiedCache<{ role: ProjectRole | undefined }>;
  readonly grants: NotifiedCache<UserSpaceGrants>;

  constructor(now: () => Date) {
    this.spaces = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.projectRoles = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.grants = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
  }

  /** For `keepFresh`: every cache this class holds. */
  get caches(): NotifiedCache<unknown>[] {
    return [this.spaces, this.projectRoles, this.grants];
  }
}
