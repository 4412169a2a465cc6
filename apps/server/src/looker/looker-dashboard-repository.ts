import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Looker's dashboard settings, kept in columns of the dashboards table (migration 0030). */
export type LookerSettings = {
  dashboardUuid: string;
  projectUuid: string;
  projectName: string;
  createdAt: Date;
  createdByUserUuid: string | null;
  deletedAt: Date | null;
  hidden: boolean;
  refreshInterval: string | null;
  queryTimezone: string | null;
  appearance: LookerAppearance;
  lookmlLinkId: string | null;
  /** The dashboard's integer id, where Looker's API speaks of integers. */
  number: number;
};

/** Colours and display switches, stored as written. */
export type LookerAppearance = {
  background_color?: string | null;
  title_color?: string | null;
  tile_text_color?: string | null;
  tile_background_color?: string | null;
  text_tile_text_color?: string | null;
  show_title?: boolean;
  show_filters_bar?: boolean;
  crossfilter_enabled?: boolean;
  load_configuration?: string | null;
};

export type SettingsChange = Partial<Pick<LookerSettings, 'hidden' | 'refreshInterval' | 'queryTimezone' | 'lookmlLinkId'>> & {
  appearance?: LookerAppearance;
  deleted?: { at: Date; by: string } | null;
};

/** search_dashboards' filters; strings match case-insensitively with `%` as wildcard. */
export type DashboardSearch = {
  ids?: string[];
  slug?: string;
  title?: string;
  description?: string;
  spaceUuids?: string[];
  userUuid?: string;
  viewCount?: number;
  deleted: boolean;
  sorts: { column: SortColumn; descending: boolean }[];
  limit: number;
  offset: number;
};

export const SORT_COLUMNS = {
  id: 'd.dashboard_uuid',
  title: 'd.name',
  description: 'd.description',
  slug: 'd.slug',
  space_id: 'd.space_uuid',
  folder_id: 'd.space_uuid',
  view_count: 'd.views_count',
  created_at: 'd.created_at',
  updated_at: 'd.updated_at',
  deleted_at: 'd.deleted_at',
  hidden: 'd.hidden',
  user_id: 'd.created_by_user_uuid',
  last_viewed_at: 'd.first_viewed_at',
} as const;
export type SortColumn = keyof typeof SORT_COLUMNS;

/** Looker search patterns: `%` any text, `_` one character, case-insensitive; no pattern: equality. */
const likePattern = (value: string) => value.replace(/\\/g, '\\\\');

/**
 * The Looker face's SQL on the dashboards table: its own columns (settings, soft delete), search
 * and the organization's projects. Dashboards themselves are read and written by the dashboards
 * domain (DashboardRepository through DashboardService).
 */
export class LookerDashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async settings(dashboardUuids: readonly string[]): Promise<Map<string, LookerSettings>> {
    if (dashboardUuids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('dashboards as d')
      .innerJoin('projects as p', 'p.project_uuid', 'd.project_uuid')
      .select([
        'd.dashboard_uuid',
        'd.project_uuid',
        'p.name as project_name',
        'd.created_at',
        'd.created_by_user_uuid',
        'd.deleted_at',
        'd.hidden',
        'd.refresh_interval',
        'd.query_timezone',
        'd.looker_appearance',
        'd.lookml_link_id',
        'd.looker_number',
      ])
      .where('d.dashboard_uuid', 'in', [...new Set(dashboardUuids)])
      .execute();
    return new Map(
      rows.map((r) => [
        r.dashboard_uuid,
        {
          dashboardUuid: r.dashboard_uuid,
          projectUuid: r.project_uuid,
          projectName: r.project_name,
          createdAt: new Date(r.created_at),
          createdByUserUuid: r.created_by_user_uuid,
          deletedAt: r.deleted_at && new Date(r.deleted_at),
          hidden: r.hidden,
          refreshInterval: r.refresh_interval,
          queryTimezone: r.query_timezone,
          appearance: (r.looker_appearance ?? {}) as LookerAppearance,
          lookmlLinkId: r.lookml_link_id,
          number: r.looker_number,
        },
      ]),
    );
  }

