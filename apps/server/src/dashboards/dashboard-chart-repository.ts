import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { freeSlug, slugify } from '../charts/chart-slug.js';
import type { Database } from '../store/schema.js';
import type { Tx } from './dashboard-repository.js';

type Db = Kysely<Database> | Tx;

/** The chart a tile may show, as the dashboards domain needs to check it. */
export type TileChartRef = { uuid: string; projectUuid: string; spaceUuid: string; dashboardUuid: string | null };

/**
 * The saved charts a dashboard shows or owns (`saved_queries.dashboard_uuid`): checking the charts
 * of new tiles, deleting owned charts no tile shows any more, copying them with a duplicated
 * dashboard. Writes run in the caller's transaction.
 */
export class DashboardChartRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The charts with these uuids, each with its space (a dashboard's chart: the dashboard's space). */
  async tileCharts(chartUuids: readonly string[]): Promise<Map<string, TileChartRef>> {
    if (chartUuids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('saved_queries as sq')
      .leftJoin('dashboards as d', 'd.dashboard_uuid', 'sq.dashboard_uuid')
      .select(['sq.saved_query_uuid', 'sq.project_uuid', 'sq.dashboard_uuid'])
      .select((eb) => eb.fn.coalesce('sq.space_uuid', 'd.space_uuid').as('space_uuid'))
      .where('sq.saved_query_uuid', 'in', [...new Set(chartUuids)])
      .execute();
    return new Map(
      rows.map((r) => [r.saved_query_uuid, { uuid: r.saved_query_uuid, projectUuid: r.project_uuid, spaceUuid: r.space_uuid ?? '', dashboardUuid: r.dashboard_uuid }]),
    );
  }

  /** Deletes the charts saved in this dashboard that none of its tiles shows any more. */
  async deleteOrphanCharts(dashboardUuid: string, db: Db): Promise<void> {
    await db
      .deleteFrom('saved_queries')
      .where('dashboard_uuid', '=', dashboardUuid)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('dashboard_tiles as t')
              .select('t.tile_uuid')
              .where('t.dashboard_uuid', '=', dashboardUuid)
              .whereRef('t.saved_chart_uuid', '=', 'saved_queries.saved_query_uuid'),
          ),
        ),
      )
      .execute();
  }

  /**
   * Copies the charts saved in dashboard `from` into dashboard `to` (each with its latest version
   * as version 1, under a free slug); returns old chart uuid → copy's uuid.
   */
  async copyOwnedCharts(from: string, to: string, by: { userUuid: string; at: Date }, db: Db): Promise<Map<string, string>> {
    const charts = await db
      .selectFrom('saved_queries as sq')
      .innerJoin('saved_query_versions as v', 'v.saved_query_uuid', 'sq.saved_query_uuid')
      .select(['sq.saved_query_uuid', 'sq.project_uuid', 'sq.name', 'sq.description', 'sq.chart_kind', 'sq.chart_type'])
      .select(['v.table_name', 'v.metric_query', 'v.chart_config', 'v.table_config', 'v.pivot_config'])
      .where('sq.dashboard_uuid', '=', from)
      .where('v.version_number', '=', (eb) =>
        eb.selectFrom('saved_query_versions as latest').select((l) => l.fn.max('latest.version_number').as('n')).whereRef('latest.saved_query_uuid', '=', 'sq.saved_query_uuid'),
      )
      .orderBy('sq.created_at')
      .execute();
    const copies = new Map<string, string>();
    for (const chart of charts) {
      const uuid = randomUUID();
      const base = slugify(chart.name);
      const taken = await db
        .selectFrom('saved_queries')
        .select('slug')
        .where('project_uuid', '=', chart.project_uuid)
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)]))
        .execute();
      await db
        .insertInto('saved_queries')
        .values({
          saved_query_uuid: uuid,
          project_uuid: chart.project_uuid,
          space_uuid: null,
          dashboard_uuid: to,
          name: chart.name,
          description: chart.description,
          slug: freeSlug(base, new Set(taken.map((t) => t.slug))),
          chart_kind: chart.chart_kind,
          chart_type: chart.chart_type,
          created_at: by.at,
          created_by_user_uuid: by.userUuid,
          updated_at: by.at,
          updated_by_user_uuid: by.userUuid,
        })
        .execute();
      await db
        .insertInto('saved_query_versions')
        .values({
          saved_query_version_uuid: randomUUID(),
          saved_query_uuid: uuid,
          version_number: 1,
          table_name: chart.table_name,
          metric_query: JSON.stringify(chart.metric_query),
          chart_config: JSON.stringify(chart.chart_config),
          table_config: JSON.stringify(chart.table_config),
          pivot_config: chart.pivot_config === null ? null : JSON.stringify(chart.pivot_config),
          created_at: by.at,
          created_by_user_uuid: by.userUuid,
        })
        .execute();
      copies.set(chart.saved_query_uuid, uuid);
    }
    return copies;
  }
}
