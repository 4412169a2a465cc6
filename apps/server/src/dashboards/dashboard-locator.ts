import { NotFoundError, ParameterError } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import { NotifiedCache } from '../store/notified-cache.js';
import type { DashboardRecord, DashboardRepository, DashboardTileContext } from './dashboard-repository.js';

/**
 * Dashboard uuid → what a tile needs of it, for `findForTiles`. The caller keeps it fresh
 * (`keepFresh` on `tessera_query_metadata`: a dashboard's space, config or tiles changed, migration
 * 0021; and after every write request of this node); it caches nothing until subscribed.
 */
export const createTileContextCache = (now: () => Date): NotifiedCache<DashboardTileContext> => new NotifiedCache(10_000, 5 * 60_000, now);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds a dashboard by uuid or slug (no permission check: callers authorize its space). A slug is
 * looked up in the account's organization only — optionally in one project — and must name one
 * dashboard: slugs are unique per project, so the same slug in two projects (a preview and its
 * upstream) needs `projectUuid` or the uuid.
 */
export class DashboardLocator {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly tileContexts: NotifiedCache<DashboardTileContext> = createTileContextCache(() => new Date()),
  ) {}

  async find(account: MemberAccount, uuidOrSlug: string, projectUuid?: string): Promise<DashboardRecord> {
    const dashboard = await this.repository.find(await this.uuidOf(account, uuidOrSlug, projectUuid));
    if (!dashboard) throw new NotFoundError(`Dashboard ${uuidOrSlug} not found`);
    return dashboard;
  }

  /** The dashboard as PostDashboardTile needs it (a lighter read than `find`, cached per node). */
  async findForTiles(account: MemberAccount, uuidOrSlug: string, projectUuid?: string): Promise<DashboardTileContext> {
    const uuid = await this.uuidOf(account, uuidOrSlug, projectUuid);
    const dashboard = await this.tileContexts.read(uuid, () => this.repository.findForTiles(uuid));
    if (!dashboard) throw new NotFoundError(`Dashboard ${uuidOrSlug} not found`);
    return dashboard;
  }

  private async uuidOf(account: MemberAccount, uuidOrSlug: string, projectUuid: string | undefined): Promise<string> {
    return UUID.test(uuidOrSlug) ? uuidOrSlug.toLowerCase() : this.bySlug(account, uuidOrSlug, projectUuid);
  }

  private async bySlug(account: MemberAccount, slug: string, projectUuid: string | undefined): Promise<string> {
    const uuids = await this.repository.uuidsBySlug(account.organization.organizationUuid, slug, projectUuid?.toLowerCase());
    if (uuids.length === 0) throw new NotFoundError(`Dashboard ${slug} not found`);
    if (uuids.length > 1) {
      throw new ParameterError(`Several projects have a dashboard with slug "${slug}": add ?projectUuid=… or use the dashboard's uuid`);
    }
    return uuids[0]!;
  }
}
