import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess, VisibleSpace } from './space-access.js';
import type { SpaceChart, SpaceContentRepository, SpaceDashboard } from './space-content-repository.js';
import type { SpaceGrantRepository } from './space-grant-repository.js';
import type { SpaceRow } from './space-repository.js';
import type { SpaceDto, SpaceSummaryDto } from './space-schemas.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
/** Optional spec fields are left out rather than sent as null. */
const optional = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));

const queryOf = (space: SpaceRow, c: SpaceChart): SpaceDto['queries'][number] => ({
  uuid: c.uuid,
  name: c.name,
  ...optional('description', c.description),
  spaceUuid: space.spaceUuid,
  spaceName: space.name,
  projectUuid: space.projectUuid,
  organizationUuid: space.organizationUuid,
  dashboardUuid: null,
  dashboardName: null,
  slug: c.slug,
  chartKind: c.chartKind,
  chartType: c.chartType,
  source: 'dbt_explore',
  updatedAt: c.updatedAt.toISOString(),
  ...optional('updatedByUser', c.updatedByUser),
  pinnedListUuid: c.pinnedListUuid,
  pinnedListOrder: c.pinnedListOrder,
  views: c.views,
  firstViewedAt: iso(c.firstViewedAt),
});

const dashboardOf = (space: SpaceRow, d: SpaceDashboard): SpaceDto['dashboards'][number] => ({
  uuid: d.uuid,
  name: d.name,
  ...optional('description', d.description),
  spaceUuid: space.spaceUuid,
  projectUuid: space.projectUuid,
  organizationUuid: space.organizationUuid,
  updatedAt: d.updatedAt.toISOString(),
  ...optional('updatedByUser', d.updatedByUser),
  pinnedListUuid: d.pinnedListUuid,
  pinnedListOrder: d.pinnedListOrder,
  views: d.views,
  firstViewedAt: iso(d.firstViewedAt),
});

/** Builds the spec's `SpaceSummary` and `Space` responses for the spaces an account may view. */
export class SpaceViews {
  constructor(
    private readonly access: SpaceAccess,
    private readonly content: SpaceContentRepository,
    private readonly grants: SpaceGrantRepository,
  ) {}

  async summaries(account: MemberAccount, visible: readonly VisibleSpace[]): Promise<SpaceSummaryDto[]> {
    const [counts, direct] = await Promise.all([
      this.content.summaries(visible.map((v) => v.space.spaceUuid)),
      this.grants.userUuidsOf(visible.map((v) => v.space.rootSpaceUuid)),
    ]);
    const { user } = account;
    return visible.map(({ space, role, source }) => {
      const c = counts.get(space.spaceUuid);
      return {
        uuid: space.spaceUuid,
        organizationUuid: space.organizationUuid,
        projectUuid: space.projectUuid,
        name: space.name,
        slug: space.slug,
        isPrivate: space.isPrivate,
        pinnedListUuid: c?.pinnedListUuid ?? null,
        pinnedListOrder: c?.pinnedListOrder ?? null,
        chartCount: c?.chartCount ?? 0,
        dashboardCount: c?.dashboardCount ?? 0,
        access: direct.get(space.rootSpaceUuid) ?? [],
        userAccess: { userUuid: user.userUuid, firstName: user.firstName, lastName: user.lastName, email: user.email, role, hasDirectAccess: source === 'user' },
        parentSpaceUuid: space.parentSpaceUuid,
      };
    });
  }

  /** The full `Space`: its charts (not those inside dashboards), dashboards, who can see it, its child spaces. */
  async details(account: MemberAccount, space: SpaceRow): Promise<SpaceDto> {
    const [charts, dashboards, shares, groups, visible, counts] = await Promise.all([
      this.content.charts(space.spaceUuid),
      this.content.dashboards(space.spaceUuid),
      this.access.shares(space),
      this.grants.groupsOf(space.rootSpaceUuid),
      this.access.visibleSpaces(account, space.projectUuid),
      this.content.summaries([space.spaceUuid]),
    ]);
    const pin = counts.get(space.spaceUuid);
    return {
      uuid: space.spaceUuid,
      organizationUuid: space.organizationUuid,
      projectUuid: space.projectUuid,
      name: space.name,
      slug: space.slug,
      isPrivate: space.isPrivate,
      pinnedListUuid: pin?.pinnedListUuid ?? null,
      pinnedListOrder: pin?.pinnedListOrder ?? null,
      queries: charts.map((c) => queryOf(space, c)),
      dashboards: dashboards.map((d) => dashboardOf(space, d)),
      access: shares,
      groupsAccess: groups.map((g) => ({ groupUuid: g.groupUuid, groupName: g.groupName, spaceRole: g.role })),
      parentSpaceUuid: space.parentSpaceUuid,
      childSpaces: await this.summaries(account, visible.filter((v) => v.space.parentSpaceUuid === space.spaceUuid)),
    };
  }
}
