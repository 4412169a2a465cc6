import { NotFoundError } from '@tessera/core';
import type { CompiledExplore, ExploreRepository } from '../explores/explore-repository.js';

type Snapshot = { version: string; explores: Map<string, CompiledExplore> };

/**
 * A project's compiled explores, kept parsed between queries. Loading them all is by far the most
 * expensive step of a query (hundreds of KB of JSON); checking their version is one small row,
 * itself cached per node (`QueryMetadataCache.exploreVersion`: cleared when explores are saved on
 * this node and on the store's notification of a save on any node). The version is read before the
 * explores, so a snapshot is never kept under a newer version than its own: a compile on any node
 * is seen by the next query (on another node, once its notification arrived). The explores are
 * shared between requests and must not be mutated (the compiler is pure). No permission check
 * here: the caller authorizes the project first.
 */
export class ExploreCache {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly repository: Pick<ExploreRepository, 'list' | 'version'>,
    /** The version of the project's explores (see ExploreRepository.version): cached by the query module. */
    private readonly versionOf: (projectUuid: string) => Promise<string | undefined> = (projectUuid) => repository.version(projectUuid),
    private readonly maxProjects = 100,
  ) {}

  async get(projectUuid: string, exploreId: string): Promise<CompiledExplore> {
    const explore = (await this.snapshot(projectUuid))?.explores.get(exploreId);
    if (!explore) throw new NotFoundError(`Explore "${exploreId}" not found in this project`);
    return explore;
  }

  private async snapshot(projectUuid: string): Promise<Snapshot | undefined> {
    const version = await this.versionOf(projectUuid);
    if (version === undefined) return undefined;
    const cached = this.snapshots.get(projectUuid);
    this.snapshots.delete(projectUuid);
    if (cached && cached.version === version) {
      this.snapshots.set(projectUuid, cached);
      return cached;
    }
    const explores = (await this.repository.list(projectUuid)) ?? [];
    const snapshot = { version, explores: new Map(explores.map((e) => [e.name, e])) };
    this.snapshots.set(projectUuid, snapshot);
    // Least recently used first (Map order): drop the oldest past the bound.
    for (const [oldest] of this.snapshots) {
      if (this.snapshots.size <= this.maxProjects) break;
      this.snapshots.delete(oldest);
    }
    return snapshot;
  }
}
