import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

type User = { userUuid: string; firstName: string; lastName: string };

/** A chart as listings show it; `spaceUuid` is its dashboard's space when a dashboard owns it. */
export type ChartSummary = {
  uuid: string;
  projectUuid: string;
  organizationUuid: string;
  spaceUuid: string;
  spaceName: string;
  dashboardUuid: string | null;
  dashboardName: string | null;
  name: string;
  description: string | null;
  slug: string;
  chartKind: string;
  chartType: string;
  updatedAt: Date;
  updatedByUser: User | null;
  views: number;
  firstViewedAt: Date | null;
};

export type DashboardSummary = {
  uuid: string;
  projectUuid: string;
  organizationUuid: string;
  spaceUuid: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  updatedByUser: User | null;
  views: number;
  firstViewedAt: Date | null;
};

/** How many charts (outside dashboards) and dashboards a space holds, and who it is shared with directly. */
export type SpaceCounts = { chartCount: number; dashboardCount: number; access: string[] };

/** Which charts or dashboards to read: by uuid, or the top of a project's visible spaces. */
export type SummaryQuery =
  | { uuids: readonly string[] }
  | { projectUuid: string; spaceUuids: readonly string[]; orderBy: 'views' | 'updatedAt'; limit: number };

const user = (uuid: string | null, first: string | null, last: string | null): User | null =>
  uuid === null ? null : { userUuid: uuid, firstName: first ?? '', lastName: last ?? '' };

/**
 * Read-only summaries of charts, dashboards and spaces for pinned lists and listings, from the
 * tables the charts, dashboards and spaces domains own. Top-N queries leave out charts owned by a
 * dashboard (they are not listed on their own).
 */
export class ContentSummaryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async charts(query: SummaryQuery): Promise<ChartSummary[]> {
    if ('uuids' in query ? query.uuids.length === 0 : query.spaceUuids.length === 0) return [];
    const rows = await this.db
      .selectFrom('saved_queries as c')
      .leftJoin('dashboards as d', 'd.dashboard_uuid', 'c.dashboard_uuid')
      .innerJoin('spaces as s', (j) => j.on((eb) => eb('s.space_uuid', '=', eb.fn.coalesce('c.space_uuid', 'd.space_uuid'))))
      .innerJoin('projects as p', 'p.project_uuid', 'c.project_uuid')
      .leftJoin('users as u', 'u.user_uuid', 'c.updated_by_user_uuid')
      .select([
        'c.saved_query_uuid', 'c.project_uuid', 'p.organization_uuid', 's.space_uuid', 's.name as space_name', 'd.dashboard_uuid',
        'd.name as dashboard_name', 'c.name', 'c.description', 'c.slug', 'c.chart_kind', 'c.chart_type', 'c.updated_at',
        'u.user_uuid', 'u.first_name', 'u.last_name', 'c.views_count', 'c.first_viewed_at',
      ])
      .$call((q) =>
        'uuids' in query
          ? q.where('c.saved_query_uuid', 'in', [...query.uuids])
          : q
              .where('c.project_uuid', '=', query.projectUuid)
              .where('c.space_uuid', 'in', [...query.spaceUuids])
              .orderBy(query.orderBy === 'views' ? 'c.views_count' : 'c.updated_at', 'desc')
              .orderBy('c.updated_at', 'desc')
              .orderBy('c.saved_query_uuid')
              .limit(query.limit),
      )
      .execute();
    return rows.map((r) => ({
      uuid: r.saved_query_uuid,
      projectUuid: r.project_uuid,
      organizationUuid: r.organization_uuid,
      spaceUuid: r.space_uuid,
      spaceName: r.space_name,
      dashboardUuid: r.dashboard_uuid,
      dashboardName: r.dashboard_name,
      name: r.name,
      description: r.description,
      slug: r.slug,
      chartKind: r.chart_kind,
      chartType: r.chart_type,
      updatedAt: r.updated_at,
      updatedByUser: user(r.user_uuid, r.first_name, r.last_name),
      views: r.views_count,
      firstViewedAt: r.first_viewed_at,
    }));
  }

  async dashboards(query: SummaryQuery): Promise<DashboardSummary[]> {
    if ('uuids' in query ? query.uuids.length === 0 : query.spaceUuids.length === 0) return [];
    const rows = await this.db
      .selectFrom('dashboards as d')
      .innerJoin('projects as p', 'p.project_uuid', 'd.project_uuid')
      .leftJoin('users as u', 'u.user_uuid', 'd.updated_by_user_uuid')
      .select([
        'd.dashboard_uuid', 'd.project_uuid', 'p.organization_uuid', 'd.space_uuid', 'd.name', 'd.description', 'd.updated_at',
        'u.user_uuid', 'u.first_name', 'u.last_name', 'd.views_count', 'd.first_viewed_at',
      ])
      .$call((q) =>
        'uuids' in query
          ? q.where('d.dashboard_uuid', 'in', [...query.uuids])
          : q
              .where('d.project_uuid', '=', query.projectUuid)
              .where('d.space_uuid', 'in', [...query.spaceUuids])
              .orderBy(query.orderBy === 'views' ? 'd.views_count' : 'd.updated_at', 'desc')
              .orderBy('d.updated_at', 'desc')
              .orderBy('d.dashboard_uuid')
              .limit(query.limit),
      )
      .execute();
    return rows.map((r) => ({
      uuid: r.dashboard_uuid,
      projectUuid: r.project_uuid,
      organizationUuid: r.organization_uuid,
      spaceUuid: r.space_uuid,
      name: r.name,
      description: r.description,
      updatedAt: r.updated_at,
      updatedByUser: user(r.user_uuid, r.first_name, r.last_name),
      views: r.views_count,
      firstViewedAt: r.first_viewed_at,
    }));
  }

  /**
   * Per space: its charts (not those inside dashboards) and dashboards, and the users it is shared
   * with directly — on its root, whose grants a nested space inherits.
   */
  async spaceCounts(spaces: readonly { spaceUuid: string; rootSpaceUuid: string }[]): Promise<Map<string, SpaceCounts>> {
    if (spaces.length === 0) return new Map();
    const uuids = spaces.map((s) => s.spaceUuid);
    const roots = [...new Set(spaces.map((s) => s.rootSpaceUuid))];
    const [charts, dashboards, grants] = await Promise.all([
      this.db
        .selectFrom('saved_queries')
        .select(['space_uuid', sql<number>`count(*)::int`.as('n')])
        .where('space_uuid', 'in', uuids)
        .groupBy('space_uuid')
        .execute(),
      this.db
        .selectFrom('dashboards')
        .select(['space_uuid', sql<number>`count(*)::int`.as('n')])
        .where('space_uuid', 'in', uuids)
        .groupBy('space_uuid')
        .execute(),
      this.db
        .selectFrom('space_user_access')
        .select(['space_uuid', 'user_uuid'])
        .where('space_uuid', 'in', roots)
        .orderBy('created_at')
        .orderBy('user_uuid')
        .execute(),
    ]);
    const count = (rows: { space_uuid: string | null; n: number }[], uuid: string) => rows.find((r) => r.space_uuid === uuid)?.n ?? 0;
    return new Map(
      spaces.map((s) => [
        s.spaceUuid,
        {
          chartCount: count(charts, s.spaceUuid),
          dashboardCount: count(dashboards, s.spaceUuid),
          access: grants.filter((g) => g.space_uuid === s.rootSpaceUuid).map((g) => g.user_uuid),
        },
      ]),
    );
  }
}
