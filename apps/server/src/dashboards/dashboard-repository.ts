import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../store/schema.js';
import type { DashboardFilters } from './dashboard-filters.js';

/** A transaction of the metadata store, handed back to the repository by services. */
export type Tx = Transaction<Database>;
type Db = Kysely<Database> | Tx;

export type TileType = 'saved_chart' | 'markdown' | 'loom';
export type UserRef = { userUuid: string; firstName: string; lastName: string };
export type DashboardTab = { uuid: string; name: string; order: number };
export type DashboardConfig = { isDateZoomDisabled: boolean };
export type DashboardParameters = Record<string, { parameterName: string; value: unknown }>;

/** A tile as stored; a saved-chart tile carries what the dashboard shows of its chart. */
export type TileRecord = {
  uuid: string;
  type: TileType;
  x: number;
  y: number;
  w: number;
  h: number;
  tabUuid: string | null;
  /** The tile's own properties: title, hideTitle (charts, loom), content (markdown), url (loom). */
  properties: Record<string, unknown>;
  savedChartUuid: string | null;
  chart: { name: string; slug: string; kind: string; dashboardUuid: string | null } | null;
};

export type DashboardRecord = {
  dashboardUuid: string;
  projectUuid: string;
  spaceUuid: string;
  name: string;
  description: string | null;
  slug: string;
  version: number;
  filters: DashboardFilters;
  tabs: DashboardTab[];
  config: DashboardConfig | null;
  parameters: DashboardParameters | null;
  views: number;
  firstViewedAt: Date | null;
  updatedAt: Date;
  updatedByUser: UserRef | null;
  /** Where the project's pinned list has it, if it is pinned. */
  pin: { pinnedListUuid: string; pinnedListOrder: number } | null;
  tiles: TileRecord[];
};

export type DashboardSummary = Omit<DashboardRecord, 'filters' | 'tabs' | 'config' | 'parameters' | 'tiles' | 'version'> & { tileTypes: TileType[] };

export type DashboardTileContext = Pick<DashboardRecord, 'dashboardUuid' | 'projectUuid' | 'spaceUuid' | 'config'> & {
  /** The saved-chart tiles, in layout order. */
  tiles: { uuid: string; savedChartUuid: string }[];
};

/** A tile to write: its place, its own properties and (saved-chart tiles) its chart. */
export type NewTile = Omit<TileRecord, 'chart'>;

export type DashboardValues = {
  name: string;
  description: string | null;
  spaceUuid: string;
  filters: DashboardFilters;
  tabs: DashboardTab[];
  config: DashboardConfig | null;
  parameters: DashboardParameters | null;
};

const userRef = (uuid: string | null, firstName: string | null, lastName: string | null): UserRef | null =>
  uuid === null ? null : { userUuid: uuid, firstName: firstName ?? '', lastName: lastName ?? '' };

const pinOf = (listUuid: string | null, order: number | null): DashboardRecord['pin'] =>
  listUuid === null ? null : { pinnedListUuid: listUuid, pinnedListOrder: Number(order) };

type RawTile = {
  tile_uuid: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  tab_uuid: string | null;
  saved_chart_uuid: string | null;
  properties: Record<string, unknown>;
  chart_name: string | null;
  chart_slug: string | null;
  chart_kind: string | null;
  chart_dashboard_uuid: string | null;
};

const toTile = (t: RawTile): TileRecord => ({
  uuid: t.tile_uuid,
  type: t.type as TileType,
  x: t.x,
  y: t.y,
  w: t.w,
  h: t.h,
  tabUuid: t.tab_uuid,
  properties: t.properties,
  savedChartUuid: t.saved_chart_uuid,
  chart:
    t.chart_name === null
      ? null
      : { name: t.chart_name, slug: t.chart_slug ?? '', kind: t.chart_kind ?? '', dashboardUuid: t.chart_dashboard_uuid },
});

/**
 * Dashboards and their tiles. A dashboard is read with one query (its tiles and their charts
 * aggregated into it), whatever its number of tiles. Only the caller's transaction spans several
 * writes (a dashboard and its tiles are written together).
 */
