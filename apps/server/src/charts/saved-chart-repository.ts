import type { MetricQuery } from '@tessera/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { ChartConfig, PivotConfig, TableConfig } from './chart-config.js';
import type { ChartKind } from './chart-kind.js';

type Db = Kysely<Database> | Transaction<Database>;

export type UserRef = { userUuid: string; firstName: string; lastName: string };

/** A saved chart without its content. A chart saved in a dashboard has no space of its own. */
export type ChartRecord = {
  uuid: string;
  projectUuid: string;
  organizationUuid: string;
  name: string;
  description: string | null;
  slug: string;
  spaceUuid: string | null;
  dashboard: { uuid: string; name: string; spaceUuid: string } | null;
  chartKind: ChartKind;
  chartType: string;
  views: number;
  firstViewedAt: Date | null;
  updatedAt: Date;
  updatedByUser: UserRef | null;
  /** The organization's chart colours (null: the default palette). */
  chartColors: string[] | null;
};

/** What a version holds: the query and how it is shown. */
export type ChartContent = {
  tableName: string;
  metricQuery: MetricQuery;
  chartConfig: ChartConfig;
  tableConfig: TableConfig;
  pivotConfig: PivotConfig | null;
};

export type ChartVersionRecord = ChartContent & {
  versionUuid: string;
  chartUuid: string;
  versionNumber: number;
  createdAt: Date;
  createdBy: UserRef | null;
};

export type NewChart = {
  uuid: string;
  projectUuid: string;
  spaceUuid: string | null;
  dashboardUuid: string | null;
  name: string;
  description: string | null;
  slug: string;
  userUuid: string;
  at: Date;
};

const userRef = (uuid: string | null, firstName: string | null, lastName: string | null): UserRef | null =>
  uuid === null ? null : { userUuid: uuid, firstName: firstName ?? '', lastName: lastName ?? '' };

/**
 * Saved charts and their versions. The latest version is the one with the highest number; a new
 * version updates the chart row first, which locks it, so concurrent saves of one chart number
 * their versions one after the other.
 */
