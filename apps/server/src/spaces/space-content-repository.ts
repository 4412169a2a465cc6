import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

type User = { userUuid: string; firstName: string; lastName: string };
type Pin = { pinnedListUuid: string | null; pinnedListOrder: number | null };

/** A chart saved in a space (charts owned by a dashboard are not listed in spaces). */
export type SpaceChart = Pin & {
  uuid: string;
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

export type SpaceDashboard = Pin & {
  uuid: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  updatedByUser: User | null;
  views: number;
  firstViewedAt: Date | null;
};

const userOf = (uuid: string | null, first: string | null, last: string | null): User | null =>
  uuid === null ? null : { userUuid: uuid, firstName: first ?? '', lastName: last ?? '' };

/**
 * Read-only views of what spaces hold, from the tables the charts (0011), dashboards (0012) and
 * content (0013, pins) domains own: the items of one space, counts per space, pin status.
 */
export class SpaceContentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async charts(spaceUuid: string): Promise<SpaceChart[]> {
    const rows = await this.db
      .selectFrom('saved_queries as c')
      .leftJoin('users as u', 'u.user_uuid', 'c.updated_by_user_uuid')
      .leftJoin('pinned_items as pi', 'pi.saved_query_uuid', 'c.saved_query_uuid')
      .select([
        'c.saved_query_uuid', 'c.name', 'c.description', 'c.slug', 'c.chart_kind', 'c.chart_type', 'c.updated_at', 'c.views_count',
        'c.first_viewed_at', 'u.user_uuid', 'u.first_name', 'u.last_name', 'pi.pinned_list_uuid', 'pi.pinned_order',
      ])
      .where('c.space_uuid', '=', spaceUuid)
      .orderBy(sql`lower(c.name)`)
      .orderBy('c.saved_query_uuid')
      .execute();
    return rows.map((r) => ({
      uuid: r.saved_query_uuid,
      name: r.name,
      description: r.description,
      slug: r.slug,
      chartKind: r.chart_kind,
      chartType: r.chart_type,
      updatedAt: r.updated_at,
      updatedByUser: userOf(r.user_uuid, r.first_name, r.last_name),
      views: r.views_count,
      firstViewedAt: r.first_viewed_at,
      pinnedListUuid: r.pinned_list_uuid,
      pinnedListOrder: r.pinned_order,
    }));
  }

  async dashboards(spaceUuid: string): Promise<SpaceDashboard[]> {
    const rows = await this.db
      .selectFrom('dashboards as d')
      .leftJoin('users as u', 'u.user_uuid', 'd.updated_by_user_uuid')
      .leftJoin('pinned_items as pi', 'pi.dashboard_uuid', 'd.dashboard_uuid')
      .select([
        'd.dashboard_uuid', 'd.name', 'd.description', 'd.updated_at', 'd.views_count', 'd.first_viewed_at',
        'u.user_uuid', 'u.first_name', 'u.last_name', 'pi.pinned_list_uuid', 'pi.pinned_order',
      ])
      .where('d.space_uuid', '=', spaceUuid)
      .orderBy(sql`lower(d.name)`)
      .orderBy('d.dashboard_uuid')
      .execute();
    return rows.map((r) => ({
      uuid: r.dashboard_uuid,
      name: r.name,
      description: r.description,
      updatedAt: r.updated_at,
      updatedByUser: userOf(r.user_uuid, r.first_name, r.last_name),
      views: r.views_count,
      firstViewedAt: r.first_viewed_at,
      pinnedListUuid: r.pinned_list_uuid,
      pinnedListOrder: r.pinned_order,
    }));
  }

  /** Charts (outside dashboards) and dashboards per space, and each space's pin. */
  async summaries(spaceUuids: readonly string[]): Promise<Map<string, Pin & { chartCount: number; dashboardCount: number }>> {
    if (spaceUuids.length === 0) return new Map();
    const uuids = [...spaceUuids];
    const [charts, dashboards, pins] = await Promise.all([
      this.db.selectFrom('saved_queries').select(['space_uuid', sql<number>`count(*)::int`.as('n')]).where('space_uuid', 'in', uuids).groupBy('space_uuid').execute(),
      this.db.selectFrom('dashboards').select(['space_uuid', sql<number>`count(*)::int`.as('n')]).where('space_uuid', 'in', uuids).groupBy('space_uuid').execute(),
      this.db.selectFrom('pinned_items').select(['space_uuid', 'pinned_list_uuid', 'pinned_order']).where('space_uuid', 'in', uuids).execute(),
    ]);
    const count = (rows: { space_uuid: string | null; n: number }[], uuid: string) => Number(rows.find((r) => r.space_uuid === uuid)?.n ?? 0);
    return new Map(
      uuids.map((uuid) => {
        const pin = pins.find((p) => p.space_uuid === uuid);
        return [
          uuid,
          {
            chartCount: count(charts, uuid),
            dashboardCount: count(dashboards, uuid),
            pinnedListUuid: pin?.pinned_list_uuid ?? null,
            pinnedListOrder: pin?.pinned_order ?? null,
          },
        ];
      }),
    );
  }
}