  async update(dashboardUuid: string, change: SettingsChange, at: Date): Promise<void> {
    const values = {
      ...(change.hidden !== undefined ? { hidden: change.hidden } : {}),
      ...(change.refreshInterval !== undefined ? { refresh_interval: change.refreshInterval } : {}),
      ...(change.queryTimezone !== undefined ? { query_timezone: change.queryTimezone } : {}),
      ...(change.lookmlLinkId !== undefined ? { lookml_link_id: change.lookmlLinkId } : {}),
      ...(change.appearance !== undefined ? { looker_appearance: JSON.stringify(change.appearance) } : {}),
      ...(change.deleted !== undefined ? { deleted_at: change.deleted?.at ?? null, deleter_user_uuid: change.deleted?.by ?? null } : {}),
    };
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('dashboards').set({ ...values, updated_at: at }).where('dashboard_uuid', '=', dashboardUuid).execute();
  }

  /** The uuids of the matching dashboards in the given spaces, sorted and paged. */
  async search(search: DashboardSearch): Promise<string[]> {
    if (search.spaceUuids !== undefined && search.spaceUuids.length === 0) return [];
    let query = this.db.selectFrom('dashboards as d').select('d.dashboard_uuid');
    if (search.spaceUuids) query = query.where('d.space_uuid', 'in', search.spaceUuids);
    if (search.ids) {
      // Looker ids: a uuid, or the dashboard's integer number.
      const uuids = search.ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
      const numbers = search.ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      query = query.where((eb) =>
        eb.or([...(uuids.length > 0 ? [eb('d.dashboard_uuid', 'in', uuids)] : []), ...(numbers.length > 0 ? [eb('d.looker_number', 'in', numbers)] : []), eb.val(false)]),
      );
    }
    const text = (column: 'd.name' | 'd.description' | 'd.slug', value: string | undefined) => {
      if (value === undefined) return;
      query = query.where(sql<boolean>`lower(${sql.ref(column)}) like lower(${likePattern(value)})`);
    };
    text('d.name', search.title);
    text('d.description', search.description);
    text('d.slug', search.slug);
    if (search.userUuid !== undefined) query = query.where('d.created_by_user_uuid', '=', search.userUuid);
    if (search.viewCount !== undefined) query = query.where('d.views_count', '=', search.viewCount);
    query = query.where('d.deleted_at', search.deleted ? 'is not' : 'is', null);
    for (const sort of search.sorts) {
      const column = SORT_COLUMNS[sort.column];
      // Text sorts ignore case, as people read titles.
      const key = column === 'd.name' || column === 'd.description' || column === 'd.slug' ? sql`lower(${sql.ref(column)})` : sql.ref(column);
      query = query.orderBy(key, sort.descending ? 'desc' : 'asc');
    }
    const rows = await query.orderBy('d.dashboard_uuid').limit(search.limit).offset(search.offset).execute();
    return rows.map((r) => r.dashboard_uuid);
  }

  /** The organization's dashboards imported from this LookML dashboard (soft-deleted ones too). */
  async linkedTo(organizationUuid: string, lookmlId: string): Promise<{ dashboardUuid: string; projectUuid: string; spaceUuid: string }[]> {
    const rows = await this.db
      .selectFrom('dashboards as d')
      .innerJoin('projects as p', 'p.project_uuid', 'd.project_uuid')
      .select(['d.dashboard_uuid', 'd.project_uuid', 'd.space_uuid'])
      .where('p.organization_uuid', '=', organizationUuid)
      .where('d.lookml_link_id', '=', lookmlId)
      .orderBy('d.looker_number')
      .execute();
    return rows.map((r) => ({ dashboardUuid: r.dashboard_uuid, projectUuid: r.project_uuid, spaceUuid: r.space_uuid }));
  }

  /** Whether another dashboard of the project has this slug. */
  async slugTaken(projectUuid: string, slug: string, except?: string): Promise<boolean> {
    let query = this.db.selectFrom('dashboards').select('dashboard_uuid').where('project_uuid', '=', projectUuid).where('slug', '=', slug);
    if (except !== undefined) query = query.where('dashboard_uuid', '!=', except);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async setSlug(dashboardUuid: string, slug: string): Promise<void> {
    await this.db.updateTable('dashboards').set({ slug }).where('dashboard_uuid', '=', dashboardUuid).execute();
  }

  async uuidByNumber(number: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('dashboards').select('dashboard_uuid').where('looker_number', '=', number).executeTakeFirst();
    return row?.dashboard_uuid;
  }

  /** The organization's projects (Looker "models"). */
  async projects(organizationUuid: string): Promise<{ projectUuid: string; name: string }[]> {
    const rows = await this.db.selectFrom('projects').select(['project_uuid', 'name']).where('organization_uuid', '=', organizationUuid).orderBy('name').execute();
    return rows.map((r) => ({ projectUuid: r.project_uuid, name: r.name }));
  }
}
