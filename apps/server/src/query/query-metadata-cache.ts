import type { ProjectRole } from '@tessera/core';
import type { UserAttributeValues } from '../attributes/resolve-user-attributes.js';
import { actorOf } from '../identity/account.js';
import { ProjectGuard } from '../projects/project-guard.js';
import type { ProjectRecord, ProjectRepository } from '../projects/project-repository.js';
import type { ProjectRoleResolver } from '../projects/project-role-resolver.js';
import type { WarehouseConnection } from '../projects/warehouse-connection-schemas.js';
import { NotifiedCache } from '../store/notified-cache.js';
import type { AttributeResolver } from './query-scope.js';

/** Notified on every change to the tables below (migration 0020-query-metadata-notify). */
export const QUERY_METADATA_CHANNEL = 'tessera_query_metadata';

const MAX_ENTRIES = 10_000;
const TTL_MS = 5 * 60_000;

/**
 * What every query reads before it can compile — the project, its warehouse connection, the
 * user's granted roles on it (direct and through groups), the user's attribute values and the
 * version of the project's explores — kept per node so a query costs no metadata round trip. Each
 * is a `NotifiedCache`: cleared on the `tessera_query_metadata` notification (projects, project
 * memberships, group access, groups, group memberships, user attributes and their values, saved
 * explores), after every request of this node that may have written metadata (and after explores
 * are saved here, see `exploresSaved`), and never refilled by a read that started before a clear. So a revoked
 * access or a changed attribute is seen by the next query on this node, and on other nodes as
 * soon as the notification arrives. Values are shared between requests and never mutated.
 */
export class QueryMetadataCache {
  private readonly projects: NotifiedCache<ProjectRecord>;
  private readonly connections: NotifiedCache<{ connection: WarehouseConnection | undefined }>;
  private readonly grants: NotifiedCache<Record<string, ProjectRole>>;
  private readonly attributes: NotifiedCache<UserAttributeValues>;
  private readonly exploreVersions: NotifiedCache<string>;

  constructor(now: () => Date) {
    this.projects = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.connections = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.grants = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.attributes = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
    this.exploreVersions = new NotifiedCache(MAX_ENTRIES, TTL_MS, now);
  }

  /** For `keepFresh`: every cache this class holds. */
  get caches(): NotifiedCache<unknown>[] {
    return [this.projects, this.connections, this.grants, this.attributes, this.exploreVersions];
  }

  /** The version of a project's explores (see ExploreCache), read through the cache. */
  exploreVersion(load: (projectUuid: string) => Promise<string | undefined>) {
    return (projectUuid: string): Promise<string | undefined> => this.exploreVersions.read(projectUuid, () => load(projectUuid));
  }

  /**
   * Explores were saved on this node (also by a background compile, which no request's write
   * hook covers): their version is read again by the next query.
   */
  exploresSaved(): void {
    this.exploreVersions.clear();
  }

  /** A project guard reading the project and the user's granted roles through the cache. */
  guard(repository: Pick<ProjectRepository, 'find'>, roles: Pick<ProjectRoleResolver, 'grantedRoles'>): ProjectGuard {
    return new ProjectGuard(
      { find: (projectUuid) => this.projects.read(projectUuid, () => repository.find(projectUuid)) },
      {
        // As ProjectRoleResolver.actorFor, with the granted roles cached.
        actorFor: async (account, projectUuids) => {
          const uuids = [...new Set(projectUuids.filter((u): u is string => u !== null))].sort();
          const key = `${account.user.userUuid} ${uuids.join(' ')}`;
          return { ...actorOf(account), projectRoles: await this.grants.read(key, () => roles.grantedRoles(account.user.userUuid, uuids)) };
        },
      },
    );
  }

  /** The project's warehouse connection (secrets included), read through the cache. */
  warehouseConnection(load: (projectUuid: string) => Promise<WarehouseConnection | undefined>) {
    return async (projectUuid: string): Promise<WarehouseConnection | undefined> =>
      (await this.connections.read(projectUuid, async () => ({ connection: await load(projectUuid) }))).connection;
  }

  /** The user's attribute values in an organization, resolved through the cache. */
  attributeResolver(resolver: AttributeResolver): AttributeResolver {
    return {
      resolveUserAttributes: (userUuid, organizationUuid) =>
        this.attributes.read(`${organizationUuid} ${userUuid.toLowerCase()}`, () => resolver.resolveUserAttributes(userUuid, organizationUuid)),
    };
  }
}