export class SavedChartRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(chartUuid: string, db: Db = this.db): Promise<ChartRecord | undefined> {
    const row = await this.charts(db).where('sq.saved_query_uuid', '=', chartUuid).executeTakeFirst();
    return row && toChart(row);
  }

  /** The charts with this slug in the organization's projects (one per project at most). */
  async findBySlug(organizationUuid: string, slug: string, projectUuid?: string): Promise<ChartRecord[]> {
    let query = this.charts(this.db).where('p.organization_uuid', '=', organizationUuid).where('sq.slug', '=', slug);
    if (projectUuid !== undefined) query = query.where('sq.project_uuid', '=', projectUuid);
    return (await query.execute()).map(toChart);
  }

  /** Every chart of a project, by name. */
  async listProject(projectUuid: string): Promise<ChartRecord[]> {
    const rows = await this.charts(this.db)
      .where('sq.project_uuid', '=', projectUuid)
      .orderBy((eb) => eb.fn('lower', ['sq.name']))
      .orderBy('sq.saved_query_uuid')
      .execute();
    return rows.map(toChart);
  }

  async latestVersion(chartUuid: string, db: Db = this.db): Promise<ChartVersionRecord | undefined> {
    const row = await this.versions(db).where('v.saved_query_uuid', '=', chartUuid).orderBy('v.version_number', 'desc').limit(1).executeTakeFirst();
    return row && toVersion(row);
  }

  /** The metric query of each chart's latest version, for every chart of the project. */
  async latestMetricQueries(projectUuid: string): Promise<Map<string, MetricQuery>> {
    const rows = await this.db
      .selectFrom('saved_query_versions as v')
      .innerJoin('saved_queries as sq', 'sq.saved_query_uuid', 'v.saved_query_uuid')
      .select(['v.saved_query_uuid', 'v.metric_query'])
      .where('sq.project_uuid', '=', projectUuid)
      .where('v.version_number', '=', (eb) =>
        eb.selectFrom('saved_query_versions as l').select((s) => s.fn.max('l.version_number').as('n')).whereRef('l.saved_query_uuid', '=', 'v.saved_query_uuid'),
      )
      .execute();
    return new Map(rows.map((r) => [r.saved_query_uuid, r.metric_query as MetricQuery]));
  }

  async version(chartUuid: string, versionUuid: string): Promise<ChartVersionRecord | undefined> {
    const row = await this.versions(this.db)
      .where('v.saved_query_uuid', '=', chartUuid)
      .where('v.saved_query_version_uuid', '=', versionUuid)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  /** The versions created since `since`, and always the latest one; newest first. */
  async history(chartUuid: string, since: Date): Promise<ChartVersionRecord[]> {
    const rows = await this.versions(this.db)
      .where('v.saved_query_uuid', '=', chartUuid)
      .where((eb) =>
        eb.or([
          eb('v.created_at', '>=', since),
          eb('v.version_number', '=', eb.selectFrom('saved_query_versions').select((s) => s.fn.max('version_number').as('n')).where('saved_query_uuid', '=', chartUuid)),
        ]),
      )
      .orderBy('v.version_number', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  /** The project's slugs that are `base` or start with `base-` (candidates for a clash). */
  async slugsLike(projectUuid: string, base: string, db: Db = this.db): Promise<Set<string>> {
    const rows = await db
      .selectFrom('saved_queries')
      .select('slug')
      .where('project_uuid', '=', projectUuid)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)]))
      .execute();
    return new Set(rows.map((r) => r.slug));
  }

  async insert(chart: NewChart, db: Db = this.db): Promise<void> {
    await db
      .insertInto('saved_queries')
      .values({
        saved_query_uuid: chart.uuid,
        project_uuid: chart.projectUuid,
        space_uuid: chart.spaceUuid,
        dashboard_uuid: chart.dashboardUuid,
        name: chart.name,
        description: chart.description,
        slug: chart.slug,
        // Set by the first version, written in the same transaction.
        chart_kind: 'vertical_bar',
        chart_type: 'cartesian',
        created_at: chart.at,
        created_by_user_uuid: chart.userUuid,
        updated_at: chart.at,
        updated_by_user_uuid: chart.userUuid,
      })
      .execute();
  }

  /** Adds the chart's next version and stamps the chart with its kind and the change. */
  async insertVersion(
    chartUuid: string,
    values: { versionUuid: string; content: ChartContent; chartKind: ChartKind; userUuid: string; at: Date },
    db: Db,
  ): Promise<void> {
    const { content } = values;
    await db
      .updateTable('saved_queries')
      .set({ chart_kind: values.chartKind, chart_type: content.chartConfig.type, updated_at: values.at, updated_by_user_uuid: values.userUuid })
      .where('saved_query_uuid', '=', chartUuid)
      .execute();
    const last = await db
      .selectFrom('saved_query_versions')
      .select((eb) => eb.fn.max('version_number').as('n'))
      .where('saved_query_uuid', '=', chartUuid)
      .executeTakeFirst();
    await db
      .insertInto('saved_query_versions')
      .values({
        saved_query_version_uuid: values.versionUuid,
        saved_query_uuid: chartUuid,
        version_number: Number(last?.n ?? 0) + 1,
        table_name: content.tableName,
        metric_query: JSON.stringify(content.metricQuery),
        chart_config: JSON.stringify(content.chartConfig),
        table_config: JSON.stringify(content.tableConfig),
        pivot_config: content.pivotConfig === null ? null : JSON.stringify(content.pivotConfig),
        created_at: values.at,
        created_by_user_uuid: values.userUuid,
      })
      .execute();
  }

  async updateDetails(
    chartUuid: string,
    values: { name?: string | undefined; description?: string | null | undefined; spaceUuid?: string | undefined; userUuid: string; at: Date },
    db: Db = this.db,
  ): Promise<void> {
    await db
      .updateTable('saved_queries')
      .set({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.description !== undefined ? { description: values.description } : {}),
        ...(values.spaceUuid !== undefined ? { space_uuid: values.spaceUuid } : {}),
        updated_at: values.at,
        updated_by_user_uuid: values.userUuid,
      })
      .where('saved_query_uuid', '=', chartUuid)
      .execute();
  }

  async delete(chartUuid: string): Promise<boolean> {
    const result = await this.db.deleteFrom('saved_queries').where('saved_query_uuid', '=', chartUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The project and space of a dashboard, for charts saved in it. */
  async dashboardHome(dashboardUuid: string): Promise<{ dashboardUuid: string; projectUuid: string; spaceUuid: string } | undefined> {
    const row = await this.db
      .selectFrom('dashboards')
      .select(['dashboard_uuid', 'project_uuid', 'space_uuid'])
      .where('dashboard_uuid', '=', dashboardUuid)
      .executeTakeFirst();
    return row && { dashboardUuid: row.dashboard_uuid, projectUuid: row.project_uuid, spaceUuid: row.space_uuid };
  }

  async recordView(chartUuid: string, at: Date): Promise<void> {
    await this.db
      .updateTable('saved_queries')
      .set((eb) => ({ views_count: eb('views_count', '+', 1), first_viewed_at: eb.fn.coalesce('first_viewed_at', eb.val(at)) }))
      .where('saved_query_uuid', '=', chartUuid)
      .execute();
  }

  private charts(db: Db) {
    return db
      .selectFrom('saved_queries as sq')
      .innerJoin('projects as p', 'p.project_uuid', 'sq.project_uuid')
      .innerJoin('organizations as o', 'o.organization_uuid', 'p.organization_uuid')
      .leftJoin('dashboards as d', 'd.dashboard_uuid', 'sq.dashboard_uuid')
      .leftJoin('users as u', 'u.user_uuid', 'sq.updated_by_user_uuid')
      .select([
        'sq.saved_query_uuid',
        'sq.project_uuid',
        'p.organization_uuid',
        'sq.name',
        'sq.description',
        'sq.slug',
        'sq.space_uuid',
        'sq.dashboard_uuid',
        'd.name as dashboard_name',
        'd.space_uuid as dashboard_space_uuid',
        'sq.chart_kind',
        'sq.chart_type',
        'sq.views_count',
        'sq.first_viewed_at',
        'sq.updated_at',
        'sq.updated_by_user_uuid',
        'u.first_name',
        'u.last_name',
        'o.chart_colors',
      ]);
  }

  private versions(db: Db) {
    return db
      .selectFrom('saved_query_versions as v')
      .leftJoin('users as u', 'u.user_uuid', 'v.created_by_user_uuid')
      .select([
        'v.saved_query_version_uuid',
        'v.saved_query_uuid',
        'v.version_number',
        'v.table_name',
        'v.metric_query',
        'v.chart_config',
        'v.table_config',
        'v.pivot_config',
        'v.created_at',
        'v.created_by_user_uuid',
        'u.first_name',
        'u.last_name',
      ]);
  }
}

type ChartRow = Awaited<ReturnType<ReturnType<SavedChartRepository['charts']>['executeTakeFirstOrThrow']>>;
type VersionRow = Awaited<ReturnType<ReturnType<SavedChartRepository['versions']>['executeTakeFirstOrThrow']>>;

const toChart = (row: ChartRow): ChartRecord => ({
  uuid: row.saved_query_uuid,
  projectUuid: row.project_uuid,
  organizationUuid: row.organization_uuid,
  name: row.name,
  description: row.description,
  slug: row.slug,
  spaceUuid: row.space_uuid,
  dashboard:
    row.dashboard_uuid !== null && row.dashboard_name !== null && row.dashboard_space_uuid !== null
      ? { uuid: row.dashboard_uuid, name: row.dashboard_name, spaceUuid: row.dashboard_space_uuid }
      : null,
  chartKind: row.chart_kind as ChartKind,
  chartType: row.chart_type,
  views: row.views_count,
  firstViewedAt: row.first_viewed_at,
  updatedAt: row.updated_at,
  updatedByUser: userRef(row.updated_by_user_uuid, row.first_name, row.last_name),
  chartColors: row.chart_colors,
});

const toVersion = (row: VersionRow): ChartVersionRecord => ({
  versionUuid: row.saved_query_version_uuid,
  chartUuid: row.saved_query_uuid,
  versionNumber: row.version_number,
  tableName: row.table_name,
  metricQuery: row.metric_query as MetricQuery,
  chartConfig: row.chart_config as ChartConfig,
  tableConfig: row.table_config as TableConfig,
  pivotConfig: row.pivot_config as PivotConfig | null,
  createdAt: row.created_at,
  createdBy: userRef(row.created_by_user_uuid, row.first_name, row.last_name),
});
