import type { ChartContent } from '../charts/saved-chart-repository.js';
import type { DashboardRecord, TileRecord } from '../dashboards/dashboard-repository.js';
import type { SpaceRow } from '../spaces/space-access.js';
import { toLookerDashboardFilter, type LookerDashboardRule } from './looker-dashboard-filters.js';
import type { LookerSettings } from './looker-dashboard-repository.js';
import type { ExploreFields } from './looker-explore-fields.js';
import { toLookerPlace } from './looker-layout.js';
import { toLookerQuery } from './looker-query-mapper.js';
import { lookerTypeOf } from './looker-vis.js';

/** What a chart tile shows, for its element: the chart's latest content and its explore's fields. */
export type TileChart = { content: ChartContent; fields: ExploreFields | undefined };

/** Which parts to build (a `fields=` selection may leave the costly ones out). */
export type DashboardParts = { elements: boolean; filters: boolean; layouts: boolean };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800 };
/** `refresh_interval` ("5 minutes", "1 hour") in seconds, as Looker's `refresh_interval_to_i`. */
export const refreshSeconds = (interval: string | null): number | null => {
  const match = interval && /^\s*(\d+)\s*(second|minute|hour|day|week)s?\s*$/i.exec(interval);
  return match ? Number(match[1]) * SECONDS[match[2]!.toLowerCase()]! : null;
};

/**
 * A folder as Looker's `SpaceBase`/`FolderBase`. Looker requires a parent: a top-level space's
 * parent is its project (Looker's "Shared" root has no other counterpart here).
 */
export const toLookerSpace = (space: SpaceRow) => ({
  can: {},
  id: space.spaceUuid,
  name: space.name,
  parent_id: space.parentSpaceUuid ?? space.projectUuid,
  content_metadata_id: null,
  created_at: iso(space.createdAt),
  creator_id: null,
  child_count: null,
  external_id: null,
  is_embed: false,
  is_embed_shared_root: false,
  is_embed_users_root: false,
  is_personal: false,
  is_personal_descendant: false,
  is_shared_root: false,
  is_users_root: false,
});

const elementOf = (tile: TileRecord, dashboardId: string, chart: TileChart | undefined, model: string) => {
  const title = typeof tile.properties.title === 'string' ? tile.properties.title : null;
  const isText = tile.type === 'markdown';
  const base = {
    can: {},
    body_text: isText ? String(tile.properties.content ?? '') : null,
    body_text_as_html: null,
    dashboard_id: dashboardId,
    edit_uri: null,
    id: tile.uuid,
    look: null,
    look_id: null,
    lookml_link_id: null,
    merge_result_id: null,
    note_display: null,
    note_state: null,
    note_text: null,
    note_text_as_html: null,
    query: null as ReturnType<typeof toLookerQuery> | null,
    query_id: null,
    refresh_interval: null,
    refresh_interval_to_i: null,
    result_maker: null,
    result_maker_id: null,
    subtitle_text: null,
    title: isText ? null : (title ?? tile.chart?.name ?? null),
    title_hidden: tile.properties.hideTitle === true,
    title_text: isText ? title : null,
    type: isText ? 'text' : tile.type === 'loom' ? 'text' : 'vis',
    alert_count: 0,
  };
  if (tile.type === 'loom') return { ...base, title_text: title, body_text: String(tile.properties.url ?? '') };
  if (chart) return { ...base, type: 'vis', query: toLookerQuery(chart.content, chart.fields, model) };
  return base;
};

const visTypeOf = (tile: TileRecord, chart: TileChart | undefined) => (tile.type === 'saved_chart' ? (chart ? lookerTypeOf(chart.content.chartConfig) : null) : 'text');

/** Looker's `Dashboard` for a Tessera dashboard. */
export const toLookerDashboard = (
  dashboard: DashboardRecord,
  space: SpaceRow,
  settings: LookerSettings,
  charts: ReadonlyMap<string, TileChart>,
  parts: DashboardParts,
) => {
  const id = dashboard.dashboardUuid;
  const model = settings.projectName;
  const folder = toLookerSpace(space);
  const { appearance } = settings;
  const rules = [...dashboard.filters.dimensions, ...dashboard.filters.metrics] as LookerDashboardRule[];
  const layoutId = id;
  return {
    can: {},
    content_favorite_id: null,
    content_metadata_id: null,
    description: dashboard.description,
    hidden: settings.hidden,
    id,
    model: { id: model, label: model },
    query_timezone: settings.queryTimezone,
    readonly: false,
    refresh_interval: settings.refreshInterval,
    refresh_interval_to_i: refreshSeconds(settings.refreshInterval),
    folder,
    title: dashboard.name,
    user_id: null,
    space: folder,
    background_color: appearance.background_color ?? null,
    created_at: iso(settings.createdAt),
    crossfilter_enabled: appearance.crossfilter_enabled ?? false,
    dashboard_elements: parts.elements ? dashboard.tiles.map((t) => elementOf(t, id, charts.get(t.uuid), model)) : [],
    dashboard_filters: parts.filters ? rules.map((r) => toLookerDashboardFilter(r, id, model)) : [],
    dashboard_layouts: parts.layouts
      ? [
          {
            can: {},
            id: layoutId,
            dashboard_id: id,
            type: 'newspaper',
            active: true,
            column_width: null,
            width: null,
            deleted: false,
            dashboard_title: dashboard.name,
            dashboard_layout_components: dashboard.tiles.map((t) => ({
              can: {},
              id: t.uuid,
              dashboard_layout_id: layoutId,
              dashboard_element_id: t.uuid,
              ...toLookerPlace(t),
              deleted: false,
              element_title: typeof t.properties.title === 'string' ? t.properties.title : null,
              element_title_hidden: t.properties.hideTitle === true,
              vis_type: visTypeOf(t, charts.get(t.uuid)),
            })),
          },
        ]
      : [],
    deleted: settings.deletedAt !== null,
    deleted_at: iso(settings.deletedAt),
    deleter_id: null,
    edit_uri: null,
    favorite_count: 0,
    last_accessed_at: null,
    last_viewed_at: iso(dashboard.firstViewedAt),
    load_configuration: appearance.load_configuration ?? 'wait',
    lookml_link_id: settings.lookmlLinkId,
    show_filters_bar: appearance.show_filters_bar ?? true,
    show_title: appearance.show_title ?? true,
    slug: dashboard.slug,
    space_id: space.spaceUuid,
    folder_id: space.spaceUuid,
    text_tile_text_color: appearance.text_tile_text_color ?? null,
    tile_background_color: appearance.tile_background_color ?? null,
    tile_text_color: appearance.tile_text_color ?? null,
    title_color: appearance.title_color ?? null,
    view_count: dashboard.views,
  };
};

export type LookerDashboardDto = ReturnType<typeof toLookerDashboard>;