export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(dashboardUuid: string, db: Db = this.db): Promise<DashboardRecord | undefined> {
    const row = await db
      .selectFrom('dashboards as d')
      .leftJoin('users as u', 'u.user_uuid', 'd.updated_by_user_uuid')
      .leftJoin('pinned_items as pi', 'pi.dashboard_uuid', 'd.dashboard_uuid')
      .select([
        'd.dashboard_uuid',
        'd.project_uuid',
        'd.space_uuid',
        'd.name',
        'd.description',
        'd.slug',
        'd.version',
        'd.filters',
        'd.tabs',
        'd.config',
        'd.parameters',
        'd.views_count',
        'd.first_viewed_at',
        'd.updated_at',
        'd.updated_by_user_uuid',
        'u.first_name',
        'u.last_name',
        'pi.pinned_list_uuid',
        'pi.pinned_order',
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('dashboard_tiles as t')
            .leftJoin('saved_queries as sq', 'sq.saved_query_uuid', 't.saved_chart_uuid')
            .select([
              't.tile_uuid',
              't.type',
              't.x',
              't.y',
              't.w',
              't.h',
              't.tab_uuid',
              't.saved_chart_uuid',
              't.properties',
              'sq.name as chart_name',
              'sq.slug as chart_slug',
              'sq.chart_kind',
              'sq.dashboard_uuid as chart_dashboard_uuid',
            ])
            .whereRef('t.dashboard_uuid', '=', 'd.dashboard_uuid')
            .orderBy('t.position'),
        ).as('tiles'),
      )
      .where('d.dashboard_uuid', '=', dashboardUuid)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      dashboardUuid: row.dashboard_uuid,
      projectUuid: row.project_uuid,
      spaceUuid: row.space_uuid,
      name: row.name,
      description: row.description,
      slug: row.slug,
      version: row.version,
      filters: row.filters as DashboardFilters,
      tabs: row.tabs as DashboardTab[],
      config: row.config as DashboardConfig | null,
      parameters: row.parameters as DashboardParameters | null,
      views: row.views_count,
      firstViewedAt: row.first_viewed_at && new Date(row.first_viewed_at),
      updatedAt: new Date(row.updated_at),
      updatedByUser: userRef(row.updated_by_user_uuid, row.first_name, row.last_name),
      pin: pinOf(row.pinned_list_uuid, row.pinned_order),
      tiles: (row.tiles as RawTile[]).map(toTile),
    };
  }

  /** What running a tile needs of its dashboard: where it is, its config, which tile shows which chart. */
  async findForTiles(dashboardUuid: string): Promise<DashboardTileContext | undefined> {
    const row = await this.db
      .selectFrom('dashboards as d')
      .select(['d.dashboard_uuid', 'd.project_uuid', 'd.space_uuid', 'd.config'])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('dashboard_tiles as t')
            .select(['t.tile_uuid as uuid', 't.saved_chart_uuid as savedChartUuid'])
            .whereRef('t.dashboard_uuid', '=', 'd.dashboard_uuid')
            .where('t.saved_chart_uuid', 'is not', null)
            .orderBy('t.position'),
        ).as('tiles'),
      )
      .where('d.dashboard_uuid', '=', dashboardUuid)
      .executeTakeFirst();
    return (
      row && {
        dashboardUuid: row.dashboard_uuid,
        projectUuid: row.project_uuid,
        spaceUuid: row.space_uuid,
        config: row.config as DashboardConfig | null,
        tiles: row.tiles as { uuid: string; savedChartUuid: string }[],
      }
    );
  }

  /** The uuids of the dashboards with this slug in the organization (or in one of its projects). */
  async uuidsBySlug(organizationUuid: string, slug: string, projectUuid?: string): Promise<string[]> {
    let query = this.db
      .selectFrom('dashboards as d')
      .innerJoin('projects as p', 'p.project_uuid', 'd.project_uuid')
      .select('d.dashboard_uuid')
      .where('p.organization_uuid', '=', organizationUuid)
      .where('d.slug', '=', slug);
    if (projectUuid !== undefined) query = query.where('d.project_uuid', '=', projectUuid);
    return (await query.orderBy('d.created_at').execute()).map((r) => r.dashboard_uuid);
  }

  /** The project's dashboards in the given spaces, by name, with the types of their tiles. */
  async listProject(projectUuid: string, spaceUuids: readonly string[]): Promise<DashboardSummary[]> {
    if (spaceUuids.length === 0) return [];
    const rows = await this.db
      .selectFrom('dashboards as d')
      .leftJoin('users as u', 'u.user_uuid', 'd.updated_by_user_uuid')
      .leftJoin('pinned_items as pi', 'pi.dashboard_uuid', 'd.dashboard_uuid')
      .select([
        'd.dashboard_uuid',
        'd.project_uuid',
        'd.space_uuid',
        'd.name',
        'd.description',
        'd.slug',
        'd.views_count',
        'd.first_viewed_at',
        'd.updated_at',
        'd.updated_by_user_uuid',
        'u.first_name',
        'u.last_name',
        'pi.pinned_list_uuid',
        'pi.pinned_order',
      ])
      .select(sql<TileType[]>`array(select distinct t.type from dashboard_tiles t where t.dashboard_uuid = d.dashboard_uuid order by t.type)`.as('tile_types'))
      .where('d.project_uuid', '=', projectUuid)
      .where('d.space_uuid', 'in', spaceUuids)
      // Soft-deleted through the Looker face (its trash): not listed, still readable by uuid.
      .where('d.deleted_at', 'is', null)
      .orderBy((eb) => eb.fn('lower', ['d.name']))
      .orderBy('d.dashboard_uuid')
      .execute();
    return rows.map((r) => ({
      dashboardUuid: r.dashboard_uuid,
      projectUuid: r.project_uuid,
      spaceUuid: r.space_uuid,
      name: r.name,
      description: r.description,
      slug: r.slug,
      views: r.views_count,
      firstViewedAt: r.first_viewed_at && new Date(r.first_viewed_at),
      updatedAt: new Date(r.updated_at),
      updatedByUser: userRef(r.updated_by_user_uuid, r.first_name, r.last_name),
      pin: pinOf(r.pinned_list_uuid, r.pinned_order),
      tileTypes: r.tile_types,
    }));
  }

  /** The project's slugs that are `base` or start with `base-` (candidates for a clash). */
  async slugsLike(projectUuid: string, base: string, db: Db = this.db): Promise<Set<string>> {
    const rows = await db
      .selectFrom('dashboards')
      .select('slug')
      .where('project_uuid', '=', projectUuid)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)]))
      .execute();
    return new Set(rows.map((r) => r.slug));
  }

  async insert(
    dashboard: DashboardValues & { dashboardUuid: string; projectUuid: string; slug: string; userUuid: string; at: Date },
    db: Db,
  ): Promise<void> {
    await db
      .insertInto('dashboards')
      .values({
        dashboard_uuid: dashboard.dashboardUuid,
        project_uuid: dashboard.projectUuid,
        space_uuid: dashboard.spaceUuid,
        name: dashboard.name,
        description: dashboard.description,
        slug: dashboard.slug,
        filters: JSON.stringify(dashboard.filters),
        tabs: JSON.stringify(dashboard.tabs),
        config: dashboard.config && JSON.stringify(dashboard.config),
        parameters: dashboard.parameters && JSON.stringify(dashboard.parameters),
        created_at: dashboard.at,
        created_by_user_uuid: dashboard.userUuid,
        updated_at: dashboard.at,
        updated_by_user_uuid: dashboard.userUuid,
      })
      .execute();
  }

  /**
   * Writes the given values; `versioned` (tiles, filters, tabs, config or parameters changed) also
   * moves the version on. False when the dashboard does not exist (any more).
   */
  async update(
    dashboardUuid: string,
    values: Partial<DashboardValues>,
    change: { versioned: boolean; userUuid: string; at: Date },
    db: Db,
  ): Promise<boolean> {
    const result = await db
      .updateTable('dashboards')
      .set((eb) => ({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.description !== undefined ? { description: values.description } : {}),
        ...(values.spaceUuid !== undefined ? { space_uuid: values.spaceUuid } : {}),
        ...(values.filters !== undefined ? { filters: JSON.stringify(values.filters) } : {}),
        ...(values.tabs !== undefined ? { tabs: JSON.stringify(values.tabs) } : {}),
        ...(values.config !== undefined ? { config: values.config && JSON.stringify(values.config) } : {}),
        ...(values.parameters !== undefined ? { parameters: values.parameters && JSON.stringify(values.parameters) } : {}),
        ...(change.versioned ? { version: eb('version', '+', 1) } : {}),
        updated_at: change.at,
        updated_by_user_uuid: change.userUuid,
      }))
      .where('dashboard_uuid', '=', dashboardUuid)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Replaces the dashboard's tiles (in the given order). */
  async replaceTiles(dashboardUuid: string, tiles: readonly NewTile[], db: Db): Promise<void> {
    await db.deleteFrom('dashboard_tiles').where('dashboard_uuid', '=', dashboardUuid).execute();
    if (tiles.length === 0) return;
    await db
      .insertInto('dashboard_tiles')
      .values(
        tiles.map((t, position) => ({
          dashboard_uuid: dashboardUuid,
          tile_uuid: t.uuid,
          position,
          type: t.type,
          x: t.x,
          y: t.y,
          w: t.w,
          h: t.h,
          tab_uuid: t.tabUuid,
          saved_chart_uuid: t.savedChartUuid,
          properties: JSON.stringify(t.properties),
        })),
      )
      .execute();
  }

  /** Deletes the dashboard; its tiles and the charts saved in it cascade. */
  async delete(dashboardUuid: string): Promise<boolean> {
    const result = await this.db.deleteFrom('dashboards').where('dashboard_uuid', '=', dashboardUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Counts a view: one more, and the first view's time when there was none. */
  async recordView(dashboardUuid: string, at: Date): Promise<{ views: number; firstViewedAt: Date | null }> {
    const row = await this.db
      .updateTable('dashboards')
      .set((eb) => ({ views_count: eb('views_count', '+', 1), first_viewed_at: eb.fn.coalesce('first_viewed_at', eb.val(at)) }))
      .where('dashboard_uuid', '=', dashboardUuid)
      .returning(['views_count', 'first_viewed_at'])
      .executeTakeFirst();
    return { views: row?.views_count ?? 0, firstViewedAt: row?.first_viewed_at ? new Date(row.first_viewed_at) : null };
  }
}
